"""Deliberate practice in the terminal: reading the room before the choices, trying a missed
moment again with hints that step up, and scaffolds that hide the model's numbers by level.

The scenario is written here: three decisions, the middle one marked `ask: true`, so a miss
there leads to another moment (not an ending) and the next prompt can take it back. Which
choice misses, and what the model reads, is asked of the session, never copied from the code.
"""
import io
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine import Session
from game.scenario import load_path
from game.text import TextPlay

ROOT = Path(__file__).resolve().parents[2]
QUESTION = "What does the group need now?"

PRACTICE_YAML = """\
format: 1
id: practice-test
title: A group to practise on
summary: Four adults, three moments.
focus: testing
level: {level}
objectives:
  share: Help members see what they share.
members:
  - {{id: ana, name: Ana, archetype: monopolizer, start: {{engagement: 0.8, distress: 0.5}}}}
  - {{id: ben, name: Ben, archetype: silent, start: {{engagement: 0.2, distress: 0.75}}}}
  - {{id: cai, name: Cai}}
  - {{id: dee, name: Dee, archetype: rescuer}}
start: opening
nodes:
  opening:
    phase: opening
    narration: Four chairs.
    lines:
      - ana: I'll start.
    choices:
      - {{text: Thank Ana and open a round., stance: lead, skill: blocking, targets: [ana], expert: true,
          feedback: Opens room., next: middle}}
      - {{text: Stay quiet., stance: follow, skill: silence, feedback: Ana runs on., next: middle}}
      - {{text: "Ben, how is it to be here tonight?", stance: lead, skill: drawing_out, targets: [ben],
          feedback: Turns to Ben., next: middle}}
  middle:
    phase: working
    ask: true
    narration: Ben looks at the floor.
    lines:
      - ben: I don't know why I came.
    choices:
      - {{text: "Ben, you sound unsure about being here.", stance: lead, skill: drawing_out, targets: [ben],
          expert: true, feedback: Drawing out., next: late}}
      - {{text: Let the silence sit., stance: follow, skill: silence, feedback: Ben sinks., next: late}}
      - {{text: Ask Ana to go on., stance: lead, skill: questioning, targets: [ana], feedback: Ana again., next: late}}
  late:
    phase: working
    narration: The room is quieter now.
    choices:
      - {{text: Sum up what was said., stance: lead, skill: summarizing, feedback: Summing up., next: end}}
      - {{text: Wait., stance: follow, skill: silence, expert: true, feedback: Waiting., next: end}}
  end:
    phase: closing
    ending: {{outcome: growth, text: Good.}}
"""


@pytest.fixture
def scenario_path(tmp_path):
    def write(level="beginner", ask_middle=True):
        text = PRACTICE_YAML.format(level=level)
        if not ask_middle:
            text = text.replace("    ask: true\n", "")
        path = tmp_path / f"practice-{level}-{ask_middle}.yaml"
        path.write_text(text, encoding="utf-8")
        return path
    return write


def scenario_of(path):
    result = load_path(path)
    assert result.scenario is not None, result
    return result.scenario


def play(path, keys: str, seed=1, ask_every=False, session=None, **more):
    session = session or Session(scenario_of(path), seed=seed, ask_every=ask_every)
    out = io.StringIO()
    code = TextPlay(session, stdin=io.StringIO(keys), stdout=out, **more).run()
    return code, out.getvalue(), session


def number_of(path, text, before=(), seed=1):
    """The number a choice is shown under, after the choices `before` (by their text)."""
    with Session(scenario_of(path), seed=seed) as session:
        for earlier in before:
            session.choose_shown(shown_with_text(session, earlier))
        return shown_with_text(session, text)


def shown_with_text(session, text):
    return next(c.shown for c in session.shown_choices if c.choice.text == text)


def verdicts_here(session):
    """{shown number: verdict} for each choice offered now, each tried and taken back."""
    verdicts = {}
    for offered in session.shown_choices:
        verdicts[offered.shown] = session.choose_shown(offered.shown).verdict
        session.undo()
    return verdicts


def missing_choice_at_middle(path, seed=1):
    """A choice at the marked moment whose verdict is not `met`, as the model judges it now."""
    scenario = scenario_of(path)
    opening = number_of(path, "Thank Ana and open a round.", seed=seed)
    with Session(scenario, seed=seed) as probe:
        probe.choose_shown(opening)
        for shown, verdict in verdicts_here(probe).items():
            if verdict != "met":
                return opening, shown, probe.shown_choices[shown - 1].choice.text
    raise AssertionError("no choice at the middle moment misses: the test scenario needs one")


# -- reading the room ---------------------------------------------------------------------------

