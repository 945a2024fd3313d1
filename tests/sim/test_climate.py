"""The members' Group Climate Questionnaire: answered from the model's state, scored by the manual.

The properties are what a trainer relies on when reading the three scales: more conflict in the
room never lowers the Conflict scale, more cohesion never lowers Engaged nor raises Avoiding, a
member who trusts more never sees a colder room, and so on.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Session
from game.scenario import load_path
from game.sim import GroupState, MemberState
from game.sim.climate import (AVOIDING, CONFLICT, ENGAGED, ITEMS, LIKERT_TOP, answers, group_scales, likert,
                              scale_scores, session_climate)

from .builders import IDS, engaged_working_group, group, member

ROOT = Path(__file__).resolve().parents[2]
unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
members = st.tuples(unit, unit, unit).map(lambda etd: MemberState(*etd))


@st.composite
def states(draw) -> GroupState:
    ids = IDS[:draw(st.integers(min_value=3, max_value=len(IDS)))]
    return GroupState(draw(unit), draw(unit), tuple((mid, draw(members)) for mid in ids))


def with_group(state: GroupState, **changes) -> GroupState:
    fields = {"cohesion": state.cohesion, "conflict": state.conflict, **changes}
    return GroupState(fields["cohesion"], fields["conflict"], state.members)


def with_member(state: GroupState, member_id: str, **changes) -> GroupState:
    return GroupState(state.cohesion, state.conflict,
                      tuple((mid, m.but(**changes) if mid == member_id else m) for mid, m in state.members))


def higher(low: float, extra: float) -> float:
    return min(1.0, low + extra)


# -- the questionnaire as its manual gives it ------------------------------------------------

def test_the_short_form_has_twelve_items_on_the_published_scales():
    key = {scale: [item.number for item in ITEMS if item.scale == scale] for scale in (ENGAGED, AVOIDING, CONFLICT)}
    assert [item.number for item in ITEMS] == list(range(1, 13))
    assert key == {ENGAGED: [1, 2, 4, 8, 11], AVOIDING: [3, 5, 9], CONFLICT: [6, 7, 10, 12]}


def test_a_scale_score_is_the_mean_of_its_items():
    given_answers = (6, 4, 0, 2, 3, 1, 5, 4, 6, 2, 3, 0)
    scores = scale_scores(given_answers)
    assert scores.engaged == pytest.approx((6 + 4 + 2 + 4 + 3) / 5)
    assert scores.avoiding == pytest.approx((0 + 3 + 6) / 3)
    assert scores.conflict == pytest.approx((1 + 5 + 2 + 0) / 4)


def test_a_questionnaire_with_a_missing_answer_is_refused():
    with pytest.raises(ValueError):
        scale_scores((3,) * 11)


def test_answers_are_whole_numbers_from_0_to_6_halves_rounded_up():
    assert [likert(x) for x in (0.0, 1 / 12, 0.5, 11 / 12, 1.0, -0.2, 1.3)] == [0, 1, 3, 6, 6, 0, 6]


@settings(max_examples=200, deadline=None)
@given(states())
def test_every_member_present_answers_every_item_on_the_scale(state):
    answered = answers(state)
    assert set(answered) == set(state.member_ids)
    for given_answers in answered.values():
        assert len(given_answers) == 12
        assert all(isinstance(a, int) and 0 <= a <= LIKERT_TOP for a in given_answers)
    assert all(0 <= score <= LIKERT_TOP for score in group_scales(state))


def test_a_member_who_has_not_joined_yet_answers_nothing():
    state = GroupState(0.4, 0.2, tuple((mid, member()) for mid in IDS), away=frozenset({"fay"}))
    assert "fay" not in answers(state)
    assert len(answers(state)) == len(IDS) - 1


def test_the_same_state_always_gives_the_same_answers():
    state = group(cohesion=0.37, conflict=0.61, ana=member(0.2, 0.9, 0.7))
    assert answers(state) == answers(group(cohesion=0.37, conflict=0.61, ana=member(0.2, 0.9, 0.7)))


def test_a_working_group_reads_warmer_than_a_hostile_withdrawn_one():
    working = group_scales(engaged_working_group())
    hostile = group_scales(group(cohesion=0.15, conflict=0.8, **{m: member(0.25, 0.2, 0.7) for m in IDS}))
    assert working.engaged > hostile.engaged + 1
    assert working.avoiding < hostile.avoiding - 1
    assert working.conflict < hostile.conflict - 1


# -- monotone in the model's numbers -----------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(states(), unit)
def test_more_conflict_never_lowers_the_conflict_scale_and_leaves_avoiding_alone(state, extra):
    before = group_scales(state)
    after = group_scales(with_group(state, conflict=higher(state.conflict, extra)))
    assert after.conflict >= before.conflict
    assert after.avoiding == before.avoiding


@settings(max_examples=300, deadline=None)
@given(states(), unit)
def test_more_cohesion_never_lowers_engaged_nor_raises_avoiding_or_conflict(state, extra):
    before = group_scales(state)
    after = group_scales(with_group(state, cohesion=higher(state.cohesion, extra)))
    assert after.engaged >= before.engaged
    assert after.avoiding <= before.avoiding
    assert after.conflict <= before.conflict


@settings(max_examples=300, deadline=None)
@given(states(), unit, st.sampled_from(("engagement", "trust")))
def test_a_member_more_engaged_or_more_trusting_never_makes_the_room_read_colder(state, extra, var):
    mid = state.member_ids[0]
    before = group_scales(state)
    raised = higher(getattr(state.member(mid), var), extra)
    after = group_scales(with_member(state, mid, **{var: raised}))
    assert after.engaged >= before.engaged
    assert after.avoiding <= before.avoiding
    assert after.conflict <= before.conflict


@settings(max_examples=300, deadline=None)
@given(states(), unit)
def test_more_distress_never_lowers_avoiding_or_conflict_and_leaves_engaged_alone(state, extra):
    mid = state.member_ids[-1]
    before = group_scales(state)
    after = group_scales(with_member(state, mid, distress=higher(state.member(mid).distress, extra)))
    assert after.avoiding >= before.avoiding
    assert after.conflict >= before.conflict
    assert after.engaged == before.engaged


# -- over a session ---------------------------------------------------------------------------

def test_a_sessions_climate_runs_from_before_the_first_choice_to_after_the_last():
    scenario = load_path(ROOT / "scenarios" / "tutorial.yaml").scenario
    with Session(scenario, seed=3) as session:
        opening = session.state
        while not session.ended:
            session.choose(session.choices[0].number)
        change = session_climate(session.history)
        assert change.start == group_scales(opening)
        assert change.end == group_scales(session.history[-1].after)
        assert change.turns == len(session.history)
        assert change.moved.engaged == pytest.approx(change.end.engaged - change.start.engaged)
        assert set(change.as_dict()) == {"start", "end", "moved", "turns"}


def test_before_any_choice_the_climate_has_not_moved():
    state = engaged_working_group()
    change = session_climate([], initial=state)
    assert change.start == change.end and change.turns == 0
    assert tuple(change.moved) == (0.0, 0.0, 0.0)
    assert session_climate([]) is None
