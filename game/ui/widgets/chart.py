"""A small line chart for the debrief: how the group's numbers moved, turn by turn.

Series are told apart by colour AND by dash pattern AND by marker shape, and
each line is labelled at its end, so the chart reads in greyscale and for
colour-blind trainees. `thin_series` (individual members, say) are drawn as
fine unmarked lines behind the main ones.
"""
from __future__ import annotations

import math

import pygame
import pygame.gfxdraw

from game.ui import fonts
from game.ui.theme import LIGHT, Palette, mix

DASHES = [None, (10, 6), (3, 5), (12, 4, 3, 4)]   # solid, dashed, dotted, dash-dot
MARKERS = ["circle", "square", "triangle", "diamond"]
LEFT, BOTTOM, TOP, RIGHT = 44, 34, 30, 92


def draw_line_chart(surface: pygame.Surface, rect: pygame.Rect, series: dict[str, list[float]],
                    colours: dict[str, tuple[int, int, int]] | None = None, thin_series=(),
                    palette: Palette | None = None, *, title: str = "", x_label: str = "Turn",
                    y_label: str = "", y_max: float = 1.0, percent: bool = True, end_labels: bool = True,
                    legend: bool = True, text: fonts.TextCache = fonts.default, turns: int = 0) -> pygame.Rect:
    """Draw the chart inside `rect`; returns the plot area. Values run 0..y_max.

    `turns` widens the x axis to at least that many points, so two charts set side by side
    share one scale."""
    palette = palette or LIGHT
    colours = colours or {}
    right = RIGHT
    if end_labels and series:
        right = max(text.width(name, "small", bold=True) for name in series) + 30
    left = LEFT + (18 if y_label else 0)
    plot = pygame.Rect(rect.x + left, rect.y + TOP, rect.width - left - right, rect.height - TOP - BOTTOM)
    if y_label:
        turned = pygame.transform.rotate(text.render(y_label, "tiny", palette.muted), 90)
        surface.blit(turned, turned.get_rect(center=(rect.x + 8, plot.centery)))
    if title:
        surface.blit(text.render(title, "small", palette.text, bold=True), (rect.x, rect.y + 4))
    length = max([len(v) for v in series.values()] + [turns])
    _draw_axes(surface, plot, length, palette, x_label, y_max, percent, text)
    thin = [name for name in series if name in set(thin_series)]
    main = [name for name in series if name not in set(thin_series)]
    for name in thin:
        colour = mix(colours.get(name, palette.muted), palette.panel, 0.35)
        _polyline(surface, _points(plot, series[name], length, y_max), colour, 1, None)
    for i, name in enumerate(main):
        colour = colours.get(name, palette.text)
        points = _points(plot, series[name], length, y_max)
        _polyline(surface, points, colour, 3, DASHES[i % len(DASHES)])
        for point in points:
            _marker(surface, MARKERS[i % len(MARKERS)], point, 4, colour, palette.panel)
    if end_labels:
        _end_labels(surface, plot, main, thin, series, length, y_max, colours, palette, text)
    if legend:  # the end labels name every line too; a crowded chart may do without
        _legend(surface, rect, main, colours, palette, text)
    return plot


