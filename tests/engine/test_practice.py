"""Deliberate practice in the Session: trying a moment again, and reading the room first."""
import random
from pathlib import Path

import pytest

from game.engine import SaveMismatch, Session, reload_session
from game.scenario import load_path, load_text

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))


def shipped(path: Path):
    return load_path(path).scenario


def missed_moment(scenario, seed: int = 0):
    """A session standing just after a decision whose need was not met, or None."""
    session = Session(scenario, seed=seed)
    rng = random.Random(seed)
    while not session.ended and session.choices:
        wrong = [c for c in session.choices if session.verdict_if(_probe(session), c) != "met"]
        if wrong:
            session.choose(rng.choice(wrong).number)
            return session
        session.choose(rng.choice(session.choices).number)
    return None


def _probe(session):
    """A stand-in Reaction for verdict_if: only its node and need are read."""
    class Probe:
        node_id = session.node_id
        need = session.need_now
    return Probe()


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_the_need_shown_before_choosing_is_the_need_the_choice_is_judged_by(path):
    scenario = shipped(path)
    for seed in range(6):
        session, rng = Session(scenario, seed=seed), random.Random(seed)
        while not session.ended and session.choices:
            before = session.need_now
            reaction = session.choose(rng.choice(session.choices).number)
            assert reaction.need == before, (path.stem, reaction.node_id)
        assert session.need_now is None


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_the_recommended_choice_meets_the_need_whenever_any_offered_choice_would(path):
    scenario = shipped(path)
    for seed in range(4):
        session, rng = Session(scenario, seed=seed), random.Random(seed)
        while not session.ended and session.choices:
            probe = _probe(session)
            could = any(session.verdict_if(probe, c) == "met" for c in session.shown_choices)
            best = session.recommended()
            if could:
                assert session.verdict_if(probe, best) == "met", (path.stem, session.node_id)
                assert best in session.shown_choices
            session.choose(rng.choice(session.choices).number)


def test_a_retry_goes_back_to_just_before_the_missed_decision():
    scenario = shipped(ROOT / "scenarios" / "grief-week3.yaml")
    session = missed_moment(scenario, seed=1)
    assert session is not None and session.can_retry
    missed = session.history[-1]
    taken = session.retry()
    assert taken is missed
    assert session.node_id == missed.node_id and session.turn == missed.turn - 1
    assert session.state == missed.before
    assert [t.reaction for t in session.tries_here] == [missed]
    assert session.hint_level == 1


def test_hints_step_up_with_each_try_and_stop_at_the_model_answer():
    scenario = shipped(ROOT / "scenarios" / "grief-week3.yaml")
    session = missed_moment(scenario, seed=2)
    missed = session.history[-1]
    levels = []
    for _ in range(5):
        session.retry()
        levels.append(session.hint_level)
        session.choose(missed.offered.number)    # the same miss again
    assert levels == [1, 2, 3, 3, 3]
    assert session.history[-1].retry == 5


def test_a_met_decision_cannot_be_retried_and_says_why():
    scenario = shipped(ROOT / "scenarios" / "grief-week3.yaml")
    session = Session(scenario)
    assert not session.can_retry
    session.choose(session.recommended().number)
    assert session.history[-1].verdict == "met" and not session.can_retry
    with pytest.raises(ValueError, match="not met"):
        session.retry()


def test_a_retried_choice_carries_its_retry_count_and_a_first_try_carries_none():
    scenario = shipped(ROOT / "scenarios" / "grief-week3.yaml")
    session = missed_moment(scenario, seed=3)
    turn = session.turn
    session.retry()
    again = session.choose(session.recommended().number)
    assert again.retry == 1 and again.verdict == "met"
    assert all(r.retry == 0 for r in session.history[:turn - 1])


def test_reading_the_room_is_scored_against_the_model_and_said_once_per_moment():
    scenario = shipped(ROOT / "scenarios" / "grief-week3.yaml")
    session = Session(scenario, ask_every=True)
    assert session.asking
    need = session.need_now
    wrong = "follow" if need.stance == "lead" else "lead"
    reading = session.read_room(wrong)
    assert not reading.matched and reading.need == need
    assert not session.asking
    assert session.read_room(need.stance) is reading     # the answer was already revealed
    reaction = session.choose(session.recommended().number)
    assert reaction.reading is reading and reading.turn == 1
    assert session.asking                                 # the next moment asks again


