"""The list of a scenario file's errors, over the play screen while the author fixes them.

Every error is shown (path:line:col: [code] message), wrapped, in a panel that scrolls when
they are many; a Hide button closes it, and `draw_chip` leaves a small reminder in its place.
The panel is drawn once onto its own surface and kept until its content, scroll, hover or
palette change, so showing it every frame costs one blit.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.ui import fonts
from game.ui.theme import Palette, mix
from game.ui.widgets import icons
from game.ui.widgets.panel import draw_focus_ring, draw_panel, lifted

PAD = 16
GAP = 6
WHEEL_STEP = 40
HIDE_LABEL = "Hide  Esc"


@dataclass
class ProblemPanel:
    """The errors (formatted lines), where they come from, and how far the list is scrolled."""

    errors: list[str]
    path: str
    scroll: int = 0
    hovered: str | None = None         # "hide" while the pointer is on the Hide button
    shown: bool = True                  # False: only the chip stays
    text_cache: fonts.TextCache = field(default=fonts.default, repr=False)
    _layer: tuple | None = field(default=None, init=False, repr=False)
    _max_scroll: int = field(default=0, init=False, repr=False)

    @property
    def title(self) -> str:
        count = len(self.errors)
        return f"The scenario file has {count} error{'s' if count != 1 else ''}"

    # -- geometry -----------------------------------------------------------------------

    def rect(self, area: pygame.Rect) -> pygame.Rect:
        """The panel inside `area` (the circle): full width, as tall as its errors need."""
        inner = area.inflate(-2 * 14, -2 * 14)
        wanted = self._header_height(area) + self._list_height(inner.width - 2 * PAD) + self._footer_height() + PAD
        return pygame.Rect(inner.x, inner.y, inner.width, min(inner.height, wanted))

    def with_path(self, area: pygame.Rect) -> bool:
        """The file's full path gets its own line when the circle is tall enough to spare it
        (every error names the file anyway)."""
        return area.height >= 12 * self.text_cache.line_height("small")

    def hide_rect(self, area: pygame.Rect) -> pygame.Rect:
        panel, text = self.rect(area), self.text_cache
        width, height = text.width(HIDE_LABEL, "small", True) + 24, text.line_height("small") + 12
        return pygame.Rect(panel.right - PAD - width, panel.y + PAD - 2, width, height)

    def chip_rect(self, area: pygame.Rect) -> pygame.Rect:
        text = self.text_cache
        width = text.width(self.chip_words, "small", True) + 44
        height = text.line_height("small") + 12
        return pygame.Rect(area.right - 10 - width, area.y + 10, width, height)

    @property
    def chip_words(self) -> str:
        count = len(self.errors)
        return f"{count} error{'s' if count != 1 else ''} in the file · show"

    def _header_height(self, area: pygame.Rect) -> int:
        text = self.text_cache
        lines = 2 if self.with_path(area) else 1
        return PAD + text.line_height("heading", True) + 4 + lines * text.line_height("small") + 10

    def _footer_height(self) -> int:
        return self.text_cache.line_height("tiny") + 10

    def _wrapped(self, width: int) -> list[list[str]]:
        return [self.text_cache.wrap(error, "small", width - 22) for error in self.errors]

    def _list_height(self, width: int) -> int:
        step = self.text_cache.line_height("small")
        return sum(len(lines) * step + GAP for lines in self._wrapped(width))

    # -- scrolling ------------------------------------------------------------------------

    def scroll_by(self, dy: int) -> None:
        """Positive dy shows later errors."""
        self.scroll = max(0, min(self._max_scroll, self.scroll + dy))

    def on_wheel(self, wheel_y: int) -> None:
        self.scroll_by(-wheel_y * WHEEL_STEP)

    # -- drawing ------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, area: pygame.Rect, palette: Palette, focused: bool = False) -> pygame.Rect:
        rect = self.rect(area)
        key = (tuple(self.errors), self.scroll, self.hovered, focused, palette.name, rect.size, area.size,
               self.text_cache.pixel_size("body"))
        if self._layer is None or self._layer[0] != key:
            self._layer = (key, self._render(rect, area, palette, focused))
        return surface.blit(self._layer[1], (rect.x - 8, rect.y - 8))

    def _render(self, rect: pygame.Rect, area: pygame.Rect, palette: Palette, focused: bool) -> pygame.Surface:
        text = self.text_cache
        layer = pygame.Surface(rect.inflate(16, 16).size, pygame.SRCALPHA)
        local = pygame.Rect(8, 8, rect.width, rect.height)
        draw_panel(layer, local, palette, radius=14)
        pygame.draw.rect(layer, palette.warning, (local.x, local.y, 7, local.height),
                         border_top_left_radius=14, border_bottom_left_radius=14)
        x, y = local.x + PAD + 6, local.y + PAD
        icons.warning(layer, (x + 12, y + text.line_height("heading", True) // 2), 24, palette.warning)
        layer.blit(text.render(self.title, "heading", palette.text, bold=True), (x + 34, y))
        self._draw_hide(layer, self.hide_rect(area).move(8 - rect.x, 8 - rect.y), palette, focused)
        y += text.line_height("heading", True) + 4
        note = "Still playing the last good version. Fix the file and save: this goes away by itself."
        layer.blit(text.render(text.wrap(note, "small", local.width - 2 * PAD - 6, max_lines=1)[0], "small",
                               palette.text), (x, y))
        y += text.line_height("small")
        if self.with_path(area):
            where = text.wrap(self.path, "small", local.width - 2 * PAD - 6, max_lines=1)[0]
            layer.blit(text.render(where, "small", palette.muted), (x, y))
            y += text.line_height("small")
        y += 10
        view = pygame.Rect(x, y, local.right - PAD - x, local.bottom - self._footer_height() - 6 - y)
        self._draw_list(layer, view, palette)
        hint = "Wheel or PgUp/PgDn scroll · F5 read the file again" if self._max_scroll else "F5 read the file again"
        layer.blit(text.render(hint, "tiny", palette.muted), (x, local.bottom - self._footer_height() - 2))
        return layer

    def _draw_list(self, layer, view: pygame.Rect, palette: Palette) -> None:
        text = self.text_cache
        pygame.draw.line(layer, palette.panel_edge, (view.x, view.y - 5), (view.right, view.y - 5))
        wrapped = self._wrapped(view.width)
        step = text.line_height("small")
        content = sum(len(lines) * step + GAP for lines in wrapped)
        self._max_scroll = max(0, content - view.height)
        self.scroll = min(self.scroll, self._max_scroll)
        clip = layer.get_clip()
        layer.set_clip(view)
        y = view.y - self.scroll
        for lines in wrapped:
            height = len(lines) * step
            if y + height >= view.y and y <= view.bottom:
                pygame.draw.circle(layer, palette.warning, (view.x + 5, y + step // 2), 4)
                for i, line in enumerate(lines):
                    layer.blit(text.render(line, "small", palette.text), (view.x + 18, y + i * step))
            y += height + GAP
        if self.scroll < self._max_scroll:   # more below: the cut line dissolves instead of breaking off
            _fade_bottom(layer, view, palette)
        layer.set_clip(clip)
        if self._max_scroll:
            track = pygame.Rect(view.right + 6, view.y, 4, view.height)
            pygame.draw.rect(layer, mix(palette.panel, palette.text, 0.08), track, border_radius=2)
            thumb = max(24, view.height * view.height // content)
            top = track.y + (track.height - thumb) * self.scroll // self._max_scroll
            pygame.draw.rect(layer, palette.muted, (track.x, top, 4, thumb), border_radius=2)

    def _draw_hide(self, layer, rect: pygame.Rect, palette: Palette, focused: bool) -> None:
        fill = mix(palette.panel, palette.text, 0.06)
        if self.hovered == "hide":
            fill = lifted(fill, palette, 0.1)
        pygame.draw.rect(layer, fill, rect, border_radius=8)
        pygame.draw.rect(layer, palette.panel_edge, rect, 1, border_radius=8)
        words = self.text_cache.render(HIDE_LABEL, "small", palette.text, bold=True)
        layer.blit(words, words.get_rect(center=rect.center))
        if focused:
            draw_focus_ring(layer, rect, palette, radius=8)

    def draw_chip(self, surface: pygame.Surface, area: pygame.Rect, palette: Palette) -> pygame.Rect:
        """The reminder left when the panel is hidden: a warning pill that shows it again."""
        rect = self.chip_rect(area)
        fill = mix(palette.panel, palette.warning, 0.16)
        if self.hovered == "show":
            fill = lifted(fill, palette, 0.1)
        pygame.draw.rect(surface, fill, rect, border_radius=rect.height // 2)
        pygame.draw.rect(surface, palette.warning, rect, 2, border_radius=rect.height // 2)
        icons.warning(surface, (rect.x + 18, rect.centery), 18, palette.warning)
        words = self.text_cache.render(self.chip_words, "small", palette.text, bold=True)
        surface.blit(words, (rect.x + 32, rect.centery - words.get_height() // 2))
        return rect


def _fade_bottom(surface, view: pygame.Rect, palette: Palette, height: int = 18) -> None:
    band = pygame.Surface((view.width, height), pygame.SRCALPHA)
    for i in range(height):
        pygame.draw.line(band, (*palette.panel, round(255 * i / (height - 1))), (0, i), (view.width, i))
    surface.blit(band, (view.x, view.bottom - height))