def _legend(surface, rect: pygame.Rect, names, colours, palette: Palette, text) -> None:
    """Line sample (with its dash pattern and marker) and name for each main series, top right."""
    x = rect.right
    for i in reversed(range(len(names))):
        name = names[i]
        colour = colours.get(name, palette.text)
        label = text.render(name, "tiny", palette.text)
        x -= label.get_width()
        y = rect.y + 6 + label.get_height() // 2
        surface.blit(label, (x, y - label.get_height() // 2))
        sample = [(x - 34, y), (x - 6, y)]
        _polyline(surface, sample, colour, 3, DASHES[i % len(DASHES)])
        _marker(surface, MARKERS[i % len(MARKERS)], (x - 20, y), 4, colour, palette.panel)
        x -= 50


def _points(plot: pygame.Rect, values: list[float], length: int, y_max: float) -> list[tuple[float, float]]:
    span = max(1, length - 1)
    return [(plot.x + plot.width * i / span,
             plot.bottom - plot.height * min(1.0, max(0.0, v / y_max))) for i, v in enumerate(values)]


def _draw_axes(surface, plot: pygame.Rect, length: int, palette: Palette, x_label: str,
               y_max: float, percent: bool, text) -> None:
    grid = mix(palette.panel, palette.text, 0.12)
    for frac in (0.0, 0.25, 0.5, 0.75, 1.0):
        y = round(plot.bottom - plot.height * frac)
        pygame.draw.line(surface, grid, (plot.x, y), (plot.right, y), 1)
        value = frac * y_max
        label = f"{round(value * 100)}%" if percent else f"{value:g}"
        tick = text.render(label, "tiny", palette.muted)
        surface.blit(tick, tick.get_rect(midright=(plot.x - 6, y)))
    pygame.draw.line(surface, palette.muted, plot.bottomleft, plot.bottomright, 2)
    pygame.draw.line(surface, palette.muted, plot.bottomleft, plot.topleft, 1)
    span = max(1, length - 1)
    every = max(1, math.ceil(length / 12))
    for i in range(0, length, every):
        x = round(plot.x + plot.width * i / span)
        pygame.draw.line(surface, palette.muted, (x, plot.bottom), (x, plot.bottom + 4))
        tick = text.render(str(i), "tiny", palette.muted)
        surface.blit(tick, tick.get_rect(midtop=(x, plot.bottom + 6)))
    axis = text.render(x_label, "tiny", palette.muted)
    surface.blit(axis, axis.get_rect(midtop=(plot.centerx, plot.bottom + 20)))


def _polyline(surface, points, colour, width: int, dash) -> None:
    if len(points) < 2:
        return
    if dash is None:
        if width <= 1:
            pygame.draw.aalines(surface, colour, False, points)
        else:
            pygame.draw.lines(surface, colour, False, points, width)
            for p in points:  # round joints
                pygame.draw.circle(surface, colour, (round(p[0]), round(p[1])), width // 2)
        return
    _dashed(surface, points, colour, width, dash)


def _dashed(surface, points, colour, width: int, pattern) -> None:
    """Walk the polyline, drawing 'on' stretches of the repeating dash pattern."""
    index, left, on = 0, pattern[0], True
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        length = math.hypot(x1 - x0, y1 - y0)
        done = 0.0
        while done < length:
            step = min(left, length - done)
            if on:
                a, b = done / length, (done + step) / length
                start = (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a)
                end = (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b)
                pygame.draw.line(surface, colour, start, end, width)
            done += step
            left -= step
            if left <= 1e-6:
                index = (index + 1) % len(pattern)
                left, on = pattern[index], not on


def _marker(surface, shape: str, at, r: float, colour, background) -> None:
    x, y = round(at[0]), round(at[1])
    if shape == "circle":
        pygame.gfxdraw.filled_circle(surface, x, y, round(r), colour)
        pygame.gfxdraw.aacircle(surface, x, y, round(r), colour)
        return
    if shape == "square":
        pygame.draw.rect(surface, colour, (x - r + 0.5, y - r + 0.5, 2 * r - 1, 2 * r - 1))
        return
    if shape == "triangle":
        pts = [(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)]
    else:  # diamond
        pts = [(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)]
    pygame.gfxdraw.filled_polygon(surface, pts, colour)
    pygame.gfxdraw.aapolygon(surface, pts, colour)


def _end_labels(surface, plot, names, thin, series, length, y_max, colours, palette: Palette, text) -> None:
    """Each line named at its last point, nudged apart so labels never overlap.

    Main series get their marker and a bold name; thin ones a small muted name, unless the
    names would not fit the plot's height (a short chart, large text): then the thin lines go
    unnamed rather than spill over what is above the chart.
    """
    step = text.line_height("tiny") + 1
    if thin and (len(names) + len(thin)) * step > plot.height + TOP // 2:
        thin = []
    ends = []
    for i, name in enumerate(names + thin):
        values = series[name]
        if values:
            ends.append([_points(plot, values, length, y_max)[-1][1], i, name])
    ends.sort()
    for k in range(1, len(ends)):
        ends[k][0] = max(ends[k][0], ends[k - 1][0] + text.line_height("tiny") + 1)
    overflow = ends[-1][0] - plot.bottom if ends else 0
    for y, i, name in ends:
        y -= max(0, overflow)
        x = plot.right + 10
        if i >= len(names):
            label = text.render(name, "tiny", palette.muted)
            surface.blit(label, label.get_rect(midleft=(x + 12, round(y))))
            continue
        colour = colours.get(name, palette.text)
        _marker(surface, MARKERS[i % len(MARKERS)], (x + 4, y), 4, colour, palette.panel)
        ink = colour if palette.name != "light" else mix(colour, palette.text, 0.35)
        label = text.render(name, "small", ink, bold=True)
        surface.blit(label, label.get_rect(midleft=(x + 12, round(y))))
