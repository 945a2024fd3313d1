"""The exhaustive check (a "quicktest"): every choice at every node taken at least once.

Walking every path would grow with the number of paths, which explodes with branching. Instead
a breadth-first search over choice lists keeps only paths that discover something: a node not
reached before, or a choice offered that no path has claimed yet. Paths run on the real
Session, so `if:` conditions, branches and the group model act exactly as in play; each queued
path keeps a snapshot of the session where it ends, so expanding it costs one step per choice.
Each discovery is enqueued at most once, so the work grows with the number of choices, not
with the number of paths (nor with their length).

Conditions on numbers can need a particular history that a shortest path does not make. So a
node whose branch choices still have a destination never reached is re-expanded from a few more
arrivals (`RETRIES`). While something is still missing, probe runs wander off the shortest
paths, and every node they stand at is offered to the search again (`PROBE_RUNS` at most):
first as the expert, the leader and the follower would play, then random play exactly as
`simulate` plays it by default (run k with seed + k, for the model and for the player's dice).

Why random play, and with its seeds: the group model has one chance in it (whether the group
reaches out to a member on its own, drawn from the seed and the turn). A search on one seed can
therefore never see a branch that only another seed's draw allows (with seed 0, every draw of
the first turns falls the same way), and the check once called an ending unreachable that
`simulate` had reached. Now the first `RANDOM_PLAY` runs of random play are always played in
full when anything is missing, so whatever `simulate` reaches with its defaults, this check
reaches too; what only another seed reaches is reported with that seed (`elsewhere`).
Whatever remains unreached is reported with the reason: the conditions guarding it were never
true on any path explored.
"""
from __future__ import annotations

import gc
import random
from collections import Counter, defaultdict, deque
from contextlib import contextmanager
from dataclasses import dataclass, field

from game.engine import Session
from game.engine.session import Snapshot
from game.scenario.model import Scenario, Stance

from .coverage import ChoiceKey, Coverage, EdgeKey, Problem, destinations
from .policies import POLICIES, least_used
from .simulate import MAX_TURNS
from .unreached import why_branch, why_choice, why_node

RETRIES = 4          # extra expansions of a node whose branches are not all reached yet
# The first probes play like a trainee who follows the expert, or always leads, or always
# follows: the histories authors gate their best and worst endings on. Then random ones.
PROBE_POLICIES = ("expert", "lead", "follow")
PROBE_RUNS = 200     # random runs to seed the search with other histories, at most
RANDOM_PLAY = 100    # runs of random play always played in full: `simulate`'s default runs
PATIENCE = 40        # stop probing after this many runs in a row found nothing new
PROBE_STEPS_PER_CHOICE = 20  # probes' total steps, per choice in the file: keeps the cost linear
LEAD = Stance.lead


