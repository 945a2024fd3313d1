"""The state of the circle: each member's numbers and the group's climate, all 0..1.

States are frozen: a step builds a new one (see room.py), so a step's `before` can never be
changed by what comes after it, and replaying choices from the start always rebuilds the same
states.
"""
from __future__ import annotations

from functools import cached_property, reduce
from operator import add, itemgetter
from typing import NamedTuple

from .constants import AVOID_UNSPOKEN_WEIGHT, AVOID_WITHDRAWAL_WEIGHT, SOFT_EDGE

MEMBER_VARS = ("engagement", "trust", "distress")
GROUP_VARS = ("cohesion", "conflict")


def clamp(value: float) -> float:
    """Keep a number on the model's 0..1 scale (written out rather than min/max: the model
    calls this tens of times a step)."""
    if not value > 0.0:      # also -0.0, as max(0.0, -0.0) would give
        return 0.0
    return 1.0 if value > 1.0 else value


def total(values) -> float:
    """Left-to-right float addition from 0.0. Not `sum`: from Python 3.12 `sum` compensates
    rounding, and the model's traces must be the same bytes on every supported Python.
    (reduce with operator.add makes exactly those additions, looping in C.)"""
    return reduce(add, values, 0.0)


def climate(engagement, trust, distress) -> tuple[float, float]:
    """(mean engagement, mean avoidance) of the members whose columns these are, in one pass.

    Avoidance, per member: 0.6 x (1 - engagement)  +  0.4 x distress x (1 - trust).
    Withdrawal is what shows; distress times distrust is what a member carries and keeps
    to themselves. Both terms are 0..1 and the weights sum to 1, so avoidance is 0..1.
    Both means are summed left to right from 0.0, as `total` would, in the one loop.
    """
    withdrawal, unspoken = AVOID_WITHDRAWAL_WEIGHT, AVOID_UNSPOKEN_WEIGHT
    engaged = avoiding = 0.0
    for e, t, d in zip(engagement, trust, distress):
        engaged += e
        avoiding += withdrawal * (1.0 - e) + unspoken * d * (1.0 - t)
    count = len(engagement)
    return (engaged / count, avoiding / count) if count else (0.0, 0.0)


def nudge(value: float, delta: float) -> float:
    """Move `value` by `delta`, softening near the edges, and clamp.

    The model's own pushes use this so that a long session bends numbers without pinning them
    at 0 or 1: a push has full size while the value is at least SOFT_EDGE away from the edge it
    heads for, and shrinks with the square of the remaining room inside that band, so many
    small pushes level off short of the edge instead of piling up on it. Authored effects are
    applied as written (see effects.py), so an author can still take a number to 0 or 1.
    """
    room = (1.0 - value) if delta > 0 else value
    if room < SOFT_EDGE:
        delta *= ((room if room > 0.0 else 0.0) / SOFT_EDGE) ** 2   # max(0.0, room), inline: hot
    moved = value + delta
    return 0.0 if not moved > 0.0 else (1.0 if moved > 1.0 else moved)   # clamp, inline: hot


# A named tuple made from a tuple of every one of its fields, in order, without the
# Python-level __new__ a call to the class goes through: the model makes a few on every choice.
# (Nothing checks the count, so only for a full set of fields.)
as_named = tuple.__new__


class MemberState(NamedTuple):
    """One member right now. `unattended` and `unchecked` are bookkeeping the rules keep.

    A named tuple: immutable, and several times cheaper to build than a frozen dataclass
    (screens and reports build one per member of each state they read)."""

    engagement: float
    trust: float
    distress: float
    unattended: int = 0   # consecutive turns the member was neither targeted nor supported
    unchecked: int = 0    # consecutive turns a monopolizer held the floor unblocked

    def but(self, **changes) -> "MemberState":
        """This member with some fields changed."""
        return self._replace(**changes)


class Columns(NamedTuple):
    """Every member's numbers, one tuple per field of MemberState, in circle order."""

    engagement: tuple[float, ...]
    trust: tuple[float, ...]
    distress: tuple[float, ...]
    unattended: tuple[int, ...]
    unchecked: tuple[int, ...]


NO_COLUMNS = Columns((), (), (), (), ())


class Risk(NamedTuple):
    """A member's open risk of harm (a `risk: true` line), until a choice checks it."""

    member: str
    turns: int = 0        # choices made since it opened, none of which checked it
    missed: bool = False  # `risk-missed` has fired for it (once per risk)


_SET_DICT = object.__setattr__   # GroupState refuses setattr; it sets its dict this way


