"""One step's working copy of the circle: each number a list by member, changed in place.

A step turns the frozen GroupState it starts from into a Room, lets the six rules change the
room in order, and freezes the result into the next GroupState. Frozen states keep a step's
`before` safe from whatever comes after it; the room spares the rules from building a whole new
state for every small push, which would be most of what a step costs.

Members are addressed by their place in the circle (scenario order): `room.trust[i]`. A late
arrival who has not joined yet (`GroupState.away`) is not in the room at all: the rules never
see them, and their numbers are carried over unchanged into the next state.
"""
from __future__ import annotations

from .state import Columns, GroupState, Risk, clamp, mean_avoidance, nudge, total


def shift(values: list[float], i: int, delta: float) -> None:
    """Nudge the i-th value by `delta` (see state.nudge); a delta of 0 leaves it be."""
    if delta:
        values[i] = nudge(values[i], delta)


class Room:
    """The members' numbers (`engagement`, `trust`, `distress`, `unattended`, `unchecked`, one
    list each) and the group's `cohesion` and `conflict`."""

    __slots__ = ("ids", "place", "engagement", "trust", "distress", "unattended", "unchecked",
                 "cohesion", "conflict", "risks", "start", "_state")

    def __init__(self, state: GroupState):
        self._state = state
        self.cohesion = state.cohesion
        self.conflict = state.conflict
        self.risks: list[Risk] = list(state.risks)       # open risks, oldest first
        if not state.away:
            self.ids: tuple[str, ...] = state.member_ids
            self.place: dict[str, int] = state.places      # member id -> index
            (self.engagement, self.trust, self.distress, self.unattended,
             self.unchecked) = map(list, state.columns)
            self.start: Columns = state.columns   # the numbers as the turn began, room order
            return
        here = [i for i, mid in enumerate(state.member_ids) if mid not in state.away]
        self.ids = tuple(state.member_ids[i] for i in here)
        self.place = {mid: i for i, mid in enumerate(self.ids)}
        self.start = Columns._make(tuple(column[i] for i in here) for column in state.columns)
        (self.engagement, self.trust, self.distress, self.unattended,
         self.unchecked) = map(list, self.start)

    @property
    def size(self) -> int:
        return len(self.ids)

    def mean_engagement(self) -> float:
        return total(self.engagement) / len(self.ids) if self.ids else 0.0

    def avoidance(self) -> float:
        """The group's avoidance, as GroupState.avoidance computes it."""
        return mean_avoidance(zip(self.engagement, self.trust, self.distress))

    def clamp(self) -> None:
        """Every number back in 0..1 (authored effects may take one past an edge)."""
        self.cohesion, self.conflict = clamp(self.cohesion), clamp(self.conflict)
        for values in (self.engagement, self.trust, self.distress):
            if min(values, default=0.0) < 0.0 or max(values, default=0.0) > 1.0:
                values[:] = [clamp(value) for value in values]

    def frozen(self) -> GroupState:
        """The room as the next (frozen) state. No clamping here: authored effects are clamped
        as they land and every rule after them keeps its numbers in 0..1 (property P4)."""
        mine = (self.engagement, self.trust, self.distress, self.unattended, self.unchecked)
        old = self._state
        if not old.away:
            columns = Columns._make(map(tuple, mine))
            state = GroupState.from_columns(self.cohesion, self.conflict, self.ids, columns,
                                            risks=tuple(self.risks))
            # The same circle, so the same layout: hand it over instead of working it out
            # again (states only read it).
            state.__dict__["places"] = self.place
            return state
        merged = [list(column) for column in old.columns]   # the absent keep their numbers
        for i, mid in enumerate(self.ids):
            j = old.places[mid]
            for full, part in zip(merged, mine):
                full[j] = part[i]
        return GroupState.from_columns(self.cohesion, self.conflict, old.member_ids,
                                       Columns._make(map(tuple, merged)), old.away,
                                       tuple(self.risks))
