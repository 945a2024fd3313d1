"""What a front end gets back: the choices on offer, and how the room reacted to one."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from game.scenario.model import Choice
from game.sim import Event, GroupState, Need, describe_changes

MEMBER_VARS = ("engagement", "trust", "distress")


@dataclass(frozen=True)
class OfferedChoice:
    """A choice the trainee may take now: `number` as on screen (1-based, among those
    offered), `index` its 0-based place in the node as written."""

    number: int
    index: int
    choice: Choice

    @property
    def stance(self) -> str:
        return self.choice.stance.value

    @property
    def skill(self) -> str | None:
        return self.choice.skill.value if self.choice.skill else None


@dataclass(frozen=True)
class Reaction:
    """How the room responded to one choice: everything the screen and the debrief show."""

    turn: int                      # 1-based: the n-th choice of the session
    node_id: str                   # where the choice was made
    offered: OfferedChoice         # what was chosen
    before: GroupState
    after: GroupState
    need: Need                     # what the group needed at that moment
    fit: bool                      # the chosen stance was the one needed
    met: bool                      # ... and, when the need was about one member, aimed at them
    events: tuple[Event, ...]
    next_node: str                 # where the story went
    expert: OfferedChoice | None   # the recommended choice, when it was not this one
    names: dict = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def captions(self) -> tuple[str, ...]:
        """"Kim looks away": the biggest visible changes. Worked out when a screen asks, not
        on every choice (headless runs and simulations never read them)."""
        return tuple(describe_changes(self.before, self.after, self.names))

    @property
    def choice(self) -> Choice:
        return self.offered.choice

    @property
    def stance(self) -> str:
        return self.offered.stance

    @property
    def feedback(self) -> str:
        return self.choice.feedback

    @property
    def verdict(self) -> str:
        """One line for the coach and the debrief: did the choice meet what the room needed?"""
        if self.met:
            return "You met that need."
        if self.fit:
            who = self.names.get(self.need.member, self.need.member)
            return f"You chose to {self.stance}, but not toward {who}."
        return f"You chose to {self.stance} instead."

    @property
    def need_text(self) -> str:
        """'the group needed you to lead: conflict is running high'."""
        return f"the group needed you to {self.need.stance}: {self.need.text(self.names)}"

    @property
    def deltas(self) -> dict[str, dict[str, float]]:
        """Member id -> variable -> change, for every member (zeros included)."""
        return {
            mid: {v: getattr(after, v) - getattr(self.before.member(mid), v) for v in MEMBER_VARS}
            for mid, after in self.after.members
        }

    @property
    def group_deltas(self) -> dict[str, float]:
        return {
            v: getattr(self.after, v) - getattr(self.before, v)
            for v in ("cohesion", "engagement", "avoidance", "conflict")
        }
