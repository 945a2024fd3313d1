"""Shared shapes: panels, pills, the keyboard focus ring."""
from __future__ import annotations

from functools import lru_cache

import pygame

from game.ui.theme import Palette, shade

RADIUS = 12


def draw_panel(surface: pygame.Surface, rect: pygame.Rect, palette: Palette, *,
               fill=None, radius: int = RADIUS, shadow: bool = True, edge: bool = True) -> None:
    """A rounded panel with a soft drop shadow: the resting surface for text."""
    if shadow and palette.name != "high_contrast":
        surface.blit(_shadow(rect.size, palette.shadow, radius), (rect.x - 4, rect.y - 2))
    pygame.draw.rect(surface, fill or palette.panel, rect, border_radius=radius)
    if edge:
        pygame.draw.rect(surface, palette.panel_edge, rect, 1, border_radius=radius)


def draw_panel_on_background(surface: pygame.Surface, rect: pygame.Rect, palette: Palette) -> None:
    """`draw_panel` on a patch of plain background (a play-screen region just cleared): one
    opaque picture per size and theme, copied, not the shadow blended again (the members'
    numbers redraw their panel every frame of a reaction)."""
    surface.blit(_panel_picture(rect.size, palette), (rect.x - SHADOW_LEFT, rect.y - SHADOW_UP))


SHADOW_LEFT, SHADOW_UP = 4, 2     # where `draw_panel` puts the shadow, from the panel's corner


@lru_cache(maxsize=32)
def _panel_picture(size: tuple[int, int], palette: Palette) -> pygame.Surface:
    picture = pygame.Surface((size[0] + 8, size[1] + 8))
    picture.fill(palette.background)
    draw_panel(picture, pygame.Rect((SHADOW_LEFT, SHADOW_UP), size), palette)
    return picture.convert() if pygame.display.get_surface() is not None else picture


@lru_cache(maxsize=64)
def _shadow(size: tuple[int, int], colour, radius: int) -> pygame.Surface:
    """Shadows are the same for every panel of a size: make each once."""
    layer = pygame.Surface((size[0] + 8, size[1] + 8), pygame.SRCALPHA)
    pygame.draw.rect(layer, (*colour, 70), layer.get_rect().inflate(-6, -6).move(0, 3), border_radius=radius + 2)
    return layer


def draw_pill(surface: pygame.Surface, rect: pygame.Rect, fill, edge=None) -> None:
    """A fully rounded tag background."""
    pygame.draw.rect(surface, fill, rect, border_radius=rect.height // 2)
    if edge:
        pygame.draw.rect(surface, edge, rect, 1, border_radius=rect.height // 2)


def draw_focus_ring(surface: pygame.Surface, rect: pygame.Rect, palette: Palette, radius: int = RADIUS) -> None:
    """Two-tone ring (bright halo outside a dark or light line): visible on any background,
    and a shape, so keyboard focus never depends on seeing a colour."""
    outer = rect.inflate(10, 10)
    pygame.draw.rect(surface, palette.focus, outer, 4, border_radius=radius + 5)
    pygame.draw.rect(surface, palette.text, rect.inflate(4, 4), 2, border_radius=radius + 2)


def lifted(fill, palette: Palette, amount: float = 0.06):
    """A hovered surface comes slightly toward the viewer: lighter on light themes, lighter on dark too."""
    return shade(fill, -amount if palette.name != "high_contrast" else -0.15)
