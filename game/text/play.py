"""The terminal front end: the whole session in plain text, for any terminal and screen reader.

It only reads the Session and calls `choose`, `undo`, `read_room` and `retry`; its words (the
coach's line, events, thoughts, hints) come from game.present, as the window's do, and whoever
keeps records listens to the Session itself. Input: a choice's number, `u` to undo, `r` to try a
missed moment again, `q` to quit, `?` for help; at a moment that asks, `l` or `f` first (see
practice.py). End of input or Ctrl-C ends the session cleanly.
"""
from __future__ import annotations

import shutil
import sys
import textwrap
from typing import TextIO

from game.engine import Session, debrief_of
from game.present import coach_note, event_lines, event_mark, thoughts_of
from game.present.scaffolds import scaffolds_for
from game.scenario.characters import printable
from game.scenario.credits import credit_lines

from . import practice
from .debrief import show_debrief

HELP = ("Type a choice's number and Enter. m = the group's meters, t = what members are "
        "thinking, u = undo the last choice, r = try the last moment again with a hint (after a "
        "choice that did not meet the need, until you choose again), q = quit, ? = this help. "
        "When asked to read the room: l = lead, f = follow.")
MOVED = object()       # undo or retry: the story stands at another moment, to be shown afresh


class TextPlay:
    """One session in the terminal; `run()` returns the exit code."""

    def __init__(self, session: Session, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout,
                 coach: bool = True, skills: str = "level", scaffolds: str = "by-level"):
        self.session = session
        self.stdin, self.stdout = stdin, stdout
        self.coach = coach
        # What may be seen of the model while choosing fades with the level (or the setting);
        # the attempt's record keeps which scaffolds were used and whether every moment asked.
        self.scaffolds = scaffolds_for(session.scenario.level.value, kept_scaffolds(session, scaffolds))
        session.play_settings = {"scaffolds": self.scaffolds.as_record(),
                                 "ask": "every" if session.ask_every else "marked"}
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
                                  subsequent_indent=indent + ("  " if indent else ""),
                                  break_on_hyphens=False) or [""]
            print("\n".join(lines), file=self.stdout)

    def heading(self, text: str) -> None:
        self.say()
        self.say(text.upper())
        self.say("─" * min(len(text), self.width))

    # -- the session --------------------------------------------------------------------------

    def run(self) -> int:
        try:
            if self.session.turn > self.session.lead_in:  # resumed: the briefing was read already
                title = self.session.scenario.display_title
                self.say(f"Resuming {title} after {self.session.turn} choice(s). {HELP}")
                self.say(self.scaffold_words())
            else:
                self.briefing()
                if self.session.lead_in:
                    self.say()
                    self.say(lead_in_words(self.session.lead_in))
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
        self.heading("How you practise")
        self.say(self.scaffold_words(), "  ")
        if self.session.ask_every or any(node.ask for node in scenario.nodes.values()):
            where = "every moment" if self.session.ask_every else "some moments"
            self.say(f"At {where} you are asked to read the room before the choices appear: "
                     "what the group needs (lead or follow) and who most needs your attention. "
                     "Then the model's reading is shown beside yours.", "  ")
        if self.coach:
            self.say("After a choice that misses what the group needed, type r to try that moment "
                     "again: the hints step up each time.", "  ")

    def scaffold_words(self) -> str:
        """Which scaffolds are on, and whose choice they are (the scenario's level or --scaffolds)."""
        scaffolds = self.scaffolds
        why = "as set with --scaffolds" if scaffolds.chosen else "as the scenario's level sets"
        words = scaffolds.words if self.coach else scaffolds.words.replace("coach on", "coach off")
        return f"Scaffolds: {scaffolds.level} ({why}): {words}."

    def ask_to_begin(self) -> bool:
        self.say()
        self.say("At each moment, choose to LEAD the group or to FOLLOW it. " + HELP)
        return self.read("Press Enter to begin (q to quit): ") != "q"

    def loop(self) -> int:
        while True:
            self.show_node()
            if self.session.ended:
                if self.retry_before_debrief():
                    continue      # the last moment was taken back: show it again
                self.show_debrief()
                return 0
            if self.session.stuck:
                self.say("No choice is offered here and the story has no ending: the scenario is stuck.")
                return 1
            if not self.take_turn():
                self.say("Session left unfinished.")
                return 0

    @property
    def retry_allowed(self) -> bool:
        """A missed moment may be tried again: with the coach on, since the offer says it missed."""
        return self.coach and self.session.can_retry

    def retry_before_debrief(self) -> bool:
        """An ending reached by a choice that missed: offer its moment again before the debrief.
        True when the trainee took it back; Enter, q or the end of input go to the debrief."""
        if not self.retry_allowed:
            return False
        self.say()
        while True:
            try:
                answer = self.read("Enter = the debrief, r = try the last moment again (with a hint): ")
            except (EOFError, KeyboardInterrupt):
                return False
            if answer in ("", "q", "quit"):
                return False
            if answer in ("r", "retry"):
                self.session.retry()
                self.say("(Taken back: the last moment again.)")
                return True
            self.say("Press Enter for the debrief, or type r to try the last moment again.")

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
        """Read the room when this moment asks, then ask until a choice is made (True) or the
        trainee quits (False). Undo and retry move to another moment, shown afresh."""
        choices_up = False
        while True:
            asking = self.session.asking
            if asking:
                if not choices_up:
                    practice.reading_intro(self)
                    choices_up = True     # the intro is said once per moment
                answer = self.read(practice.reading_prompt(self))
            else:
                if not choices_up:
                    practice.show_hints(self)
                    self.show_choices()
                    choices_up = True
                answer = self.read(f"Your choice (1-{len(self.session.choices)}, {practice.offered_keys(self)}): ")
            done = self.command(answer)
            if done is practice.QUIT:
                return False
            if done is MOVED:
                choices_up = False
            elif done:
                continue
            elif asking:
                if self.read_the_room(answer) is practice.QUIT:
                    return False
                # Once read, the choices come next; still asking, the question only repeats.
                choices_up = self.session.asking
            elif offered_number(answer, len(self.session.choices)):
                self.show_reaction(self.session.choose_shown(int(answer)))
                return True
            else:
                self.say(f"Please type a number from 1 to {len(self.session.choices)}, or ? for help.")

    def command(self, answer: str):
        """The keys that work at every question of a moment: QUIT, MOVED, True when handled
        here, None when the answer is for the question itself."""
        if answer in ("q", "quit"):
            return practice.QUIT
        if answer in ("?", "h", "help"):
            self.say(HELP)
        elif answer in ("m", "meters", "t", "thoughts"):
            view = "meters" if answer.startswith("m") else "thoughts"
            why = practice.refusal(self, view)
            if why:
                self.say(why)
            else:
                (self.show_meters if view == "meters" else self.show_inner_state)()
        elif answer in ("u", "undo"):
            if not self.session.undo():
                self.say("Nothing to undo yet.")
                return True
            self.say("(Undone: back one choice.)")
            self.show_node()
            return MOVED
        elif answer in ("r", "retry"):
            return self.retry()
        else:
            return None
        return True

    def retry(self):
        """Take back the last choice, if it missed, and show its moment again (the hints come
        with its choices)."""
        if not self.coach:
            self.say("Trying a moment again comes with the coach's verdicts: play without --no-coach.")
            return True
        if not self.session.can_retry:
            self.say("There is no missed moment to try again just now: r works after a choice that "
                     "did not meet what the group needed.")
            return True
        self.session.retry()
        self.say("(Taken back: this moment again.)")
        self.show_node()
        return MOVED

    def read_the_room(self, answer: str):
        """The trainee's reading (stance, then who): made, and the model's shown beside it."""
        stance = practice.stance_of(answer)
        if stance is None:
            self.say("Please type l (the group needs you to lead) or f (to follow), or ? for help.")
            return None
        member = practice.ask_member(self)
        if member is practice.QUIT:
            return practice.QUIT
        practice.show_reading(self, self.session.read_room(stance, member))
        return None

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
            if self.retry_allowed and not self.session.ended:
                self.say("r = try this moment again (with a hint): type it at the next prompt, "
                         "or read on and choose.", "  ")
        for view in practice.after_choice_views(self.scaffolds):
            self.say(f"{practice.VIEWS[view][0].upper()}{practice.VIEWS[view][1:]} now:", "  ")
            (self.show_meters if view == "meters" else self.show_inner_state)()

    # -- the debrief --------------------------------------------------------------------------

    def show_debrief(self) -> None:
        show_debrief(self, debrief_of(self.session))


def kept_scaffolds(session, setting: str) -> str:
    """The scaffolds setting to play with: a resumed attempt played with a level of its own
    keeps it, unless another is asked for now."""
    saved = session.play_settings.get("scaffolds") if isinstance(session.play_settings, dict) else None
    if setting == "by-level" and isinstance(saved, dict) and saved.get("set_by") == "settings":
        return str(saved.get("level"))
    return setting


def offered_number(answer: str, offered: int) -> bool:
    """True when `answer` is the number of an offered choice. Plain ASCII digits and short:
    `int()` would take "²" or fail on a 5,000-digit line, and either must only ask again."""
    return answer.isascii() and answer.isdigit() and len(answer) <= 3 and 1 <= int(answer) <= offered


def lead_in_words(lead_in: int) -> str:
    """What a trainee starting at a chosen moment is told: whose choices came before it."""
    plural = "choice was" if lead_in == 1 else "choices were"
    return (f"You start at the moment you chose to practise: the first {lead_in} {plural} "
            "played for you to reach it, and are not judged.")
