"""One choice, start to finish: the six steps of GROUP_MODEL.md, in order.

`step` is pure: the same state, move, world, seed and turn always give the same result. The
only chance in the model (whether the group reaches out on its own) comes from
random.Random(f"{seed}:{turn}"), whose string seeding is stable across processes.
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
from .need import apply_fit, judge_need, need_met
from .state import GroupState
from .world import World


def _withdrawals(before: GroupState, after: GroupState) -> list[Event]:
    """Members who crossed into withdrawal this turn."""
    return [
        Event("withdrawal", mid)
        for mid, m in after.members
        if m.engagement < WITHDRAWN <= before.member(mid).engagement
    ]


def step(state: GroupState, move: Move, world: World, *, seed: int, turn: int) -> StepResult:
    """Apply one choice to the group; see GROUP_MODEL.md and this package's docstring."""
    rng = random.Random(f"{seed}:{turn}")
    need = move.need or judge_need(state, world, move.phase)        # 2 (judged before)
    now = apply_authored(state, move)                               # 1
    now = apply_fit(now, move, need).clamped()                      # 2
    now, events = attend(now, move, world, rng)                     # 3
    now, broke = apply_breakthroughs(state, now.clamped(), move)    # 4
    events += broke
    now = spread(now.clamped(), world)                              # 5
    workers = tuple(dict.fromkeys(move.targets + tuple(e.member for e in broke)))
    now, bent = apply_archetypes(state, now.clamped(), move, world, workers)   # 6
    events += bent
    after = now.clamped()
    events += _withdrawals(state, after)
    return StepResult(before=state, after=after, need=need,
                      fit=move.stance == need.stance, events=tuple(events),
                      met=need_met(move, need))
