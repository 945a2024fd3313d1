"""Step 2: what the group needs now — lead or follow — and what meeting or missing it does.

The need is judged on the state *before* the choice, in this order (first match wins):

1. conflict at or above CONFLICT_HIGH                          -> lead: "conflict is running high"
2. a distressed member (distress >= DISTRESSED) whom the group cannot carry (attention.can_carry)
   or who is already being lost (unattended >= neglect_after), whatever the group; the one
   longest unattended, then most distressed -> lead: "{member} is being lost" once unattended
   for a turn or more, else "{member} is struggling alone"
3. a monopolizer holding the floor (engagement >= MONOPOLIZING_ENGAGEMENT) unblocked for
   MONOPOLY_UNCHECKED_TURNS turns                              -> lead: "{member} is taking over"
4. avoidance at or above AVOIDANCE_HIGH                        -> lead: "the group is avoiding"
5. the opening phase while cohesion is below OPENING_COHESION  -> lead: "the group is still forming"
6. otherwise follow: "the group is doing the work itself" when engagement >= ENGAGED and
   cohesion >= COHESIVE, else "the group needs room, not direction".

A need about one member (2 and 3) is met only by a lead that targets that member: leading
somewhere else leaves them unheld, and the room reads it as under-leading. `StepResult.fit` is
the plain stance match; `StepResult.met` adds this aim.

Meeting the need raises cohesion, engagement and trust and lowers conflict. Over-leading (lead
when follow was needed) makes the group leader-centred: engagement and cohesion fall.
Under-leading (follow when lead was needed) lets conflict rise and avoidance grow (engagement
and trust fall).
"""
from __future__ import annotations

from .attention import can_carry
from .constants import (
    AVOIDANCE_HIGH, COHESIVE, CONFLICT_HIGH, DISTRESSED, ENGAGED, FIT_COHESION_GAIN,
    FIT_CONFLICT_RELIEF, FIT_ENGAGEMENT_GAIN, FIT_TRUST_GAIN, MONOPOLIZING_ENGAGEMENT,
    MONOPOLY_UNCHECKED_TURNS, OPENING_COHESION, OVERLEAD_COHESION_COST, OVERLEAD_ENGAGEMENT_COST,
    UNDERLEAD_CONFLICT_RISE, UNDERLEAD_ENGAGEMENT_COST, UNDERLEAD_TRUST_COST,
)
from .move import Move, Need
from .state import GroupState
from .world import World


def member_in_need(state: GroupState, world: World) -> str | None:
    """The distressed member the leader must turn to, if the group cannot carry them."""
    at_risk = [
        (m.unattended, m.distress, -index, mid)
        for index, (mid, m) in enumerate(state.members)
        if m.distress >= DISTRESSED
        and (m.unattended >= world.neglect_after or not can_carry(state, mid))
    ]
    return max(at_risk)[3] if at_risk else None


def unchecked_monopolizer(state: GroupState, world: World) -> str | None:
    """A monopolizer who has held the floor unblocked long enough to need checking."""
    for mid in world.members_of("monopolizer"):
        m = state.member(mid)
        if m.engagement >= MONOPOLIZING_ENGAGEMENT and m.unchecked >= MONOPOLY_UNCHECKED_TURNS:
            return mid
    return None


def judge_need(state: GroupState, world: World, phase: str) -> Need:
    """What the group needs from the leader at this moment (see the module docstring)."""
    if state.conflict >= CONFLICT_HIGH:
        return Need("lead", "conflict is running high")
    struggling = member_in_need(state, world)
    if struggling is not None:
        if state.member(struggling).unattended >= 1:
            return Need("lead", "{member} is being lost", struggling)
        return Need("lead", "{member} is struggling alone", struggling)
    monopolizer = unchecked_monopolizer(state, world)
    if monopolizer is not None:
        return Need("lead", "{member} is taking over", monopolizer)
    if state.avoidance >= AVOIDANCE_HIGH:
        return Need("lead", "the group is avoiding")
    if phase == "opening" and state.cohesion < OPENING_COHESION:
        return Need("lead", "the group is still forming")
    if state.engagement >= ENGAGED and state.cohesion >= COHESIVE:
        return Need("follow", "the group is doing the work itself")
    return Need("follow", "the group needs room, not direction")


def need_met(move: Move, need: Need) -> bool:
    """The stance fits and, when the need is about one member, the move turns to them."""
    if move.stance != need.stance:
        return False
    return need.member is None or need.member in move.targets


def apply_fit(state: GroupState, move: Move, need: Need) -> GroupState:
    """What meeting or missing the need does to the room."""
    if need_met(move, need):
        state = state.shifted(cohesion=FIT_COHESION_GAIN, conflict=-FIT_CONFLICT_RELIEF)
        return state.map_members(
            lambda _, m: m.shifted(engagement=FIT_ENGAGEMENT_GAIN, trust=FIT_TRUST_GAIN))
    if need.stance == "follow":   # over-leading: the group turns to the leader
        state = state.shifted(cohesion=-OVERLEAD_COHESION_COST)
        return state.map_members(lambda _, m: m.shifted(engagement=-OVERLEAD_ENGAGEMENT_COST))
    state = state.shifted(conflict=UNDERLEAD_CONFLICT_RISE)   # under-leading: left unheld
    return state.map_members(
        lambda _, m: m.shifted(engagement=-UNDERLEAD_ENGAGEMENT_COST, trust=-UNDERLEAD_TRUST_COST)
    )
