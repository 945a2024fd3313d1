"""One step's working copy of the circle: each number a list by member, changed in place.

A step turns the frozen GroupState it starts from into a Room, lets the six rules change the
room in order, and freezes the result into the next GroupState. Frozen states keep a step's
`before` safe from whatever comes after it; the room spares the rules from building a whole new
state for every small push, which would be most of what a step costs.

Members are addressed by their place in the circle (scenario order): `room.trust[i]`. A late
arrival who has not joined yet (`GroupState.away`) is not in the room at all: the rules never
see them, and their numbers are carried over unchanged into the next state.

The pushes below are `state.nudge` written out over a whole column: the rules push every member
at once several times a step, and a call per number was a good part of what a step cost. Each
number goes through exactly nudge's arithmetic, in the same order, so the results are the same
to the last bit (a test holds them to nudge).
"""
from __future__ import annotations

from .constants import SOFT_EDGE, WITHDRAWN
from .state import Columns, GroupState, Risk, as_named, clamp, climate, nudge


def shift(values: list[float], i: int, delta: float) -> None:
    """Nudge the i-th value by `delta` (see state.nudge); a delta of 0 leaves it be."""
    if delta:
        values[i] = nudge(values[i], delta)


def push_all(values: list[float], delta: float) -> None:
    """`shift` every value by `delta`. The values are in 0..1, as every number is once the
    authored effects are clamped: a push down then never needs the upper clamp, nor a full
    push up the lower one."""
    edge, i = SOFT_EDGE, 0    # (i counted by hand: cheaper than enumerate, and this is hot)
    if delta > 0:
        for value in values:
            room = 1.0 - value
            if room >= edge:      # the usual case: the full push; only the upper clamp can bite
                moved = value + delta
                values[i] = 1.0 if moved > 1.0 else moved
            else:                 # max(0.0, room), written out: it is room unless room <= 0
                moved = value + delta * ((room if room > 0.0 else 0.0) / edge) ** 2
                values[i] = (1.0 if moved > 1.0 else moved) if moved > 0.0 else 0.0
            i += 1
    elif delta < 0:
        for value in values:
            moved = value + (delta * ((value if value > 0.0 else 0.0) / edge) ** 2 if value < edge else delta)
            values[i] = moved if moved > 0.0 else 0.0
            i += 1


def push_others(values: list[float], i: int, delta: float) -> None:
    """`shift` every value but the i-th by `delta` (the ripple of one member's moment)."""
    if not delta:
        return
    own = values[i]
    push_all(values, delta)
    values[i] = own


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
            columns = self.start = state.columns   # the numbers as the turn began, room order
            self.engagement, self.trust, self.distress, self.unattended, self.unchecked = (
                [*columns[0]], [*columns[1]], [*columns[2]], [*columns[3]], [*columns[4]])
            return
        self.ids, self.place, pick, _ = state.presence
        self.start = as_named(Columns, map(pick, state.columns))
        (self.engagement, self.trust, self.distress, self.unattended,
         self.unchecked) = map(list, self.start)

    @property
    def size(self) -> int:
        return len(self.ids)

    def climate(self) -> tuple[float, float]:
        """(mean engagement, avoidance) of the room, as GroupState computes them."""
        return climate(self.engagement, self.trust, self.distress)

    @property
    def began_in_range(self) -> bool:
        """Every member number was in 0..1 as the turn began (the model's own states are)."""
        return self._state.in_range

    def clamp(self) -> None:
        """Every number back in 0..1 (authored effects may take one past an edge)."""
        self.cohesion, self.conflict = clamp(self.cohesion), clamp(self.conflict)
        for values in (self.engagement, self.trust, self.distress):
            if values and (min(values) < 0.0 or max(values) > 1.0):   # clamp, inline:
                values[:] = [0.0 if not v > 0.0 else (1.0 if v > 1.0 else v) for v in values]

    def frozen(self) -> GroupState:
        """The room as the next (frozen) state. No clamping here: authored effects are clamped
        as they land and every rule after them keeps its numbers in 0..1 (property P4)."""
        old = self._state
        if not old.away:
            # The same circle, so the same layout: hand it over instead of working it out
            # again (states only read it).
            return GroupState.made({
                "cohesion": self.cohesion, "conflict": self.conflict, "member_ids": self.ids,
                "columns": as_named(Columns, (tuple(self.engagement), tuple(self.trust),
                                              tuple(self.distress), tuple(self.unattended),
                                              tuple(self.unchecked))),
                "away": old.away, "risks": tuple(self.risks), "places": self.place,
                "in_range": True})
        gaps = old.presence[3]
        merged = []
        for column, mine in zip(old.columns, (self.engagement, self.trust, self.distress,
                                              self.unattended, self.unchecked)):
            full = list(mine)
            for j in gaps:              # the absent keep their numbers, in their places
                full.insert(j, column[j])
            merged.append(tuple(full))
        return GroupState.made({
            "cohesion": self.cohesion, "conflict": self.conflict, "member_ids": old.member_ids,
            "columns": as_named(Columns, merged), "away": old.away, "risks": tuple(self.risks),
            "places": old.places, "presence": old.presence,
            "in_range": old.in_range})   # the absent as they were, the rest in range

    def withdrawals(self) -> list[str]:
        """Members who crossed into withdrawal this turn (engagement below WITHDRAWN now, not
        when the turn began), in circle order."""
        engagement, line = self.engagement, WITHDRAWN
        if not engagement or min(engagement) >= line:
            return []
        return [mid for mid, now, was in zip(self.ids, engagement, self.start.engagement)
                if now < line and was >= line]
