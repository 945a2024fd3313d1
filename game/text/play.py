"""The terminal front end: the whole session in plain text, for any terminal and screen reader.

It only reads the Session and calls `choose` and `undo`; its words (the coach's line, events,
thoughts) come from game.present, as the window's do, and whoever keeps records listens to the
Session itself. Input: a choice's number, `u` to undo, `q` to quit, `?` for help. End of input
or Ctrl-C ends the session cleanly.
"""
from __future__ import annotations

import shutil
import sys
import textwrap
from typing import TextIO

from game.engine import Session, debrief_of
from game.present import coach_note, event_lines, event_mark, thoughts_of
from game.scenario.characters import printable
from game.scenario.credits import credit_lines

from .debrief import show_debrief

HELP = ("Type a choice's number and Enter. m = the group's meters, t = what members are "
        "thinking, u = undo the last choice, q = quit, ? = this help.")


class TextPlay:
    """One session in the terminal; `run()` returns the exit code."""

    def __init__(self, session: Session, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout,
                 coach: bool = True, skills: str = "level"):
        self.session = session
        self.stdin, self.stdout = stdin, stdout
        self.coach = coach
        # Skill names before choosing ("before"), only after it ("after"), or as the level says:
        # before at beginner level, after at intermediate and advanced (TEACHING.md).
        self.skills_first = skills == "before" or (
            skills == "level" and session.scenario.level.value == "beginner")
        self.width = min(shutil.get_terminal_size((80, 24)).columns, 100) - 2
        self._phase_shown = None

    # -- output -------------------------------------------------------------------------------

    def say(self, text: str = "", indent: str = "") -> None:
        """Print wrapped text. Every character that could act on a terminal (ESC sequences,
        other controls, bidi overrides) is written out as an escape: text from a file, however
        it got past the validator, is only ever shown."""
        if not text:
            print(file=self.stdout)
            return
        text = printable(text)
        for paragraph in text.splitlines() or [""]:
            lines = textwrap.wrap(paragraph, self.width, initial_indent=indent,
                                  subsequent_indent=indent + ("  " if indent else "")) or [""]
            print("\n".join(lines), file=self.stdout)

    def heading(self, text: str) -> None:
        self.say()
        self.say(text.upper())
        self.say("─" * min(len(text), self.width))

    # -- the session --------------------------------------------------------------------------

    def run(self) -> int:
        try:
            if self.session.turn:  # resumed: the trainee has read the briefing already
                title = self.session.scenario.display_title
                self.say(f"Resuming {title} after {self.session.turn} choice(s). {HELP}")
            else:
                self.briefing()
                if not self.ask_to_begin():
                    return 0
            self.session.begin()
            return self.loop()
        except (EOFError, KeyboardInterrupt):
            self.say()
            self.say("Session left unfinished.")
            return 0

    def read(self, prompt: str) -> str:
        print(prompt, end="", file=self.stdout, flush=True)
        line = self.stdin.readline()
        if not line:
            raise EOFError
        return line.strip().lower()

    def briefing(self) -> None:
        scenario = self.session.scenario
        self.heading(scenario.display_title)
        facts = [f"Level: {scenario.level.value}", f"Focus: {scenario.focus}" if scenario.focus else ""]
        if scenario.minutes:
            facts.append(f"About {scenario.minutes} minutes")
        self.say(" · ".join(f for f in facts if f))
        if scenario.content_notes:
            self.say("Content notes: " + "; ".join(scenario.content_notes))
        self.say()
        self.say(scenario.summary.strip())
        self.heading("Objectives")
        for text in scenario.objectives.values():
            self.say(f"• {text}", "  ")
        self.heading("In the circle")
        for member in scenario.members:
            age = f", {member.age}" if member.age else ""
            self.say(f"{member.name}{age} — {member.concern}".rstrip(" —"), "  ")
        credits = credit_lines(scenario)   # where a shared scenario comes from
        if credits:
            self.heading("About this scenario")
            for line in credits:
                self.say(line, "  ")

    def ask_to_begin(self) -> bool:
        self.say()
        self.say("At each moment, choose to LEAD the group or to FOLLOW it. " + HELP)
        return self.read("Press Enter to begin (q to quit): ") != "q"

    def loop(self) -> int:
        while True:
            self.show_node()
            if self.session.ended:
                self.show_debrief()
                return 0
            if self.session.stuck:
                self.say("No choice is offered here and the story has no ending: the scenario is stuck.")
                return 1
            if not self.take_turn():
                self.say("Session left unfinished.")
                return 0

    def show_node(self) -> None:
        session, node = self.session, self.session.node
        if session.phase != self._phase_shown and session.phase != "debrief":
            self.heading(f"{session.phase} phase")
            self._phase_shown = session.phase
        self.say()
        if node.narration:
            self.say(node.narration.strip())
        for line in node.lines:
            tone = f" ({line.tone.value})" if line.tone.value != "neutral" else ""
            self.say(f"{session.names.get(line.speaker, line.speaker)}{tone}: “{line.text.strip()}”", "  ")

    def take_turn(self) -> bool:
        """Ask until a choice is made (True) or the trainee quits (False)."""
        self.show_choices()
        while True:
            answer = self.read(f"Your choice (1-{len(self.session.choices)}, m, t, u, q, ?): ")
            if answer in ("q", "quit"):
                return False
            if answer in ("?", "h", "help"):
                self.say(HELP)
            elif answer in ("m", "meters"):
                self.show_meters()
            elif answer in ("t", "thoughts"):
                self.show_inner_state()
            elif answer in ("u", "undo"):
                if self.session.undo():
                    self.say("(Undone: back one choice.)")
                    self.show_node()
                    self.show_choices()
                else:
                    self.say("Nothing to undo yet.")
            elif offered_number(answer, len(self.session.choices)):
                reaction = self.session.choose_shown(int(answer))
                self.show_reaction(reaction)
                return True
            else:
                self.say(f"Please type a number from 1 to {len(self.session.choices)}, u, q or ?.")

    def show_meters(self) -> None:
        """The group as a whole, the 'third party' in the room (the screen's M)."""
        group = self.session.state
        for label in ("cohesion", "engagement", "avoidance", "conflict"):
            value = getattr(group, label)
            self.say(f"{label.capitalize():<11} {'█' * round(value * 20):<20} {value:.0%}", "  ")

    def show_inner_state(self) -> None:
        """Each member's numbers and a thought (the screen's T)."""
        for member in thoughts_of(self.session):
            self.say(f"{member.name}: engaged {member.engagement:.0%}, trusting {member.trust:.0%}, "
                     f"distressed {member.distress:.0%}. “{member.words}”", "  ")

    def show_choices(self) -> None:
        self.say()
        for offered in self.session.shown_choices:
            skill = f" · {offered.skill.replace('_', ' ')}" if offered.skill and self.skills_first else ""
            self.say(f"{offered.shown}. [{offered.stance.upper()}{skill}] {offered.choice.text.strip()}", "  ")

    def show_reaction(self, reaction) -> None:
        self.say()
        changes = list(reaction.captions) or ["The room stays much as it was."]
        self.say("In the room: " + " ".join(c[0].upper() + c[1:].rstrip(".") + "." for c in changes))
        for kind, words in event_lines(reaction, self.session.names):
            self.say(f"{event_mark(kind)} {words}", "  ")
        if self.coach:
            self.say(coach_note(reaction).as_line(name_skill=not self.skills_first), "  ")

    # -- the debrief --------------------------------------------------------------------------

    def show_debrief(self) -> None:
        show_debrief(self, debrief_of(self.session))


def offered_number(answer: str, offered: int) -> bool:
    """True when `answer` is the number of an offered choice. Plain ASCII digits and short:
    `int()` would take "²" or fail on a 5,000-digit line, and either must only ask again."""
    return answer.isascii() and answer.isdigit() and len(answer) <= 3 and 1 <= int(answer) <= offered
