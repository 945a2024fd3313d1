"""Speech bubbles: what a member says, near them, typed out as they speak it.

The bubble places itself near the speaker — above the head if it can, else
shifted, beside or below — inside the bounds it is given, covering as little
as it can of the figures it is told to avoid, and points its tail at the speaker.
It never covers a face (an avoid entry weighted FACE): the room is read from faces.
A long line shows only its opening words (at most MAX_LINES lines, ending in an
ellipsis), and fewer still when that is what keeps the faces clear; the transcript
always has the whole line. The text is wrapped before the reveal starts, so words
never jump from one line to the next while they appear.
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
FACE = 1000.0      # an avoid entry weighted this much is a face: a bubble never touches one
FACE_GAP = 8       # ...nor comes nearer than this: room for its tail to point at the speaker's chin
MAX_LINES = 3      # a longer line shows its opening words in the bubble
HARD = 10.0        # avoid entries weighted this much or more (name tags, buttons) are not to be touched...
TOUCH = 20000      # ...so touching one at all costs about as much as covering a figure
FACE_TOUCH = 10 ** 8   # touching a face costs more than covering everything else there is


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
    max_lines: int = MAX_LINES
    _lines: tuple | None = field(default=None, init=False, repr=False)     # (limit, width, lines)
    _limit: tuple[int, int] | None = field(default=None, init=False, repr=False)  # (lines, width) placed
    _waited: bool = field(default=False, init=False, repr=False)   # the first frame has passed
    _place: tuple | None = field(default=None, init=False, repr=False)
    _frame: tuple | None = field(default=None, init=False, repr=False)   # (key, surface, topleft)
    _whole: tuple | None = field(default=None, init=False, repr=False)   # the same with all the text

    # -- reveal -----------------------------------------------------------------
    def update(self, dt: float, chars_per_second: float = CHARS_PER_SECOND) -> None:
        """Reveal more of the line; call once a frame with the seconds elapsed."""
        self.shown = min(len(self.text), self.shown + dt * chars_per_second)

    def finish(self) -> None:
        """Show the whole line at once (a click or key while it types out). The bubble is placed
        now, while the scene handles input, so the frame's drawing budget counts the search."""
        self.shown = float(len(self.text))
        self.rect()

    @property
    def done(self) -> bool:
        return self.shown >= len(self.text)

    # -- geometry ---------------------------------------------------------------
    @property
    def lines(self) -> list[str]:
        """The lines shown: all of a short line, the opening words of a long one."""
        limit, width = self._limit or (self.max_lines, self.max_width)
        if self._lines is None or self._lines[:2] != (limit, width):
            self._lines = (limit, width, self.text_cache.wrap(self.text, "body", width - 2 * PAD, max_lines=limit))
        return self._lines[2]

    @property
    def opening_only(self) -> bool:
        """True when the bubble shows only the line's opening words."""
        return len(" ".join(self.lines).replace("…", "").split()) < len(self.text.split())

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
            self._place = (key, self._fit())
        return self._place[1].copy()

    def _fit(self) -> pygame.Rect:
        """The best place for the most words that keep every face clear: the line's first
        MAX_LINES lines if they fit somewhere, else fewer, else one narrower line. A place
        clear of name tags too is preferred to more words."""
        covering = Obstacles(self.avoid)
        tries = [(self.max_lines, self.max_width), (2, self.max_width), (1, self.max_width),
                 (1, self.max_width * 2 // 3), (1, self.max_width // 2)]
        limits = list(dict.fromkeys((min(n, self.max_lines), w) for n, w in tries))
        places: dict[tuple[int, int], pygame.Rect] = {}    # by the bubble's size: a short line is
        for strict in (True, False):                       # the same bubble under several limits
            for limit in limits:
                self._limit = limit
                size = self.size()
                if size not in places:
                    places[size] = self._best_rect(covering)
                if covering.clear(places[size], strict):
                    return places[size]
        self._limit = limits[0]
        return places[self.size()]

    def _best_rect(self, covering: Obstacles) -> pygame.Rect:
        best, best_cost = None, None
        candidates = self.candidates()
        for order, place in enumerate(candidates):
            moved = place.clamp(self.bounds)
            cost = covering.cost(moved) + 4 * abs(moved.x - place.x) * moved.height
            cost += 8 * abs(moved.y - place.y) * moved.width + order * 400
            if best_cost is None or cost < best_cost:
                best, best_cost = moved, cost
        behind_usual = len(candidates) * 400    # a grid place ranks after every usual one
        if best_cost > behind_usual:   # every usual place covers something: look further
            for far, place in sorted(self._further(best.size)):
                if behind_usual + far * 30 >= best_cost:
                    break              # nearest first: no place further away can cost less
                place = pygame.Rect(place)
                # Once a place touching no name tag is found, a place touching one cannot win.
                blockers = covering.blockers if best_cost < behind_usual + TOUCH else covering.faces
                if place.collidelist(blockers) >= 0:
                    continue
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
        for x in range(b.left, b.right - w + 1, max(20, w // 7)):
            for y in range(b.top, b.bottom - h + 1, max(14, h // 3)):
                far = abs(x + w / 2 - ax) + abs((y + h if y + h <= ay else y) - ay)
                yield far, (x, y, w, h)

    def tail(self, body: pygame.Rect) -> list[tuple[int, int]]:
        """A triangle from the bubble's nearest edge toward the speaker, stopping short of
        any face it would reach into (a bubble below a head points up at the chin)."""
        faces = [face.inflate(-2 * FACE_GAP, -2 * FACE_GAP) for face in Obstacles(self.avoid).faces]
        (x0, y0), (x1, y1), tip = self._edge_tail(body, self._beside(body))
        mid = ((x0 + x1) / 2, (y0 + y1) / 2)
        for reach in (1.0, 0.8, 0.6, 0.45, 0.3):
            short = (round(mid[0] + (tip[0] - mid[0]) * reach), round(mid[1] + (tip[1] - mid[1]) * reach))
            if not _crosses([(x0, y0), (x1, y1), short], faces):
                break
        return [(x0, y0), (x1, y1), short]

    def _beside(self, body: pygame.Rect) -> bool:
        """True when the speaker's head is level with the bubble or off to one side."""
        ax, ay = self.anchor
        return ax < body.left or ax > body.right or body.top < ay < body.bottom

    def _edge_tail(self, body: pygame.Rect, beside: bool) -> list[tuple[int, int]]:
        ax, ay = self.anchor
        if not beside:  # above or below: tail on a horizontal edge
            base_y = body.bottom - 1 if body.bottom <= ay else body.top + 1
            x = min(max(round(ax), body.left + 18), body.right - 18)
            tip = (x + max(-16, min(16, round(ax) - x)), base_y + (TAIL if body.bottom <= ay else -TAIL))
            return [(x - 8, base_y), (x + 8, base_y), tip]
        right = ax > body.centerx
        base_x = body.right - 1 if right else body.left + 1
        y = min(max(round(ay), body.top + 16), body.bottom - 16)
        tip = (base_x + (TAIL if right else -TAIL), y + max(-10, min(10, round(ay) - y)))
        return [(base_x, y - 8), (base_x, y + 8), tip]

    # -- drawing ----------------------------------------------------------------
    def draw(self, surface: pygame.Surface, palette: Palette) -> pygame.Rect:
        """Draw the bubble; its outline is drawn once and kept, only the typed text changes.

        A line that starts typing is placed one frame late: the frame a line starts already
        turns every head and redraws the transcript, and nothing of the line shows yet."""
        if self._place is None and not self._waited and not self.done:
            self._waited = True
            return pygame.Rect(round(self.anchor[0]), round(self.anchor[1]), 0, 0)
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


def _crosses(tail, faces: list[pygame.Rect]) -> bool:
    """True when the tail's triangle reaches into any of `faces` (points along its sides)."""
    (x0, y0), (x1, y1), (tx, ty) = tail
    points = [(a + (tx - a) * k / 6, b + (ty - b) * k / 6) for a, b in ((x0, y0), (x1, y1)) for k in range(1, 7)]
    return any(face.collidepoint(p) for face in faces for p in points)


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
        # A face keeps FACE_GAP clear round it; touching one costs more than any other cover.
        self.rects = [pygame.Rect(rect).inflate(2 * FACE_GAP, 2 * FACE_GAP) if weight >= FACE else pygame.Rect(rect)
                      for rect, weight in pairs]
        self.weights = [weight for _, weight in pairs]
        self.faces = [rect for rect, weight in zip(self.rects, self.weights) if weight >= FACE]
        self.blockers = [rect for rect, weight in zip(self.rects, self.weights) if weight >= HARD]

    def touches_face(self, rect: pygame.Rect) -> bool:
        return rect.collidelist(self.faces) >= 0

    def clear(self, rect: pygame.Rect, strict: bool = False) -> bool:
        """True when `rect` touches no face (nor, if strict, any name tag or button)."""
        if self.touches_face(rect):
            return False
        return not strict or not any(self.weights[k] >= HARD for k in rect.collidelistall(self.rects))

    def cost(self, rect: pygame.Rect) -> float:
        total = 0.0
        for k in rect.collidelistall(self.rects):   # only those it touches: the search asks often
            clipped = rect.clip(self.rects[k])
            total += clipped.width * clipped.height * self.weights[k]
            if self.weights[k] >= HARD:
                total += TOUCH   # a name tag clipped by a sliver is still cut: any touch counts
            if self.weights[k] >= FACE:
                total += FACE_TOUCH
        return total
