"""A late arrival (`joins_at`) is absent until then: not in the group's numbers, contagion,
neglect or need, and unchanged by what happens while away."""
from __future__ import annotations

from game.sim import GroupState, step

from .builders import IDS, effects, follow, lead, member, world


def circle(away=frozenset({"fay"})):
    members = tuple((mid, member(0.5, 0.5, 0.3)) for mid in IDS[:-1]) + (("fay", member(0.05, 0.1, 0.95)),)
    return GroupState(0.3, 0.2, members, away=away)


def test_an_absent_member_is_not_in_the_group_numbers():
    here, all_in = circle(), circle(away=frozenset())
    assert here.engagement > all_in.engagement and here.avoidance < all_in.avoidance
    assert here.present_ids == IDS[:-1]


def test_an_absent_member_is_untouched_and_cannot_be_lost():
    state = circle()
    for turn in range(1, 5):
        result = step(state, follow(effects=effects(everyone={"trust": 0.1})), world(contagion=1.0),
                      seed=0, turn=turn)
        assert not [e for e in result.events if e.member == "fay"]
        assert result.need.member != "fay"
        state = result.after
    assert state.member("fay") == circle().member("fay")


def test_once_joined_the_member_counts():
    joined = circle().joined(["fay"])
    assert not joined.away and joined.engagement == circle(away=frozenset()).engagement
    need = step(joined, lead(), world(), seed=0, turn=1).need
    assert need.member == "fay", "a member in this much distress, arrived, needs the leader"