@dataclass
class ExhaustiveReport:
    """What the exhaustive check reached, the shortest way to each node, and what it missed."""

    scenario: Scenario
    seed: int
    coverage: Coverage
    paths: dict[str, tuple[int, ...]] = field(default_factory=dict)  # node -> shortest choices
    elsewhere: dict[str, tuple[int, tuple[int, ...]]] = field(default_factory=dict)  # node -> (seed, choices),
    #   for nodes reached only with another seed of the model (a probe's)
    arrivals: Counter = field(default_factory=Counter)               # node -> times stood there
    stuck: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    explored: int = 0        # paths expanded by the search
    probes: int = 0          # random runs that seeded it
    probe_steps: int = 0     # choices those runs made

    @property
    def ok(self) -> bool:
        return not self.stuck and not self.errors

    def endings(self) -> dict[str, list[str]]:
        """Outcome -> ending nodes reached, in file order."""
        found: dict[str, list[str]] = {}
        for node_id, node in self.scenario.nodes.items():
            if node.is_ending and (node_id in self.paths or node_id in self.elsewhere):
                found.setdefault(node.ending.outcome.value, []).append(node_id)
        return found

    def never_nodes(self) -> list[tuple[str, str]]:
        return [(n, why_node(self, n)) for n in self.coverage.never_nodes()]

    def never_choices(self) -> list[tuple[ChoiceKey, str]]:
        return [(key, why_choice(self, key)) for key in self.coverage.never_choices()]

    def never_branches(self) -> list[tuple[EdgeKey, str]]:
        """Branch destinations never reached from a choice that was itself taken."""
        taken = self.coverage.choice_hits
        return [(edge, why_branch(self, edge)) for edge in self.coverage.never_edges()
                if taken[edge[:2]]]

    def as_dict(self) -> dict:
        nodes, choices = self.coverage.nodes_dict(), self.coverage.choices_dict()
        nodes["why"] = dict(self.never_nodes())  # `never` stays a list of ids, as in simulate
        choices["never"] = [dict(self.coverage.choice_ref(k), why=why) for k, why in self.never_choices()]
        edges = self.coverage.all_edges()
        return {
            "scenario": self.scenario.id,
            "mode": "exhaustive",
            "seed": self.seed,
            "explored": self.explored,
            "probes": self.probes,
            "nodes": nodes,
            "choices": choices,
            "branches": {
                "taken": len(edges) - len(self.coverage.never_edges()),
                "total": len(edges),
                "never": [{"node": e[0], "choice": e[1] + 1, "goto": e[2], "why": why}
                          for e, why in self.never_branches()],
            },
            "endings": self.endings(),
            "paths": {n: list(p) for n, p in self.paths.items()},
            "elsewhere": {n: {"seed": seed, "choices": list(p)} for n, (seed, p) in self.elsewhere.items()},
            "stuck": [p.as_dict() for p in self.stuck],
            "errors": [p.as_dict() for p in self.errors],
        }


