"""No knife edges (TEACHING.md): a state a hair either side of one of the model's lines gets the
same need and the same reason, and near a line the reason says so."""
from __future__ import annotations

from hypothesis import assume, given, strategies as st

from game.sim import GroupState, judge_need
from game.sim.constants import (
    AVOIDANCE_HIGH, COHESIVE, CONFLICT_HIGH, DISTRESSED, ENGAGED, MONOPOLIZING_ENGAGEMENT, NEAR,
    OPENING_COHESION,
)

from .builders import IDS, member, world
from .test_properties import FEW

HAIR = NEAR / 2          # well inside the band either side of a line


def judged(state, w=None, phase="working"):
    need = judge_need(state, w or world(), phase)
    return need.stance, need.reason, need.member


def circle(cohesion, conflict, **members):
    return GroupState(cohesion, conflict, tuple((mid, members.get(mid, member(0.5, 0.5, 0.3))) for mid in IDS))


def away_from_lines(state) -> bool:
    """The derived numbers sit clear of every band edge, so only the line under test moves."""
    edges = [AVOIDANCE_HIGH - NEAR, AVOIDANCE_HIGH + NEAR, ENGAGED - NEAR, ENGAGED + NEAR]
    return all(abs(state.avoidance - e) > 0.01 for e in edges[:2]) and \
        all(abs(state.engagement - e) > 0.01 for e in edges[2:])


others = st.lists(st.tuples(st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.floats(0.0, 0.5)),
                  min_size=5, max_size=5)


@FEW
@given(others, st.floats(0.0, 0.4), st.floats(0.0, 0.4), st.integers(0, 3), st.floats(0, 1), st.floats(0, 1))
def test_distress_either_side_of_the_line_gets_the_same_need(rest, cohesion, conflict, unattended, e, t):
    def at(distress):
        members = dict(zip(IDS[1:], (member(*n) for n in rest)))
        members["ana"] = member(e, t, distress, unattended=unattended)
        return circle(cohesion, conflict, **members)
    below, above = at(DISTRESSED - HAIR), at(DISTRESSED + HAIR)
    assume(away_from_lines(below) and away_from_lines(above))
    assert judged(below) == judged(above)
    if judged(below)[2] == "ana":
        assert "close to" in judged(below)[1]


@FEW
@given(others, st.floats(0.0, 1.0), st.sampled_from(["opening", "working", "closing"]))
def test_conflict_either_side_of_the_line_gets_the_same_need(rest, cohesion, phase):
    members = dict(zip(IDS[1:], (member(*n) for n in rest)))
    below = circle(cohesion, CONFLICT_HIGH - HAIR, **members)
    above = circle(cohesion, CONFLICT_HIGH + HAIR, **members)
    assume(away_from_lines(below))
    assume(abs(cohesion - COHESIVE) > 0.01)
    assert judged(below, phase=phase) == judged(above, phase=phase)


def _calm_with_engagement(engagement, cohesion=0.7):
    return circle(cohesion, 0.1, **{mid: member(engagement, 0.9, 0.1) for mid in IDS})


def test_avoidance_either_side_of_the_line_gets_the_same_need():
    # avoidance = 0.6 (1 - e) + 0.4 x 0.1 x 0.1 for every member: solve e for the line +- a hair
    def at(avoidance):
        return _calm_with_engagement(1 - (avoidance - 0.004) / 0.6, cohesion=0.4)
    below, above = at(AVOIDANCE_HIGH - HAIR), at(AVOIDANCE_HIGH + HAIR)
    assert below.avoidance < AVOIDANCE_HIGH < above.avoidance
    assert judged(below) == judged(above)
    assert "close to" in judged(below)[1]


def test_opening_cohesion_either_side_of_the_line_gets_the_same_need():
    below = circle(OPENING_COHESION - HAIR, 0.1, **{mid: member(0.7, 0.7, 0.2) for mid in IDS})
    above = circle(OPENING_COHESION + HAIR, 0.1, **{mid: member(0.7, 0.7, 0.2) for mid in IDS})
    assert judged(below, phase="opening") == judged(above, phase="opening")


def test_a_monopolizer_either_side_of_the_line_gets_the_same_need():
    w = world({"ana": "monopolizer"})
    calm = {mid: member(0.75, 0.7, 0.3) for mid in IDS}
    below = circle(0.7, 0.1, **{**calm, "ana": member(MONOPOLIZING_ENGAGEMENT - HAIR, 0.7, 0.3, unchecked=2)})
    above = circle(0.7, 0.1, **{**calm, "ana": member(MONOPOLIZING_ENGAGEMENT + HAIR, 0.7, 0.3, unchecked=2)})
    assert judged(below, w) == judged(above, w)
    assert judged(below, w)[2] == "ana" and "close to" in judged(below, w)[1]


def test_a_working_group_either_side_of_its_lines_gets_the_same_need():
    for low, high in ((_calm_with_engagement(ENGAGED - HAIR), _calm_with_engagement(ENGAGED + HAIR)),
                      (_calm_with_engagement(0.8, COHESIVE - HAIR), _calm_with_engagement(0.8, COHESIVE + HAIR))):
        assert judged(low) == judged(high)
        assert judged(low)[0] == "follow" and "close to" in judged(low)[1]


def test_reasons_fit_the_session_a_closing_group_is_never_told_it_has_not_come_together():
    for cohesion in (0.1, 0.3, 0.45):
        state = circle(cohesion, 0.1, **{mid: member(0.6, 0.6, 0.2) for mid in IDS})
        for phase in ("working", "closing"):
            assert "opening" not in judged(state, phase=phase)[1]
            assert "come together" not in judged(state, phase=phase)[1]
