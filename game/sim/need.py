"""Step 2: what the group needs now — lead or follow — and what meeting or missing it does.

The need is judged on the state *before* the choice, in this order (first match wins):

0. an open risk of harm (a member said a `risk: true` line and no choice has checked it yet),
   oldest first -> lead toward that member: "{member} may be at risk of harm". Safety first:
   this outranks every other rule, the author's own `need:` included, and is met only by a
   choice that `checks_risk` with that member in its targets.
1. conflict at or above CONFLICT_HIGH                          -> lead: "conflict is running high"
   — but in the working phase, when the group is holding it (engaged and cohesive, and the
   conflict below CONFLICT_HOSTILE), the conflict is the work: the need is still to lead, to
   help the group work it through ("the group is holding a conflict: help it work it through,
   not away"), and meeting it does not lower conflict.
2. a distressed member (distress >= DISTRESSED) whom the group cannot carry (attention.can_carry)
   or who is already being lost (unattended >= neglect_after), whatever the group; the one
   longest unattended, then most distressed -> lead: "{member} is being lost" once unattended
   for a turn or more, else "{member} is struggling alone"
3. a monopolizer holding the floor (engagement >= MONOPOLIZING_ENGAGEMENT) unblocked for
   MONOPOLY_UNCHECKED_TURNS turns                              -> lead: "{member} is taking over"
4. avoidance at or above AVOIDANCE_HIGH                        -> lead: "the group is avoiding"
5. the opening phase while cohesion is below OPENING_COHESION  -> lead: "the session is just
   opening and the room has not settled yet"
6. otherwise follow: "the group is doing the work itself" when engagement >= ENGAGED and
   cohesion >= COHESIVE, else "the group needs room, not direction".

No knife edges: each line has a band of NEAR either side. Inside the band the rule takes the
cautious side (it fires) and says so ("Amara is close to being lost"), so a state a hair
either side of a line gets the same need and the same reason.

A need about one member (0, 2 and 3) is met only by a lead that targets that member: leading
somewhere else leaves them unheld, and the room reads it as under-leading.

The verdict has two axes (TEACHING.md): the stance axis (`aimed`: the stance fits and, for a
member's need, the move turns to them; for a risk, it checks it) and the move's `quality`.
`met` = aimed with a best or good move; `partly` = aimed, with a poor or harmful move;
`missed` = not aimed.

Meeting the need (`met`) raises cohesion, engagement and trust and lowers conflict (not while
the conflict is the group's work). Over-leading (lead when follow was needed) makes the group
leader-centred: engagement and cohesion fall. Under-leading (follow when lead was needed, or a
lead elsewhere) lets conflict rise and avoidance grow. `partly` earns neither. A harmful move
costs trust where it lands, whatever the verdict.
"""
from __future__ import annotations

from .attention import can_carry
from .constants import (
    AVOIDANCE_HIGH, COHESIVE, CONFLICT_HIGH, CONFLICT_HOSTILE, DISTRESSED, ENGAGED,
    FIT_COHESION_GAIN, FIT_CONFLICT_RELIEF, FIT_ENGAGEMENT_GAIN, FIT_TRUST_GAIN, HARM_TRUST_COST,
    MONOPOLIZING_ENGAGEMENT, MONOPOLY_UNCHECKED_TURNS, NEAR, OPENING_COHESION,
    OVERLEAD_COHESION_COST, OVERLEAD_ENGAGEMENT_COST, UNDERLEAD_CONFLICT_RISE,
    UNDERLEAD_ENGAGEMENT_COST, UNDERLEAD_TRUST_COST,
)
from .move import Move, Need
from .room import Room, push_all, shift
from .state import GroupState, nudge
from .world import World

GOOD_MOVES = ("best", "good")

# Where each line's band begins: a rule fires from here (the cautious side of the line).
CONFLICT_FROM = CONFLICT_HIGH - NEAR
DISTRESS_FROM = DISTRESSED - NEAR
MONOPOLY_FROM = MONOPOLIZING_ENGAGEMENT - NEAR
AVOIDANCE_FROM = AVOIDANCE_HIGH - NEAR


def near(value: float, line: float) -> bool:
    """Within the band either side of a line, where the need says 'close to'."""
    return line - NEAR <= value < line + NEAR


def member_in_need(room: Room, world: World) -> str | None:
    """The distressed member the leader must turn to, if the group cannot carry them (members
    close to the line count: the leader should turn before they cross it)."""
    if not room.distress or max(room.distress) < DISTRESS_FROM:
        return None   # the usual turn: nobody near the line
    distressed = [i for i, distress in enumerate(room.distress) if distress >= DISTRESS_FROM]
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
        if i is not None and room.engagement[i] >= MONOPOLY_FROM \
                and room.unchecked[i] >= MONOPOLY_UNCHECKED_TURNS:
            return mid
    return None


# The needs that are not about one member, made once (a step judges one every turn).
CONFLICT_NEED = Need("lead", "conflict is running high")
CONFLICT_NEAR_NEED = Need("lead", "conflict is close to boiling over")
HELD_CONFLICT_NEED = Need("lead", "the group is holding a conflict: help it work it through, not away")
AVOIDING_NEED = Need("lead", "the group is avoiding")
AVOIDING_NEAR_NEED = Need("lead", "the group is close to avoiding the work")
FORMING_NEED = Need("lead", "the session is just opening and the room has not settled yet")
SETTLING_NEED = Need("lead", "the session is opening and the room is only starting to settle")
WORKING_NEED = Need("follow", "the group is doing the work itself")
NEARLY_WORKING_NEED = Need("follow", "the group is close to doing the work itself")
ROOM_NEED = Need("follow", "the group needs room, not direction")


