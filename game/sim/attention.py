"""Step 3: attention and neglect, and the group doing some of the leader's work.

Attended this turn: the move's targets, the member an authored breakthrough is about, and a
member another member reached out to (a `support` event). Everyone else's `unattended` count
grows by one; an attended member's count returns to 0. A targeted member's distress eases by
ATTENTION_RELIEF (being heard), before archetypes may undo it; not by a harmful move, which
is no relief however directly it is aimed.

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

from typing import Callable

from .constants import (
    ATTENTION_RELIEF, DISTRESSED, NEGLECT_COHESION_COST, NEGLECT_ENGAGEMENT_COST,
    NEGLECT_RIPPLE_ENGAGEMENT, NEGLECT_RIPPLE_TRUST, NEGLECT_TRUST_COST, SUPPORT_CHANCE,
    SUPPORT_COHESION_GAIN, SUPPORT_MIN_COHESION, SUPPORT_TRUST_GAIN, SUPPORTER_MIN_ENGAGEMENT,
    SUPPORTER_MIN_TRUST,
)
from .move import Event, Move
from .room import Room, push_others, shift
from .state import nudge
from .world import World


def _able(room: Room, member_id: str) -> list[int]:
    """The places of members present, trusting and not overwhelmed, other than `member_id`."""
    return [i for i, (mid, engagement, trust, distress) in enumerate(
                zip(room.ids, room.engagement, room.trust, room.distress))
            if mid != member_id and engagement >= SUPPORTER_MIN_ENGAGEMENT
            and trust >= SUPPORTER_MIN_TRUST and distress < DISTRESSED]


def supporters(room: Room, member_id: str, world: World | None = None) -> list[str]:
    """Members able to reach out to `member_id`, the most likely first (a rescuer leads)."""
    ranked = [(world is not None and world.archetype(room.ids[i]) == "rescuer",
               room.engagement[i] * room.trust[i], -i, room.ids[i])
              for i in _able(room, member_id)]
    return [entry[3] for entry in sorted(ranked, reverse=True)]


def can_carry(room: Room, member_id: str) -> bool:
    """Whether the group, left to itself, can reach out to this member (`_able`, stopping at
    the first member able: the need asks it on most turns)."""
    if room.cohesion < SUPPORT_MIN_COHESION:
        return False
    for mid, engagement, trust, distress in zip(room.ids, room.engagement, room.trust, room.distress):
        if mid != member_id and engagement >= SUPPORTER_MIN_ENGAGEMENT \
                and trust >= SUPPORTER_MIN_TRUST and distress < DISTRESSED:
            return True
    return False


def _most_at_risk(room: Room, move: Move) -> str | None:
    ranked = [
        (room.unattended[i], distress, -i, mid)
        for i, (mid, distress) in enumerate(zip(room.ids, room.distress))
        if distress >= DISTRESSED and mid not in move.targets
    ]
    return max(ranked)[3] if ranked else None


def group_support(room: Room, move: Move, world: World, draw: Callable[[], float]):
    """The support event of this turn, if the group reaches out on its own; else None.
    `draw()` gives this turn's chance, 0..1 (the only chance in the model)."""
    if move.stance != "follow" or room.cohesion < SUPPORT_MIN_COHESION:
        return None   # (a group below the line carries nobody: can_carry)
    member = _most_at_risk(room, move)
    if member is None or not can_carry(room, member):
        return None
    if draw() >= SUPPORT_CHANCE:
        return None
    return Event("support", member, by=supporters(room, member, world)[0])


def _neglect(room: Room, lost: int, world: World) -> None:
    """The member at place `lost` is being lost this turn; the others see it happen."""
    for values, own, ripple in (
            (room.engagement, -NEGLECT_ENGAGEMENT_COST, -NEGLECT_RIPPLE_ENGAGEMENT * world.contagion),
            (room.trust, -NEGLECT_TRUST_COST, -NEGLECT_RIPPLE_TRUST * world.contagion)):
        push_others(values, lost, ripple)
        values[lost] = nudge(values[lost], own)
    room.cohesion = nudge(room.cohesion, -NEGLECT_COHESION_COST)


def heard_plan(move: Move, ids: tuple[str, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Who the move itself leaves unattended (targets and an authored breakthrough are
    attended), as 0 or 1 per place, and the places it eases by being heard (none for a harmful
    move). A step keeps it in the move's plan (plan.py)."""
    named = set(move.targets)
    if move.breakthrough:
        named.add(move.breakthrough)
    eased = () if move.quality == "harmful" else tuple(
        i for i, mid in enumerate(ids) if mid in move.targets)
    return tuple(0 if mid in named else 1 for mid in ids), eased


def attend(room: Room, move: Move, world: World, draw: Callable[[], float] | None,
           heard: tuple | None = None) -> list[Event]:
    """Attention, support and neglect for this turn, in the room; the events (`draw`: see
    group_support, asked only of a follow; `heard`: heard_plan)."""
    events: list[Event] = []
    unheard, eased = heard or heard_plan(move, room.ids)
    support = group_support(room, move, world, draw) if move.stance == "follow" else None
    if support is not None:
        events.append(support)
        i = room.place[support.member]
        unheard = unheard[:i] + (0,) + unheard[i + 1:]
        shift(room.trust, i, SUPPORT_TRUST_GAIN)
        room.cohesion = nudge(room.cohesion, SUPPORT_COHESION_GAIN)
    distress = room.distress
    for i in eased:
        distress[i] = nudge(distress[i], -ATTENTION_RELIEF)
    unattended = room.unattended   # one more turn unattended, or back to 0 (a plain loop:
    for i, missed in enumerate(unheard):   # the quickest way over ten members)
        unattended[i] = unattended[i] + 1 if missed else 0
    if not distress or max(distress) < DISTRESSED:   # nobody can be lost: skip the look
        return events
    after = world.neglect_after
    lost = [i for i, (level, count) in enumerate(zip(distress, unattended))
            if level >= DISTRESSED and count >= after]
    for i in lost:
        events.append(Event("neglect", room.ids[i]))
        _neglect(room, i, world)
    return events
