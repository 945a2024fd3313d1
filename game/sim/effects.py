"""Step 1: the effects the scenario's author wrote on a choice, applied as written.

Parties: `group` takes cohesion and conflict; `everyone` and a member id take engagement,
trust and distress. The validator refuses a member's number on `group` and a group number on
a member (unknown-key); the model, given one anyway (a test, a future format), reads it as
an instructor would: a member's number on `group` reaches every member, a group number on a
member or on `everyone` reaches the group. An unknown member id is ignored (the validator reports it).
Deltas add up first and everything is clamped to 0..1 once, after all of them.
"""
from __future__ import annotations

from .move import Move
from .room import Room
from .state import GROUP_VARS, MEMBER_VARS, clamp

SHARED = ("group", "everyone")   # the parties whose member numbers reach every member


def _member_deltas(move: Move) -> dict[str, dict[str, float]]:
    """Party -> summed member deltas, for the parties the move names."""
    totals: dict[str, dict[str, float]] = {}
    for party, deltas in move.effects:
        for var, delta in deltas:
            if var in MEMBER_VARS:
                mine = totals.setdefault(party, {})
                mine[var] = mine.get(var, 0.0) + delta
    return totals


def _add(totals: dict[str, float], deltas: dict[str, float]) -> dict[str, float]:
    for var, delta in deltas.items():
        totals[var] = totals.get(var, 0.0) + delta
    return totals


def _group_deltas(move: Move, ids: tuple[str, ...]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for party, deltas in move.effects:
        if party not in SHARED and party not in ids:
            continue
        for var, delta in deltas:
            if var in GROUP_VARS:
                totals[var] = totals.get(var, 0.0) + delta
    return totals


def _member_ops(move: Move, ids: tuple[str, ...]) -> list[tuple[int, int, float]]:
    """(variable's column, member's place, delta) for every member number the move changes:
    `group` and `everyone` for all, then each member's own. Columns as in MEMBER_VARS."""
    by_party = _member_deltas(move)
    shared: dict[str, float] = {}
    for party in SHARED:
        _add(shared, by_party.get(party, {}))
    return [(MEMBER_VARS.index(var), i, delta) for i, mid in enumerate(ids)
            for var, delta in _add(dict(shared), by_party.get(mid, {})).items()]


def authored_plan(move: Move, ids: tuple[str, ...]) -> tuple:
    """(cohesion delta, conflict delta, member ops) of the move in this circle (a step keeps
    it in the move's plan: plan.py)."""
    group = _group_deltas(move, ids)
    return group.get("cohesion", 0.0), group.get("conflict", 0.0), _member_ops(move, ids)


def apply_authored(room: Room, move: Move, planned: tuple | None = None) -> None:
    """Add the choice's authored deltas to the room, then clamp (`planned`: authored_plan).

    Each member number gets at most one op (its deltas summed in the plan), so clamping it as
    it lands is clamping after all of them. In a room whose numbers began in range (the
    model's own states) no other number can be out of it, so none other is looked at."""
    cohesion, conflict, ops = planned or authored_plan(move, room.ids)
    room.cohesion = clamp(room.cohesion + cohesion)
    room.conflict = clamp(room.conflict + conflict)
    columns = (room.engagement, room.trust, room.distress)   # as in MEMBER_VARS
    if not room.began_in_range:
        for column, i, delta in ops:
            columns[column][i] += delta
        room.clamp()
        return
    for column, i, delta in ops:
        values = columns[column]
        moved = values[i] + delta
        values[i] = 0.0 if not moved > 0.0 else (1.0 if moved > 1.0 else moved)   # clamp, inline
