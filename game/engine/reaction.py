"""What a front end gets back: the choices on offer, and how the room reacted to one."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from game.scenario.model import Choice
from game.sim import Event, GroupState, Need, describe_changes

MEMBER_VARS = ("engagement", "trust", "distress")
_new, _set = object.__new__, object.__setattr__   # how OfferedChoice.of fills a frozen instance
MARKS = {"met": "✓", "partly": "~", "missed": "✗"}   # only `met` earns a tick, anywhere


def verdict_words(verdict: str, stance: str, fit: bool, quality: str, need: Need, names) -> str:
    """The verdict in words: the stance axis first, then (when it fitted) the move."""
    who = names.get(need.member, need.member) if need.member else None
    if verdict == "met":
        return "You met that need."
    if verdict == "partly":
        how = "harmful" if quality == "harmful" else "a poor one"
        return f"You were right to {stance}, but the move itself was {how}."
    if need.risk and fit:
        return f"You chose to lead, but did not check {who}'s safety."
    if fit and who:
        return f"You chose to {stance}, but not toward {who}."
    return f"You chose to {stance} instead."


@dataclass(frozen=True)
class OfferedChoice:
    """A choice the trainee may take now: `number` as on screen (1-based, among those
    offered), `index` its 0-based place in the node as written."""

    number: int
    index: int
    choice: Choice
    shown: int = 0      # its number on screen, in the attempt's shown order (0: not yet placed)

    @classmethod
    def of(cls, number: int, index: int, choice: Choice, shown: int = 0) -> "OfferedChoice":
        """The same as OfferedChoice(...), filled in one go rather than field by field through
        the frozen __init__: sessions number the offered choices at every step."""
        offered = _new(cls)
        _set(offered, "__dict__", {"number": number, "index": index, "choice": choice, "shown": shown})
        return offered

    @property
    def quality(self) -> str:
        return self.choice.rated_quality.value

    @property
    def stance(self) -> str:
        return self.choice.stance.value

    @property
    def skill(self) -> str | None:
        return self.choice.skill.value if self.choice.skill else None


class TakenChoice(OfferedChoice):
    """A choice taken in headless play, whose `shown` number is worked out the first time
    anyone reads it (a trace, a report), from where it was offered: `place(seed, node_id,
    among, leads, offered)` (shown.shown_place). Simulations and searches never read it, and
    placing a choice costs a CRC per offered choice of its stance. Equal to the OfferedChoice
    with the same fields, as that choice, placed."""

    @classmethod
    def taken(cls, offered: OfferedChoice, place, seed: int, node_id: str, among,
              leads) -> "TakenChoice":
        """Filled in one go, as OfferedChoice.of: a headless session makes one per choice."""
        taken = _new(cls)
        _set(taken, "__dict__", {"number": offered.number, "index": offered.index,
                                 "choice": offered.choice, "_offered": offered, "_place": place,
                                 "_seed": seed, "_node_id": node_id, "_among": among,
                                 "_leads": leads})
        return taken

    @cached_property
    def shown(self) -> int:
        return self._place(self._seed, self._node_id, self._among, self._leads, self._offered)

    def _fields(self) -> tuple:
        return self.number, self.index, self.choice, self.shown

    def __eq__(self, other) -> bool:
        if not isinstance(other, OfferedChoice):
            return NotImplemented
        return self._fields() == (other.number, other.index, other.choice, other.shown)

    def __hash__(self) -> int:
        return hash(self._fields())   # as OfferedChoice's own hash of its fields

    def __repr__(self) -> str:
        return (f"OfferedChoice(number={self.number!r}, index={self.index!r}, "
                f"choice={self.choice!r}, shown={self.shown!r})")


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
    met: bool                      # verdict == "met": the only verdict that earns a tick
    events: tuple[Event, ...]
    next_node: str                 # where the story went
    expert: OfferedChoice | None   # the recommended choice, when it was not this one
    names: dict = field(default_factory=dict, compare=False, repr=False)
    aimed: bool = True             # the stance axis: fit and, for a member's need, turned to
                                   #   them (for an open risk: checked it)
    verdict: str = "met"           # met | partly | missed: both axes (TEACHING.md)
    retry: int = field(default=0, compare=False)        # tries taken back at this moment first
    reading: object = field(default=None, compare=False)  # the trainee's Reading made here, if any

    @classmethod
    def made(cls, turn: int, node_id: str, offered: OfferedChoice, result, after: GroupState,
             next_node: str, expert: OfferedChoice | None, names) -> "Reaction":
        """The reaction to a choice the model has just stepped (`result`, a StepResult; `after`
        its state once late arrivals have joined). Its fields are filled in one go rather than
        through the frozen __init__, which sets each with its own call: a session makes one
        per choice, and simulations make hundreds of thousands."""
        reaction = _new(cls)
        _set(reaction, "__dict__", {
            "turn": turn, "node_id": node_id, "offered": offered, "before": result.before,
            "after": after, "need": result.need, "fit": result.fit, "met": result.met,
            "events": result.events, "next_node": next_node, "expert": expert, "names": names,
            "aimed": result.aimed, "verdict": result.verdict, "retry": 0, "reading": None})
        return reaction

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
    def quality(self) -> str:
        """best | good | poor | harmful: the move itself, whatever its stance."""
        return self.offered.quality

    @property
    def verdict_line(self) -> str:
        """One line for the coach and the debrief, on both axes; never praise beside a poor
        or harmful move (the feedback that follows says what was wrong with it)."""
        return verdict_words(self.verdict, self.stance, self.fit, self.quality, self.need, self.names)

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
