"""Small drawn icons, so meaning never rests on colour: stance, good news, warning, info.

Drawn with pygame.gfxdraw's anti-aliased outlines over filled shapes; each icon fits
a square of side `size` centred at `centre`.
"""
from __future__ import annotations

import math

import pygame
import pygame.gfxdraw


def _aa_polygon(surface, colour, points) -> None:
    pts = [(round(x), round(y)) for x, y in points]
    pygame.gfxdraw.filled_polygon(surface, pts, colour)
    pygame.gfxdraw.aapolygon(surface, pts, colour)


def _aa_circle(surface, colour, centre, r, filled=True) -> None:
    x, y, r = round(centre[0]), round(centre[1]), max(1, round(r))
    if filled:
        pygame.gfxdraw.filled_circle(surface, x, y, r, colour)
    pygame.gfxdraw.aacircle(surface, x, y, r, colour)


def lead(surface, centre, size, colour) -> None:
    """An arrow stepping forward: the trainee takes the lead."""
    cx, cy, s = centre[0], centre[1], size / 2
    _aa_polygon(surface, colour, [(cx - s * 0.75, cy - s * 0.8), (cx + s * 0.85, cy),
                                  (cx - s * 0.75, cy + s * 0.8), (cx - s * 0.35, cy)])


def follow(surface, centre, size, colour) -> None:
    """A ring around a dot: holding space, letting the group move."""
    r = size / 2
    for k in range(2):  # a two-pixel ring that still anti-aliases
        _aa_circle(surface, colour, centre, r * 0.85 - k, filled=False)
    _aa_circle(surface, colour, centre, r * 0.3)


def check(surface, centre, size, colour) -> None:
    cx, cy, s = centre[0], centre[1], size / 2
    pts = [(cx - s * 0.7, cy), (cx - s * 0.2, cy + s * 0.5), (cx + s * 0.75, cy - s * 0.55)]
    pygame.draw.lines(surface, colour, False, [(round(x), round(y)) for x, y in pts], max(2, round(size / 7)))


def warning(surface, centre, size, colour, mark=(255, 255, 255)) -> None:
    """A triangle with an exclamation mark."""
    cx, cy, s = centre[0], centre[1], size / 2
    _aa_polygon(surface, colour, [(cx, cy - s), (cx + s, cy + s * 0.8), (cx - s, cy + s * 0.8)])
    bar = max(2, round(size / 8))
    pygame.draw.rect(surface, mark, (round(cx - bar / 2), round(cy - s * 0.4), bar, round(s * 0.65)))
    pygame.draw.rect(surface, mark, (round(cx - bar / 2), round(cy + s * 0.38), bar, bar))


def info(surface, centre, size, colour, mark=(255, 255, 255)) -> None:
    """A disc with an 'i'."""
    cx, cy, s = centre[0], centre[1], size / 2
    _aa_circle(surface, colour, centre, s)
    bar = max(2, round(size / 8))
    pygame.draw.rect(surface, mark, (round(cx - bar / 2), round(cy - s * 0.15), bar, round(s * 0.7)))
    pygame.draw.rect(surface, mark, (round(cx - bar / 2), round(cy - s * 0.55), bar, bar))


def star(surface, centre, size, colour) -> None:
    """A five-pointed star: a breakthrough."""
    cx, cy, s = centre[0], centre[1], size / 2
    pts = []
    for i in range(10):
        r = s if i % 2 == 0 else s * 0.45
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    _aa_polygon(surface, colour, pts)


def stance_icon(surface, stance: str, centre, size, colour) -> None:
    (lead if stance == "lead" else follow)(surface, centre, size, colour)


KIND_ICONS = {"good": check, "warning": warning, "info": info, "breakthrough": star}
