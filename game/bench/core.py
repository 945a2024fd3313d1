"""Figures for the core: loading, and stepping a session. Each is paired with its baseline."""
from __future__ import annotations

import time
from pathlib import Path

import yaml
from transitions import Machine

from game.engine import Session
from game.engine.machine import trigger_name
from game.scenario import Scenario, load_path, load_text
from game.scenario.yamlsource import SafeLoader

from .generate import generated_scenario

SHIPPED = Path(__file__).resolve().parents[2] / "scenarios"


def best_of(runs: int, work) -> float:
    """The fastest of a few timings: the least disturbed by the rest of the machine."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def loading(decisions: int = 5000, runs: int = 3) -> dict:
    """PyYAML's C parser alone vs our load + validate, on one generated scenario."""
    text = generated_scenario(decisions)
    result = load_text(text)
    if result.scenario is None:
        raise RuntimeError(f"generated scenario does not load: {result.errors[:3]}")
    parse = best_of(runs, lambda: yaml.load(text, Loader=SafeLoader))  # safe: libyaml's CSafeLoader where built
    ours = best_of(runs, lambda: load_text(text))
    return {"parse_s": parse, "validate_s": ours, "validate_ratio": ours / parse, "bytes": len(text.encode())}


def largest_shipped() -> Scenario:
    """The shipped scenario with the most nodes (the hardest case a student plays)."""
    loaded = [load_path(p).scenario for p in sorted(SHIPPED.glob("*.yaml"))]
    loaded = [s for s in loaded if s is not None]
    if not loaded:
        raise RuntimeError("no shipped scenario loads")
    return max(loaded, key=lambda s: len(s.nodes))


def stepping(scenario: Scenario, seconds: float = 1.0, rounds: int = 5) -> dict:
    """Choices per second: a bare transitions Machine on the same graph vs a full Session.

    The two take turns in short rounds, and each keeps its best round: a busy moment on a
    shared machine then slows one round of each rather than a whole figure, and the ratio
    compares the two at their best."""
    bare = full = 0.0
    for _ in range(rounds):
        bare = max(bare, _bare_steps(scenario, seconds / rounds))
        full = max(full, _session_steps(scenario, seconds / rounds))
    return {"bare_steps_per_s": bare, "steps_per_s": full, "steps_slowdown": bare / full,
            "scenario": scenario.id}


def _bare_steps(scenario: Scenario, seconds: float) -> float:
    """The graph alone: states, choice triggers, first matching destination; no model."""
    machine = Machine(states=list(scenario.nodes), initial=scenario.start, auto_transitions=False)
    for node_id, node in scenario.nodes.items():
        for index, choice in enumerate(node.choices):
            dest = choice.next if isinstance(choice.next, str) else choice.next[-1].goto
            machine.add_transition(trigger_name(index), node_id, dest)
    turn, steps, deadline = 0, 0, time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        node = scenario.nodes[machine.state]
        if not node.choices:
            machine.set_state(scenario.start)
            continue
        machine.trigger(trigger_name(turn % len(node.choices)))
        turn += 1
        steps += 1
    return steps / seconds


def _session_steps(scenario: Scenario, seconds: float) -> float:
    session = Session(scenario, seed=1)
    turn, steps, deadline = 0, 0, time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        offered = session.choices
        if not offered:
            session = _fresh(session)
            continue
        session.choose(offered[turn % len(offered)].number)
        turn += 1
        steps += 1
    session.close()
    return steps / seconds


def _fresh(session: Session) -> Session:
    """A new session (not `restart`, whose replay would be counted as free steps)."""
    session.close()
    return Session(session.scenario, seed=session.seed + 1)
