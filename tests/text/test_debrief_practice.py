"""The terminal's debrief keeps first tries and retries apart, shows readings of the room beside
the model's, and the members' own view of the group (GCQ-S); a plain session shows no practice."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from game.engine import Session, debrief_of
from game.engine.reaction import MARKS
from game.scenario import load_path
from game.text import TextPlay
from game.text.debrief import show_debrief

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"
VERDICTS = ROOT / "tests" / "ui" / "scenarios" / "verdicts.yaml"
OTHER = {"lead": "follow", "follow": "lead"}


def practised(path=TUTORIAL, seed=3, misses=(0, 2), twice=(2,), wrong_readings=(1, 3)) -> Session:
    """A session played with readings at every moment (some wrong), a missed choice taken back
    and retried at `misses` (twice at `twice`), and the recommended choice everywhere else."""
    session = Session(load_path(path).scenario, seed=seed, ask_every=True)
    moment = 0
    while not session.ended:
        if session.asking:
            need = session.need_now
            stance = OTHER[need.stance] if moment in wrong_readings else need.stance
            session.read_room(stance, need.member)
        if moment in misses:
            for _ in range(2 if moment in twice else 1):
                best = session.recommended()
                other = next(c for c in session.choices if c.number != best.number)
                session.choose(other.number)
                if not session.can_retry:
                    break
                session.retry()
        if not session.ended:
            best = session.recommended()
            session.choose(best.number if best else 1)
        moment += 1
    return session


def written(session: Session) -> str:
    out = io.StringIO()
    show_debrief(TextPlay(session, stdin=io.StringIO(""), stdout=out), debrief_of(session))
    return out.getvalue()


def decision_blocks(text: str) -> dict[int, str]:
    """Each decision's paragraph, by its turn number."""
    body = text.split("✗ missed: the wrong stance")[1]
    blocks = re.split(r"\n\n(?=\d+\. )", body)
    return {int(b.split(".", 1)[0]): b for b in blocks[1:]}


@pytest.fixture(scope="module")
def session():
    return practised()


def test_the_first_try_summary_counts_first_tries_apart_from_retries(session):
    debrief = debrief_of(session)
    assert debrief.retried, "the session retried at least one moment"
    text = " ".join(written(session).split())
    found = re.search(r"Need met at the first try in (\d+) of (\d+) decisions; (\d+) moments? tried again, "
                      r"(\d+) of them met on a retry", text)
    assert found, text
    first, made, retried, on_retry = map(int, found.groups())
    assert made == len(debrief.decisions) and first <= made
    assert retried == sum(1 for d in debrief.decisions if d.retries) and on_retry <= retried
    assert first == sum(1 for d in debrief.decisions if (d.first_verdict or d.verdict) == "met")


def test_a_retried_decision_shows_its_first_try_then_the_retry_each_with_its_own_mark(session):
    debrief = debrief_of(session)
    blocks = decision_blocks(written(session))
    for d in debrief.decisions:
        block = " ".join(blocks[d.turn].split())
        if not d.retries:
            assert "First try" not in block and "Retry" not in block
            continue
        first = block.index(f"First try {MARKS[d.first_verdict]}")
        retry = block.index(f"Retry {d.retries} {MARKS[d.verdict]}")
        assert first < retry
        assert d.first_choice_text.split()[0] in block[first:retry]


@pytest.mark.parametrize("first", ["pull yourself", "Ana, tell"])
def test_a_poor_or_harmful_first_try_never_wears_a_tick(first):
    session = Session(load_path(VERDICTS).scenario, seed=1)
    session.choose(next(c.number for c in session.choices if first in c.choice.text))
    session.retry()
    session.choose(next(c.number for c in session.choices if "I can see" in c.choice.text))
    session.choose(1)
    d = debrief_of(session).decisions[0]
    assert d.retries == 1 and d.first_verdict in ("partly", "missed") and d.verdict == "met"
    block = " ".join(decision_blocks(written(session))[d.turn].split())
    assert f"First try {MARKS[d.first_verdict]}" in block and "First try ✓" not in block
    assert block.index("First try") < block.index("Retry 1 ✓")