def test_the_question_comes_before_the_choices_at_a_marked_moment_and_not_elsewhere(scenario_path):
    path = scenario_path()
    opening = number_of(path, "Thank Ana and open a round.")
    _, text, session = play(path, f"\n{opening}\nl\n\n1\n1\n")
    assert session.ended and len(session.readings) == 1 and session.readings[0].node_id == "middle"
    assert text.count(QUESTION) == 1
    asked = text.index(QUESTION)
    assert text.index("Thank Ana and open a round.") < text.index("Ben looks at the floor.") < asked
    assert asked < text.index("Ben, you sound unsure about being here.")
    assert asked < text.index("Let the silence sit.")
    assert QUESTION not in text[text.index("The room is quieter now."):]


def test_meters_and_thoughts_show_nothing_while_asking(scenario_path):
    path = scenario_path()
    opening = number_of(path, "Thank Ana and open a round.")
    _, text, _ = play(path, f"\n{opening}\nm\nt\nmeters\nthoughts\nl\n\nq\n")
    asking = text[text.index(QUESTION):text.index("Your reading:")]
    assert asking.count("open after your reading") == 4
    for secret in ("Cohesion", "Avoidance", "engaged ", "distressed", "The model reads"):
        assert secret not in asking, secret


def test_the_model_reading_is_revealed_after_the_answer_with_its_stance_and_a_true_mark(scenario_path):
    path = scenario_path()
    opening = number_of(path, "Thank Ana and open a round.")
    marks = set()
    for stance_key in ("l", "f"):
        _, text, session = play(path, f"\n{opening}\n{stance_key}\n\nq\n")
        reading = session.readings[0]
        need = reading.need
        assert reading.stance == {"l": "lead", "f": "follow"}[stance_key] and reading.member is None
        assert text.index("Your reading:") > text.index(QUESTION)
        model_line = text[text.index("The model reads:"):]
        assert model_line.startswith(f"The model reads: {need.stance.upper()}")
        assert " ".join(need.text(session.names).split()) in " ".join(model_line.split())
        mark = next(line.strip()[0] for line in model_line.splitlines()[1:] if line.strip()[:1] in ("✓", "✗"))
        marks.add(mark)
        assert mark == ("✓" if reading.matched else "✗"), stance_key
    assert marks == {"✓", "✗"}    # one answer was the model's and one was not


def test_the_member_may_be_named_by_number_or_name_and_a_bad_answer_asks_again(scenario_path):
    path = scenario_path()
    opening = number_of(path, "Thank Ana and open a round.")
    _, text, session = play(path, f"\n{opening}\nx\nlead\n99\nzed\nben\nq\n")
    assert "Please type l (the group needs you to lead)" in text
    assert text.count("Please type a number from 1 to 4, a name from the list") == 2
    assert session.readings[0].member == "ben" and "with Ben most in need of attention" in text
    _, text, session = play(path, f"\n{opening}\nf\n1\nq\n")
    assert session.readings[0].member == "ana" and session.readings[0].stance == "follow"


def test_the_reveal_names_the_member_the_model_has_in_mind_when_they_differ(scenario_path):
    path = scenario_path()
    opening = number_of(path, "Thank Ana and open a round.")
    for member in ("ana", "ben", "cai"):
        _, text, session = play(path, f"\n{opening}\nl\n{member}\nq\n")
        reading = session.readings[0]
        need_member = session.names.get(reading.need.member)
        verdict = " ".join(text[text.index("The model reads:"):].split())
        if reading.stance_matched and reading.member_matched is False:
            assert f"✗ The right stance, but the model's eye is on {need_member}" in verdict
        elif reading.member_matched:
            assert "✓ The same reading: the same stance, and the same member." in verdict
    assert reading.need.member is not None, "the test scenario's marked moment is about a member"


def test_ask_every_asks_before_every_moment(scenario_path):
    path = scenario_path(ask_middle=False)
    _, text, session = play(path, "\nl\n\n1\nf\n\n1\nl\n\n1\n", ask_every=True)
    assert session.ended and session.turn == 3
    assert text.count(QUESTION) == 3 and len(session.readings) == 3
    assert [r.node_id for r in session.readings] == [h.node_id for h in session.history]
    assert session.play_settings["ask"] == "every"
    _, text, session = play(path, "\n1\n1\n1\n")
    assert QUESTION not in text and session.readings == [] and session.play_settings["ask"] == "marked"


# -- trying a moment again ----------------------------------------------------------------------

