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
from .state import GroupState


def breaking_through(before: GroupState, now: GroupState, move: Move) -> list[str]:
    """Members who break through this turn, in scenario order."""
    found = []
    for mid, m in now.members:
        fell = before.member(mid).distress - m.distress
        natural = m.trust >= BREAKTHROUGH_TRUST and fell >= BREAKTHROUGH_DISTRESS_FALL - 1e-9
        if mid == move.breakthrough or natural:
            found.append(mid)
    return found


def _ripple(state: GroupState, member_id: str) -> GroupState:
    state = state.map_members(
        lambda mid, m: m.shifted(distress=-BREAKTHROUGH_RELIEF) if mid == member_id
        else m.shifted(engagement=BREAKTHROUGH_RIPPLE_ENGAGEMENT, trust=BREAKTHROUGH_RIPPLE_TRUST)
    )
    return state.shifted(cohesion=BREAKTHROUGH_COHESION_GAIN)


def apply_breakthroughs(before: GroupState, now: GroupState, move: Move):
    """(new state, breakthrough events) for this turn."""
    events = []
    for mid in breaking_through(before, now, move):
        events.append(Event("breakthrough", mid))
        now = _ripple(now, mid)
    return now, events
