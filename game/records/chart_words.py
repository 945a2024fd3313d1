"""The debrief's chart in words, for readers who cannot see it (the picture itself is drawn by
the window's chart widget and handed to the report: the records never draw)."""
from __future__ import annotations

GROUP_LABELS = {"cohesion": "Cohesion", "engagement": "Engagement", "conflict": "Conflict"}


def chart_alt(debrief) -> str:
    """A sentence saying what the chart shows, for readers who cannot see it."""
    moves = []
    for key, label in GROUP_LABELS.items():
        values = debrief.series[key]
        if values:
            moves.append(f"{label.lower()} from {_percent(values[0])} to {_percent(values[-1])}")
    turns = max(0, len(debrief.series["cohesion"]) - 1)
    return (f"Line chart of the group over {turns} turn{'s' if turns != 1 else ''}: "
            + ", ".join(moves) + ". Each member's engagement is a thin line. The table below gives every value.")


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"
