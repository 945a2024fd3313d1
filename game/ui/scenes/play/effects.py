"""The room's reaction made visible: ripples between members, toasts for events, the small
inner-state bars under each name. Each effect ages with `update(dt)` and is dropped when done.

`Effects` holds everything a reaction set going, so the play screen clears, ages and asks
about them as one thing.
"""
from __future__ import annotations

from functools import lru_cache

import math
from dataclasses import dataclass, field
from typing import Callable

import pygame

from game.ui import fonts
from game.ui.theme import Palette, mix
from game.ui.widgets import Toast

INNER = (("E", "engagement"), ("T", "trust"), ("D", "distress"))


@dataclass
class Ripple:
    """A pulse travelling from one member to another, then a ring where it lands.

    Good news travels as a solid line and a solid ring; bad news as dashes and a broken
    ring, so the two differ in shape as well as colour.
    """

    start: tuple[float, float]
    end: tuple[float, float]
    good: bool
    delay: float = 0.0
    age: float = 0.0
    travel: float = 0.55
    ring: float = 0.5

    def update(self, dt: float) -> None:
        self.age += dt

    @property
    def alive(self) -> bool:
        return self.age < self.delay + self.travel + self.ring

    def draw(self, canvas, palette: Palette, bounds=None) -> None:
        t = self.age - self.delay
        if t <= 0:
            return
        colour = palette.good if self.good else palette.warning
        trail = mix(colour, palette.floor, 0.45)
        u = min(1.0, t / self.travel)
        ease = 1 - (1 - u) ** 2
        head = (self.start[0] + (self.end[0] - self.start[0]) * ease,
                self.start[1] + (self.end[1] - self.start[1]) * ease)
        if u < 1:
            _segment(canvas, trail, self.start, head, dashed=not self.good)
            pygame.draw.circle(canvas, colour, (round(head[0]), round(head[1])), 5)
            return
        grow = min(1.0, (t - self.travel) / self.ring)
        rect = pygame.Rect(0, 0, round(24 + 50 * grow), round(10 + 20 * grow))
        rect.center = (round(self.end[0]), round(self.end[1]))
        if self.good:
            pygame.draw.ellipse(canvas, colour, rect, 3 if grow < 0.7 else 2)
        else:
            for k in range(0, 12, 2):
                a0, a1 = k * math.pi / 6, (k + 1) * math.pi / 6
                pygame.draw.arc(canvas, colour, rect, a0, a1, 3 if grow < 0.7 else 2)


