"""A class's attempts, gathered from the students' exports and counted for a seminar.

Reads only the JSON exports (see exchange.py): no scenario file and no records database is
needed. Per scenario: how the sessions ended (an ending with a missed risk of harm is counted as
unsafe, never as breakthrough or growth, and good endings are the safe ones only), who may not
come back, and at each decision node how many reached it, what they chose and how good a move it
was, how often they led or followed next to what the group needed, how often the need was met
on both axes, and which expert choices were missed most, counted by the first try at each moment
(a retry that found the expert choice does not hide the miss before it); and how often the
class's readings of the room matched the model's. Files that are not exports are named
and skipped; the same attempt sent twice (same learner, scenario and start time) counts once.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .exchange import ExportedAttempt, ExportedDecision, ForeignFile, read_attempts

OUTCOMES = ("breakthrough", "growth", "stalled", "rupture")
UNSAFE = "unsafe"          # a finished session in which a risk of harm was missed, whatever its outcome
ENDINGS = OUTCOMES + (UNSAFE,)
UNFINISHED = "unfinished"


@dataclass
class Gathered:
    """The attempts read from the files, and what the instructor should be told about them."""

    attempts: list[ExportedAttempt] = field(default_factory=list)
    files_used: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)   # one line each, naming the file
    duplicates: int = 0
    stores: list[str] = field(default_factory=list)     # learning record stores read (addresses shown)
    seen: set = field(default_factory=set, repr=False)

    def add(self, attempt: ExportedAttempt) -> None:
        """Count an attempt once, however many files or stores it came from."""
        if attempt.identity in self.seen:
            self.duplicates += 1
            return
        self.seen.add(attempt.identity)
        self.attempts.append(attempt)


def gather(paths: list[str | Path]) -> Gathered:
    gathered = Gathered()
    for path in paths:
        try:
            attempts, skipped = read_attempts(path)
        except ForeignFile as err:
            gathered.problems.append(f"{path}: {err}; skipped")
            continue
        if not attempts:     # one line per file that is no use: the first reason, and how many more
            more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
            gathered.problems.append(f"{path}: no usable attempt: {skipped[0]}{more}" if skipped
                                     else f"{path}: contains no attempts")
            continue
        gathered.problems += [f"{path}: {note}" for note in skipped]
        gathered.files_used.append(str(path))
        for attempt in attempts:
            gathered.add(attempt)
    return gathered


def gather_store(gathered: Gathered, shown: str, statements: list[dict], scenario_id: str | None = None,
                 since=None) -> Gathered:
    """Add the attempts a learning record store's statements tell of (see lrs_attempts.py)."""
    from .lrs_attempts import attempts_from

    found = attempts_from(statements, scenario_id, since)
    gathered.stores.append(shown)
    gathered.problems += [f"{shown}: {problem}" for problem in found.problems]
    for attempt in found.attempts:
        gathered.add(attempt)
    return gathered


@dataclass
class ChoiceShare:
    text: str
    stance: str
    expert: bool
    count: int = 0
    quality: str | None = None    # best | good | poor | harmful; None in older exports


@dataclass
class NodeSummary:
    """What the class did at one decision node."""

    node: str
    phase: str | None
    reached: int = 0                     # attempts that made a decision here
    decisions: int = 0                   # decisions here (a node may be met twice in one attempt)
    choices: list[ChoiceShare] = field(default_factory=list)
    chose: Counter = field(default_factory=Counter)    # stance -> decisions
    needed: Counter = field(default_factory=Counter)   # need -> decisions
    fits: int = 0                        # the stance alone matched the need
    met: int = 0                         # verdict met: right stance and a sound move
    partly: int = 0                      # right stance, poor or harmful move
    judged: int = 0                      # decisions that carry a verdict (older exports do not)
    expert_text: str | None = None
    expert_taken: int = 0                # by the first try at the moment
    expert_missed: int = 0               # by the first try: a retry never hides a miss
    first_met: int = 0                   # verdict met at the first try
    mean_turn: float = 0.0

    @property
    def missed_share(self) -> float:
        judged = self.expert_taken + self.expert_missed
        return self.expert_missed / judged if judged else 0.0


