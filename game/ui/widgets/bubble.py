"""Speech bubbles: what a member says, near them, typed out as they speak it.

The bubble places itself above the speaker when there is room (below when
not), stays inside the bounds it is given, and points its tail at the speaker.
The whole text is wrapped before the reveal starts, so words never jump from
one line to the next while they appear.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pygame
import pygame.gfxdraw

from game.ui import fonts
from game.ui.theme import Palette, shade

PAD = 10
TAIL = 14          # how far the tail reaches from the bubble
CHARS_PER_SECOND = 45.0


@dataclass
class SpeechBubble:
    text: str
    speaker: str
    anchor: tuple[float, float]     # the top of the speaker's head
    bounds: pygame.Rect             # where the bubble may go (the circle area)
    max_width: int = 300
    shown: float = 0.0              # characters revealed so far
    text_cache: fonts.TextCache = field(default=fonts.default, repr=False)
    _lines: list[str] | None = field(default=None, init=False, repr=False)

    # -- reveal -----------------------------------------------------------------
    def update(self, dt: float, chars_per_second: float = CHARS_PER_SECOND) -> None:
        """Reveal more of the line; call once a frame with the seconds elapsed."""
        self.shown = min(len(self.text), self.shown + dt * chars_per_second)

    def finish(self) -> None:
        """Show the whole line at once (a click or key while it types out)."""
        self.shown = float(len(self.text))

    @property
    def done(self) -> bool:
        return self.shown >= len(self.text)

    # -- geometry ---------------------------------------------------------------
    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text_cache.wrap(self.text, "body", self.max_width - 2 * PAD)
        return self._lines

    def rect(self) -> pygame.Rect:
        """The body of the bubble, placed above (or below) the anchor within bounds."""
        cache = self.text_cache
        width = max([cache.width(line, "body") for line in self.lines]
                    + [cache.width(self.speaker, "small", bold=True)]) + 2 * PAD
        height = cache.line_height("small", True) + len(self.lines) * cache.line_height("body") + 2 * PAD - 2
        body = pygame.Rect(0, 0, width, height)
        body.midbottom = (round(self.anchor[0]), round(self.anchor[1] - TAIL))
        if body.top < self.bounds.top:
            body.midtop = (round(self.anchor[0]), round(self.anchor[1] + TAIL + 70))
        return body.clamp(self.bounds)

    def tail(self, body: pygame.Rect) -> list[tuple[int, int]]:
        """A triangle from the bubble's edge toward the speaker."""
        above = body.bottom <= self.anchor[1]
        base_y = body.bottom - 1 if above else body.top + 1
        x = min(max(round(self.anchor[0]), body.left + 18), body.right - 18)
        tip_y = base_y + TAIL if above else base_y - TAIL
        tip_x = x + max(-16, min(16, round(self.anchor[0]) - x))
        return [(x - 8, base_y), (x + 8, base_y), (tip_x, tip_y)]

    # -- drawing ----------------------------------------------------------------
    def draw(self, surface: pygame.Surface, palette: Palette) -> pygame.Rect:
        body = self.rect()
        edge = shade(palette.bubble, 0.3) if palette.name != "high_contrast" else palette.focus
        _shadow(surface, body, palette)
        tail = self.tail(body)
        pygame.gfxdraw.filled_polygon(surface, tail, palette.bubble)
        pygame.gfxdraw.aapolygon(surface, tail, edge)
        pygame.draw.rect(surface, palette.bubble, body, border_radius=12)
        pygame.draw.rect(surface, edge, body, 1, border_radius=12)
        # Cover the tail's base so bubble and tail read as one outline.
        pygame.draw.line(surface, palette.bubble, (tail[0][0] + 1, tail[0][1]), (tail[1][0] - 1, tail[1][1]), 3)
        cache = self.text_cache
        name = cache.render(self.speaker, "small", shade(palette.bubble_text, -0.25), bold=True)
        surface.blit(name, (body.x + PAD, body.y + PAD - 3))
        y = body.y + PAD - 3 + cache.line_height("small", True)
        for line in fonts.reveal_lines(self.lines, int(self.shown)):
            surface.blit(cache.render(line, "body", palette.bubble_text), (body.x + PAD, y))
            y += cache.line_height("body")
        return body


def _shadow(surface, body: pygame.Rect, palette: Palette) -> None:
    if palette.name == "high_contrast":
        return
    layer = pygame.Surface(body.inflate(8, 8).size, pygame.SRCALPHA)
    pygame.draw.rect(layer, (*palette.shadow, 80), layer.get_rect().inflate(-6, -6).move(0, 3), border_radius=14)
    surface.blit(layer, body.inflate(8, 8).topleft)
