"""The group as a whole — the "third party" in the room — drawn as one soft shape.

Group therapists speak of the group itself as a presence beside its members.
Here it sits in the middle of the circle and carries the group-level numbers,
each on its own visual channel so none relies on colour alone:

- cohesion   -> warmth (cool blue to warm amber) AND togetherness: a cohesive
                group is one body; a fragmented one sheds droplets that drift off
- engagement -> size
- conflict   -> the edge: smooth when calm, ragged and trembling when tense
- avoidance  -> fading: the group becomes transparent, its rim broken and pale

It breathes slowly with the time `t`; the same arguments always draw the same
pixels (no randomness), so tests and screenshots are stable.
"""
from __future__ import annotations

import math
from functools import lru_cache

import pygame

from game.ui.theme import LIGHT, Palette, mix, shade

POINTS = 80               # outline resolution
BREATH_PERIOD = 5.0       # seconds per slow breath
BASE_RADIUS = 84          # px at engagement 1
SATELLITES = 3            # droplets shed by a fragmented group
SUPERSAMPLE = 2


def group_colour(palette: Palette, cohesion: float) -> tuple[int, int, int]:
    """Cool when the group is fragmented, warm when it holds together.

    Blending through a soft lavender keeps the middle of the range from going grey.
    """
    cohesion = min(1.0, max(0.0, cohesion))
    middle = mix(mix(palette.group_cool, palette.group_warm, 0.5), (190, 150, 200), 0.45)
    if cohesion < 0.5:
        return mix(palette.group_cool, middle, cohesion * 2)
    return mix(middle, palette.group_warm, (cohesion - 0.5) * 2)


def group_radius(engagement: float, scale: float = 1.0) -> float:
    """An engaged group takes up more of the room."""
    return BASE_RADIUS * scale * (0.45 + 0.55 * min(1.0, max(0.0, engagement)))


def outline(centre, radius: float, conflict: float, t: float, points: int = POINTS) -> list[tuple[float, float]]:
    """The blob's edge: slow organic wobble, plus spikes and tremor that grow with conflict.

    The sines of each point's angle are worked out once per resolution (`_circle`), and the
    time terms once per call, by sin(x + y) = sin x cos y + cos x sin y: the same edge, a third
    of the work. A calm group (no conflict) skips the ragged terms.
    """
    cx, cy = centre
    breath = 1 + 0.035 * math.sin(2 * math.pi * t / BREATH_PERIOD)
    tremor = conflict ** 2 * 0.04 * math.sin(t * 23.0)
    rag = conflict ** 1.4
    s3, c3 = math.sin(t * 0.7), math.cos(t * 0.7)
    s5, c5 = math.sin(1.3 - t * 0.45), math.cos(1.3 - t * 0.45)
    edge = []
    for a, cos_a, sin_a, sin3, cos3, sin5, cos5, sin7 in _circle(points):
        wobble = 0.045 * (sin3 * c3 + cos3 * s3) + 0.03 * (sin5 * c5 + cos5 * s5)
        ragged = rag * (0.13 * _zigzag(a * 11 + t * 1.7) + 0.07 * _zigzag(a * 17 - t * 2.3)) if rag > 1e-4 else 0.0
        r = radius * (breath + wobble + ragged + tremor * sin7)
        edge.append((cx + r * cos_a, cy + 0.78 * r * sin_a))  # flattened: it lies on the floor
    return edge


@lru_cache(maxsize=8)
def _circle(points: int) -> tuple[tuple[float, ...], ...]:
    """Per point: its angle, cos and sin, and the sines and cosines of 3, 5 and 7 times it."""
    rows = []
    for i in range(points):
        a = 2 * math.pi * i / points
        rows.append((a, math.cos(a), math.sin(a), math.sin(3 * a), math.cos(3 * a),
                     math.sin(5 * a), math.cos(5 * a), math.sin(7 * a)))
    return tuple(rows)


def _zigzag(x: float) -> float:
    """A triangle wave in -1..1: sharp corners read as a ragged edge where a sine would not."""
    return 2 * abs(2 * (x / (2 * math.pi) - math.floor(x / (2 * math.pi) + 0.5))) - 1


def draw_group(surface: pygame.Surface, centre: tuple[float, float], cohesion: float,
               engagement: float, conflict: float, avoidance: float, t: float = 0.0,
               palette: Palette = LIGHT, scale: float = 1.0, supersample: int = SUPERSAMPLE) -> pygame.Rect:
    """Draw the group blob centred at `centre`; returns the area it covers."""
    sprite = render_group(cohesion, engagement, conflict, avoidance, t, palette, scale, supersample)
    size = sprite.get_width()
    return surface.blit(sprite, (round(centre[0] - size / 2), round(centre[1] - size / 2)))


