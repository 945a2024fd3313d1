"""One choice, start to finish: the six steps of GROUP_MODEL.md, in order.

`step` is pure: the same state, move, world, seed and turn always give the same result. The
only chance in the model (whether the group reaches out on its own) comes from
random.Random(f"{seed}:{turn}"), whose string seeding is stable across processes. Within the
step the rules change one working copy of the room (room.py), frozen again at the end.
"""
from __future__ import annotations

import random

from .archetypes import apply_archetypes
from .attention import attend
from .breakthrough import apply_breakthroughs
from .constants import WITHDRAWN
from .contagion import spread
from .effects import apply_authored
from .move import Event, Move, StepResult
from .need import apply_fit, need_in, need_met
from .room import Room
from .state import GroupState
from .world import World


def _withdrawals(before: GroupState, after: GroupState) -> list[Event]:
    """Members who crossed into withdrawal this turn."""
    if min(after.columns.engagement, default=1.0) >= WITHDRAWN:
        return []
    return [
        Event("withdrawal", mid)
        for mid, now, was in zip(after.member_ids, after.columns.engagement,
                                 before.columns.engagement)
        if now < WITHDRAWN <= was
    ]


def step(state: GroupState, move: Move, world: World, *, seed: int, turn: int) -> StepResult:
    """Apply one choice to the group; see GROUP_MODEL.md and this package's docstring."""
    room = Room(state)
    need = move.need or need_in(room, world, move.phase)            # 2 (judged before)
    apply_authored(room, move)                                      # 1
    apply_fit(room, move, need)                                     # 2
    events = attend(room, move, world, _chance(seed, turn))         # 3
    broke = apply_breakthroughs(state, room, move)                  # 4
    events += broke
    spread(room, world)                                             # 5
    workers = tuple(dict.fromkeys(move.targets + tuple(e.member for e in broke)))
    events += apply_archetypes(state, room, move, world, workers)   # 6
    after = room.frozen()
    events += _withdrawals(state, after)
    return StepResult(before=state, after=after, need=need,
                      fit=move.stance == need.stance, events=tuple(events),
                      met=need_met(move, need))


def _chance(seed: int, turn: int):
    """This turn's draw, made only when asked: seeding a generator from a string costs as
    much as several rules, and most turns never reach the one rule that draws."""
    return lambda: random.Random(f"{seed}:{turn}").random()