@dataclass
class MemberSummary:
    """Across the class: how often one member may not come back."""

    member: str
    name: str
    outcomes: Counter = field(default_factory=Counter)   # returns | uncertain | may_drop_out -> attempts

    @property
    def told(self) -> int:
        return sum(self.outcomes.values())


@dataclass
class ScenarioSummary:
    id: str
    title: str
    attempts: int
    learners: int
    outcomes: Counter                     # outcome as authored (or "unfinished") -> attempts
    nodes: list[NodeSummary]              # in the order the class met them
    without_decisions: int                # attempts exported without their decisions
    versions: int                         # distinct scenario files (digests) among the attempts
    endings: Counter = field(default_factory=Counter)   # as counted: an unsafe ending is "unsafe"
    good: int = 0                         # breakthrough or growth, and known to be safe
    missed_risk: int = 0                  # attempts in which a risk of harm was missed
    safety_unknown: int = 0               # finished attempts whose file cannot say (older exports)
    members: list[MemberSummary] = field(default_factory=list)   # most at risk of leaving first
    readings_asked: int = 0               # readings of the room made in these attempts
    readings_matched: int = 0             # ... that matched the model's
    retried: int = 0                      # decisions made after a moment was tried again

    @property
    def reading_rate(self) -> str:
        """'7 of 12 (58%)', or 'no readings' when none were made (or the exports are older)."""
        if not self.readings_asked:
            return "no readings"
        share = round(100 * self.readings_matched / self.readings_asked)
        return f"{self.readings_matched} of {self.readings_asked} ({share}%)"

    @property
    def outcome_rows(self) -> list[tuple[str, int]]:
        """(ending, attempts): an unsafe ending is counted as unsafe, never as its outcome."""
        rows = [(o, self.endings.get(o, 0)) for o in ENDINGS]
        extra = sorted(k for k in self.endings if k not in ENDINGS)
        return rows + [(k, self.endings[k]) for k in extra]

    def most_missed(self, limit: int = 5) -> list[NodeSummary]:
        """Nodes whose expert choice the class passed over most often (then by share of those who met it)."""
        missed = [n for n in self.nodes if n.expert_missed]
        missed.sort(key=lambda n: (-n.expert_missed, -n.missed_share, n.mean_turn))
        return missed[:limit]


def summarize(attempts: list[ExportedAttempt]) -> list[ScenarioSummary]:
    """One summary per scenario, the most played first."""
    by_scenario: dict[str, list[ExportedAttempt]] = {}
    for attempt in attempts:
        by_scenario.setdefault(attempt.scenario, []).append(attempt)
    summaries = [_scenario(sid, group) for sid, group in by_scenario.items()]
    summaries.sort(key=lambda s: (-s.attempts, s.title.lower()))
    return summaries


def _scenario(scenario_id: str, attempts: list[ExportedAttempt]) -> ScenarioSummary:
    titles = Counter(a.scenario_title for a in attempts if a.scenario_title)
    return ScenarioSummary(
        id=scenario_id,
        title=titles.most_common(1)[0][0] if titles else scenario_id,
        attempts=len(attempts),
        learners=len({a.learner for a in attempts}),
        outcomes=Counter(a.outcome or UNFINISHED for a in attempts),
        nodes=_nodes(attempts),
        without_decisions=sum(1 for a in attempts if not a.decisions and a.choices),
        versions=len({a.digest for a in attempts if a.digest}),
        endings=Counter(ending_of(a) for a in attempts),
        good=sum(a.good for a in attempts),
        missed_risk=sum(a.safety is False for a in attempts),
        safety_unknown=sum(a.safety is None and a.outcome is not None for a in attempts),
        members=_members(attempts),
        readings_asked=sum(len(a.readings) for a in attempts),
        readings_matched=sum(r.matched for a in attempts for r in a.readings),
        retried=sum(1 for a in attempts for d in a.decisions if d.retries),
    )


