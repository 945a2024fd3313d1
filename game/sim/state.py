"""The state of the circle: each member's numbers and the group's climate, all 0..1.

States are frozen: every rule returns a new one, so a step's `before` can never be changed by
what comes after it, and replaying choices from the start always rebuilds the same states.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Iterable

from .constants import AVOID_UNSPOKEN_WEIGHT, AVOID_WITHDRAWAL_WEIGHT, SOFT_EDGE

MEMBER_VARS = ("engagement", "trust", "distress")
GROUP_VARS = ("cohesion", "conflict")


def clamp(value: float) -> float:
    """Keep a number on the model's 0..1 scale."""
    return min(1.0, max(0.0, value))


def total(values) -> float:
    """Left-to-right float addition. Not `sum`: from Python 3.12 `sum` compensates rounding,
    and the model's traces must be the same bytes on every supported Python."""
    result = 0.0
    for value in values:
        result += value
    return result


def nudge(value: float, delta: float) -> float:
    """Move `value` by `delta`, softening near the edges, and clamp.

    The model's own pushes use this so that a long session bends numbers without pinning them
    at 0 or 1: a push has full size while the value is at least SOFT_EDGE away from the edge it
    heads for, and shrinks with the square of the remaining room inside that band, so many
    small pushes level off short of the edge instead of piling up on it. Authored effects are
    applied as written (see effects.py), so an author can still take a number to 0 or 1.
    """
    room = (1.0 - value) if delta > 0 else value
    return clamp(value + delta * min(1.0, max(0.0, room) / SOFT_EDGE) ** 2)


@dataclass(frozen=True)
class MemberState:
    """One member right now. `unattended` and `unchecked` are bookkeeping the rules keep."""

    engagement: float
    trust: float
    distress: float
    unattended: int = 0   # consecutive turns the member was neither targeted nor supported
    unchecked: int = 0    # consecutive turns a monopolizer held the floor unblocked

    def but(self, **changes) -> "MemberState":
        """This member with some fields changed (dataclasses.replace, without its cost:
        the model makes a great many of these on every step)."""
        get = changes.get
        return MemberState(get("engagement", self.engagement), get("trust", self.trust),
                           get("distress", self.distress), get("unattended", self.unattended),
                           get("unchecked", self.unchecked))

    def shifted(self, engagement: float = 0.0, trust: float = 0.0,
                distress: float = 0.0) -> "MemberState":
        """This member with each number nudged by its delta (see `nudge`); 0 leaves it be."""
        return MemberState(
            nudge(self.engagement, engagement) if engagement else self.engagement,
            nudge(self.trust, trust) if trust else self.trust,
            nudge(self.distress, distress) if distress else self.distress,
            self.unattended, self.unchecked)

    def clamped(self) -> "MemberState":
        if 0.0 <= self.engagement <= 1.0 and 0.0 <= self.trust <= 1.0 and 0.0 <= self.distress <= 1.0:
            return self
        return self.but(engagement=clamp(self.engagement), trust=clamp(self.trust),
                        distress=clamp(self.distress))


@dataclass(frozen=True)
class GroupState:
    """The whole circle: the group's own climate plus every member, in scenario order."""

    cohesion: float
    conflict: float
    members: tuple[tuple[str, MemberState], ...]

    def member(self, member_id: str) -> MemberState:
        return self._by_id[member_id]

    @cached_property
    def _by_id(self) -> dict[str, MemberState]:
        return dict(self.members)

    @cached_property
    def member_ids(self) -> tuple[str, ...]:
        return tuple(mid for mid, _ in self.members)

    @cached_property
    def engagement(self) -> float:
        """Mean member engagement (GCQ engagement)."""
        if not self.members:
            return 0.0
        return total(m.engagement for _, m in self.members) / len(self.members)

    @cached_property
    def avoidance(self) -> float:
        """Withdrawal plus unspoken distress (GCQ avoidance), averaged over members.

        Per member: 0.6 x (1 - engagement)  +  0.4 x distress x (1 - trust).
        Withdrawal is what shows; distress times distrust is what a member carries and keeps
        to themselves. Both terms are 0..1 and the weights sum to 1, so avoidance is 0..1.
        """
        if not self.members:
            return 0.0
        summed = total(
            AVOID_WITHDRAWAL_WEIGHT * (1.0 - m.engagement)
            + AVOID_UNSPOKEN_WEIGHT * m.distress * (1.0 - m.trust)
            for _, m in self.members
        )
        return summed / len(self.members)

    def but(self, **changes) -> "GroupState":
        """This state with some fields changed (a cheap dataclasses.replace)."""
        get = changes.get
        return GroupState(get("cohesion", self.cohesion), get("conflict", self.conflict),
                          get("members", self.members))

    def with_member(self, member_id: str, state: MemberState) -> "GroupState":
        members = tuple((mid, state if mid == member_id else m) for mid, m in self.members)
        return self.but(members=members)

    def map_members(
        self, change: Callable[[str, MemberState], MemberState], only: Iterable[str] | None = None
    ) -> "GroupState":
        """A state with `change` applied to every member (or to those in `only`)."""
        chosen = None if only is None else set(only)
        members = tuple(
            (mid, change(mid, m) if chosen is None or mid in chosen else m)
            for mid, m in self.members
        )
        return self.but(members=members)

    def shifted(self, **deltas: float) -> "GroupState":
        """The group's cohesion/conflict nudged by the given deltas (see `nudge`)."""
        return self.but(**{k: nudge(getattr(self, k), d) for k, d in deltas.items()})

    def clamped(self) -> "GroupState":
        """Every number in 0..1; the same object when nothing was out of range (the usual case:
        the model's own pushes clamp as they go)."""
        if 0.0 <= self.cohesion <= 1.0 and 0.0 <= self.conflict <= 1.0 and all(
            0.0 <= m.engagement <= 1.0 and 0.0 <= m.trust <= 1.0 and 0.0 <= m.distress <= 1.0
            for _, m in self.members
        ):
            return self
        members = tuple((mid, m.clamped()) for mid, m in self.members)
        return GroupState(clamp(self.cohesion), clamp(self.conflict), members)

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
