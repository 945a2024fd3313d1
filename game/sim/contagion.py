"""Step 5: contagion — members drift toward the mood of the others.

For each member, the others' engagement and distress are averaged with weights (a monopolizer
and a hostile member weigh MONOPOLIZER_INFLUENCE / HOSTILE_INFLUENCE, everyone else
TYPICAL_INFLUENCE): they pull harder. The member then closes CONTAGION_RATE x contagion of the
gap to that mean, for engagement and for distress — except that distress falls toward calmer
others at only DISTRESS_SOOTHING_SHARE of that rate: distress is caught more easily than calm,
so a distressed member left alone stays distressed. All members move at once, from the same
snapshot, so the order of members does not matter. With contagion 0 nothing moves.
"""
from __future__ import annotations

from dataclasses import replace

from .constants import (
    CONTAGION_RATE, DISTRESS_SOOTHING_SHARE, HOSTILE_INFLUENCE, MONOPOLIZER_INFLUENCE,
    TYPICAL_INFLUENCE,
)
from .state import GroupState, clamp
from .world import World

INFLUENCE = {"monopolizer": MONOPOLIZER_INFLUENCE, "hostile": HOSTILE_INFLUENCE}


def influence(world: World, member_id: str) -> float:
    """How hard this member pulls the others toward their own mood."""
    return INFLUENCE.get(world.archetype(member_id), TYPICAL_INFLUENCE)


def _others_mean(state: GroupState, world: World, member_id: str, var: str) -> float | None:
    pairs = [(influence(world, mid), getattr(m, var)) for mid, m in state.members
             if mid != member_id]
    weight = sum(w for w, _ in pairs)
    return sum(w * v for w, v in pairs) / weight if weight else None


def spread(state: GroupState, world: World) -> GroupState:
    """Every member's engagement and distress pulled toward the others' (weighted) mean."""
    pull = CONTAGION_RATE * world.contagion
    if pull <= 0:
        return state

    def drift(mid, m):
        changes = {}
        for var in ("engagement", "distress"):
            mean = _others_mean(state, world, mid, var)
            if mean is not None:
                own = getattr(m, var)
                rate = pull * (DISTRESS_SOOTHING_SHARE if var == "distress" and mean < own else 1.0)
                changes[var] = clamp(own + rate * (mean - own))
        return replace(m, **changes)

    return state.map_members(drift)