def test_readings_are_counted_and_shown_beside_the_models(session):
    debrief = debrief_of(session)
    text = written(session)
    found = re.search(r"You read the room as the model did in (\d+) of (\d+) moments", " ".join(text.split()))
    assert found and int(found.group(2)) == len(debrief.readings) == len(session.readings)
    assert int(found.group(1)) == sum(r.matched for r in session.readings)
    blocks = decision_blocks(text)
    for d in debrief.decisions:
        line = " ".join(blocks[d.turn].split())
        assert ("Your reading" in line) == (d.reading is not None)
        if d.reading is not None:
            mark = "✓" if d.reading.matched else "✗"
            assert f"Your reading {mark} {d.reading.stance.upper()}" in line
            assert f"the model's: {d.reading.need.stance.upper()}" in line


def test_the_members_view_shows_three_scales_that_add_up(session):
    climate = debrief_of(session).climate
    text = written(session)
    assert "Group Climate Questionnaire, short form (MacKenzie, 1983)" in " ".join(text.split())
    rows = re.findall(r"(Engaged|Avoiding|Conflict)\s+(\d\.\d) → (\d\.\d)\s+([↑↓=]) ([+−]?\d\.\d) (better|worse|no change) "
                      r"\((up|down) is good\)", text)
    assert [r[0] for r in rows] == ["Engaged", "Avoiding", "Conflict"]
    for (name, start, end, arrow, change, judgement, good), first, last in zip(rows, climate.start, climate.end):
        assert start == f"{first:.1f}" and end == f"{last:.1f}"
        assert 0 <= float(start) <= 6 and 0 <= float(end) <= 6
        moved = round(float(end) - float(start), 1)
        assert float(change.replace("−", "-")) == moved
        assert arrow == ("↑" if moved > 0 else "↓" if moved < 0 else "=")
        assert good == ("up" if name == "Engaged" else "down")
        if moved:
            assert (judgement == "better") == ((moved > 0) == (good == "up"))
        else:
            assert judgement == "no change"


def test_a_plain_session_shows_no_practice_but_does_show_the_members_view():
    session = Session(load_path(TUTORIAL).scenario, seed=3)
    while not session.ended:
        session.choose(session.recommended().number)
    text = written(session)
    for practice in ("First try", "Retry", "Your reading", "READING THE ROOM", "Need met at the first try"):
        assert practice not in text, practice
    assert "THE GROUP'S OWN VIEW" in text


def test_a_whole_practised_session_in_the_terminal_ends_in_this_debrief(session):
    """show_debrief through a TextPlay writing to a StringIO, as the terminal's loop calls it."""
    out = io.StringIO()
    TextPlay(session, stdin=io.StringIO(""), stdout=out).show_debrief()
    assert "Need met at the first try" in out.getvalue() and "Traceback" not in out.getvalue()


def test_one_moment_tried_again_reads_in_the_singular():
    session = Session(load_path(VERDICTS).scenario, seed=1)
    session.choose(next(c.number for c in session.choices if "Ana, tell" in c.choice.text))
    session.retry()
    session.choose(next(c.number for c in session.choices if "I can see" in c.choice.text))
    session.choose(1)
    text = " ".join(written(session).split())
    assert "1 moment tried again, met on a retry." in text


@pytest.mark.parametrize("scale", ["engaged", "avoiding", "conflict"])
def test_a_scale_that_held_is_no_change_and_wears_no_arrow(scale):
    from game.present.debrief_practice import ClimateRow
    row = ClimateRow(scale, 2.31, 2.34)
    assert (row.arrow, row.change_words, row.judgement, row.better) == ("=", "0.0", "no change", None)
    up, down = ClimateRow(scale, 2.0, 3.0), ClimateRow(scale, 3.0, 2.0)
    assert up.better is (scale == "engaged") and down.better is (scale != "engaged")
