"""Figures for instructors' tools: `simulate` throughput and the exhaustive check's growth."""
from __future__ import annotations

import time

from game.authoring.exhaustive import exhaustive
from game.authoring.simulate import simulate
from game.scenario import load_text

from . import core
from .generate import generated_scenario

LINES = [
    ("exhaustive_2000_s", "exhaustive_1000_s", "ratio", 2.5,
     "exhaustive check: 2,000-node vs 1,000-node scenario (about 2 = linear in choices)"),
    ("exhaustive_2000_s", None, "seconds", 5.0, "exhaustive check on a 2,000-node scenario, seconds"),
]


def figures(quick: bool = False, progress=None) -> dict:
    if progress:
        print("bench: simulate and the exhaustive check ...", file=progress, flush=True)
    scenario = core.largest_shipped()
    runs = 200 if quick else 1000
    start = time.perf_counter()
    report = simulate(scenario, runs=runs, policy="random", seed=0)
    simulate_s = time.perf_counter() - start
    result = {
        "simulate_runs_per_s": runs / simulate_s,
        "simulate_mean_turns": report.mean_turns,
        "simulate_scenario": scenario.id,
    }
    for decisions in (1000, 2000):
        generated = load_text(generated_scenario(decisions)).scenario
        start = time.perf_counter()
        exhaustive(generated, seed=0)
        result[f"exhaustive_{decisions}_s"] = time.perf_counter() - start
    return result