def _segment(canvas, colour, a, b, dashed: bool) -> None:
    length = math.dist(a, b)
    if length < 1:
        return
    if not dashed:
        pygame.draw.line(canvas, colour, a, b, 3)
        return
    steps = int(length // 12)
    for i in range(steps + 1):
        u0, u1 = i * 12 / length, min(1.0, (i * 12 + 7) / length)
        p0 = (a[0] + (b[0] - a[0]) * u0, a[1] + (b[1] - a[1]) * u0)
        p1 = (a[0] + (b[0] - a[0]) * u1, a[1] + (b[1] - a[1]) * u1)
        pygame.draw.line(canvas, colour, p0, p1, 3)


class ToastStack:
    """Event notices stacked under the top of the side panel, newest at the bottom, at most three."""

    def __init__(self, limit: int = 3):
        self.toasts: list[Toast] = []
        self.delays: list[float] = []
        self.limit = limit
        self.last_rects: list[pygame.Rect] = []

    def add(self, text: str, kind: str, delay: float = 0.0, still: bool = False) -> None:
        toast = Toast(text, kind, life=5.0)
        if still:
            toast.age = 0.25  # no slide or fade in when animations are off
        self.toasts.append(toast)
        self.delays.append(delay)
        while len(self.toasts) > self.limit:
            self.toasts.pop(0)
            self.delays.pop(0)

    def clear(self) -> None:
        self.toasts, self.delays = [], []

    def update(self, dt: float) -> None:
        for i, toast in enumerate(self.toasts):
            if self.delays[i] > 0:
                self.delays[i] = max(0.0, self.delays[i] - dt)
            else:
                toast.update(dt)
        keep = [i for i, toast in enumerate(self.toasts) if toast.alive]
        self.toasts = [self.toasts[i] for i in keep]
        self.delays = [self.delays[i] for i in keep]

    @property
    def moving(self) -> bool:
        """True while a toast fades in or out (the hold in between is still)."""
        return any(d <= 0 and (t.age < 0.3 or t.age > t.life - 0.85) for t, d in zip(self.toasts, self.delays)) \
            or any(d > 0 for d in self.delays)

    @property
    def active(self) -> bool:
        return bool(self.toasts)

    def draw(self, canvas, anchor, palette: Palette, width: int) -> list[pygame.Rect]:
        rects = []
        x, y = anchor
        for toast, delay in zip(self.toasts, self.delays):
            if delay > 0:
                continue
            rect = toast.draw(canvas, (x, y), palette, max_width=width)
            rects.append(rect)
            y = rect.bottom + 2
        self.last_rects = rects
        return rects


@dataclass
class Effects:
    """What a reaction set going on screen: captions and sounds waiting for their moment, the
    captions and ripples showing, and the toasts."""

    toasts: ToastStack = field(default_factory=ToastStack)
    pending: list = field(default_factory=list)     # (delay, Caption or sound name)
    captions: list = field(default_factory=list)
    ripples: list = field(default_factory=list)

    def queue(self, planned, still: bool) -> None:
        """Add what `reaction_effects` planned for a choice."""
        self.pending += planned.pending
        self.ripples = planned.ripples
        for text, kind, delay in planned.toasts:
            self.toasts.add(text, kind, delay, still)

    def update(self, dt: float, sound: Callable[[str], None]) -> None:
        """Age everything; what falls due now shows (a caption) or plays (a sound's name)."""
        due = [(d - dt, item) for d, item in self.pending]
        self.pending = [(d, item) for d, item in due if d > 0]
        for _, item in (x for x in due if x[0] <= 0):
            if isinstance(item, str):
                sound(item)
            else:
                self.captions.append(item)
        for effect in self.captions + self.ripples:
            effect.update(dt)
        self.captions = [c for c in self.captions if c.alive]
        self.ripples = [r for r in self.ripples if r.alive]
        self.toasts.update(dt)

    def clear(self) -> None:
        self.toasts.clear()
        self.captions, self.pending, self.ripples = [], [], []

    @property
    def moving(self) -> bool:
        """True while anything is still to show or still moves (the app then runs at 60 fps)."""
        return bool(self.pending or self.ripples or self.captions) or self.toasts.moving

    @property
    def overlays(self) -> list:
        """What is drawn over the circle, ripples under captions."""
        return list(self.ripples) + list(self.captions)


def draw_inner_bars(canvas, top_centre, member, palette: Palette, text: fonts.TextCache = fonts.default) -> pygame.Rect:
    """'E ▮▮▯ T ▮▯▯ D ▮▮▮' under a name: the member's numbers, letters first, never colour alone.
    Drawn once per set of bar lengths and blitted (ten members redraw them every frame of a
    reaction, and each bar has only BAR_W + 1 lengths)."""
    rect = pygame.Rect(0, 0, BAR_CELL * 3 + 6, BAR_H + 10)
    rect.midtop = (round(top_centre[0]), round(top_centre[1]))
    lengths = tuple(round(BAR_W * max(0.0, min(1.0, getattr(member, name)))) for _, name in INNER)
    canvas.blit(_bars_picture(lengths, palette, text, text.scale), rect)
    return rect


BAR_CELL, BAR_W, BAR_H = 30, 17, 6


@lru_cache(maxsize=1024)
def _bars_picture(lengths: tuple[int, ...], palette: Palette, text, scale: float) -> pygame.Surface:
    """The bars with these lengths (`scale`: the text size they were drawn at, part of the key)."""
    picture = pygame.Surface((BAR_CELL * 3 + 6, BAR_H + 10), pygame.SRCALPHA)
    rect = picture.get_rect()
    pygame.draw.rect(picture, palette.panel, rect, border_radius=5)
    pygame.draw.rect(picture, palette.panel_edge, rect, 1, border_radius=5)
    for i, ((letter, name), length) in enumerate(zip(INNER, lengths)):
        x = 4 + i * BAR_CELL
        label = text.render(letter, "tiny", palette.muted, bold=True)
        picture.blit(label, (x, rect.centery - label.get_height() // 2))
        track = pygame.Rect(x + 9, rect.centery - BAR_H // 2, BAR_W, BAR_H)
        pygame.draw.rect(picture, mix(palette.panel, palette.text, 0.15), track)
        role = "warning" if name == "distress" else "accent"
        pygame.draw.rect(picture, palette[role], (track.x, track.y, length, BAR_H))
    return picture.convert_alpha() if pygame.display.get_surface() is not None else picture
