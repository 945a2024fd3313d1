"""Gathering every figure `bench` knows, and printing them next to their baselines and targets."""
from __future__ import annotations

import importlib
from typing import TextIO

from . import core

# (figure, baseline, how to compare, target, what it means). A line without a baseline holds a
# figure to its target as it is (seconds that already include a baseline's worth of work).
LINES = [
    ("validate_s", "parse_s", "ratio", 3.0, "load + validate a 5,000-node scenario vs PyYAML's C parser alone"),
    ("bare_steps_per_s", "steps_per_s", "ratio", 5.0, "choices/s: bare transitions Machine vs full Session"),
]


def _stage(progress: TextIO | None, text: str) -> None:
    if progress:
        print(f"bench: {text} ...", file=progress, flush=True)


def collect(quick: bool = False, progress: TextIO | None = None) -> dict:
    figures: dict = {}
    _stage(progress, "loading a generated 5,000-node scenario")
    figures.update(core.loading(runs=1 if quick else 3))
    _stage(progress, "stepping sessions")
    figures.update(core.stepping(core.largest_shipped(), seconds=0.3 if quick else 1.0))
    for module in _parts():
        figures.update(module.figures(quick, progress))
    return {k: (round(v, 6) if isinstance(v, float) else v) for k, v in figures.items()}


def _parts():
    """Benchmark modules of parts that may be absent (the screen, the authoring tools)."""
    found = []
    for name in ("authoring", "screen"):
        try:
            found.append(importlib.import_module(f"game.bench.{name}"))
        except ImportError:
            continue
    return found


def format_text(figures: dict) -> str:
    rows = []
    for figure, baseline, _, target, meaning in LINES + _extra_lines():
        if figure not in figures or (baseline is not None and baseline not in figures):
            continue
        rows.append(_row(figures, figure, baseline, target, meaning))
    shown = {f for row in LINES + _extra_lines() for f in row[:2]}
    others = [f"    {k} = {v}" for k, v in figures.items() if k not in shown and not k.endswith("_ratio") and k != "steps_slowdown"]
    return "\n".join(rows + (["other figures:"] + others if others else []))


def _extra_lines():
    return [line for module in _parts() for line in getattr(module, "LINES", [])]


def _row(figures: dict, figure: str, baseline: str | None, target: float, meaning: str) -> str:
    value = figures[figure]
    if baseline is None:
        verdict = "ok" if value <= target else "OVER TARGET"
        return f"{meaning}\n    {figure} = {value:,.4g}   (target <= {target:g}) {verdict}"
    base = figures[baseline]
    ratio = value / base if base else float("inf")
    verdict = "ok" if ratio <= target else "OVER TARGET"
    return (f"{meaning}\n    {figure} = {value:,.4g}   {baseline} = {base:,.4g}   "
            f"ratio {ratio:.2f} (target <= {target:g}) {verdict}")
