"""The state of the circle: each member's numbers and the group's climate, all 0..1.

States are frozen: every rule returns a new one, so a step's `before` can never be changed by
what comes after it, and replaying choices from the start always rebuilds the same states.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterable

from .constants import AVOID_UNSPOKEN_WEIGHT, AVOID_WITHDRAWAL_WEIGHT, SOFT_EDGE

MEMBER_VARS = ("engagement", "trust", "distress")
GROUP_VARS = ("cohesion", "conflict")


def clamp(value: float) -> float:
    """Keep a number on the model's 0..1 scale."""
    return min(1.0, max(0.0, value))


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

    def shifted(self, **deltas: float) -> "MemberState":
        """This member with each named number nudged by its delta (see `nudge`)."""
        return replace(self, **{k: nudge(getattr(self, k), d) for k, d in deltas.items()})

    def clamped(self) -> "MemberState":
        return replace(self, **{k: clamp(getattr(self, k)) for k in MEMBER_VARS})


@dataclass(frozen=True)
class GroupState:
    """The whole circle: the group's own climate plus every member, in scenario order."""

    cohesion: float
    conflict: float
    members: tuple[tuple[str, MemberState], ...]

    def member(self, member_id: str) -> MemberState:
        for mid, state in self.members:
            if mid == member_id:
                return state
        raise KeyError(member_id)

    @property
    def member_ids(self) -> tuple[str, ...]:
        return tuple(mid for mid, _ in self.members)

    @property
    def engagement(self) -> float:
        """Mean member engagement (GCQ engagement)."""
        if not self.members:
            return 0.0
        return sum(m.engagement for _, m in self.members) / len(self.members)

    @property
    def avoidance(self) -> float:
        """Withdrawal plus unspoken distress (GCQ avoidance), averaged over members.

        Per member: 0.6 x (1 - engagement)  +  0.4 x distress x (1 - trust).
        Withdrawal is what shows; distress times distrust is what a member carries and keeps
        to themselves. Both terms are 0..1 and the weights sum to 1, so avoidance is 0..1.
        """
        if not self.members:
            return 0.0
        total = sum(
            AVOID_WITHDRAWAL_WEIGHT * (1.0 - m.engagement)
            + AVOID_UNSPOKEN_WEIGHT * m.distress * (1.0 - m.trust)
            for _, m in self.members
        )
        return total / len(self.members)

    def with_member(self, member_id: str, state: MemberState) -> "GroupState":
        members = tuple((mid, state if mid == member_id else m) for mid, m in self.members)
        return replace(self, members=members)

    def map_members(
        self, change: Callable[[str, MemberState], MemberState], only: Iterable[str] | None = None
    ) -> "GroupState":
        """A state with `change` applied to every member (or to those in `only`)."""
        chosen = None if only is None else set(only)
        members = tuple(
            (mid, change(mid, m) if chosen is None or mid in chosen else m)
            for mid, m in self.members
        )
        return replace(self, members=members)

    def shifted(self, **deltas: float) -> "GroupState":
        """The group's cohesion/conflict nudged by the given deltas (see `nudge`)."""
        return replace(self, **{k: nudge(getattr(self, k), d) for k, d in deltas.items()})

    def clamped(self) -> "GroupState":
        return replace(
            self,
            cohesion=clamp(self.cohesion),
            conflict=clamp(self.conflict),
            members=tuple((mid, m.clamped()) for mid, m in self.members),
        )

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
