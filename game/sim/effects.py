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
from .state import GROUP_VARS, MEMBER_VARS, GroupState


def _member_deltas(move: Move) -> dict[str, dict[str, float]]:
    """Party -> summed member deltas, for the parties the move names."""
    totals: dict[str, dict[str, float]] = {}
    for party, deltas in move.effects:
        for var, delta in deltas:
            if var in MEMBER_VARS:
                mine = totals.setdefault(party, {})
                mine[var] = mine.get(var, 0.0) + delta
    return totals


def _deltas_for(by_party: dict[str, dict[str, float]], member_id: str) -> dict[str, float]:
    """What applies to one member: `group` and `everyone` (member numbers), then their own."""
    totals: dict[str, float] = {}
    for party in ("group", "everyone", member_id):
        for var, delta in by_party.get(party, {}).items():
            totals[var] = totals.get(var, 0.0) + delta
    return totals


def _group_deltas(move: Move, member_ids: tuple[str, ...]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for party, deltas in move.effects:
        if party not in ("group", "everyone") and party not in member_ids:
            continue
        for var, delta in deltas:
            if var in GROUP_VARS:
                totals[var] = totals.get(var, 0.0) + delta
    return totals


def apply_authored(state: GroupState, move: Move) -> GroupState:
    """The state with the choice's authored deltas added, then clamped."""
    group = _group_deltas(move, state.member_ids)
    changed = state.but(
        cohesion=state.cohesion + group.get("cohesion", 0.0),
        conflict=state.conflict + group.get("conflict", 0.0),
    )
    by_party = _member_deltas(move)
    if by_party:
        changed = changed.map_members(
            lambda mid, m: m.but(
                **{var: getattr(m, var) + d for var, d in _deltas_for(by_party, mid).items()}
            )
        )
    return changed.clamped()
