"""What one move does in one circle, worked out the first time it is played there.

The engine plays the same Move for a choice in every session, in the scenario's one World, so
what each rule reads of a move depends only on the move, the world and who is in the room:
which numbers the authored effects change (effects.py), whom the move attends and eases
(attention.py), which archetype rules it wakes (archetypes.py), how hard each member pulls
the others (contagion.py). The plan is kept with the move, per circle (who is away changes
it), and a step looks it up once. It holds the world it was made for: played in another world
(tests do), the move is planned again.
"""
from __future__ import annotations

from typing import NamedTuple

from .archetypes import actions_plan
from .attention import heard_plan
from .contagion import pull_plan
from .effects import authored_plan
from .move import Move
from .room import Room
from .world import World


class Plan(NamedTuple):
    world: World
    authored: tuple    # effects.authored_plan
    heard: tuple       # attention.heard_plan
    actions: tuple     # archetypes.actions_plan
    pulls: tuple       # contagion.pull_plan


def plan_of(move: Move, world: World, room: Room) -> Plan:
    """The move's plan in this world and circle, made the first time it is asked for."""
    ids = room.ids
    plan = move.memo.get(ids)
    if plan is None or plan.world is not world:
        plan = move.memo[ids] = Plan(world, authored_plan(move, ids), heard_plan(move, ids),
                                     actions_plan(move, world, room), pull_plan(world, ids))
    return plan