def test_a_retry_goes_back_to_the_same_moment_with_hints_that_step_up(scenario_path):
    path = scenario_path()
    opening, miss, miss_text = missing_choice_at_middle(path)
    keys = f"\n{opening}\nl\n\n{miss}\nr\n{miss}\nr\n{miss}\nr\nq\n"
    _, text, session = play(path, keys)
    assert session.node_id == "middle" and len(session.tries) == 3
    assert all(t.node_id == "middle" and t.path == tuple(session.choice_numbers) for t in session.tries)
    assert len(session.readings) == 1        # the reading is not asked again at the same moment
    assert "r = try this moment again (with a hint)" in text
    first, second, third = text.split("(Taken back: this moment again.)")[1:]
    for shown_again in (first, second, third):
        assert "Ben looks at the floor." in shown_again and miss_text in shown_again
        assert "Look again:" in shown_again
    assert "The idea:" not in first and "A model answer" not in first
    assert "The idea:" in second and "A model answer" not in second
    assert "The idea:" in third
    recommended = session.recommended()
    assert f"A model answer (choice {recommended.shown} below): “{recommended.choice.text}”" in third
    # the hints come before the choices, the choices after them
    assert third.index("A model answer") < third.index(f"{recommended.shown}. [")


def test_the_retry_offer_is_made_only_after_a_miss_and_r_otherwise_explains(scenario_path):
    path = scenario_path(ask_middle=False)
    with Session(scenario_of(path), seed=1) as probe:
        verdicts = verdicts_here(probe)
    for shown, verdict in verdicts.items():
        _, text, session = play(path, f"\n{shown}\nr\nq\n")
        if verdict == "met":
            assert "r = try this moment again" not in text and session.tries == []
            assert "There is no missed moment to try again just now" in text
        else:
            assert "r = try this moment again (with a hint)" in text
            assert len(session.tries) == 1 and session.turn == 0
    assert "met" in verdicts.values() and set(verdicts.values()) != {"met"}


def test_a_retry_at_an_ending_is_offered_before_the_debrief(scenario_path):
    path = scenario_path(ask_middle=False)
    opening, middle = (number_of(path, "Thank Ana and open a round."),
                       number_of(path, "Ben, you sound unsure about being here.", ["Thank Ana and open a round."]))
    with Session(scenario_of(path), seed=1) as probe:
        probe.choose_shown(opening)
        probe.choose_shown(middle)
        misses = [shown for shown, verdict in verdicts_here(probe).items() if verdict != "met"]
    assert misses, "the test scenario needs a choice that misses at its last moment"
    _, text, session = play(path, f"\n{opening}\n{middle}\n{misses[0]}\nr\n{misses[0]}\n")
    assert text.count("Enter = the debrief, r = try the last moment again") == 2
    assert len(session.tries) == 1 and session.ended
    assert "DEBRIEF" in text and text.index("Look again:") < text.index("DEBRIEF")


def test_undo_still_works_after_a_retry(scenario_path):
    path = scenario_path()
    opening, miss, _ = missing_choice_at_middle(path)
    _, text, session = play(path, f"\n{opening}\nl\n\n{miss}\nr\nu\nq\n")
    assert "(Undone: back one choice.)" in text and session.node_id == "opening" and session.turn == 0


def test_no_coach_means_no_retry(scenario_path):
    path = scenario_path()
    opening, miss, _ = missing_choice_at_middle(path)
    _, text, session = play(path, f"\n{opening}\nl\n\n{miss}\nr\nq\n", coach=False)
    assert "r = try this moment again" not in text and session.tries == []
    assert "play without --no-coach" in " ".join(text.split())


# -- scaffolds ----------------------------------------------------------------------------------

def test_beginner_scaffolds_show_meters_and_thoughts_on_demand(scenario_path):
    _, text, session = play(scenario_path(ask_middle=False), "\nm\nt\nq\n")
    assert "Cohesion" in text and "Ana: engaged" in text
    assert session.play_settings["scaffolds"] == {"level": "beginner", "set_by": "scenario"}
    assert "Scaffolds: beginner (as the scenario's level sets)" in text


def test_intermediate_scaffolds_keep_thoughts_for_after_the_choice(scenario_path):
    path = scenario_path(level="intermediate", ask_middle=False)
    _, text, session = play(path, "\nt\nm\n1\nt\nq\n")
    before_choice = text[:text.index("In the room:")]
    assert "At intermediate level the members' thoughts show after each choice" in before_choice
    assert "engaged " not in before_choice and "Cohesion" in before_choice
    after_choice = text[text.index("In the room:"):]
    assert "The members' thoughts now:" in after_choice and "Ana: engaged" in after_choice
    assert session.play_settings["scaffolds"] == {"level": "intermediate", "set_by": "scenario"}


def test_advanced_scaffolds_hide_meters_and_thoughts_until_the_debrief(scenario_path):
    path = scenario_path(ask_middle=False)
    _, text, session = play(path, "\nm\nt\n1\nm\nt\n1\n1\n", scaffolds="advanced")
    assert session.ended
    play_part = text[:text.index("DEBRIEF")]
    assert play_part.count("At advanced level the group's meters stay hidden until the debrief") == 2
    assert play_part.count("At advanced level the members' thoughts stay hidden until the debrief") == 2
    assert "--scaffolds" in play_part
    for secret in ("Cohesion", "Avoidance", "engaged ", "distressed"):
        assert secret not in play_part, secret
    assert "m, t" not in play_part     # the prompt does not offer what it refuses
    assert session.play_settings["scaffolds"] == {"level": "advanced", "set_by": "settings"}


