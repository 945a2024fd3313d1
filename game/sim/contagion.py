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


def _others_means(weights: list[float], weight: float, values: list[float]) -> list[float]:
    """For each member, the weighted mean of everyone else's value: the whole room's weighted
    sum, less the member's own share. Weights are positive, so with two members or more
    everyone has others to average."""
    pulled = total([w * v for w, v in zip(weights, values)])
    return [(pulled - w * v) / (weight - w) for w, v in zip(weights, values)]


def _weights(world: World, ids: tuple[str, ...]) -> tuple[list[float], float]:
    """Each member's influence in circle order, and their sum (once per world and circle)."""
    key = ("influence", ids)
    found = world.memo.get(key)
    if found is None:
        weights = [influence(world, mid) for mid in ids]
        found = world.memo[key] = (weights, total(weights))
    return found


def spread(room: Room, world: World) -> None:
    """Every member's engagement and distress pulled toward the others' (weighted) mean."""
    pull = CONTAGION_RATE * world.contagion
    if pull <= 0 or room.size < 2:
        return
    weights, weight = _weights(world, room.ids)
    means = _others_means(weights, weight, room.engagement)
    room.engagement[:] = [clamp(own + pull * (mean - own))
                          for own, mean in zip(room.engagement, means)]
    means = _others_means(weights, weight, room.distress)
    soothe = pull * DISTRESS_SOOTHING_SHARE   # calm is caught more slowly than distress
    room.distress[:] = [clamp(own + (soothe if mean < own else pull) * (mean - own))
                        for own, mean in zip(room.distress, means)]