class GroupState:
    """The whole circle: the group's own climate plus every member, in scenario order.

    Frozen. Kept as columns (`columns.trust[i]` is the trust of the member at place i) because
    that is what the model reads and writes; `members`, the (id, MemberState) pairs, are built
    when someone asks for them, which a headless session mostly never does. The fields and what
    is worked out from them live in one dict, set in one go: a step makes a state every choice.
    """

    __slots__ = ("__dict__",)

    def __init__(self, cohesion: float, conflict: float,
                 members: tuple[tuple[str, MemberState], ...] = (),
                 away: frozenset[str] = frozenset(), risks: tuple[Risk, ...] = ()):
        members = tuple(members)
        columns = Columns._make(map(tuple, zip(*(m for _, m in members)))) if members else NO_COLUMNS
        self._fill(cohesion, conflict, tuple(mid for mid, _ in members), columns, away, risks)
        self.__dict__["members"] = members

    @classmethod
    def made(cls, fields: dict) -> "GroupState":
        """A state from `fields` as `_fill` would set them, already of the right types (the
        model's own, from a Room), with anything worked out on the way (`places`, `in_range`)."""
        state = cls.__new__(cls)
        _SET_DICT(state, "__dict__", fields)
        return state

    def _fill(self, cohesion, conflict, member_ids, columns, away, risks) -> None:
        _SET_DICT(self, "__dict__", {
            "cohesion": cohesion, "conflict": conflict, "member_ids": member_ids,
            "columns": columns,
            "away": frozenset(away),     # members who have not joined yet (joins_at)
            "risks": tuple(risks),       # open risks of harm, oldest first
        })

    @cached_property
    def in_range(self) -> bool:
        """Every member's number already in 0..1, as clamping leaves it (so the model need not
        look again at the columns a choice does not touch). The model's own states are."""
        return not any(column and (min(column) < 0.0 or max(column) > 1.0)
                       for column in self.columns[:3])

    def __setattr__(self, name, value):
        raise AttributeError(f"GroupState is frozen: cannot set {name!r}")

    def __eq__(self, other) -> bool:
        if not isinstance(other, GroupState):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self):
        return self.cohesion, self.conflict, self.member_ids, self.columns, self.away, self.risks

    @cached_property
    def present_ids(self) -> tuple[str, ...]:
        """The members in the room now, in circle order (absent late arrivals left out)."""
        if not self.away:
            return self.member_ids
        return tuple(mid for mid in self.member_ids if mid not in self.away)

    @cached_property
    def presence(self) -> tuple:
        """What the model's Room needs when some members are away: (the ids present, their
        places among them, a function picking their values out of a column, the places of the
        absent in the circle, in order). The same for every state of a session until someone
        arrives, so states hand it on."""
        away = self.away
        here = [i for i, mid in enumerate(self.member_ids) if mid not in away]
        ids = tuple(self.member_ids[i] for i in here)
        pick = itemgetter(*here) if len(here) > 1 else (lambda column: tuple(column[i] for i in here))
        gaps = tuple(i for i, mid in enumerate(self.member_ids) if mid in away)
        return ids, {mid: i for i, mid in enumerate(ids)}, pick, gaps

    def present(self, member_id: str) -> bool:
        return member_id not in self.away

    def open_risk(self, member_id: str) -> Risk | None:
        """The member's open risk of harm, if they have one."""
        return next((r for r in self.risks if r.member == member_id), None)

    def joined(self, member_ids) -> "GroupState":
        """This state with these members arrived (a late member's `joins_at` node reached)."""
        arriving = self.away & frozenset(member_ids)
        if not arriving:
            return self
        # The same circle and numbers, so the same places and range: handed on, not worked out.
        return GroupState.made({
            "cohesion": self.cohesion, "conflict": self.conflict, "member_ids": self.member_ids,
            "columns": self.columns, "away": self.away - arriving, "risks": self.risks,
            "places": self.places, "in_range": self.in_range})

    def __repr__(self) -> str:
        return f"GroupState(cohesion={self.cohesion!r}, conflict={self.conflict!r}, members={self.members!r})"

    @cached_property
    def members(self) -> tuple[tuple[str, MemberState], ...]:
        return tuple(zip(self.member_ids, map(MemberState._make, zip(*self.columns))))

    def member(self, member_id: str) -> MemberState:
        return self._by_id[member_id]

    def value(self, member_id: str, var: str):
        """One number of one member (what conditions read), without building members."""
        return getattr(self.columns, var)[self.places[member_id]]

    @cached_property
    def _by_id(self) -> dict[str, MemberState]:
        return dict(self.members)

    @cached_property
    def places(self) -> dict[str, int]:
        """Member id -> place in the circle (0-based, scenario order)."""
        return {mid: i for i, mid in enumerate(self.member_ids)}

    @property
    def engagement(self) -> float:
        """Mean engagement of the members present (GCQ engagement)."""
        return self._climate[0]

    @property
    def avoidance(self) -> float:
        """Withdrawal plus unspoken distress (GCQ avoidance), averaged over the members
        present: see `climate`."""
        return self._climate[1]

    @cached_property
    def _climate(self) -> tuple[float, float]:
        return climate(*(self._present_column(v) for v in MEMBER_VARS))

    def _present_column(self, var: str) -> tuple:
        column = getattr(self.columns, var)
        if not self.away:
            return column
        return tuple(value for mid, value in zip(self.member_ids, column) if mid not in self.away)

    def with_member(self, member_id: str, state: MemberState) -> "GroupState":
        """This state with one member's numbers replaced."""
        members = tuple((mid, state if mid == member_id else m) for mid, m in self.members)
        return GroupState(self.cohesion, self.conflict, members, self.away, self.risks)

    def as_dict(self) -> dict:
        """The trace's STATE: group climate and member numbers, rounded to 4 decimals."""
        return {
            "group": {
                "cohesion": round(self.cohesion, 4),
                "engagement": round(self.engagement, 4),
                "avoidance": round(self.avoidance, 4),
                "conflict": round(self.conflict, 4),
            },
            "members": {
                mid: {k: round(getattr(m, k), 4) for k in MEMBER_VARS} for mid, m in self.members
            },
        }
