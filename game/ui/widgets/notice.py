"""Transient text: toasts for events ("Kim feels heard") and captions floating
over the circle ("Kim looks away"). Both age with `update(dt)` and fade out;
a scene drops them once `alive` is False.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.ui import fonts
from game.ui.theme import Palette
from game.ui.widgets import icons
from game.ui.widgets.panel import draw_panel

FADE_IN = 0.25
FADE_OUT = 0.8


def _opacity(age: float, life: float) -> float:
    """0..1: a quick fade in, a hold, a slower fade out."""
    if age < FADE_IN:
        return age / FADE_IN
    if age > life - FADE_OUT:
        return max(0.0, (life - age) / FADE_OUT)
    return 1.0


class _Fading:
    """Something shown for `life` seconds: `age` grows with each frame's time."""

    age: float
    life: float

    def update(self, dt: float) -> None:
        self.age += dt

    @property
    def alive(self) -> bool:
        return self.age < self.life


@dataclass
class Toast(_Fading):
    """An event notice with an icon for its kind: 'good', 'warning', 'info' or 'breakthrough'."""

    text: str
    kind: str = "info"
    life: float = 4.0
    age: float = 0.0
    text_cache: fonts.TextCache = field(default=fonts.default, repr=False)
    _layer: tuple | None = field(default=None, init=False, repr=False)

    @property
    def opacity(self) -> float:
        return _opacity(self.age, self.life)

    def colour(self, palette: Palette):
        return {"good": palette.good, "warning": palette.warning,
                "breakthrough": palette.follow}.get(self.kind, palette.accent)

    def draw(self, surface: pygame.Surface, anchor: tuple[float, float], palette: Palette,
             max_width: int = 460) -> pygame.Rect:
        """Draw hanging from `anchor` (its top centre); slides down slightly as it appears.

        The toast is drawn once onto its own layer and kept; each frame only places it and
        sets its opacity.
        """
        key = (palette.name, max_width, self.text_cache.pixel_size("body"))
        if self._layer is None or self._layer[0] != key:
            self._layer = (key, self._render(palette, max_width))
        layer = self._layer[1]
        rect = layer.get_rect().inflate(-12, -12)
        slide = round(8 * (1 - min(1.0, self.age / FADE_IN)))
        rect.midtop = (round(anchor[0]), round(anchor[1]) - slide)
        layer.set_alpha(round(255 * self.opacity))
        return surface.blit(layer, (rect.x - 6, rect.y - 6))

    def _render(self, palette: Palette, max_width: int) -> pygame.Surface:
        cache = self.text_cache
        lines = cache.wrap(self.text, "body", max_width - 58, bold=True, max_lines=3)
        step = cache.line_height("body", True)
        width = max(cache.width(line, "body", True) for line in lines) + 58
        rect = pygame.Rect(0, 0, width, max(44, len(lines) * step + 20))
        layer = pygame.Surface(rect.inflate(12, 12).size, pygame.SRCALPHA)
        local = rect.move(6, 6)
        draw_panel(layer, local, palette, radius=12)
        colour = self.colour(palette)
        pygame.draw.rect(layer, colour, (local.x, local.y, 6, local.height),
                         border_top_left_radius=12, border_bottom_left_radius=12)
        _kind_icon(layer, self.kind, (local.x + 26, local.centery), colour, palette)
        y = local.centery - len(lines) * step // 2
        for line in lines:
            layer.blit(cache.render(line, "body", palette.text, bold=True), (local.x + 46, y))
            y += step
        return layer


def _kind_icon(surface, kind: str, centre, colour, palette: Palette) -> None:
    if kind == "good":
        pygame.draw.circle(surface, colour, centre, 11)
        icons.check(surface, centre, 13, (255, 255, 255))
    elif kind == "breakthrough":
        icons.star(surface, centre, 24, colour)
    else:
        icons.KIND_ICONS.get(kind, icons.info)(surface, centre, 22, colour)


@dataclass
class Caption(_Fading):
    """A quiet line of body language over the circle: it rises a little and fades."""

    text: str
    pos: tuple[float, float]        # where it starts (above the member)
    life: float = 3.0
    age: float = 0.0
    rise: float = 18.0              # px risen over its life
    text_cache: fonts.TextCache = field(default=fonts.default, repr=False)
    _layer: tuple | None = field(default=None, init=False, repr=False)

    def draw(self, surface: pygame.Surface, palette: Palette, bounds: pygame.Rect | None = None) -> pygame.Rect:
        """Draw centred on its (risen) position, kept inside `bounds` if given."""
        key = (palette.name, self.text_cache.pixel_size("small"))
        if self._layer is None or self._layer[0] != key:
            label = self.text_cache.render(self.text, "small", palette.text)
            layer = pygame.Surface(label.get_rect().inflate(16, 8).size, pygame.SRCALPHA)
            pygame.draw.rect(layer, (*palette.panel, 215), layer.get_rect(), border_radius=layer.get_height() // 2)
            layer.blit(label, (8, 4))
            self._layer = (key, layer)
        layer = self._layer[1]
        centre = (round(self.pos[0]), round(self.pos[1] - self.rise * self.age / self.life))
        rect = layer.get_rect(center=centre)
        if bounds is not None:
            rect = rect.clamp(bounds)
        layer.set_alpha(round(255 * _opacity(self.age, self.life)))
        return surface.blit(layer, rect.topleft)