def test_naming_the_wrong_member_spoils_a_reading_and_naming_nobody_does_not():
    scenario = shipped(ROOT / "scenarios" / "grief-week3.yaml")
    session, rng = Session(scenario, ask_every=True), random.Random(0)
    while session.need_now is not None and session.need_now.member is None:
        session.choose(rng.choice(session.choices).number)
    need = session.need_now
    assert need is not None, "grief-week3 always reaches a need about one member"
    other = next(m for m in scenario.member_ids if m != need.member)
    session.read_room(need.stance, other)
    assert not session.readings[-1].matched and session.readings[-1].member_matched is False
    for named in (need.member, None):      # the same moment, read by others
        other_reader = Session(scenario)
        other_reader.replay(session.choice_numbers)
        assert other_reader.read_room(need.stance, named).matched


def test_a_reading_must_be_lead_or_follow_and_name_a_member_of_the_circle():
    scenario = shipped(ROOT / "scenarios" / "grief-week3.yaml")
    session = Session(scenario)
    with pytest.raises(ValueError, match="lead"):
        session.read_room("wait")
    with pytest.raises(ValueError, match="no member"):
        session.read_room("lead", "nobody-here")
    assert session.readings == []


def test_marked_nodes_ask_and_unmarked_ones_do_not():
    text = (ROOT / "tests" / "scenario" / "small.yaml").read_text()
    scenario = load_text(text).scenario
    assert not Session(scenario).asking
    marked_text = text.replace("  opening:\n", "  opening:\n    ask: true\n", 1)
    marked = load_text(marked_text).scenario
    assert marked is not None and marked.nodes["opening"].ask
    assert Session(marked).asking


def test_practice_survives_undo_save_and_reload():
    path = ROOT / "scenarios" / "grief-week3.yaml"
    scenario = shipped(path)
    session = missed_moment(scenario, seed=4)
    session.retry()
    session.read_room("lead")
    session.choose(session.recommended().number)
    session.undo()
    assert len(session.tries) == 1 and len(session.readings) == 1
    loaded = Session.from_save(session.to_save(), scenario)
    assert [t.path for t in loaded.tries] == [t.path for t in session.tries]
    assert [t.reaction.verdict for t in loaded.tries] == [t.reaction.verdict for t in session.tries]
    assert [r.as_dict() for r in loaded.readings] == [r.as_dict() for r in session.readings]
    reloaded = reload_session(session, load_path(path)).session
    assert len(reloaded.tries) == 1 and len(reloaded.readings) == 1


def test_a_save_whose_practice_is_damaged_is_refused_plainly():
    scenario = shipped(ROOT / "scenarios" / "grief-week3.yaml")
    session = missed_moment(scenario, seed=5)
    session.retry()
    save = session.to_save()
    save["practice"]["tries"][0]["number"] = 99
    with pytest.raises(SaveMismatch):
        Session.from_save(save, scenario)
    save["practice"]["tries"] = [{"path": "x"}]
    with pytest.raises(SaveMismatch):
        Session.from_save(save, scenario)


def test_a_plain_save_stays_as_it_was():
    scenario = shipped(ROOT / "scenarios" / "grief-week3.yaml")
    session = Session(scenario)
    session.choose(1)
    assert "practice" not in session.to_save()


def test_a_moment_started_at_is_judged_alone_and_remembered():
    from game.engine import debrief_of
    from game.present import practise_from

    scenario = shipped(ROOT / "scenarios" / "grief-week3.yaml")
    session = Session(scenario, seed=2)
    assert practise_from(session, "rosa_fills_silence") == "played"
    lead_in = session.lead_in
    assert lead_in == session.turn > 0 and session.node_id == "rosa_fills_silence"
    while not session.ended:
        session.choose(session.recommended().number)
    debrief = debrief_of(session)
    assert debrief.lead_in == lead_in
    assert len(debrief.decisions) == session.turn - lead_in
    assert [d.turn for d in debrief.decisions] == list(range(lead_in + 1, session.turn + 1))
    assert Session.from_save(session.to_save(), scenario).lead_in == lead_in


def test_a_moment_no_path_reaches_or_no_node_is_refused():
    from game.present import NoSuchNode, practise_from

    scenario = shipped(ROOT / "scenarios" / "grief-week3.yaml")
    with pytest.raises(NoSuchNode):
        practise_from(Session(scenario), "no_such_node")
