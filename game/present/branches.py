"""The session's decisions as a presenter's timeline, and the branch left behind by a rewind (no pygame).

A presenter rewinds to just before a past decision and takes another choice; the run they left
is kept as a `Branch` (its decisions, where it got to, and how the room's numbers moved), so the
two can be compared side by side. A branch holds what was shown, not choice numbers to replay:
it stays true after the scenario file is reloaded.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.engine import debrief_of


@dataclass(frozen=True)
class Step:
    """One decision as the timeline shows it."""

    turn: int             # 1-based
    node_id: str          # where it was made
    text: str             # the words chosen
    stance: str           # lead | follow
    met: bool             # verdict met: right stance, aimed where the need was, a good move
    verdict: str          # met | partly | missed: only met earns a tick
    verdict_line: str     # the verdict in words
    quality: str = "good"  # best | good | poor | harmful: the move itself

    @property
    def key(self) -> tuple[str, str]:
        """What makes two decisions the same one: the node and the words."""
        return (self.node_id, self.text)


def steps_of(history) -> tuple[Step, ...]:
    return tuple(Step(r.turn, r.node_id, r.choice.text.strip(), r.stance, r.met, r.verdict, r.verdict_line,
                      r.quality) for r in history)


@dataclass(frozen=True)
class Branch:
    """One run of the session: its decisions, where it stands, and the room over the turns."""

    steps: tuple[Step, ...]
    node_id: str
    outcome: str | None               # None while it has not ended
    series: dict                      # cohesion, engagement, conflict: [value per turn, 0 = start]
    safe: bool = True                 # no risk of harm was missed on it

    @classmethod
    def of(cls, session) -> "Branch":
        debrief = debrief_of(session)
        return cls(steps_of(session.history), session.node_id, debrief.outcome, debrief.series, debrief.safe)

    def place(self) -> str:
        """Where the branch got to, in words."""
        if self.outcome:
            return f"Ended: {self.outcome.capitalize()}, after {plural(len(self.steps), 'choice')}"
        return f"At '{self.node_id}' after {plural(len(self.steps), 'choice')}"

    def differed(self, at: int) -> str:
        """The decision at index `at` (0-based), the one where the branches part."""
        if at >= len(self.steps):
            return f"Decision {at + 1}: not chosen yet"
        step = self.steps[at]
        return f"Decision {step.turn} · {step.stance.upper()}: “{step.text}”"


def parting(a: Branch, b: Branch) -> int:
    """How many decisions the two branches share before they part (their common start)."""
    shared = 0
    for x, y in zip(a.steps, b.steps):
        if x.key != y.key:
            break
        shared += 1
    return shared


def contains(longer: Branch | None, shorter: Branch) -> bool:
    """True when `shorter` is only the start of `longer` (nothing of its own to keep)."""
    return longer is not None and parting(longer, shorter) == len(shorter.steps)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"
