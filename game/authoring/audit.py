"""`simulate --audit`: can the scenario be gamed? (TEACHING.md, "The audit")

Plays `runs` seeded runs with each policy — the players of `simulate` and the cue policies,
which never read the group (policies.py) — and compares their good endings with the expert's.
A run is good when it ends in breakthrough or growth with no risk of harm missed. Run i of every
policy uses seed `seed + i`, so the same arguments always give the same audit.

Findings (code, severity, when):
- cue-wins (error): a policy other than `expert` has a good share above the expert's minus
  CUE_MARGIN: the scenario rewards something other than reading the group;
- expert-disagrees (error): on the expert's own path the model judged a different need at more
  than 1 - AGREEMENT_FLOOR of the decisions: the author and the model teach different things;
- good-ending-unsafe (error): some run reached a good outcome with a missed risk (lists the
  nodes where those runs missed it);
- tell-longest (warning): the expert choice is the longest text at more than half its nodes;
- unmeetable-need (warning): in random play more than UNMEETABLE_SHARE of decisions offered no
  choice that could meet the judged need.
"""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from game.engine import Session
from game.scenario.model import Scenario

from .policies import POLICIES, Usage

AUDIT_POLICIES = ("expert", "lead", "follow", "random", "first", "last", "longest", "keywords", "labels")
GOOD_OUTCOMES = ("breakthrough", "growth")
CUE_MARGIN = 0.20        # a cue player must do at least this much worse than the expert
AGREEMENT_FLOOR = 0.9    # the model must back the expert at this share of the expert's decisions
UNMEETABLE_SHARE = 0.05  # random play may meet a need nobody could meet at most this often
MAX_TURNS = 500          # as simulate: a cycle must never hang the audit
GROUP_VARIABLES = ("cohesion", "engagement", "avoidance", "conflict")


@dataclass
class PolicyTally:
    """What one policy's runs added up to."""

    runs: int = 0
    good: int = 0
    breakthrough: int = 0
    unsafe_good: int = 0                 # good outcome, but a risk was missed
    steps: int = 0
    met: int = 0
    errors: int = 0
    final: dict = field(default_factory=lambda: {v: 0.0 for v in GROUP_VARIABLES})

    def as_dict(self) -> dict:
        runs = self.runs or 1
        return {"good": round(self.good / runs, 4), "breakthrough": round(self.breakthrough / runs, 4),
                "mean_final": {k: round(v / runs, 4) for k, v in self.final.items()},
                "met": round(self.met / self.steps, 4) if self.steps else 0.0}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    nodes: tuple[str, ...] = ()
    fix: str = ""          # a line for the author on how to fix it (text report only)

    def as_dict(self) -> dict:
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "nodes": list(self.nodes)}


@dataclass
class AuditReport:
    scenario: Scenario
    runs: int
    seed: int
    tallies: dict[str, PolicyTally]
    expert_decisions: int = 0
    disagreements: Counter = field(default_factory=Counter)   # node -> expert decisions the model judged otherwise
    random_decisions: int = 0
    unmeetable: Counter = field(default_factory=Counter)      # node -> random decisions with no way to meet the need
    unsafe: Counter = field(default_factory=Counter)          # node -> good-but-unsafe runs that missed a risk there
    findings: list[Finding] = field(default_factory=list)

    @property
    def agreement(self) -> float:
        if not self.expert_decisions:
            return 1.0
        return 1.0 - sum(self.disagreements.values()) / self.expert_decisions

    def good_share(self, policy: str) -> float:
        tally = self.tallies[policy]
        return tally.good / tally.runs if tally.runs else 0.0

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    def as_dict(self) -> dict:
        return {"scenario": self.scenario.id, "runs": self.runs, "seed": self.seed,
                "policies": {name: tally.as_dict() for name, tally in self.tallies.items()},
                "agreement": round(self.agreement, 4),
                "findings": [f.as_dict() for f in self.findings]}


def audit(scenario: Scenario, runs: int = 200, seed: int = 0) -> AuditReport:
    """Every audit policy, `runs` runs each; then the findings."""
    report = AuditReport(scenario, runs, seed, {name: PolicyTally() for name in AUDIT_POLICIES})
    for name in AUDIT_POLICIES:
        usage: Usage = Counter()
        for i in range(runs):
            _play(report, name, seed + i, usage)
    report.findings = list(findings_of(report))
    return report


def _play(report: AuditReport, name: str, seed: int, usage: Usage) -> None:
    tally, policy, rng = report.tallies[name], POLICIES[name], random.Random(seed)
    tally.runs += 1
    with Session(report.scenario, seed=seed) as session:
        try:
            while not session.ended and session.turn < MAX_TURNS:
                shown = session.shown_choices
                if not shown:
                    break
                pick = policy(shown, session.node_id, rng, usage)
                usage[(session.node_id, pick.index)] += 1
                reaction = session.choose(pick.number)
                _observe(report, name, session, shown, reaction)
        except Exception:   # a broken scenario is simulate's to report; here the run is not good
            tally.errors += 1
        if _tally_end(tally, session) == "unsafe":
            report.unsafe.update(r.node_id for r in session.history for e in r.events if e.type == "risk-missed")


