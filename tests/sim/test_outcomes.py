"""Who comes back: outcomes follow what happened to a member, not only their final numbers."""
from __future__ import annotations

from hypothesis import given, strategies as st

from game.sim import GroupState
from game.sim.outcomes import Moment, member_outcomes, outcome_of

from .builders import IDS, member
from .test_properties import FEW

RANK = {"may_drop_out": 0, "uncertain": 1, "returns": 2}
NAMES = {mid: mid.capitalize() for mid in IDS}


def circle(**members):
    return GroupState(0.5, 0.2, tuple((mid, members.get(mid, member(0.6, 0.6, 0.3))) for mid in IDS))


@FEW
@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.floats(0, 0.3), st.floats(0, 0.3))
def test_more_engaged_and_trusting_never_means_less_likely_to_return(e, t, d, more_e, more_t):
    low = outcome_of("ana", "Ana", circle(ana=member(e, t, d)), ())
    high = outcome_of("ana", "Ana", circle(ana=member(min(1, e + more_e), min(1, t + more_t), d)), ())
    assert RANK[high.outcome] >= RANK[low.outcome]


@FEW
@given(st.floats(0, 1), st.floats(0, 1), st.integers(1, 12))
def test_a_missed_risk_means_may_drop_out_whatever_the_numbers(e, t, turn):
    moments = [Moment(turn, (), "good", (("risk-missed", "ana"),))]
    outcome = outcome_of("ana", "Ana", circle(ana=member(e, t, 0.3)), moments)
    assert outcome.outcome == "may_drop_out"
    assert "Ana" in outcome.reason and f"turn {turn}" in outcome.reason


def test_a_harmful_move_at_a_member_outweighs_middling_numbers():
    state = circle(ana=member(0.6, 0.55, 0.3))
    assert outcome_of("ana", "Ana", state, ()).outcome == "returns"
    hurt = outcome_of("ana", "Ana", state, [Moment(9, ("ana",), "harmful", ())])
    assert hurt.outcome == "may_drop_out" and "turn 9" in hurt.reason


def test_only_members_present_at_the_end_get_an_outcome():
    state = GroupState(0.5, 0.2, circle().members, away=frozenset({"fay"}))
    assert [o.member for o in member_outcomes(state, (), NAMES)] == list(IDS[:-1])