def test_the_setting_overrides_the_level_both_ways(scenario_path):
    path = scenario_path(level="advanced", ask_middle=False)
    _, text, session = play(path, "\nm\nq\n")
    assert "Cohesion" not in text and session.play_settings["scaffolds"]["set_by"] == "scenario"
    _, text, session = play(path, "\nm\nt\nq\n", scaffolds="beginner")
    assert "Cohesion" in text and "Ana: engaged" in text
    assert session.play_settings["scaffolds"] == {"level": "beginner", "set_by": "settings"}


# -- resumed sessions, the command line ---------------------------------------------------------

def test_a_resumed_session_asks_and_retries_as_a_fresh_one(scenario_path):
    path = scenario_path()
    scenario = scenario_of(path)
    opening, miss, _ = missing_choice_at_middle(path)
    with Session(scenario, seed=1) as first:
        first.choose_shown(opening)
        save = first.to_save()
    resumed = Session.from_save(save, scenario)
    _, text, session = play(path, f"l\n\n{miss}\nr\nq\n", session=resumed)
    assert text.startswith("Resuming") and "Scaffolds: beginner" in text
    assert len(session.readings) == 1 and len(session.tries) == 1 and session.node_id == "middle"
    assert "Look again:" in text


def test_a_resumed_attempt_keeps_the_scaffolds_it_was_set_to_play_with(scenario_path):
    path = scenario_path(ask_middle=False)
    session = Session(scenario_of(path), seed=1)
    session.play_settings = {"scaffolds": {"level": "advanced", "set_by": "settings"}, "ask": "marked"}
    _, text, session = play(path, "\nm\nq\n", session=session)
    assert "At advanced level the group's meters stay hidden" in text and "Cohesion" not in text
    assert session.play_settings["scaffolds"] == {"level": "advanced", "set_by": "settings"}
    session = Session(scenario_of(path), seed=1)
    session.play_settings = {"scaffolds": {"level": "advanced", "set_by": "settings"}}
    _, text, _ = play(path, "\nm\nq\n", session=session, scaffolds="beginner")
    assert "Cohesion" in text     # a setting given now wins


@pytest.mark.parametrize("answer", ["0", "5", "x", "\x1b[2J", "\u202el", "lf", "ll", "9" * 5000, "²"])
def test_any_other_answer_to_the_reading_questions_only_asks_again(scenario_path, answer):
    path = scenario_path()
    opening = number_of(path, "Thank Ana and open a round.")
    code, text, session = play(path, f"\n{opening}\n{answer}\nl\n{answer}\n\n1\n1\n")
    assert code == 0 and session.ended and len(session.readings) == 1
    assert "Please type l (the group needs you to lead)" in text
    assert "Please type a number from 1 to 4, a name from the list" in text
    assert "\x1b" not in text and "\u202e" not in text


class Interrupted(io.StringIO):
    """Input that is interrupted (Ctrl-C) after its lines run out."""

    def readline(self, *args):
        line = super().readline(*args)
        if not line:
            raise KeyboardInterrupt
        return line


@pytest.mark.parametrize("stop_after", ["", "l\n"])
def test_end_of_input_or_ctrl_c_at_a_reading_question_ends_cleanly(scenario_path, stop_after):
    path = scenario_path()
    opening = number_of(path, "Thank Ana and open a round.")
    keys = f"\n{opening}\n{stop_after}"
    for stdin in (io.StringIO(keys), Interrupted(keys)):
        session = Session(scenario_of(path), seed=1)
        out = io.StringIO()
        assert TextPlay(session, stdin=stdin, stdout=out).run() == 0
        assert out.getvalue().rstrip().endswith("Session left unfinished.") and session.readings == []


def test_the_command_line_takes_the_new_flags_and_never_prints_a_traceback(scenario_path):
    path = scenario_path()
    for keys in ("", "\n", "\nl\n", "\n1\nl\n2\n1\n1\n", "\nm\nt\nx\nl\nzz\n\nr\nu\nq\n"):
        result = subprocess.run([sys.executable, "main.py", "play", str(path), "--text", "--no-records",
                                 "--ask-every", "--scaffolds", "advanced", "--seed", "1"],
                                cwd=ROOT, input=keys, capture_output=True, text=True)
        assert result.returncode == 0 and "Traceback" not in result.stderr, (keys, result.stderr)
    bad = subprocess.run([sys.executable, "main.py", "play", str(path), "--text", "--scaffolds", "expert"],
                         cwd=ROOT, input="", capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