def judge_need(state: GroupState, world: World, phase: str) -> Need:
    """What the group needs from the leader at this moment (see the module docstring)."""
    return need_in(Room(state), world, phase)


def risk_need(room: Room) -> Need | None:
    """Safety first: the oldest open risk of harm, if any."""
    if not room.risks:
        return None
    return _about("{member} may be at risk of harm and nobody has asked", room.risks[0].member,
                  risk=True)


_ABOUT: dict[tuple, Need] = {}


def _about(reason: str, member: str, risk: bool = False) -> Need:
    """The lead need `reason` about `member`, made once (needs are values: the same need is
    the same object every time it is judged)."""
    key = (reason, member, risk)
    need = _ABOUT.get(key)
    if need is None:
        need = _ABOUT[key] = Need("lead", reason, member, risk=risk)
    return need


def holding_conflict(room: Room, phase: str) -> bool:
    """An engaged, cohesive working group holding a conflict it can bear: the conflict is work."""
    return (phase == "working" and room.conflict < CONFLICT_HOSTILE
            and room.climate()[0] >= ENGAGED and room.cohesion >= COHESIVE)


def need_in(room: Room, world: World, phase: str) -> Need:
    """`judge_need` on a room (the step judges the room it is about to change)."""
    if room.conflict >= CONFLICT_FROM:
        if holding_conflict(room, phase):
            return HELD_CONFLICT_NEED
        return CONFLICT_NEAR_NEED if near(room.conflict, CONFLICT_HIGH) else CONFLICT_NEED
    member_need = _member_need(room, world)
    if member_need is not None:
        return member_need
    engagement, avoidance = room.climate()
    if avoidance >= AVOIDANCE_FROM:
        return AVOIDING_NEAR_NEED if near(avoidance, AVOIDANCE_HIGH) else AVOIDING_NEED
    if phase == "opening" and room.cohesion < OPENING_COHESION + NEAR:
        return SETTLING_NEED if near(room.cohesion, OPENING_COHESION) else FORMING_NEED
    margin = min(engagement - ENGAGED, room.cohesion - COHESIVE)
    if margin >= NEAR:
        return WORKING_NEED
    return NEARLY_WORKING_NEED if margin >= -NEAR else ROOM_NEED


def _member_need(room: Room, world: World) -> Need | None:
    """Rules 2 and 3: a member being lost, or a monopolizer taking over."""
    struggling = member_in_need(room, world)
    if struggling is not None:
        i = room.place[struggling]
        if near(room.distress[i], DISTRESSED):
            return _about("{member} is close to being lost", struggling)
        if room.unattended[i] >= 1:
            return _about("{member} is being lost", struggling)
        return _about("{member} is struggling alone", struggling)
    monopolizer = unchecked_monopolizer(room, world)
    if monopolizer is not None:
        if near(room.engagement[room.place[monopolizer]], MONOPOLIZING_ENGAGEMENT):
            return _about("{member} is close to taking over", monopolizer)
        return _about("{member} is taking over", monopolizer)
    return None


def need_met(move: Move, need: Need) -> bool:
    """The stance axis: the stance fits and, when the need is about one member, the move
    turns to them (for an open risk: checks it)."""
    if move.stance != need.stance:
        return False
    if need.member is None:
        return True
    if need.member not in move.targets:
        return False
    return move.checks_risk or not need.risk


def verdict_of(move: Move, need: Need) -> str:
    """Both axes at once: "met", "partly" or "missed" (see the module docstring)."""
    return verdict_given(move, need_met(move, need))


def verdict_given(move: Move, aimed: bool) -> str:
    """The verdict of a move whose stance axis (`need_met`) is already known."""
    if not aimed:
        return "missed"
    return "met" if move.quality in GOOD_MOVES else "partly"


def apply_fit(room: Room, move: Move, need: Need, verdict: str) -> None:
    """What meeting or missing the need does to the room."""
    if move.quality == "harmful":
        for i in _landing(room, move):
            shift(room.trust, i, -HARM_TRUST_COST)
    if verdict == "partly":         # the right call, done badly: no credit, no stance cost
        return
    if verdict == "met":
        room.cohesion = nudge(room.cohesion, FIT_COHESION_GAIN)
        if need is not HELD_CONFLICT_NEED:   # a conflict the group is working is not erased
            room.conflict = nudge(room.conflict, -FIT_CONFLICT_RELIEF)
        gains = ((room.engagement, FIT_ENGAGEMENT_GAIN), (room.trust, FIT_TRUST_GAIN))
    elif need.stance == "follow":   # over-leading: the group turns to the leader
        room.cohesion = nudge(room.cohesion, -OVERLEAD_COHESION_COST)
        gains = ((room.engagement, -OVERLEAD_ENGAGEMENT_COST),)
    else:                           # under-leading: left unheld
        room.conflict = nudge(room.conflict, UNDERLEAD_CONFLICT_RISE)
        gains = ((room.engagement, -UNDERLEAD_ENGAGEMENT_COST), (room.trust, -UNDERLEAD_TRUST_COST))
    for values, delta in gains:
        push_all(values, delta)


def _landing(room: Room, move: Move) -> list[int]:
    """The places a move lands on: its targets present, or everyone when it names none."""
    if not move.targets:
        return list(range(room.size))
    return [room.place[t] for t in move.targets if t in room.place]
