"""Members drift toward the others' mood; some members pull harder than others."""
from __future__ import annotations

from game.sim import GroupState
from game.sim.contagion import spread

from .builders import IDS, applied, group, member, others_mean, world


def drifted(state, w):
    return applied(spread, state, w)


def _one_apart(**ana):
    """Five alike and ana different."""
    return group(**{mid: member(0.3, 0.5, 0.3) for mid in IDS if mid != "ana"},
                 ana=member(**ana))


def test_without_contagion_nobody_moves():
    state = _one_apart(engagement=0.9, distress=0.9)
    assert drifted(state, world(contagion=0.0)) == state


def test_members_drift_toward_the_others():
    state = _one_apart(engagement=0.9, distress=0.9)
    after = drifted(state, world(contagion=0.5))
    assert state.member("ana").engagement > after.member("ana").engagement > 0.3
    assert others_mean(after, "engagement", but="ana") > 0.3
    assert others_mean(after, "distress", but="ana") > 0.3


def test_stronger_contagion_means_a_stronger_drift():
    state = _one_apart(engagement=0.9)
    weak, strong = drifted(state, world(contagion=0.2)), drifted(state, world(contagion=0.8))
    assert others_mean(strong, "engagement", but="ana") > others_mean(weak, "engagement", but="ana")


def test_distress_is_caught_more_easily_than_calm():
    raised = drifted(_one_apart(distress=0.9), world(contagion=0.5))
    calmed = drifted(group(**{mid: member(0.3, 0.5, 0.9) for mid in IDS if mid != "ana"},
                          ana=member(0.3, 0.5, 0.3)), world(contagion=0.5))
    caught = others_mean(raised, "distress", but="ana") - 0.3
    soothed = 0.9 - others_mean(calmed, "distress", but="ana")
    assert caught > soothed > 0


def test_a_monopolizer_pulls_the_others_harder_than_a_typical_member():
    state = _one_apart(engagement=0.9)
    typical = drifted(state, world(contagion=0.4))
    monopolizer = drifted(state, world({"ana": "monopolizer"}, contagion=0.4))
    pulled = others_mean(monopolizer, "engagement", but="ana")
    assert pulled > others_mean(typical, "engagement", but="ana")


def test_a_hostile_member_pulls_the_others_harder_than_a_typical_member():
    state = _one_apart(distress=0.9)
    typical = drifted(state, world(contagion=0.4))
    hostile = drifted(state, world({"ana": "hostile"}, contagion=0.4))
    assert others_mean(hostile, "distress", but="ana") > others_mean(typical, "distress", but="ana")


def test_the_order_of_the_members_does_not_matter():
    state = group(ana=member(0.9, 0.5, 0.1), ben=member(0.1, 0.5, 0.9), cai=member(0.5, 0.2, 0.6))
    flipped = GroupState(state.cohesion, state.conflict, tuple(reversed(state.members)))
    w = world({"ben": "hostile"}, contagion=0.6)
    assert dict(drifted(state, w).members) == dict(drifted(flipped, w).members)
