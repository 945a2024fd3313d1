"""Step 3: attention and neglect, and the group doing some of the leader's work.

Attended this turn: the move's targets, the member an authored breakthrough is about, and a
member another member reached out to (a `support` event). Everyone else's `unattended` count
grows by one; an attended member's count returns to 0. A targeted member's distress eases by
ATTENTION_RELIEF (being heard), before archetypes may undo it.

Support: when the trainee follows and the group can carry its members — cohesion at least
SUPPORT_MIN_COHESION and someone present, trusting and not overwhelmed themselves (engagement
>= SUPPORTER_MIN_ENGAGEMENT, trust >= SUPPORTER_MIN_TRUST, distress < DISTRESSED) — the
distressed member most at risk who was not targeted is reached out to with chance
SUPPORT_CHANCE (one member per turn). A rescuer, if eligible, is always the one who jumps in.
Being reached raises that member's trust and the group's cohesion a little.

Neglect: a member with distress >= DISTRESSED unattended for `neglect_after` turns or more is
being lost, each such turn: event `neglect`; their engagement and trust fall; every other
member's engagement and trust fall by the ripple constants times the world's `contagion`
(they see what happens to someone nobody notices); cohesion falls a little.
"""
from __future__ import annotations

import random
from .constants import (
    ATTENTION_RELIEF, DISTRESSED, NEGLECT_COHESION_COST, NEGLECT_ENGAGEMENT_COST,
    NEGLECT_RIPPLE_ENGAGEMENT, NEGLECT_RIPPLE_TRUST, NEGLECT_TRUST_COST, SUPPORT_CHANCE,
    SUPPORT_COHESION_GAIN, SUPPORT_MIN_COHESION, SUPPORT_TRUST_GAIN, SUPPORTER_MIN_ENGAGEMENT,
    SUPPORTER_MIN_TRUST,
)
from .move import Event, Move
from .state import GroupState
from .world import World


def supporters(state: GroupState, member_id: str, world: World | None = None) -> list[str]:
    """Members able to reach out to `member_id`, the most likely first (a rescuer leads)."""
    able = [
        (world is not None and world.archetype(mid) == "rescuer", m.engagement * m.trust,
         -index, mid)
        for index, (mid, m) in enumerate(state.members)
        if mid != member_id
        and m.engagement >= SUPPORTER_MIN_ENGAGEMENT
        and m.trust >= SUPPORTER_MIN_TRUST
        and m.distress < DISTRESSED
    ]
    return [entry[3] for entry in sorted(able, reverse=True)]


def can_carry(state: GroupState, member_id: str) -> bool:
    """Whether the group, left to itself, can reach out to this member."""
    return state.cohesion >= SUPPORT_MIN_COHESION and bool(supporters(state, member_id))


def _most_at_risk(state: GroupState, move: Move) -> str | None:
    ranked = [
        (m.unattended, m.distress, -index, mid)
        for index, (mid, m) in enumerate(state.members)
        if m.distress >= DISTRESSED and mid not in move.targets
    ]
    return max(ranked)[3] if ranked else None


def group_support(state: GroupState, move: Move, world: World, rng: random.Random):
    """The support event of this turn, if the group reaches out on its own; else None."""
    if move.stance != "follow":
        return None
    member = _most_at_risk(state, move)
    if member is None or not can_carry(state, member):
        return None
    if rng.random() >= SUPPORT_CHANCE:
        return None
    return Event("support", member, by=supporters(state, member, world)[0])


def _count_attention(state: GroupState, attended: set[str]) -> GroupState:
    return state.map_members(
        lambda mid, m: m.but(unattended=0 if mid in attended else m.unattended + 1)
    )


def _neglect(state: GroupState, member_id: str, world: World) -> GroupState:
    ripple_e = -NEGLECT_RIPPLE_ENGAGEMENT * world.contagion
    ripple_t = -NEGLECT_RIPPLE_TRUST * world.contagion
    state = state.map_members(
        lambda mid, m: m.shifted(engagement=-NEGLECT_ENGAGEMENT_COST, trust=-NEGLECT_TRUST_COST)
        if mid == member_id else m.shifted(engagement=ripple_e, trust=ripple_t)
    )
    return state.shifted(cohesion=-NEGLECT_COHESION_COST)


def attend(state: GroupState, move: Move, world: World, rng: random.Random):
    """Attention, support and neglect for this turn: (new state, events)."""
    events: list[Event] = []
    attended = set(move.targets)
    if move.breakthrough:
        attended.add(move.breakthrough)
    support = group_support(state, move, world, rng)
    if support is not None:
        events.append(support)
        attended.add(support.member)
        reached = state.member(support.member).shifted(trust=SUPPORT_TRUST_GAIN)
        state = state.with_member(support.member, reached).shifted(cohesion=SUPPORT_COHESION_GAIN)
    state = _count_attention(state, attended)
    state = state.map_members(lambda _, m: m.shifted(distress=-ATTENTION_RELIEF), only=move.targets)
    lost = [mid for mid, m in state.members
            if m.distress >= DISTRESSED and m.unattended >= world.neglect_after]
    for mid in lost:
        events.append(Event("neglect", mid))
        state = _neglect(state, mid, world)
    return state, events
