"""What the model needs to know about a scenario, and the state a session starts from.

The model never sees the scenario's story, only who is in the circle, what kind of member
each is, and the group's dynamics settings. That keeps it testable with small hand-built worlds.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .constants import NEWCOMER_START_TRUST
from .state import GroupState, MemberState, clamp

ARCHETYPES = (
    "typical", "monopolizer", "silent", "help_rejecting",
    "hostile", "rescuer", "intellectualizer", "newcomer", "co_leader",
)


def _name(value) -> str:
    """An enum's value or a plain string, so the model accepts both."""
    return str(getattr(value, "value", value))


@dataclass(frozen=True)
class World:
    """Member id -> archetype name, and the scenario's `group.dynamics`."""

    archetypes: tuple[tuple[str, str], ...]
    contagion: float = 0.3      # 0 = members do not influence each other at all
    neglect_after: int = 2      # unattended turns before a distressed member is lost

    @classmethod
    def from_scenario(cls, scenario) -> "World":
        dynamics = scenario.group.dynamics
        return cls(
            archetypes=tuple((m.id, _name(m.archetype)) for m in scenario.members),
            contagion=float(dynamics.contagion),
            neglect_after=int(dynamics.neglect_after),
        )

    def archetype(self, member_id: str) -> str:
        """The member's archetype; anyone the world does not list is typical."""
        return self._kinds.get(member_id, "typical")

    @cached_property
    def _kinds(self) -> dict[str, str]:
        return dict(self.archetypes)

    @cached_property
    def memo(self) -> dict:
        """What the model works out from the world once and reuses (the engine keeps one
        World per session). Not part of the world's value."""
        return {}

    def members_of(self, kind: str) -> tuple[str, ...]:
        return self._by_kind.get(kind, ())

    @cached_property
    def _by_kind(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, tuple[str, ...]] = {}
        for mid, kind in self.archetypes:
            found[kind] = found.get(kind, ()) + (mid,)
        return found


def starting_member(archetype: str, engagement: float, trust: float,
                    distress: float) -> MemberState:
    """A member as the session opens. A newcomer's trust starts low whatever the file says."""
    if archetype == "newcomer":
        trust = min(trust, NEWCOMER_START_TRUST)
    return MemberState(engagement=clamp(engagement), trust=clamp(trust), distress=clamp(distress))


def initial_state(scenario) -> GroupState:
    """The state before the first choice: members' `start` and the group's `start`; a late
    arrival (`joins_at` a later node) is away until the session reaches that node."""
    start = scenario.group.start
    members = tuple(
        (m.id, starting_member(_name(m.archetype), m.start.engagement, m.start.trust,
                               m.start.distress))
        for m in scenario.members
    )
    away = frozenset(m.id for m in scenario.members
                     if getattr(m, "joins_at", None) not in (None, getattr(scenario, "start", None)))
    return GroupState(cohesion=clamp(start.cohesion), conflict=clamp(start.conflict),
                      members=members, away=away)