def _observe(report: AuditReport, name: str, session: Session, shown, reaction) -> None:
    tally = report.tallies[name]
    tally.steps += 1
    tally.met += reaction.verdict == "met"
    if name == "expert" and reaction.choice.expert:
        report.expert_decisions += 1
        if not reaction.aimed:
            report.disagreements[reaction.node_id] += 1
    if name == "random":
        report.random_decisions += 1
        if not any(session.verdict_if(reaction, c) == "met" for c in shown):
            report.unmeetable[reaction.node_id] += 1


def _tally_end(tally: PolicyTally, session: Session) -> str:
    """Count the run's end; 'good', 'unsafe' (a good outcome with a missed risk) or ''."""
    for var in GROUP_VARIABLES:
        tally.final[var] += getattr(session.state, var)
    if not session.ended:
        return ""
    outcome = session.ending.outcome.value
    if outcome not in GOOD_OUTCOMES:
        return ""
    if not session.safe:
        tally.unsafe_good += 1
        return "unsafe"
    tally.good += 1
    tally.breakthrough += outcome == "breakthrough"
    return "good"


# -- findings ---------------------------------------------------------------------------------

def findings_of(report: AuditReport):
    yield from _cue_wins(report)
    yield from _expert_disagrees(report)
    yield from _unsafe_good(report)
    yield from _tell_longest(report)
    yield from _unmeetable(report)


def _cue_wins(report: AuditReport):
    expert = report.good_share("expert")
    for name in AUDIT_POLICIES[1:]:
        share = report.good_share(name)
        if share > expert - CUE_MARGIN:
            yield Finding("cue-wins", "error",
                          f"policy '{name}' reaches a good ending in {share:.0%} of runs; the expert in "
                          f"{expert:.0%} (a player who does not read the group must do at least "
                          f"{CUE_MARGIN:.0%} worse)",
                          fix=_CUE_FIXES.get(name, "make endings depend on meeting the group's needs"))


_CUE_FIXES = {
    "first": "the shown order is drawn from the seed, so a first-choice win means most choices lead to good endings: make the missed needs cost",
    "last": "as for 'first': too many choices lead to good endings",
    "longest": "the best choice should not be the longest: write distractors as long and as careful as the expert",
    "keywords": "put warm words (feel, group, we, notice...) in the distractors too: a novice's premature reassurance sounds warm",
    "labels": "use pleasant skills (reflecting, supporting, linking...) at the wrong moment as distractors, and mark them poor",
    "lead": "a player who always leads should miss the moments the group needs room: make over-leading cost",
    "follow": "a player who always follows should miss the moments that need structure or protection: make under-leading cost",
    "random": "random play should rarely end well: gate good endings on needs met, not on any path",
}


def _expert_disagrees(report: AuditReport):
    if report.agreement >= AGREEMENT_FLOOR:
        return
    nodes = tuple(node for node, _ in report.disagreements.most_common())
    yield Finding("expert-disagrees", "error",
                  f"the model's need matched the expert's stance at {report.agreement:.0%} of the expert's "
                  f"decisions (at least {AGREEMENT_FLOOR:.0%} needed); it judged otherwise at "
                  f"{len(nodes)} node(s)", nodes,
                  fix="run the expert path with `run` and read each step's `why`: change the expert, the "
                      "effects that set up the moment, or state the need with the node's `need:`")


def _unsafe_good(report: AuditReport):
    unsafe = {name: t.unsafe_good for name, t in report.tallies.items() if t.unsafe_good}
    if unsafe:
        which = ", ".join(f"{name} {count}" for name, count in unsafe.items())
        nodes = tuple(node for node, _ in report.unsafe.most_common())   # where the risks were missed
        yield Finding("good-ending-unsafe", "error",
                      f"runs reached a good outcome with a missed risk of harm ({which}); they count as not good",
                      nodes,
                      fix="make the path that leaves a risk open end unsafe in the story too: branch on "
                          "`visited.<check node>` or a score, so the text never praises it")


def _tell_longest(report: AuditReport):
    nodes = [node_id for node_id, node in report.scenario.nodes.items() if _expert_longest(node)]
    with_expert = sum(1 for node in report.scenario.nodes.values() if any(c.expert for c in node.choices)
                      and len(node.choices) > 1)
    if with_expert and len(nodes) > with_expert / 2:
        yield Finding("tell-longest", "warning",
                      f"the expert choice is the longest text at {len(nodes)} of its {with_expert} nodes",
                      tuple(nodes), fix="shorten the expert or lengthen the distractors: length must not be a tell")


def _expert_longest(node) -> bool:
    expert = next((c for c in node.choices if c.expert), None)
    if expert is None or len(node.choices) < 2:
        return False
    return len(expert.text.strip()) >= max(len(c.text.strip()) for c in node.choices)


def _unmeetable(report: AuditReport):
    if not report.random_decisions:
        return
    share = sum(report.unmeetable.values()) / report.random_decisions
    if share > UNMEETABLE_SHARE:
        nodes = tuple(node for node, _ in report.unmeetable.most_common())
        yield Finding("unmeetable-need", "warning",
                      f"in random play {share:.0%} of decisions offered no choice that could meet the judged "
                      f"need (at most {UNMEETABLE_SHARE:.0%}), at {len(nodes)} node(s)", nodes,
                      fix="offer a best or good choice of the stance the room needs there (run shows `why`)")