class _Search:
    """The breadth-first search; one Session replays every path (state is always rebuilt)."""

    def __init__(self, scenario: Scenario, seed: int):
        coverage = Coverage(scenario)
        self.report = ExhaustiveReport(scenario, seed, coverage)
        self.session = Session(scenario, seed=seed)
        self.claimed: set[ChoiceKey] = set()   # taken, or promised by a path in the queue
        self.retries: Counter = Counter()
        self.stuck_at: set[str] = set()
        self.settled: set[str] = set()        # nodes whose every branch has been reached
        self.branch_edges: dict[str, dict[int, tuple[EdgeKey, ...]]] = {}
        self.queue: deque[tuple[tuple[int, ...], Snapshot]] = deque()
        # Everything there is to reach: the search is complete when it has reached as many
        # (hits are only ever counted for nodes, choices and branches the file writes).
        self.everything = len(scenario.nodes) + len(coverage.all_choices()) + len(coverage.all_edges())

    def run(self, probes: int) -> ExhaustiveReport:
        with _no_collector():
            try:
                self.arrive((), self.session.scenario.start)
                self.drain()
                self.run_probes(probes)
            finally:
                self.session.close()
        return self.report

    def run_probes(self, probes: int) -> None:
        """The policy probes, then random play as `simulate` plays it: its first RANDOM_PLAY
        runs in full (so the two agree), then more only while they keep finding something."""
        # the random player's own counts, as simulate keeps them (a defaultdict: reading a
        # choice never taken, as the player does at every step, costs no Python call)
        seed, idle, usage = self.report.seed, 0, defaultdict(int)
        budget = PROBE_STEPS_PER_CHOICE * max(1, len(self.report.coverage.all_choices()))
        for i in range(probes):
            run = i - len(PROBE_POLICIES)   # the run of random play this probe is, if it is one
            if self.complete() or (run >= RANDOM_PLAY and (idle >= PATIENCE or self.report.probe_steps >= budget)):
                break
            found = self.found()
            if run < 0:
                self.probe(POLICIES[PROBE_POLICIES[i]], random.Random(seed + i))
            else:
                self.with_seed(seed + run, lambda: self.play_randomly(random.Random(seed + run), usage))
            self.drain()
            idle = 0 if self.found() > found else idle + 1

    def with_seed(self, model_seed: int, play) -> None:
        """Play (and search from what is found) with another seed of the model: the queue is
        drained before the search's own seed comes back (nothing queued is left to restore)."""
        if model_seed == self.report.seed:
            play()
            return
        self.session.close()   # one seat at the shared machine at a time: simulations make thousands
        self.session = Session(self.report.scenario, seed=model_seed)
        try:
            play()
            self.drain()
        finally:
            self.session.close()
            self.session = Session(self.report.scenario, seed=self.report.seed)

    def play_randomly(self, rng: random.Random, usage: dict) -> None:
        """One run exactly as `simulate`'s random player makes it (shown order, its own usage
        counts, the same dice), every step taken through the search."""
        report = self.report
        report.probes += 1
        if not self.replay((), ()):
            return
        path: tuple[int, ...] | None = ()
        session = self.session
        while not session.ended and len(path) < MAX_TURNS:
            offered = _as_shown(session)
            if not offered:
                return
            node_id = session.node_id
            pick = least_used(offered, node_id, rng, usage)
            usage[(node_id, pick.index)] += 1
            path = self.take(path, pick)
            if path is None:
                return
            report.probe_steps += 1

    def drain(self) -> None:
        while self.queue:
            self.expand(self.queue.popleft())

    def found(self) -> int:
        """How much is covered: grows whenever a node, choice or branch is first reached."""
        coverage = self.report.coverage
        return len(coverage.node_hits) + len(coverage.choice_hits) + len(coverage.edge_hits)

    def complete(self) -> bool:
        """Every node, choice and branch reached (counted, rather than looked for one by one
        in the file before every probe)."""
        return self.found() == self.everything

    def arrive(self, path: tuple[int, ...], node_id: str) -> None:
        """The session stands at `node_id` after `path`: remember it, and queue it if useful."""
        report, session = self.report, self.session
        report.arrivals[node_id] += 1
        report.coverage.node_hits[node_id] += 1
        fresh = node_id not in report.paths and node_id not in report.elsewhere
        if fresh and session.seed == report.seed:
            report.paths[node_id] = path
        elif fresh:
            report.elsewhere[node_id] = (session.seed, path)
        ended = session.ended
        offered = session.choices   # none at an ending
        if not (ended or offered):  # stuck: no ending here and nothing offered
            if node_id not in self.stuck_at:
                self.stuck_at.add(node_id)
                report.stuck.append(Problem(report.seed, path, _stuck_message(session)))
            return
        if ended or len(path) >= MAX_TURNS:
            return
        unclaimed = False
        claimed = self.claimed
        for choice in offered:
            key = (node_id, choice.index)
            if key not in claimed:
                claimed.add(key)
                unclaimed = True
        if fresh or unclaimed or self.worth_retry(node_id):
            self.queue.append((path, session.snapshot()))

    def worth_retry(self, node_id: str) -> bool:
        """Another look at a node whose offered branches still have a destination unreached."""
        if self.retries.get(node_id, 0) >= RETRIES or node_id in self.settled:
            return False
        hits = self.report.coverage.edge_hits
        branches = self.branches(node_id)
        if all(edge in hits for edges in branches.values() for edge in edges):
            self.settled.add(node_id)   # hits only grow: every branch here stays reached
            return False
        missing = any(not hits.get(edge) for c in self.session.choices
                      for edge in branches.get(c.index, ()))
        if missing:
            self.retries[node_id] += 1
        return missing

    def branches(self, node_id: str) -> dict[int, tuple[EdgeKey, ...]]:
        """Choice index -> the branches (node, index, destination) of each choice here that
        has branches, worked out once per node."""
        found = self.branch_edges.get(node_id)
        if found is None:
            choices = self.report.scenario.nodes[node_id].choices
            found = self.branch_edges[node_id] = {
                index: tuple((node_id, index, dest) for dest in destinations(choice))
                for index, choice in enumerate(choices) if not isinstance(choice.next, str)}
        return found

    def expand(self, item: tuple[tuple[int, ...], Snapshot]) -> None:
        """Take every choice offered at the end of `path`, each from the snapshot taken there
        (restoring costs nothing; replaying the path would cost its length every time)."""
        path, snapshot = item
        self.report.explored += 1
        self.session.restore(snapshot)
        for k, choice in enumerate(list(self.session.choices)):
            if k:
                self.session.restore(snapshot)
            self.take(path, choice)

    def take(self, path: tuple[int, ...], choice) -> tuple[int, ...] | None:
        """Make `choice` where the session stands, count it, and arrive; the path now, or
        None if it raised."""
        path += (choice.number,)
        try:
            reaction = self.session.choose(choice.number)
        except Exception as err:
            self.fail(path, err)
            return None
        coverage, node_id = self.report.coverage, reaction.node_id
        coverage.choice_hits[(node_id, choice.index)] += 1
        coverage.edge_hits[(node_id, choice.index, reaction.next_node)] += 1
        self.arrive(path, reaction.next_node)
        return path

    def probe(self, policy, rng: random.Random) -> None:
        """One run with `policy` (least-taken choices first); what it finds seeds the search.

        Conditions on numbers can need a history that no shortest path makes; a run that
        wanders differently may make it, and every node it stands at is offered to `arrive`.
        """
        self.report.probes += 1
        if not self.replay((), ()):
            return
        path: tuple[int, ...] | None = ()
        usage = self.report.coverage.choice_hits
        while self.session.choices and len(path) < _probe_turns(self.report.scenario):
            pick = policy(self.session.choices, self.session.node_id, rng, usage)
            path = self.take(path, pick)
            if path is None:
                return
            self.report.probe_steps += 1

    def replay(self, path: tuple[int, ...], shown: tuple[int, ...]) -> bool:
        try:
            self.session.replay(list(path))
            return True
        except Exception as err:
            self.fail(shown, err)
            return False

    def fail(self, path: tuple[int, ...], err: Exception) -> None:
        message = f"{type(err).__name__}: {err}"
        if all(p.message != message for p in self.report.errors):
            self.report.errors.append(Problem(self.report.seed, path, message))


