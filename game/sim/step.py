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
from .contagion import spread
from .effects import apply_authored
from .move import Event, Move, Need, StepResult
from .need import apply_fit, need_in, need_met, risk_need, verdict_given
from .plan import plan_of
from .risk import follow_risks, open_risks
from .room import Room
from .state import GroupState, as_named
from .world import World


def step(state: GroupState, move: Move, world: World, *, seed: int, turn: int,
         final: bool = False) -> StepResult:
    """Apply one choice to the group; see GROUP_MODEL.md and this package's docstring.
    `final`: this choice ends the session (a risk still open is missed now)."""
    room = Room(state)
    plan = plan_of(move, world, room)
    if move.opens_risk:
        open_risks(room, move)                                      # 0 safety first
    need = (room.risks and risk_need(room)) or move.need or need_in(room, world, move.phase)
    aimed = need_met(move, need)                                    # 2 (judged before)
    verdict = verdict_given(move, aimed)
    apply_authored(room, move, plan.authored)                       # 1
    apply_fit(room, move, need, verdict)                            # 2
    draw = _chance(seed, turn) if move.stance == "follow" else None   # only a follow may draw
    events = attend(room, move, world, draw, plan.heard)            # 3
    if room.risks:
        events += follow_risks(room, move, world, final)            # 3 risks
    broke = apply_breakthroughs(state, room, move)                  # 4
    spread(room, world, plan.pulls)                                 # 5
    if broke:
        events += broke
        workers = tuple(dict.fromkeys(move.targets + tuple(e.member for e in broke)))
    else:
        workers = move.unique_targets
    events += apply_archetypes(room, move, world, workers, plan.actions)  # 6
    for mid in room.withdrawals():
        events.append(Event("withdrawal", mid))
    return as_named(StepResult, (state, room.frozen(), need, move.stance == need.stance,
                                 tuple(events), verdict == "met", aimed, verdict))


def need_before(state: GroupState, move: Move, world: World) -> Need:
    """What the group needs as a choice at this node is about to be made: the judgement `step`
    makes first (the node's risk lines opened, then safety, the author's `need:`, the rules).
    It depends on the node, never on which of its choices is taken, so a front end may ask it
    before the trainee chooses (to compare with the trainee's own reading of the room)."""
    room = Room(state)
    if move.opens_risk:
        open_risks(room, move)
    return (room.risks and risk_need(room)) or move.need or need_in(room, world, move.phase)


def _chance(seed: int, turn: int):
    """This turn's draw, made only when asked: seeding a generator from a string costs as
    much as several rules, and most turns never reach the one rule that draws."""
    return lambda: random.Random(f"{seed}:{turn}").random()
