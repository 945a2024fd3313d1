"""One choice, start to finish: the six steps of GROUP_MODEL.md, in order, with safety first.

`step` is pure: the same state, move, world, seed and turn always give the same result. The
only chance in the model (whether the group reaches out on its own) comes from
random.Random(f"{seed}:{turn}"), whose string seeding is stable across processes. Within the
step the rules change one working copy of the room (room.py), frozen again at the end.

Before the six steps, the risk lines just heard open their risks (risk.py), so the need sees
them; after attention, the move checks them or leaves them open a turn longer.
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
from .need import apply_fit, need_in, need_met, risk_need, verdict_of
from .risk import follow_risks, open_risks
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
        if now < WITHDRAWN <= was and mid not in after.away
    ]


def step(state: GroupState, move: Move, world: World, *, seed: int, turn: int,
         final: bool = False) -> StepResult:
    """Apply one choice to the group; see GROUP_MODEL.md and this package's docstring.
    `final`: this choice ends the session (a risk still open is missed now)."""
    room = Room(state)
    if move.opens_risk:
        open_risks(room, move)                                      # 0 safety first
    need = risk_need(room) or move.need or need_in(room, world, move.phase)  # 2 (before)
    verdict = verdict_of(move, need)
    apply_authored(room, move)                                      # 1
    apply_fit(room, move, need, verdict)                            # 2
    events = attend(room, move, world, _chance(seed, turn))         # 3
    events += follow_risks(room, move, world, final)                # 3 risks
    broke = apply_breakthroughs(state, room, move)                  # 4
    events += broke
    spread(room, world)                                             # 5
    workers = tuple(dict.fromkeys(move.targets + tuple(e.member for e in broke)))
    events += apply_archetypes(state, room, move, world, workers)   # 6
    after = room.frozen()
    events += _withdrawals(state, after)
    return StepResult(before=state, after=after, need=need,
                      fit=move.stance == need.stance, events=tuple(events),
                      met=verdict == "met", aimed=need_met(move, need), verdict=verdict)


def _chance(seed: int, turn: int):
    """This turn's draw, made only when asked: seeding a generator from a string costs as
    much as several rules, and most turns never reach the one rule that draws."""
    return lambda: random.Random(f"{seed}:{turn}").random()
