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

from .constants import (
    CONTAGION_RATE, DISTRESS_SOOTHING_SHARE, HOSTILE_INFLUENCE, MONOPOLIZER_INFLUENCE,
    TYPICAL_INFLUENCE,
)
from .room import Room
from .state import clamp, total
from .world import World

INFLUENCE = {"monopolizer": MONOPOLIZER_INFLUENCE, "hostile": HOSTILE_INFLUENCE}


def influence(world: World, member_id: str) -> float:
    """How hard this member pulls the others toward their own mood."""
    return INFLUENCE.get(world.archetype(member_id), TYPICAL_INFLUENCE)


def _others_means(weights: list[float], values: list[float]) -> list[float | None]:
    """For each member, the weighted mean of everyone else's value (None when alone):
    the whole room's weighted sums, less the member's own share."""
    weight = total(weights)
    pulled = total([w * v for w, v in zip(weights, values)])
    return [(pulled - w * v) / (weight - w) if weight - w > 0 else None
            for w, v in zip(weights, values)]


def _weights(world: World, ids: tuple[str, ...]) -> list[float]:
    """Each member's influence, in circle order (worked out once per world and circle)."""
    key = ("influence", ids)
    weights = world.memo.get(key)
    if weights is None:
        weights = world.memo[key] = [influence(world, mid) for mid in ids]
    return weights


def spread(room: Room, world: World) -> None:
    """Every member's engagement and distress pulled toward the others' (weighted) mean."""
    pull = CONTAGION_RATE * world.contagion
    if pull <= 0:
        return
    weights = _weights(world, room.ids)
    for values, soothing in ((room.engagement, False), (room.distress, True)):
        means = _others_means(weights, values)     # all from the same snapshot
        for i, mean in enumerate(means):
            if mean is not None:
                own = values[i]
                rate = pull * (DISTRESS_SOOTHING_SHARE if soothing and mean < own else 1.0)
                values[i] = clamp(own + rate * (mean - own))
