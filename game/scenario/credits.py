"""A scenario's credits, in words: who wrote it, which version, on what terms, from what sources.

Scenarios are shared between trainers and courses; the briefing, the terminal and the reports
all say the same thing about where one comes from, so it is worded once, here.
"""
from __future__ import annotations

from .model import Scenario


def byline(scenario: Scenario) -> str:
    """'By Ana Ruiz · version 1.2 · licence CC BY 4.0', or '' when the file says none of it."""
    parts = [f"By {scenario.author}" if scenario.author else "",
             f"version {scenario.version}" if scenario.version else "",
             f"licence {scenario.licence}" if scenario.licence else ""]
    return " · ".join(part for part in parts if part)


def credit_lines(scenario: Scenario) -> list[str]:
    """The byline (if any), then one line per source."""
    line = byline(scenario)
    return ([line] if line else []) + [f"Source: {source}" for source in scenario.sources]