def ending_of(attempt: ExportedAttempt) -> str:
    """How an attempt's ending is counted: a finished session with a missed risk is unsafe."""
    if attempt.outcome is None:
        return UNFINISHED
    return UNSAFE if attempt.safety is False else attempt.outcome


def _members(attempts: list[ExportedAttempt]) -> list[MemberSummary]:
    """Each member's outcomes across the attempts, those who may not come back most often first."""
    members: dict[str, MemberSummary] = {}
    for attempt in attempts:
        for told in attempt.members:
            summary = members.setdefault(told.member, MemberSummary(told.member, told.name or told.member))
            summary.outcomes[told.outcome] += 1
    return sorted(members.values(), key=lambda m: (-m.outcomes["may_drop_out"], -m.outcomes["uncertain"], m.name))


def _nodes(attempts: list[ExportedAttempt]) -> list[NodeSummary]:
    decisions: dict[str, list[ExportedDecision]] = {}
    reached: dict[str, set[int]] = {}
    for number, attempt in enumerate(attempts):
        for decision in attempt.decisions:
            decisions.setdefault(decision.node, []).append(decision)
            reached.setdefault(decision.node, set()).add(number)
    nodes = [_node(node, made, len(reached[node])) for node, made in decisions.items()]
    nodes.sort(key=lambda n: (n.mean_turn, n.node))
    return nodes


def _node(node: str, made: list[ExportedDecision], reached: int) -> NodeSummary:
    phases = Counter(d.phase for d in made if d.phase)
    summary = NodeSummary(node=node, phase=phases.most_common(1)[0][0] if phases else None,
                          reached=reached, decisions=len(made),
                          mean_turn=sum(d.turn for d in made) / len(made))
    summary.choices = _choice_shares(made)
    summary.chose = Counter(d.stance for d in made)
    summary.needed = Counter(d.need for d in made)
    summary.fits = sum(d.fit for d in made)
    summary.met = sum(d.met for d in made)
    summary.partly = sum(d.verdict == "partly" for d in made)
    summary.judged = sum(d.verdict is not None for d in made)
    # By the first try at each moment: a retry that took the expert choice never hides the miss.
    summary.expert_taken = sum(1 for d in made if _has_expert(d) and d.first_expert)
    summary.expert_missed = sum(1 for d in made if _has_expert(d) and not d.first_expert)
    summary.first_met = sum((d.first_verdict or d.verdict) == "met" for d in made)
    experts = Counter([d.choice_text for d in made if d.expert_chosen] + [d.expert_text for d in made if d.expert_text]
                      + [o.text for d in made for o in d.offered if o.expert])
    summary.expert_text = experts.most_common(1)[0][0] if experts else None
    return summary


def _has_expert(decision: ExportedDecision) -> bool:
    """The node offered an expert choice: taken, or named as the one passed over."""
    return decision.expert_chosen or bool(decision.expert_text)


def _choice_shares(made: list[ExportedDecision]) -> list[ChoiceShare]:
    """Every choice seen at the node (taken, or on offer and passed over), most taken first."""
    shares: dict[str, ChoiceShare] = {}
    for decision in made:
        for option in decision.offered:
            shares.setdefault(option.text, ChoiceShare(option.text, option.stance, option.expert,
                                                       quality=option.quality))
        share = shares.setdefault(decision.choice_text,
                                  ChoiceShare(decision.choice_text, decision.stance, decision.expert_chosen))
        share.quality = share.quality or decision.quality
        share.count += 1
    return sorted(shares.values(), key=lambda s: -s.count)
