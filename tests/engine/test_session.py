"""The Session as the contract and the architecture describe it."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine import ChoiceNotOffered, SaveMismatch, Session, debrief_of
from game.scenario import load_path, load_text

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "tests" / "scenario" / "small.yaml"


@pytest.fixture
def scenario():
    return load_path(SMALL).scenario


def test_choices_are_numbered_from_one_as_on_screen(scenario):
    session = Session(scenario)
    assert [c.number for c in session.choices] == [1, 2]
    assert {c.stance for c in session.choices} == {"lead", "follow"}


def test_a_choice_whose_condition_fails_is_not_offered():
    text = SMALL.read_text().replace("        if: score.draw-out < 5", "        if: score.draw-out > 5")
    session = Session(load_text(text).scenario)
    session.choose(1)
    assert [c.choice.text for c in session.choices] == ["Ben, you have been quiet."]


def test_a_number_not_offered_names_the_node_and_the_offered_numbers(scenario):
    session = Session(scenario)
    with pytest.raises(ChoiceNotOffered) as caught:
        session.choose(3)
    assert "opening" in str(caught.value) and "1, 2" in str(caught.value)


def test_the_first_branch_whose_condition_holds_is_taken(scenario):
    # Staying quiet at the start: cohesion is low, so the branch to 'middle' does not hold.
    session = Session(scenario)
    session.choose(2)
    assert session.node_id == "end_stalled" and session.ended
    high = SMALL.read_text().replace("group.cohesion >= 0.6", "group.cohesion >= 0.0")
    session = Session(load_text(high).scenario)
    session.choose(2)
    assert session.node_id == "middle"


def test_reaction_reports_before_after_need_and_feedback(scenario):
    session = Session(scenario)
    before = session.state
    reaction = session.choose(1)
    assert reaction.before == before and reaction.after == session.state
    assert reaction.need.stance in ("lead", "follow")
    assert reaction.fit == (reaction.need.stance == "lead")
    assert reaction.feedback == "Blocking opens room."
    assert set(reaction.deltas) == set(scenario.member_ids)


def test_undo_returns_to_exactly_the_state_before(scenario):
    session = Session(scenario, seed=3)
    session.choose(1)
    node, state, scores = session.node_id, session.state, session.scores
    session.choose(1)
    assert session.undo()
    assert (session.node_id, session.state, session.scores) == (node, state, scores)
    assert session.undo() and session.turn == 0
    assert not session.undo()


def test_phases_run_from_briefing_to_debrief(scenario):
    session = Session(scenario)
    seen = [session.phase]
    session.begin()
    seen.append(session.phase)
    session.choose(1)
    seen.append(session.phase)
    session.choose(1)
    seen.append(session.phase)
    assert seen == ["briefing", "opening", "working", "debrief"]


def test_save_round_trip_replays_the_same_run(scenario):
    session = Session(scenario, seed=11)
    session.choose(1)
    restored = Session.from_save(session.to_save(), scenario)
    assert restored.trace() == session.trace()


def test_a_save_that_no_longer_replays_says_the_file_changed(scenario):
    session = Session(scenario)
    session.choose(1)
    session.choose(2)
    save = session.to_save()
    changed = load_text(SMALL.read_text().replace("        if: score.draw-out < 5", "        if: score.draw-out > 5")).scenario
    with pytest.raises(SaveMismatch, match="changed"):
        Session.from_save(save, changed)


def test_a_save_for_another_scenario_is_refused(scenario):
    with pytest.raises(SaveMismatch, match="not 'small-test'"):
        Session.from_save({"version": 1, "scenario": "other", "seed": 0, "choices": []}, scenario)


def test_trace_has_the_contract_shape(scenario):
    session = Session(scenario, seed=5)
    session.choose(1)
    session.choose(1)
    trace = session.trace()
    assert list(trace) == ["scenario", "seed", "initial", "steps", "ending"]
    step = trace["steps"][0]
    assert {"turn", "node", "choice", "stance", "skill", "need", "events", "group", "members"} <= set(step)
    assert set(step["group"]) == {"cohesion", "engagement", "avoidance", "conflict"}
    assert {"node": "end_growth", "outcome": "growth", "safe": True}.items() <= trace["ending"].items()
    assert set(trace["ending"]["members"]) == set(scenario.member_ids)
    assert set(trace["ending"]["members"].values()) <= {"returns", "uncertain", "may_drop_out"}
    for state in [trace["initial"]] + trace["steps"]:
        values = list(state["group"].values()) + [v for m in state["members"].values() for v in m.values()]
        assert all(0.0 <= v <= 1.0 for v in values)


def test_debrief_tells_need_choice_and_the_expert_choice_when_it_differed(scenario):
    session = Session(scenario)
    session.choose(1)
    session.choose(1)  # not the expert choice at 'middle'
    debrief = debrief_of(session)
    assert debrief.outcome == "growth"
    assert debrief.decisions[1].expert_text == "Wait."
    assert debrief.decisions[0].expert_text is None
    assert len(debrief.series["cohesion"]) == 3


def _cli(*args):
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True)


def test_run_prints_the_same_bytes_for_the_same_input():
    first = _cli("run", str(SMALL), "--choices", "1,2", "--seed", "4")
    second = _cli("run", str(SMALL), "--choices", "1,2", "--seed", "4")
    assert first.returncode == 0 and first.stdout == second.stdout
    assert json.loads(first.stdout)["seed"] == 4


def test_run_with_a_number_not_offered_exits_1_with_one_line():
    result = _cli("run", str(SMALL), "--choices", "1,7")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "middle" in lines[0] and "1, 2" in lines[0]
    assert "Traceback" not in result.stderr


def test_the_core_never_imports_pygame():
    code = "import sys, game.engine, game.scenario, game.sim; print('pygame' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_restoring_a_snapshot_is_the_same_as_replaying(scenario):
    session = Session(scenario, seed=6)
    session.choose(1)
    snap = session.snapshot()
    trace = session.trace()
    session.choose(2)
    session.restore(snap)
    assert session.trace() == trace and [c.number for c in session.choices] == [1, 2]
    session.choose(2)
    replayed = Session(scenario, seed=6)
    replayed.replay([1, 2])
    assert session.trace() == replayed.trace()


def test_a_nodes_authored_need_is_what_the_debrief_shows():
    text = SMALL.read_text().replace(
        "    narration: Ben looks at the floor.\n",
        "    narration: Ben looks at the floor.\n    need: {stance: follow, why: the room can wait for him, member: ben}\n")
    session = Session(load_text(text).scenario)
    session.choose(1)
    reaction = session.choose(2)  # "Wait.": a follow choice, but it does not target Ben
    assert reaction.need.stance == "follow" and reaction.need.text(session.names) == "the room can wait for him"
    assert reaction.fit and not reaction.met


def test_sessions_on_one_scenario_do_not_disturb_each_other(scenario):
    alone = Session(scenario, seed=2)
    alone.replay([1, 1])
    first, second = Session(scenario, seed=2), Session(scenario, seed=2)
    for number in (1, 1):   # interleaved: each moves only its own seat at the shared machine
        first.choose(number)
        second.choose(number)
    assert first.trace() == second.trace() == alone.trace()


def test_a_closed_session_still_reads_where_it_stood_but_refuses_to_move(scenario):
    from game.engine import SessionClosed

    session = Session(scenario, seed=1)
    session.choose(1)
    node, phase, trace = session.node_id, session.phase, session.trace()
    session.close()
    session.close()   # twice is fine
    other = Session(scenario, seed=9)   # takes the seat just given back, and moves it
    other.choose(2)
    assert (session.node_id, session.phase, session.trace()) == (node, phase, trace)
    assert [c.number for c in session.choices] == [1, 2]
    for move in (lambda: session.choose(1), session.undo, session.restart,
                 lambda: session.restore(other.snapshot())):
        with pytest.raises(SessionClosed, match="closed"):
            move()
