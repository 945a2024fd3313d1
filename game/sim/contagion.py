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
from .state import total
from .world import World

INFLUENCE = {"monopolizer": MONOPOLIZER_INFLUENCE, "hostile": HOSTILE_INFLUENCE}


def influence(world: World, member_id: str) -> float:
    """How hard this member pulls the others toward their own mood."""
    return INFLUENCE.get(world.archetype(member_id), TYPICAL_INFLUENCE)


def pull_plan(world: World, ids: tuple[str, ...]) -> tuple[list[float], list[float]]:
    """Each member's influence in circle order, and for each member the others' share of their
    sum (the divisor of their mean). A step keeps it in the move's plan (plan.py)."""
    weights = [influence(world, mid) for mid in ids]
    weight = total(weights)
    return weights, [weight - w for w in weights]


def spread(room: Room, world: World, pulls: tuple | None = None) -> None:
    """Every member's engagement and distress pulled toward the others' (weighted) mean.

    For each member, the others' weighted mean is the whole room's weighted sum (added left to
    right) less the member's own share, over the others' weights."""
    pull = CONTAGION_RATE * world.contagion
    if pull <= 0 or len(room.ids) < 2:
        return
    weights, spans = pulls or pull_plan(world, room.ids)
    engagement, distress = room.engagement, room.distress
    pulled_e = pulled_d = 0.0   # the weighted sums, left to right from 0.0 (as `total`), in one loop
    for w, own, felt in zip(weights, engagement, distress):
        pulled_e += w * own
        pulled_d += w * felt
    soothe = pull * DISTRESS_SOOTHING_SHARE   # calm is caught more slowly than distress
    i = 0   # counted by hand: cheaper than enumerate over ten members, twice a step
    for w, span, own, felt in zip(weights, spans, engagement, distress):
        mean = (pulled_e - w * own) / span
        moved = own + pull * (mean - own)
        engagement[i] = 0.0 if not moved > 0.0 else (1.0 if moved > 1.0 else moved)   # clamp
        mean = (pulled_d - w * felt) / span
        moved = felt + (soothe if mean < felt else pull) * (mean - felt)
        distress[i] = 0.0 if not moved > 0.0 else (1.0 if moved > 1.0 else moved)
        i += 1
