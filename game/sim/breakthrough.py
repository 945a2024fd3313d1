"""Step 4: breakthrough — one member puts something down, and the others feel it.

A breakthrough fires for the member a choice names in `breakthrough`, and for any member
whose trust is at least BREAKTHROUGH_TRUST while their distress has fallen by at least
BREAKTHROUGH_DISTRESS_FALL since the turn began (authored effects and the steps so far).
The member's distress falls by BREAKTHROUGH_RELIEF; every other member's engagement and trust
rise (instillation of hope, universality) and cohesion rises.
"""
from __future__ import annotations

from .constants import (
    BREAKTHROUGH_COHESION_GAIN, BREAKTHROUGH_DISTRESS_FALL, BREAKTHROUGH_RELIEF,
    BREAKTHROUGH_RIPPLE_ENGAGEMENT, BREAKTHROUGH_RIPPLE_TRUST, BREAKTHROUGH_TRUST,
)
from .move import Event, Move
from .room import Room, push_others, shift
from .state import GroupState, nudge


def breaking_through(before: GroupState, room: Room, move: Move) -> list[str]:
    """Members who break through this turn, in scenario order."""
    trust = room.trust   # (a keyword default on max costs more than this test: hot)
    if move.breakthrough is None and (not trust or max(trust) < BREAKTHROUGH_TRUST):
        return []   # the usual turn: nobody trusts enough to let go, and nobody is given it
    given, fall = move.breakthrough, BREAKTHROUGH_DISTRESS_FALL - 1e-9
    return [mid for mid, trust, was, now in zip(room.ids, room.trust, room.start.distress,
                                                room.distress)
            if mid == given or (trust >= BREAKTHROUGH_TRUST and was - now >= fall)]


def _ripple(room: Room, member: int) -> None:
    shift(room.distress, member, -BREAKTHROUGH_RELIEF)
    push_others(room.engagement, member, BREAKTHROUGH_RIPPLE_ENGAGEMENT)
    push_others(room.trust, member, BREAKTHROUGH_RIPPLE_TRUST)
    room.cohesion = nudge(room.cohesion, BREAKTHROUGH_COHESION_GAIN)


def apply_breakthroughs(before: GroupState, room: Room, move: Move) -> list[Event]:
    """Breakthroughs this turn, in the room (`before`: the state as the turn began)."""
    events = []
    for mid in breaking_through(before, room, move):
        events.append(Event("breakthrough", mid))
        _ripple(room, room.place[mid])
    return events
