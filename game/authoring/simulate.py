"""Many seeded headless playthroughs: where a scenario's players end up, and where they stick.

Run i uses seed `seed + i`, both for the group model and for the policy's own dice, so the same
arguments always give the same report, and every stuck or failing run names the seed and the
choice numbers that replay it with `run`. A run that circles for `MAX_TURNS` without an ending
is reported as stuck: a cycle in the graph must never hang the tool.
"""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from game.engine import Session
from game.scenario.model import Outcome, Scenario

from .coverage import Coverage, Problem
from .policies import Usage, policy_named

MAX_TURNS = 500  # far past any real session (a 15-minute scenario has 8..15 choices)
GROUP_VARIABLES = ("cohesion", "engagement", "avoidance", "conflict")


@dataclass
class RunResult:
    """One playthrough: how it ended (or why it did not) and the room at the end."""

    seed: int
    choices: tuple[int, ...]
    ending_node: str | None
    outcome: str | None
    final: dict[str, float]        # group cohesion, engagement, avoidance, conflict
    stuck: str | None = None       # why it stopped without an ending
    error: str | None = None       # what it raised
    capped: bool = False           # stopped by the turn cap (a cycle), not by a stuck node

    @property
    def turns(self) -> int:
        return len(self.choices)

    @property
    def problem(self) -> Problem | None:
        message = self.stuck or self.error
        return Problem(self.seed, self.choices, message) if message else None


def play_one(scenario: Scenario, seed: int, policy, usage: Usage, coverage: Coverage,
             max_turns: int = MAX_TURNS) -> RunResult:
    """Play until an ending, a stuck node, the turn cap or an exception; never raises."""
    rng = random.Random(seed)
    session = None
    attempted: list[int] = []
    stuck = error = None
    try:
        session = Session(scenario, seed=seed)
        stuck = _play(session, policy, rng, usage, attempted, max_turns)
    except Exception as err:  # a scenario must not crash the engine; report how it did
        error = f"{type(err).__name__}: {err}"
    finally:
        if session is not None:
            coverage.record(session)
            session.close()
    return _result(scenario, seed, session, attempted, stuck, error)


def _play(session: Session, policy, rng, usage: Usage, attempted: list[int],
          max_turns: int) -> str | None:
    """Choose until the session ends; the reason it got stuck, or None."""
    while not session.ended:
        if session.turn >= max_turns:
            return _circling(session)
        offered = session.shown_choices   # as the trainee sees them: cue policies read the order
        if not offered:
            return _nothing_offered(session)
        pick = policy(offered, session.node_id, rng, usage)
        usage[(session.node_id, pick.index)] += 1
        attempted.append(pick.number)
        session.choose(pick.number)
    return None


def _nothing_offered(session: Session) -> str:
    conditions = [f"`{c.when}`" for c in session.node.choices if c.when]
    why = f" (all false here: {', '.join(conditions)})" if conditions else ""
    turns = f"{session.turn} turn" + ("" if session.turn == 1 else "s")
    return (f"stuck at node '{session.node_id}' after {turns}: "
            f"none of its {len(session.node.choices)} choices is offered{why}")


def _circling(session: Session) -> str:
    recent = list(dict.fromkeys(r.node_id for r in session.history[-20:]))
    return (f"no ending after {session.turn} turns: the run keeps circling through "
            f"{', '.join(repr(n) for n in recent)} (a cycle with no way out under this policy?)")


def _result(scenario, seed, session, attempted, stuck, error) -> RunResult:
    if session is None:
        return RunResult(seed, (), None, None, _group(None), error=error)
    choices = tuple(attempted) if error else tuple(session.choice_numbers)
    ended = session.ended and error is None
    return RunResult(
        seed=seed, choices=choices,
        ending_node=session.node_id if ended else None,
        outcome=session.ending.outcome.value if ended else None,
        final=_group(session.state), stuck=stuck, error=error,
        capped=stuck is not None and not session.stuck,
    )


def _group(state) -> dict[str, float]:
    return {v: (getattr(state, v) if state is not None else 0.0) for v in GROUP_VARIABLES}


@dataclass
class SimulationReport:
    """What `simulate` found; `as_dict()` is the contract's JSON object."""

    scenario: Scenario
    runs: int
    policy: str
    seed: int
    results: list[RunResult]
    coverage: Coverage
    endings: Counter = field(default_factory=Counter)       # outcome -> runs
    ending_nodes: Counter = field(default_factory=Counter)  # ending node id -> runs

    @property
    def stuck(self) -> list[Problem]:
        return [r.problem for r in self.results if r.stuck]

    @property
    def errors(self) -> list[Problem]:
        return [r.problem for r in self.results if r.error]

    @property
    def ok(self) -> bool:
        """No run got stuck or raised (the command's exit status)."""
        return not self.stuck and not self.errors

    @property
    def mean_turns(self) -> float:
        return _mean([r.turns for r in self.results])

    @property
    def mean_final(self) -> dict[str, float]:
        return {v: _mean([r.final[v] for r in self.results]) for v in GROUP_VARIABLES}

    def as_dict(self) -> dict:
        return {
            "scenario": self.scenario.id,
            "runs": self.runs,
            "policy": self.policy,
            "seed": self.seed,
            "max_turns": MAX_TURNS,
            "endings": {o.value: self.endings[o.value] for o in Outcome},
            "ending_nodes": dict(sorted(self.ending_nodes.items())),
            "nodes": self.coverage.nodes_dict(),
            "choices": self.coverage.choices_dict(),
            "mean_turns": round(self.mean_turns, 4),
            "mean_final": {k: round(v, 4) for k, v in self.mean_final.items()},
            "stuck": [p.as_dict() for p in self.stuck],
            "errors": [p.as_dict() for p in self.errors],
        }


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def simulate(scenario: Scenario, runs: int = 100, policy: str = "random", seed: int = 0) -> SimulationReport:
    """`runs` playthroughs with the named policy; run i uses seed `seed + i`."""
    if runs < 0:
        raise ValueError("runs must be 0 or more")
    choose = policy_named(policy)
    usage: Usage = Counter()
    report = SimulationReport(scenario, runs, policy, seed, [], Coverage(scenario))
    for i in range(runs):
        result = play_one(scenario, seed + i, choose, usage, report.coverage)
        report.results.append(result)
        if result.outcome is not None:
            report.endings[result.outcome] += 1
            report.ending_nodes[result.ending_node] += 1
    return report
