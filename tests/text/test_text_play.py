"""The terminal front end plays a whole session from plain input lines."""
import io
import subprocess
import sys
from pathlib import Path

from game.engine import Session
from game.scenario import load_path
from game.text import TextPlay

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "tests" / "scenario" / "small.yaml"


def play(keys: str, coach: bool = False, path=SMALL, seed=1, **more):
    session = Session(load_path(path).scenario, seed=seed)
    out = io.StringIO()
    code = TextPlay(session, stdin=io.StringIO(keys), stdout=out, coach=coach, **more).run()
    return code, out.getvalue(), session


def test_a_whole_session_from_briefing_to_debrief():
    code, text, session = play("\n1\n2\n")
    assert code == 0 and session.ended
    for expected in ("OBJECTIVES", "Help members see what they share.", "IN THE CIRCLE",
                     "1. [LEAD · blocking] Thank Ana and open a round.", "In the room:",
                     "DEBRIEF", "The group needed you to", "Blocking opens room."):
        assert expected in text, expected


def test_the_debrief_names_the_expert_choice_when_it_differed():
    _, text, _ = play("\n1\n1\n")
    assert "Recommended: “Wait.”" in text


def test_undo_goes_back_one_choice():
    _, text, session = play("\n1\nu\n2\n")
    assert "(Undone: back one choice.)" in text
    assert session.choice_numbers == [2] and session.node_id == "end_stalled"


def test_a_bad_answer_asks_again():
    _, text, session = play("\n7\nx\n1\n1\n")
    assert text.count("Please type a number from 1 to 2") == 2 and session.ended


def test_quit_and_end_of_input_leave_cleanly():
    for keys in ("\n1\nq\n", "\n1\n", ""):
        code, text, _ = play(keys)
        assert code == 0 and "Session left unfinished." in text


def test_the_coach_says_what_the_group_needed_after_each_choice():
    _, text, _ = play("\n1\n1\n", coach=True)
    assert "The group needed you to" in text.split("DEBRIEF")[0]
    assert "Coach ✓" in text or "Coach ✗" in text or "Coach ~" in text


def test_the_coach_is_on_by_default_and_can_be_turned_off():
    session = Session(load_path(SMALL).scenario, seed=1)
    assert TextPlay(session).coach
    _, text, _ = play("\n1\n1\n", coach=False)
    assert "Coach" not in text


def test_choices_are_numbered_as_the_session_shows_them_and_the_key_takes_that_one():
    shipped = ROOT / "scenarios" / "tutorial.yaml"
    for seed in (1, 2, 3):
        session = Session(load_path(shipped).scenario, seed=seed)
        first = session.shown_choices[0]
        _, text, played = play("\n1\nq\n", path=shipped, seed=seed)
        assert f"1. [{first.stance.upper()}" in text and first.choice.text.strip()[:30] in text
        assert played.history[0].offered.index == first.index


def test_skill_names_wait_until_after_the_choice_above_beginner_level():
    text_before = play("\nq\n", skills="before")[1]
    text_after = play("\nq\n", skills="after")[1]
    assert "[LEAD · blocking]" in text_before and "[LEAD · blocking]" not in text_after
    assert "[LEAD] Thank Ana" in text_after
    _, coached, _ = play("\n1\n1\n", coach=True, skills="after")
    assert "You used blocking" in coached


def test_the_debrief_opens_with_a_missed_risk(tmp_path):
    risky = SMALL.read_text().replace(
        "      - {speaker: cai, text: \"Fine.\", tone: flat}",
        "      - {speaker: cai, text: \"Nobody would miss me.\", risk: true}").replace(
        "      - text: Ben, you have been quiet.",
        "      - {text: Cai - are you thinking of ending your life?, stance: lead, targets: [cai],"
        " checks_risk: true, feedback: Asks directly., next: end_growth}\n      - text: Ben, you have been quiet.")
    path = tmp_path / "risky.yaml"
    path.write_text(risky, encoding="utf-8")
    session = Session(load_path(path).scenario, seed=1)
    blocking = next(c.shown for c in session.shown_choices if c.choice.text.startswith("Thank Ana"))
    session.choose_shown(blocking)
    wait = next(c.shown for c in session.shown_choices if c.choice.text == "Wait.")
    _, text, played = play(f"\n{blocking}\n{wait}\n", path=path)
    assert played.ended and not played.safe
    debrief = text.split("DEBRIEF")[1]
    assert debrief.lstrip("─\n ").startswith("! Risk missed")


def test_play_text_from_the_command_line_never_prints_a_traceback(tmp_path):
    for keys in ("", "\n1\n1\n", "\nq\n"):
        result = subprocess.run([sys.executable, "main.py", "play", str(SMALL), "--text", "--data-dir", str(tmp_path)],
                                cwd=ROOT, input=keys, capture_output=True, text=True)
        assert result.returncode == 0 and "Traceback" not in result.stderr


def test_meters_and_inner_state_can_be_read_between_choices():
    _, text, session = play("\nm\nt\n1\n1\n")
    assert "Cohesion" in text and "Avoidance" in text
    assert "Ana: engaged" in text and "distressed" in text
    assert session.ended


def test_pressing_1_every_time_in_the_terminal_rarely_ends_well():
    """The shown order is no answer key: a student who presses 1 at every decision of every
    shipped scenario reaches a good (and safe) ending far less often than the expert, who
    always does."""
    shares = {}
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        good = 0
        for seed in range(12):
            session = Session(load_path(path).scenario, seed=seed)
            TextPlay(session, stdin=io.StringIO("\n" + "1\n" * 80), stdout=io.StringIO()).run()
            good += session.good_ending
        shares[path.stem] = good / 12
    assert all(share <= 0.6 for share in shares.values()), shares
    assert sum(shares.values()) / len(shares) <= 0.25, shares
