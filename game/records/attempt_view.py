"""What a report of one attempt says, before it is written as HTML or Markdown.

The debrief (rebuilt by replaying the attempt), the notes a reader must see when the scenario
file is gone or has changed, and how this attempt compares with the learner's others on the
same scenario. Both writers read this one view, so they cannot tell different stories.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from game.engine import Debrief, debrief_of

from .replay import Replayed, ScenarioFinder, replay
from .store import OUTCOME_RANK, Attempt, Records


@dataclass(frozen=True)
class AttemptSummary:
    """One line of the comparison table."""

    id: int
    started: str
    outcome: str | None
    fits: int | None          # None when the attempt could not be replayed
    decisions: int
    score: int
    current: bool


@dataclass
class AttemptView:
    replayed: Replayed
    debrief: Debrief | None
    warnings: list[str] = field(default_factory=list)   # about the scenario file: worth a line on stderr too
    history: list[AttemptSummary] = field(default_factory=list)   # the learner's attempts here, oldest first

    @property
    def attempt(self) -> Attempt:
        return self.replayed.attempt

    @property
    def notes(self) -> list[str]:
        """What the reader must know before reading the rest."""
        unfinished = [] if self.attempt.finished else ["This attempt stopped before an ending."]
        return self.warnings + unfinished

    @property
    def title(self) -> str:
        if self.debrief:
            return self.debrief.scenario_title
        return self.attempt.scenario_id

    @property
    def names(self) -> dict[str, str]:
        return self.replayed.session.names if self.replayed.session else {}

    @property
    def objectives(self) -> list[tuple[str, str, int]]:
        """(objective id, text, points); from the stored scores when there is no debrief."""
        if self.debrief:
            return list(self.debrief.scores)
        return [(key, key, points) for key, points in self.attempt.scores.items()]

    @property
    def outcome_words(self) -> str:
        if self.debrief:
            return self.debrief.outcome_words
        return (self.attempt.outcome or "unfinished").capitalize() + "."


def attempt_view(records: Records, attempt: Attempt, finder: ScenarioFinder) -> AttemptView:
    replayed = replay(attempt, finder)
    view = AttemptView(replayed, debrief_of(replayed.session) if replayed.ok else None)
    if not replayed.ok:
        view.warnings.append(f"The decisions cannot be shown: {replayed.problem}. "
                          "What was stored (outcome, scores, choice numbers) is shown instead.")
    elif replayed.scenario_changed:
        view.warnings.append("The scenario file has changed since this attempt was played; the decisions "
                          "below are replayed against the current file and may differ from what was shown then.")
    view.history = _history(records, attempt, finder, replayed)
    replayed.close()
    return view


def _history(records: Records, current: Attempt, finder: ScenarioFinder, mine: Replayed) -> list[AttemptSummary]:
    rows = []
    for attempt in records.attempts(current.learner, current.scenario_id):
        other = mine if attempt.id == current.id else replay(attempt, finder)
        fits = sum(r.fit for r in other.session.history) if other.ok else None
        rows.append(AttemptSummary(attempt.id, when(attempt.started_at), attempt.outcome, fits,
                                   len(attempt.choices), sum(attempt.scores.values()), attempt.id == current.id))
        if other is not mine:
            other.close()
    return rows


def when(timestamp: float | None) -> str:
    """A date and time for people: 2024-05-03 14:05 (local time)."""
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M") if timestamp else ""


def comparison(view: AttemptView) -> list[str]:
    """Sentences comparing this attempt with the learner's others on the same scenario."""
    rows = view.history
    here = next((i for i, r in enumerate(rows) if r.current), None)
    if here is None or len(rows) == 1:
        return ["This is your only attempt at this scenario so far."]
    this = rows[here]
    words = [f"This is attempt {here + 1} of your {len(rows)} attempts at this scenario."]
    finished = [r for r in rows if r.outcome]
    if finished:
        best = max(finished, key=lambda r: (OUTCOME_RANK.get(r.outcome, 0), r.score))
        whose = "this one" if best.current else f"attempt #{best.id}"
        words.append(f"Your best outcome here: {best.outcome} ({whose}).")
    if here > 0:
        before = rows[here - 1]
        words.append(f"Compared with the attempt before (#{before.id}): "
                     f"outcome {before.outcome or 'unfinished'} → {this.outcome or 'unfinished'}; "
                     f"{_fits(this)} (before: {_fits(before)}); "
                     f"total score {this.score} (before: {before.score}).")
    return words


def _fits(row: AttemptSummary) -> str:
    if row.fits is None:
        return f"{row.decisions} decisions (fit unknown)"
    return f"{row.fits} of {row.decisions} decisions fit the group's need"
