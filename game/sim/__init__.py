"""The group model: how the people in the circle feel about each choice.

Pure Python, deterministic, no pygame and no I/O. Given a state, a move (the trainee's choice
as the model sees it), a world (who is in the circle) and a seed, `step` returns the next state,
what the group needed, whether the move met it, and what happened (events).

Each step, in order (GROUP_MODEL.md): 1 authored effects (effects.py), 2 need and stance fit
(need.py), 3 attention, support and neglect (attention.py), 4 breakthrough (breakthrough.py),
5 contagion (contagion.py), 6 archetypes (archetypes.py). Within a step the rules change one
working copy of the circle (room.py); states themselves are frozen. What a move does in a
circle is worked out once and kept with the move (plan.py). Every module's docstring
states its formulas in words; every number lives, named and explained, in constants.py.
MODEL.md in this folder gathers it all for scenario authors.
"""
from __future__ import annotations

from .captions import describe_changes, thought
from .move import Event, Move, Need, StepResult
from .need import judge_need
from .state import GroupState, MemberState
from .step import step
from .world import World, initial_state

__all__ = [
    "MemberState", "GroupState", "World", "Move", "Event", "Need", "StepResult",
    "initial_state", "judge_need", "step", "describe_changes", "thought",
]
