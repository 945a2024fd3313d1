"""The transcript panel: everything said so far, scrollable.

Scrolling is plain methods (`scroll_by`, `on_wheel`, `page`, `scroll_to_end`)
so a scene maps its own events onto them. While the reader is at the bottom,
new lines keep the view at the bottom; once they scroll up to reread, new lines
do not yank them away.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.ui import fonts
from game.ui.theme import Palette, mix, stance_colour
from game.ui.widgets.panel import draw_panel

PAD = 14
HEADER = 34
ENTRY_GAP = 10
WHEEL_STEP = 40


@dataclass(frozen=True)
class TranscriptLine:
    speaker: str
    text: str
    kind: str = "member"       # 'member', 'you', 'narration' or 'event'
    stance: str | None = None  # for the trainee's own lines: 'lead' or 'follow'


@dataclass
class Transcript:
    lines: list[TranscriptLine] = field(default_factory=list)
    scroll: float = 0.0         # px scrolled up from the bottom; 0 = newest visible
    title: str = "Transcript"
    text_cache: fonts.TextCache = field(default=fonts.default, repr=False)
    _max_scroll: float = field(default=0.0, init=False, repr=False)
    _view_height: int = field(default=300, init=False, repr=False)
    _text_width: int = field(default=360, init=False, repr=False)

    # -- content ----------------------------------------------------------------
    def add(self, speaker: str, text: str, kind: str = "member", stance: str | None = None) -> None:
        """Append a line; a reader scrolled up keeps their place (measured from the top)."""
        self.lines.append(TranscriptLine(speaker, text, kind, stance))
        if self.scroll > 0:
            self.scroll += self._entry_height(self.lines[-1], self._text_width) + ENTRY_GAP

    # -- scrolling --------------------------------------------------------------
    def scroll_by(self, dy: float) -> None:
        """Positive dy scrolls up (toward older lines)."""
        self.scroll = min(self._max_scroll, max(0.0, self.scroll + dy))

    def on_wheel(self, wheel_y: int) -> None:
        """pygame's MOUSEWHEEL y: positive when the wheel turns away from the user (up)."""
        self.scroll_by(wheel_y * WHEEL_STEP)

    def page(self, pages: int) -> None:
        """Page Up = page(1), Page Down = page(-1)."""
        self.scroll_by(pages * max(40, self._view_height - 40))

    def scroll_to_end(self) -> None:
        self.scroll = 0.0

    def scroll_to_start(self) -> None:
        self.scroll = self._max_scroll

    @property
    def at_end(self) -> bool:
        return self.scroll <= 0.5

    # -- layout -----------------------------------------------------------------
    def _entry_height(self, line: TranscriptLine, width: int) -> int:
        cache = self.text_cache
        size = "small" if line.kind in ("narration", "event") else "body"
        body = len(cache.wrap(line.text, size, width)) * cache.line_height(size)
        name = cache.line_height("small", True) if line.kind in ("member", "you") else 0
        return name + body

    def content_height(self, width: int) -> int:
        if not self.lines:
            return 0
        return sum(self._entry_height(line, width) for line in self.lines) + ENTRY_GAP * (len(self.lines) - 1)

    def measure(self, rect: pygame.Rect) -> None:
        """Fit the scroll range to a panel of this size (draw does it; tests may too)."""
        self._text_width = rect.width - 2 * PAD - 8
        self._view_height = rect.height - HEADER - PAD
        self._max_scroll = max(0.0, self.content_height(self._text_width) - self._view_height)
        self.scroll = min(self.scroll, self._max_scroll)

    # -- drawing ----------------------------------------------------------------
    def draw(self, surface: pygame.Surface, rect: pygame.Rect, palette: Palette) -> None:
        self.measure(rect)
        draw_panel(surface, rect, palette)
        cache = self.text_cache
        surface.blit(cache.render(self.title, "small", palette.muted, bold=True), (rect.x + PAD, rect.y + 10))
        view = pygame.Rect(rect.x + PAD, rect.y + HEADER, rect.width - 2 * PAD, self._view_height)
        pygame.draw.line(surface, palette.panel_edge, (view.x, view.y - 6), (view.right, view.y - 6))
        clip = surface.get_clip()
        surface.set_clip(view)
        content = self.content_height(self._text_width)
        y = view.bottom - content + self.scroll if content > view.height else view.y
        for line in self.lines:
            height = self._entry_height(line, self._text_width)
            if y + height >= view.y and y <= view.bottom:
                self._draw_entry(surface, line, view.x, round(y), palette)
            y += height + ENTRY_GAP
        if self.scroll < self._max_scroll:
            _fade(surface, view, palette)
        surface.set_clip(clip)
        self._draw_scrollbar(surface, rect, view, content, palette)
        if not self.at_end:
            more = cache.render("▼ newer", "tiny", palette.muted)
            surface.blit(more, more.get_rect(topright=(rect.right - PAD, rect.y + 12)))

    def _draw_entry(self, surface, line: TranscriptLine, x: int, y: int, palette: Palette) -> None:
        cache = self.text_cache
        if line.kind in ("member", "you"):
            colour = stance_colour(palette, line.stance) if line.kind == "you" and line.stance else palette.muted
            name = line.speaker + (f"  ·  {line.stance.upper()}" if line.kind == "you" and line.stance else "")
            surface.blit(cache.render(name, "small", colour, bold=True), (x, y))
            y += cache.line_height("small", True)
        size = "small" if line.kind in ("narration", "event") else "body"
        ink = palette.muted if line.kind == "narration" else palette.text
        if line.kind == "event":
            ink = mix(palette.accent, palette.text, 0.35)
        for text in cache.wrap(line.text, size, self._text_width):
            surface.blit(cache.render(text, size, ink), (x, y))
            y += cache.line_height(size)

    def _draw_scrollbar(self, surface, rect: pygame.Rect, view: pygame.Rect, content: int, palette: Palette) -> None:
        if content <= view.height:
            return
        track = pygame.Rect(rect.right - 8, view.y, 4, view.height)
        pygame.draw.rect(surface, mix(palette.panel, palette.text, 0.08), track, border_radius=2)
        thumb_h = max(24, round(view.height * view.height / content))
        top = track.bottom - thumb_h - round((track.height - thumb_h) * self.scroll / max(1, self._max_scroll))
        pygame.draw.rect(surface, palette.muted, (track.x, top, 4, thumb_h), border_radius=2)


def _fade(surface, view: pygame.Rect, palette: Palette, height: int = 16) -> None:
    """Older lines dissolve into the header instead of being cut mid-glyph."""
    band = pygame.Surface((view.width, height), pygame.SRCALPHA)
    for i in range(height):
        pygame.draw.line(band, (*palette.panel, round(255 * (1 - i / height))), (0, i), (view.width, i))
    surface.blit(band, view.topleft)
