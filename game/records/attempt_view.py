"""What a report of one attempt says, before it is written as HTML or Markdown.

The debrief (rebuilt by replaying the attempt), what must be said first (a missed risk of harm,
then who may not come back), the notes a reader must see when the scenario file is gone or has
changed, and how this attempt compares with the learner's others on the same scenario. Both
writers read this one view, so they cannot tell different stories. When the attempt cannot be
replayed, what was stored (its safety, each member's outcome) still speaks.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from game.engine import Debrief, debrief_of

from .replay import Replayed, ScenarioFinder, replay
from .store import OUTCOME_RANK, Attempt, Records

MEMBER_OUTCOME_WORDS = {"may_drop_out": "May not come back", "uncertain": "May or may not come back",
                        "returns": "Likely to come back"}
MEMBER_OUTCOME_ORDER = ("may_drop_out", "uncertain", "returns")   # the ones at risk of leaving first
QUALITY_WORDS = {"best": "the best move here", "good": "a sound move", "poor": "a poor move",
                 "harmful": "a harmful move"}


@dataclass(frozen=True)
class MemberRow:
    """One member's outcome, in words, for a report."""

    name: str
    outcome: str          # returns | uncertain | may_drop_out
    reason: str           # may be "" when only the stored outcome is known

    @property
    def words(self) -> str:
        return MEMBER_OUTCOME_WORDS.get(self.outcome, self.outcome.replace("_", " "))


@dataclass(frozen=True)
class AttemptSummary:
    """One line of the comparison table."""

    id: int
    started: str
    outcome: str | None
    met: int | None           # decisions whose verdict was met; None when the attempt could not be replayed
    decisions: int
    score: int
    current: bool
    safe: bool | None = None  # None: not known (recorded before risks were, and not replayable)
    earlier: bool = False     # played on an earlier version of the scenario file (its digest differs)

    @property
    def ending_words(self) -> str:
        """The outcome for a table cell: an unsafe ending says so before its outcome."""
        outcome = self.outcome or "unfinished"
        return f"unsafe ({outcome})" if self.safe is False and self.outcome else outcome

    @property
    def rank(self) -> tuple[int, int, int]:
        """Best attempt first: safe above unsafe, then outcome, then score."""
        return (0 if self.safe is False else 1, OUTCOME_RANK.get(self.outcome or "", 0), self.score)


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
    def credits(self) -> list[str]:
        """Who wrote the scenario, its version and licence, its sources (as the file says now)."""
        from game.scenario.credits import credit_lines
        return credit_lines(self.replayed.scenario) if self.replayed.scenario else []

    @property
    def names(self) -> dict[str, str]:
        if self.replayed.session:
            return self.replayed.session.names
        scenario = self.replayed.scenario
        return {m.id: m.name for m in scenario.members} if scenario else {}

    @property
    def safe(self) -> bool | None:
        """No risk of harm was missed; None when neither the replay nor the record can tell."""
        return self.debrief.safe if self.debrief else self.attempt.safe

    @property
    def first_lines(self) -> list[str]:
        """What the report says before anything else: any missed risk, then who may not come back."""
        if self.debrief:
            return list(self.debrief.first_lines)
        lines = ["Risk missed: a member hinted at a risk of harm and nobody checked it in time."] \
            if self.attempt.safe is False else []
        return lines + [f"{row.name} may not come back." for row in self.members if row.outcome == "may_drop_out"]

    @property
    def members(self) -> list[MemberRow]:
        """Each member's outcome at the end, those who may not come back first."""
        if self.debrief:
            rows = [MemberRow(self.names.get(o.member, o.member), o.outcome, o.reason) for o in self.debrief.members]
        else:
            rows = [MemberRow(self.names.get(m, m), o, "") for m, o in self.attempt.member_outcomes.items()]
        order = {o: i for i, o in enumerate(MEMBER_OUTCOME_ORDER)}
        return sorted(rows, key=lambda row: order.get(row.outcome, len(order)))

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
        words = (self.attempt.outcome or "unfinished").capitalize() + "."
        if self.attempt.safe is False and self.attempt.outcome:
            return "Unsafe: a risk of harm was missed, so this cannot count as a good ending. " + words
        return words

    @property
    def good(self) -> bool:
        """A good ending: breakthrough or growth, and known to be safe."""
        return self.debrief.good if self.debrief else self.attempt.good

    @property
    def verdicts(self) -> dict[str, int]:
        """How many decisions were met, partly met and missed."""
        counts = {"met": 0, "partly": 0, "missed": 0}
        for decision in self.debrief.decisions if self.debrief else ():
            counts[decision.verdict] = counts.get(decision.verdict, 0) + 1
        return counts


def attempt_view(records: Records, attempt: Attempt, finder: ScenarioFinder) -> AttemptView:
    replayed = replay(attempt, finder)
    view = AttemptView(replayed, debrief_of(replayed.session) if replayed.ok else None)
    if not replayed.ok:
        view.warnings.append(f"The decisions cannot be shown: {replayed.problem}. "
                          "What was stored (outcome, scores, choice numbers) is shown instead.")
    elif replayed.scenario_changed:
        version = f", now version {replayed.scenario.version}" if replayed.scenario.version else ""
        view.warnings.append(f"This attempt was played on an earlier version of the scenario file (it has changed "
                             f"since{version}); the decisions below are replayed against the current file and may "
                             "differ from what was shown then.")
    view.history = _history(records, attempt, finder, replayed)
    replayed.close()
    return view


def _history(records: Records, current: Attempt, finder: ScenarioFinder, mine: Replayed) -> list[AttemptSummary]:
    rows = []
    for attempt in records.attempts(current.learner, current.scenario_id):
        other = mine if attempt.id == current.id else replay(attempt, finder)
        met = sum(r.met for r in other.session.history) if other.ok else None
        safe = other.session.safe if other.ok else attempt.safe
        rows.append(AttemptSummary(attempt.id, when(attempt.started_at), attempt.outcome, met,
                                   len(attempt.choices), sum(attempt.scores.values()), attempt.id == current.id,
                                   safe, other.scenario_changed))
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
        best = max(finished, key=lambda r: r.rank)
        whose = "this one" if best.current else f"attempt #{best.id}"
        unsafe = ", but a risk of harm was missed" if best.safe is False else ""
        words.append(f"Your best outcome here: {best.outcome} ({whose}{unsafe}).")
    if here > 0:
        before = rows[here - 1]
        words.append(f"Compared with the attempt before (#{before.id}): "
                     f"outcome {before.ending_words} → {this.ending_words}; "
                     f"{_met(this)} (before: {_met(before)}); "
                     f"total score {this.score} (before: {before.score}).")
    return words


def _met(row: AttemptSummary) -> str:
    if row.met is None:
        return f"{row.decisions} decisions (verdicts unknown)"
    return f"{row.met} of {row.decisions} decisions met the group's need"
