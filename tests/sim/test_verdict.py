"""The two-axis verdict: the stance (did the trainee lead or follow as the group needed, toward
whom it needed) and the move (its quality). Only both earn `met`; a harmful move never does."""
from __future__ import annotations

from hypothesis import given, strategies as st

from game.sim import GroupState, Move, step
from game.sim.need import HELD_CONFLICT_NEED, judge_need

from .builders import IDS, engaged_working_group, lead, member, world
from .test_properties import ARCHETYPES, FEW, SKILLS, unit
from .test_safety import any_room

QUALITIES = st.sampled_from(["best", "good", "poor", "harmful"])


@FEW
@given(any_room(), st.lists(st.sampled_from(ARCHETYPES), min_size=6, max_size=6),
       st.sampled_from(["lead", "follow"]), st.sampled_from(SKILLS + [None]),
       st.lists(st.sampled_from(IDS), max_size=2, unique=True), QUALITIES, st.booleans())
def test_met_needs_both_axes_and_partly_is_the_right_stance_done_badly(
        state, kinds, stance, skill, targets, quality, checks):
    result = step(state, Move(stance, skill, tuple(targets), quality=quality, checks_risk=checks),
                  world(dict(zip(IDS, kinds))), seed=2, turn=1)
    good_move = quality in ("best", "good")
    assert result.verdict == ("missed" if not result.aimed else "met" if good_move else "partly")
    assert result.met == (result.verdict == "met")
    if quality in ("poor", "harmful"):
        assert result.verdict != "met"
    if result.aimed:
        assert result.fit, "the stance axis includes the stance"


@FEW
@given(st.floats(0.2, 0.9), st.floats(0.2, 0.9), st.floats(0.0, 0.5))
def test_a_harmful_move_costs_trust_where_it_lands(engagement, trust, distress):
    state = GroupState(0.5, 0.2, tuple((mid, member(engagement, trust, distress)) for mid in IDS))
    w = world()
    kind = step(state, lead("confronting", ("ben",), quality="good"), w, seed=0, turn=1).after
    harsh = step(state, lead("confronting", ("ben",), quality="harmful"), w, seed=0, turn=1).after
    assert harsh.member("ben").trust < kind.member("ben").trust


def test_a_conflict_a_working_group_holds_is_not_erased_by_meeting_the_need():
    calm = engaged_working_group()
    tense = GroupState(calm.cohesion, 0.65, calm.members)
    need = judge_need(tense, world(), "working")
    assert need is HELD_CONFLICT_NEED and need.stance == "lead"
    after = step(tense, lead("linking", (), quality="best"), world(), seed=0, turn=1).after
    assert after.conflict >= tense.conflict - 1e-9, "the work keeps its heat"
    hostile = GroupState(calm.cohesion, 0.9, calm.members)
    assert judge_need(hostile, world(), "working") is not HELD_CONFLICT_NEED, "past hostility it must be contained"
    outside = judge_need(tense, world(), "opening")
    assert outside is not HELD_CONFLICT_NEED
    relieved = step(GroupState(0.3, 0.65, calm.members), lead("blocking", (), quality="best"), world(),
                    seed=0, turn=1, ).after
    assert relieved.conflict < 0.65, "an unheld conflict is contained by a met lead"
