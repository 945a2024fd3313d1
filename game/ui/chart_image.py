"""The debrief's chart as a PNG, drawn offscreen with the game's own chart widget.

The report shows the same picture the debrief screen does: `report` hands `chart_png` to the
records' report, which never draws (nor imports pygame) itself. Nothing here opens a window:
pygame draws on a plain Surface (fonts need no display), and the PNG is written to memory.
"""
from __future__ import annotations

import io
import os
from dataclasses import replace

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game.ui import fonts  # noqa: E402
from game.ui.theme import BLUE, GREEN, LIGHT, VERMILLION, complete_look, hex_to_rgb  # noqa: E402
from game.ui.widgets.chart import draw_line_chart  # noqa: E402

GROUP_SERIES = {"cohesion": ("Cohesion", BLUE), "engagement": ("Engagement", GREEN),
                "conflict": ("Conflict", VERMILLION)}   # the same order and names as records.chart_words
PAPER = replace(LIGHT, name="paper", panel=(255, 255, 255))
SIZE = (1200, 520)   # drawn large so the picture stays sharp when printed at page width


def chart_series(debrief, scenario) -> tuple[dict[str, list[float]], dict[str, tuple], list[str]]:
    """(series by label, colour by label, the labels drawn as thin lines): group first, members after."""
    series, colours = {}, {}
    for key, (label, colour) in GROUP_SERIES.items():
        series[label] = debrief.series[key]
        colours[label] = hex_to_rgb(colour)
    thin = []
    for index, member in enumerate(scenario.members):
        label = member.name if member.name not in series else f"{member.name} ({member.id})"
        series[label] = debrief.member_series[member.id]
        colours[label] = hex_to_rgb(complete_look(member.look.model_dump() if member.look else None, index)["top"])
        thin.append(label)
    return series, colours, thin


def chart_png(debrief, scenario) -> bytes:
    """The PNG bytes of the chart: cohesion, engagement, conflict, and each member faintly."""
    series, colours, thin = chart_series(debrief, scenario)
    surface = pygame.Surface(SIZE)
    surface.fill(PAPER.panel)
    text = fonts.TextCache(scale="presenter")
    draw_line_chart(surface, surface.get_rect().inflate(-24, -16), series, colours, thin, PAPER,
                    title="The group, turn by turn", y_label="Level", text=text)
    buffer = io.BytesIO()
    pygame.image.save(surface, buffer, "chart.png")
    return buffer.getvalue()