def render_group(cohesion: float, engagement: float, conflict: float, avoidance: float, t: float = 0.0,
                 palette: Palette = LIGHT, scale: float = 1.0, supersample: int = SUPERSAMPLE) -> pygame.Surface:
    """The group blob as a square surface (the blob at its centre), for scenes that cache it.

    Shapes are drawn opaque at `supersample` times the size and scaled down smoothly
    (anti-aliasing the ragged edge too), then faded as a whole by avoidance. A live
    scene may pass supersample=1 for a cheaper frame; stills use the default.
    """
    radius = group_radius(engagement, scale)
    colour = group_colour(palette, cohesion)
    size = int(radius * 4)
    k = max(1, supersample)
    layer = _blank((size * k, size * k), colour)
    local, big = (size * k / 2, size * k / 2), radius * k
    _draw_glow(layer, local, big, palette, colour, t)
    _draw_satellites(layer, local, big, cohesion, conflict, colour, t)
    body = outline(local, big, conflict, t)
    pygame.draw.polygon(layer, colour, body)
    pygame.draw.polygon(layer, shade(colour, 0.22), body, max(1, round(k * (1 + 1.5 * conflict))))
    _highlight(layer, local, big, colour, t)
    if avoidance > 0.35:
        _mist(layer, body, colour, avoidance)
    sprite = pygame.transform.smoothscale(layer, (size, size)) if k > 1 else layer
    sprite.set_alpha(round(255 * (1.0 - 0.62 * min(1.0, max(0.0, avoidance)))))
    return sprite


_blanks: dict[tuple, pygame.Surface] = {}


def _blank(size: tuple[int, int], colour) -> pygame.Surface:
    """A transparent layer; copying a prepared one is far cheaper than filling a new one."""
    key = (size, tuple(colour))
    blank = _blanks.get(key)
    if blank is None:
        if len(_blanks) > 32:
            _blanks.clear()
        blank = _blanks[key] = pygame.Surface(size, pygame.SRCALPHA)
        blank.fill((*colour, 0))
    return blank.copy()


def _draw_glow(layer, centre, radius: float, palette: Palette, colour, t: float) -> None:
    """Faint rings outside the body: warmth radiating into the room."""
    pulse = 0.5 + 0.5 * math.sin(2 * math.pi * t / BREATH_PERIOD)
    for i, grow in enumerate((1.34, 1.2)):
        r = radius * (grow + 0.03 * pulse)
        rect = pygame.Rect(0, 0, round(2 * r), round(1.56 * r))
        rect.center = (round(centre[0]), round(centre[1]))
        pygame.draw.ellipse(layer, (*colour, 34 + 30 * i), rect)


def _highlight(layer, centre, radius: float, colour, t: float) -> None:
    """A lighter sheen up and to the left, so the shape reads as soft and rounded."""
    light = mix(colour, (255, 255, 255), 0.16)
    drift = 0.04 * radius * math.sin(t * 0.6)
    rect = pygame.Rect(0, 0, round(radius * 1.1), round(radius * 0.55))
    rect.center = (round(centre[0] - radius * 0.2 + drift), round(centre[1] - radius * 0.25))
    pygame.draw.ellipse(layer, light, rect)


def _draw_satellites(layer, centre, radius: float, cohesion: float, conflict: float,
                     colour, t: float) -> None:
    """Droplets that drift away as cohesion falls and merge back as it rises."""
    apart = max(0.0, 0.65 - cohesion) / 0.65
    if apart <= 0:
        return
    for i in range(SATELLITES):
        a = 2 * math.pi * (i + 0.3) / SATELLITES + 0.15 * math.sin(t * 0.4 + i)
        distance = radius * (0.75 + 0.7 * apart)
        r = radius * (0.16 + 0.12 * apart)
        x = centre[0] + distance * math.cos(a)
        y = centre[1] + 0.78 * distance * math.sin(a)
        body = outline((x, y), r, conflict, t + i, points=40)
        pygame.draw.polygon(layer, colour, body)
        pygame.draw.polygon(layer, shade(colour, 0.22), body, SUPERSAMPLE)


def _mist(layer, body, colour, avoidance: float) -> None:
    """A broken, pale rim: the group is present but not quite in the room."""
    veil = mix(colour, (255, 255, 255), 0.35 + 0.25 * avoidance)
    width = max(2, round(SUPERSAMPLE * 3))
    dash = 4
    for start in range(0, len(body), dash * 2):
        segment = body[start:start + dash + 1]
        if len(segment) > 1:
            pygame.draw.lines(layer, veil, False, segment, width)
