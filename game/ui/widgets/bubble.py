"""Speech bubbles: what a member says, near them, typed out as they speak it.

The bubble places itself near the speaker — above the head if it can, else
shifted, beside or below — inside the bounds it is given, covering as little
as it can of the figures it is told to avoid, and points its tail at the speaker.
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
HARD = 10.0        # avoid entries weighted this much or more (name tags, buttons) are not to be touched...
TOUCH = 20000      # ...so touching one at all costs about as much as covering a figure


@dataclass
class SpeechBubble:
    text: str
    speaker: str
    anchor: tuple[float, float]     # the top of the speaker's head
    bounds: pygame.Rect             # where the bubble may go (the circle area)
    max_width: int = 300
    shown: float = 0.0              # characters revealed so far
    avoid: list = field(default_factory=list)  # rects (or (rect, weight)) the bubble should not cover
    text_cache: fonts.TextCache = field(default=fonts.default, repr=False)
    _lines: list[str] | None = field(default=None, init=False, repr=False)
    _place: tuple | None = field(default=None, init=False, repr=False)
    _frame: tuple | None = field(default=None, init=False, repr=False)   # (key, surface, topleft)
    _whole: tuple | None = field(default=None, init=False, repr=False)   # the same with all the text

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

    def size(self) -> tuple[int, int]:
        cache = self.text_cache
        width = max([cache.width(line, "body") for line in self.lines]
                    + [cache.width(self.speaker, "small", bold=True)]) + 2 * PAD
        height = cache.line_height("small", True) + len(self.lines) * cache.line_height("body") + 2 * PAD - 2
        return width, height

    def candidates(self) -> list[pygame.Rect]:
        """Places to try, best first: above the head, then shifted sideways, then beside it."""
        w, h = self.size()
        ax, ay = round(self.anchor[0]), round(self.anchor[1])
        inward = 1 if self.anchor[0] < self.bounds.centerx else -1
        places = []
        for shift in (0, inward * w // 3, -inward * w // 3, inward * (w // 2 - 20)):
            places.append(pygame.Rect(ax - w // 2 + shift, ay - TAIL - h, w, h))
        for side in (inward, -inward):  # beside the head, at its height, then lower (clear of the tags above)
            x = ax + TAIL + 14 if side > 0 else ax - TAIL - 14 - w
            places.append(pygame.Rect(x, ay - h // 3, w, h))
            places.append(pygame.Rect(x, ay + 4, w, h))
        places.append(pygame.Rect(ax - w // 2, ay + TAIL + 104, w, h))  # below the figure and its name tag
        return places

    def rect(self) -> pygame.Rect:
        """The body of the bubble: the first candidate place that stays in bounds and
        covers the least of `avoid` (other members' figures). Worked out once per place."""
        key = (tuple(self.anchor), tuple(self.bounds), self.max_width, self.text, self.speaker, len(self.avoid))
        if self._place is None or self._place[0] != key:
            self._place = (key, self._best_rect())
        return self._place[1].copy()

    def _best_rect(self) -> pygame.Rect:
        best, best_cost = None, None
        candidates = self.candidates()
        covering = Obstacles(self.avoid)
        for order, place in enumerate(candidates):
            moved = place.clamp(self.bounds)
            cost = covering.cost(moved) + 4 * abs(moved.x - place.x) * moved.height
            cost += 8 * abs(moved.y - place.y) * moved.width + order * 400
            if best_cost is None or cost < best_cost:
                best, best_cost = moved, cost
        behind_usual = len(candidates) * 400    # a grid place ranks after every usual one
        if best_cost > behind_usual:   # every usual place covers something: look further
            for place, far in self._further(best.size):
                cost = covering.cost(place) + behind_usual + far * 30
                if cost < best_cost:
                    best, best_cost = place, cost
        return best

    def _further(self, size: tuple[int, int]):
        """Places on a grid over the whole bounds, each with its distance from the speaker's head:
        a crowded circle (eight or more members, projector text) may leave a clear spot only there."""
        w, h = size
        ax, ay = self.anchor
        b = self.bounds
        for x in range(b.left, b.right - w + 1, 16):
            for y in range(b.top, b.bottom - h + 1, 12):
                place = pygame.Rect(x, y, w, h)
                yield place, abs(place.centerx - ax) + abs((place.bottom if place.bottom <= ay else place.top) - ay)

    def tail(self, body: pygame.Rect) -> list[tuple[int, int]]:
        """A triangle from the bubble's nearest edge toward the speaker."""
        ax, ay = self.anchor
        beside = ax < body.left or ax > body.right   # the head is off to one side: tail on that side
        if not beside and (body.bottom <= ay or body.top >= ay):  # above or below: tail on a horizontal edge
            base_y = body.bottom - 1 if body.bottom <= ay else body.top + 1
            x = min(max(round(ax), body.left + 18), body.right - 18)
            tip = (x + max(-16, min(16, round(ax) - x)), base_y + (TAIL if body.bottom <= ay else -TAIL))
            return [(x - 8, base_y), (x + 8, base_y), tip]
        base_x = body.left + 1 if ax < body.left else body.right - 1
        y = min(max(round(ay), body.top + 16), body.bottom - 16)
        tip = (base_x + (-TAIL if ax < body.left else TAIL), y + max(-10, min(10, round(ay) - y)))
        return [(base_x, y - 8), (base_x, y + 8), tip]

    # -- drawing ----------------------------------------------------------------
    def draw(self, surface: pygame.Surface, palette: Palette) -> pygame.Rect:
        """Draw the bubble; its outline is drawn once and kept, only the typed text changes."""
        body = self.rect()
        frame, topleft = self._frame_surface(body, palette)
        if self.done:
            key = (palette.name, tuple(body))
            if self._whole is None or self._whole[0] != key:
                whole = frame.copy()
                self._draw_text(whole, body.move(-topleft[0], -topleft[1]), palette, None)
                self._whole = (key, whole)
            surface.blit(self._whole[1], topleft)
            return body
        surface.blit(frame, topleft)
        self._draw_text(surface, body, palette, int(self.shown))
        return body

    def _frame_surface(self, body: pygame.Rect, palette: Palette) -> tuple[pygame.Surface, tuple[int, int]]:
        key = (palette.name, tuple(body))
        if self._frame is None or self._frame[0] != key:
            tail = self.tail(body)
            area = body.inflate(8, 8).unionall([pygame.Rect(x - 1, y - 1, 3, 3) for x, y in tail])
            layer = pygame.Surface(area.size, pygame.SRCALPHA)
            local = body.move(-area.x, -area.y)
            self._draw_outline(layer, local, [(x - area.x, y - area.y) for x, y in tail], palette)
            self._frame = (key, layer, area.topleft)
        return self._frame[1], self._frame[2]

    def _draw_outline(self, surface, body: pygame.Rect, tail, palette: Palette) -> None:
        edge = shade(palette.bubble, 0.3) if palette.name != "high_contrast" else palette.focus
        _shadow(surface, body, palette)
        pygame.gfxdraw.filled_polygon(surface, tail, palette.bubble)
        pygame.gfxdraw.aapolygon(surface, tail, edge)
        pygame.draw.rect(surface, palette.bubble, body, border_radius=12)
        pygame.draw.rect(surface, edge, body, 1, border_radius=12)
        # Cover the tail's base so bubble and tail read as one outline.
        (x0, y0), (x1, y1) = tail[0], tail[1]
        inset = (0, 1) if y0 == y1 else (1, 0)
        pygame.draw.line(surface, palette.bubble, (x0 + inset[1], y0 + inset[0]), (x1 - inset[1], y1 - inset[0]), 3)
        name = self.text_cache.render(self.speaker, "small", shade(palette.bubble_text, -0.25), bold=True)
        surface.blit(name, (body.x + PAD, body.y + PAD - 3))

    def _draw_text(self, surface, body: pygame.Rect, palette: Palette, shown: int | None) -> None:
        cache = self.text_cache
        y = body.y + PAD - 3 + cache.line_height("small", True)
        fonts.blit_revealed(surface, cache, self.lines, shown, "body", palette.bubble_text, body.x + PAD, y)


def _shadow(surface, body: pygame.Rect, palette: Palette) -> None:
    if palette.name == "high_contrast":
        return
    layer = pygame.Surface(body.inflate(8, 8).size, pygame.SRCALPHA)
    pygame.draw.rect(layer, (*palette.shadow, 80), layer.get_rect().inflate(-6, -6).move(0, 3), border_radius=14)
    surface.blit(layer, body.inflate(8, 8).topleft)


class Obstacles:
    """What a bubble should not cover: rects, each with a weight (1 unless given as
    (rect, weight)); `cost` is the area a place would cover, weighted."""

    def __init__(self, avoid):
        pairs = [other if isinstance(other, tuple) else (other, 1.0) for other in avoid]
        self.rects = [pygame.Rect(rect) for rect, _ in pairs]
        self.weights = [weight for _, weight in pairs]

    def cost(self, rect: pygame.Rect) -> float:
        total = 0.0
        for k in rect.collidelistall(self.rects):   # only those it touches: the search asks often
            clipped = rect.clip(self.rects[k])
            total += clipped.width * clipped.height * self.weights[k]
            if self.weights[k] >= HARD:
                total += TOUCH   # a name tag clipped by a sliver is still cut: any touch counts
        return total
