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
5. the opening phase while cohesion is below OPENING_COHESION  -> lead: "the session is opening
   and the group has not come together yet"
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
from .room import Room
from .state import GroupState, nudge
from .world import World


def member_in_need(room: Room, world: World) -> str | None:
    """The distressed member the leader must turn to, if the group cannot carry them."""
    distressed = [i for i, distress in enumerate(room.distress) if distress >= DISTRESSED]
    if not distressed:
        return None
    # A supporter is never distressed, so the group can carry one distressed member exactly
    # when it can carry any: asked once.
    carried = can_carry(room, room.ids[distressed[0]])
    at_risk = [(room.unattended[i], room.distress[i], -i, room.ids[i]) for i in distressed
               if room.unattended[i] >= world.neglect_after or not carried]
    return max(at_risk)[3] if at_risk else None


def unchecked_monopolizer(room: Room, world: World) -> str | None:
    """A monopolizer who has held the floor unblocked long enough to need checking."""
    for mid in world.members_of("monopolizer"):
        i = room.place.get(mid)
        if i is not None and room.engagement[i] >= MONOPOLIZING_ENGAGEMENT \
                and room.unchecked[i] >= MONOPOLY_UNCHECKED_TURNS:
            return mid
    return None


# The needs that are not about one member, made once (a step judges one every turn).
CONFLICT_NEED = Need("lead", "conflict is running high")
AVOIDING_NEED = Need("lead", "the group is avoiding")
FORMING_NEED = Need("lead", "the session is opening and the group has not come together yet")
WORKING_NEED = Need("follow", "the group is doing the work itself")
ROOM_NEED = Need("follow", "the group needs room, not direction")


def judge_need(state: GroupState, world: World, phase: str) -> Need:
    """What the group needs from the leader at this moment (see the module docstring)."""
    return need_in(Room(state), world, phase)


def need_in(room: Room, world: World, phase: str) -> Need:
    """`judge_need` on a room (the step judges the room it is about to change)."""
    if room.conflict >= CONFLICT_HIGH:
        return CONFLICT_NEED
    struggling = member_in_need(room, world)
    if struggling is not None:
        if room.unattended[room.place[struggling]] >= 1:
            return Need("lead", "{member} is being lost", struggling)
        return Need("lead", "{member} is struggling alone", struggling)
    monopolizer = unchecked_monopolizer(room, world)
    if monopolizer is not None:
        return Need("lead", "{member} is taking over", monopolizer)
    if room.avoidance() >= AVOIDANCE_HIGH:
        return AVOIDING_NEED
    if phase == "opening" and room.cohesion < OPENING_COHESION:
        return FORMING_NEED
    if room.mean_engagement() >= ENGAGED and room.cohesion >= COHESIVE:
        return WORKING_NEED
    return ROOM_NEED


def need_met(move: Move, need: Need) -> bool:
    """The stance fits and, when the need is about one member, the move turns to them."""
    if move.stance != need.stance:
        return False
    return need.member is None or need.member in move.targets


def apply_fit(room: Room, move: Move, need: Need) -> None:
    """What meeting or missing the need does to the room."""
    if need_met(move, need):
        room.cohesion = nudge(room.cohesion, FIT_COHESION_GAIN)
        room.conflict = nudge(room.conflict, -FIT_CONFLICT_RELIEF)
        gains = ((room.engagement, FIT_ENGAGEMENT_GAIN), (room.trust, FIT_TRUST_GAIN))
    elif need.stance == "follow":   # over-leading: the group turns to the leader
        room.cohesion = nudge(room.cohesion, -OVERLEAD_COHESION_COST)
        gains = ((room.engagement, -OVERLEAD_ENGAGEMENT_COST),)
    else:                           # under-leading: left unheld
        room.conflict = nudge(room.conflict, UNDERLEAD_CONFLICT_RISE)
        gains = ((room.engagement, -UNDERLEAD_ENGAGEMENT_COST), (room.trust, -UNDERLEAD_TRUST_COST))
    for values, delta in gains:
        values[:] = [nudge(value, delta) for value in values]
