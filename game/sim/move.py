"""What goes into a step (the trainee's Move) and what comes out (Need, Events, StepResult)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from .state import GroupState

Effects = tuple[tuple[str, tuple[tuple[str, float], ...]], ...]


def _name(value) -> str | None:
    if value is None:
        return None
    return str(getattr(value, "value", value))


@dataclass(frozen=True)
class Move:
    """One choice the trainee made, as the model sees it."""

    stance: str                       # "lead" | "follow"
    skill: str | None = None          # e.g. "blocking", "drawing_out", "silence"
    targets: tuple[str, ...] = ()     # members addressed or attended to
    effects: Effects = ()             # party ("group", "everyone", member id) -> ((var, delta),)
    breakthrough: str | None = None   # member the author gives a breakthrough
    phase: str = "working"            # "opening" | "working" | "closing"
    need: Need | None = None          # the author's word on what the group needs, if any
    quality: str = "good"             # "best" | "good" | "poor" | "harmful": the move itself
    checks_risk: bool = False         # checks the open risk of its targets (closes it)
    opens_risk: tuple[str, ...] = ()  # members who said a risk line just before this choice

    @classmethod
    def from_choice(cls, choice, phase="working", need=None, opens_risk=()) -> "Move":
        """The Move for a scenario `Choice` made in a node of the given phase (and `need`, the
        node's authored need, if it has one; `opens_risk`, the speakers of its risk lines)."""
        return cls(
            quality=_name(choice.rated_quality),
            checks_risk=bool(choice.checks_risk),
            opens_risk=tuple(dict.fromkeys(opens_risk)),
            stance=_name(choice.stance),
            skill=_name(choice.skill),
            targets=tuple(choice.targets),
            effects=tuple((party, tuple(delta.items())) for party, delta in choice.effects.items()),
            breakthrough=choice.breakthrough,
            phase=_name(phase) or "working",
            need=Need(_name(need.stance), need.why, need.member) if need is not None else None,
        )

    @cached_property
    def memo(self) -> dict:
        """What the model works out from this move once and reuses (the engine keeps one Move
        per choice for all its sessions). Not part of the move's value."""
        return {}

    @cached_property
    def unique_targets(self) -> tuple[str, ...]:
        """The targets, each once, in the order written."""
        return tuple(dict.fromkeys(self.targets))

    def addresses(self, member_id: str) -> bool:
        """True when the move is aimed at this member, or at the whole group (no targets)."""
        return not self.targets or member_id in self.targets

    def uses(self, skills: tuple[str, ...]) -> bool:
        return self.skill in skills


class Event(NamedTuple):
    """Something that happened to one member this turn.

    Types: neglect, support (by = the member who reached out), breakthrough, monopolizing,
    hostility, rescuing (by = the rescuer; member = whose work was cut short), withdrawal,
    risk-checked (the member's open risk was checked), risk-missed (it was left open too long,
    or at the end).

    A named tuple, like StepResult: immutable, and made several times faster than a frozen
    dataclass (a step makes one per event, and simulations make hundreds of thousands).
    """

    type: str
    member: str | None
    by: str | None = None


@dataclass(frozen=True)
class Need:
    """What the group needed at that moment, and why.

    `reason` is a short phrase that may hold a `{member}` placeholder for the member it is
    about (`member` holds that member's id); `text(names)` fills it in with a display name.
    """

    stance: str
    reason: str
    member: str | None = None
    risk: bool = False                # an open risk of harm: met only by checking it

    def text(self, names: dict[str, str] | None = None) -> str:
        if self.member is None:
            return self.reason
        name = (names or {}).get(self.member, self.member)
        return self.reason.format(member=name)


class StepResult(NamedTuple):
    """What one step did: the states either side, the need judged, and what happened."""

    before: GroupState
    after: GroupState
    need: Need
    fit: bool                         # the move's stance matched the need
    events: tuple[Event, ...]
    met: bool = True                  # verdict == "met"
    aimed: bool = True                # fit, and aimed at the member the need was about
    verdict: str = "met"              # "met" | "partly" | "missed" (see need.verdict_of)
