"""The verdict's mark, wherever a decision is judged: coach, debrief, timeline, compare.

Only `met` (the right stance and a good move) wears a tick, on the good colour. `partly`
(the right stance, a poor or harmful move) wears a tilde on the caution colour, and `missed`
a cross on the warning colour. Shape and colour both carry the verdict, so it never rests on
colour alone, and a tick never sits beside words that criticise the choice.
"""
from __future__ import annotations

import math

import pygame

from game.ui.theme import Palette, readable_on, shade
from game.ui.widgets import icons

ROLES = {"met": "good", "partly": "caution", "missed": "warning"}


def verdict_role(verdict: str) -> str:
    """The palette role a verdict is drawn in; anything unknown reads as a miss, never a tick."""
    return ROLES.get(verdict, "warning")


def verdict_colour(palette: Palette, verdict: str):
    return palette[verdict_role(verdict)]


def draw_verdict_mark(surface: pygame.Surface, centre, radius: int, verdict: str, palette: Palette) -> pygame.Rect:
    """A disc in the verdict's colour with its shape on it: ✓, ~ or ✗. Returns the disc's rect."""
    fill = verdict_colour(palette, verdict)
    x, y = round(centre[0]), round(centre[1])
    disc = pygame.draw.circle(surface, fill, (x, y), radius)
    ink = readable_on(fill)
    if verdict == "met":
        icons.check(surface, (x, y), round(radius * 1.3), ink)
    elif verdict == "partly":
        pygame.draw.circle(surface, shade(fill, 0.35), (x, y), radius, max(1, radius // 8))  # a pale disc needs an edge
        _tilde(surface, (x, y), radius, ink)
    else:
        _cross(surface, (x, y), max(3, round(radius * 0.5)), ink, max(2, round(radius / 5)))
    return disc


def _tilde(surface, centre, radius: int, ink) -> None:
    """One full wave across the disc: 'partly', unlike a tick or a cross at any size."""
    cx, cy = centre
    half = radius * 0.62
    amplitude = max(2.0, radius * 0.24)
    points = [(cx - half + 2 * half * k / 16, cy - amplitude * math.sin(2 * math.pi * k / 16)) for k in range(17)]
    pygame.draw.lines(surface, ink, False, [(round(px), round(py)) for px, py in points], max(2, round(radius / 5)))


def _cross(surface, centre, arm: int, ink, width: int) -> None:
    x, y = centre
    pygame.draw.line(surface, ink, (x - arm, y - arm), (x + arm, y + arm), width)
    pygame.draw.line(surface, ink, (x - arm, y + arm), (x + arm, y - arm), width)