def _as_shown(session: Session) -> list:
    """The choices offered, in the order `session.shown_choices` gives the trainee: leads
    first, then follows, each stance in an order drawn from the seed. Where no stance has more
    than one choice offered there is nothing to draw, and the order is read off directly (a
    random run asks at every step; drawing costs a CRC per choice)."""
    leads, follows = [], []
    for offered in session.choices:
        (leads if offered.choice.stance is LEAD else follows).append(offered)
    if len(leads) > 1 or len(follows) > 1:
        return session.shown_choices
    return leads + follows


@contextmanager
def _no_collector():
    """The cyclic garbage collector paused while the search runs. A search makes hundreds of
    thousands of states, reactions and snapshots, none in a reference cycle (a session frees
    what it drops at once), and each pass of the collector would look through all of them
    and through every node and transition of the scenario's machine for nothing: 5% of a
    large search. Restored as it was, whatever happens."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _probe_turns(scenario: Scenario) -> int:
    """Long enough to cross the graph a few times; a probe that circles simply stops."""
    return min(MAX_TURNS, 20 + 4 * len(scenario.nodes))


def _stuck_message(session: Session) -> str:
    conditions = [f"`{c.when}`" for c in session.node.choices if c.when]
    why = f" (all false here: {', '.join(conditions)})" if conditions else ""
    return f"stuck at node '{session.node_id}': none of its choices is offered{why}"


def exhaustive(scenario: Scenario, seed: int = 0, probes: int = PROBE_RUNS) -> ExhaustiveReport:
    """Take every choice at every node at least once; report what could not be reached."""
    return _Search(scenario, seed).run(probes)
