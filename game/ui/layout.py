"""Where things go on the 1280x720 logical canvas, and how it maps to the window.

Scenes draw on one fixed logical canvas; the app scales it into whatever window
or projector it has, keeping the aspect ratio (letterboxing). Scenes map mouse
positions back with `Viewport.to_logical` themselves, so nothing here knows
about events.

The play screen is one calm grid: narration and the room's meters along the
top, the circle on the left two thirds, the transcript on the right, and the
trainee's choices across the bottom in two columns, LEAD and FOLLOW.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.ui import fonts

LOGICAL_SIZE = (1280, 720)
MARGIN = 16
GAP = 12

Point = tuple[float, float]


# -- letterboxing ---------------------------------------------------------------

def letterbox(window_size: tuple[int, int]) -> tuple[float, tuple[int, int]]:
    """(scale, offset) that fit the logical canvas into the window, centred."""
    lw, lh = LOGICAL_SIZE
    ww, wh = max(1, window_size[0]), max(1, window_size[1])
    scale = min(ww / lw, wh / lh)
    offset = (round((ww - lw * scale) / 2), round((wh - lh * scale) / 2))
    return scale, offset


@dataclass(frozen=True)
class Viewport:
    """The letterbox of one window size, with both directions of the mapping."""

    window_size: tuple[int, int]

    @property
    def scale(self) -> float:
        return letterbox(self.window_size)[0]

    @property
    def offset(self) -> tuple[int, int]:
        return letterbox(self.window_size)[1]

    def to_logical(self, pos: Point) -> Point:
        """A window position (a mouse click) in logical canvas coordinates."""
        (ox, oy), s = self.offset, self.scale
        return ((pos[0] - ox) / s, (pos[1] - oy) / s)

    def to_window(self, pos: Point) -> Point:
        """A logical position in window pixels."""
        (ox, oy), s = self.offset, self.scale
        return (pos[0] * s + ox, pos[1] * s + oy)

    def canvas_rect(self) -> pygame.Rect:
        """Where the scaled canvas sits in the window (the rest is the letterbox bars)."""
        s = self.scale
        return pygame.Rect(self.offset, (round(LOGICAL_SIZE[0] * s), round(LOGICAL_SIZE[1] * s)))

    def contains(self, pos: Point) -> bool:
        """True when a window position falls on the canvas, not on a bar."""
        x, y = self.to_logical(pos)
        return 0 <= x < LOGICAL_SIZE[0] and 0 <= y < LOGICAL_SIZE[1]


def to_logical(pos: Point, window_size: tuple[int, int]) -> Point:
    return Viewport(window_size).to_logical(pos)


def to_window(pos: Point, window_size: tuple[int, int]) -> Point:
    return Viewport(window_size).to_window(pos)


# -- the play screen ---------------------------------------------------------------

@dataclass(frozen=True)
class PlayLayout:
    """The named regions of the play screen, in logical coordinates."""

    narration: pygame.Rect
    meters: pygame.Rect
    circle: pygame.Rect
    transcript: pygame.Rect
    choices: pygame.Rect
    timeline: pygame.Rect | None = None   # the presenter's strip of decisions, under the circle

    @property
    def lead_column(self) -> pygame.Rect:
        return _column(self.choices, 0)

    @property
    def follow_column(self) -> pygame.Rect:
        return _column(self.choices, 1)

    @property
    def seat_ellipse(self) -> pygame.Rect:
        """The ellipse the chairs stand on: figures' heads and names stay in the circle area."""
        return seat_ellipse(self.circle)

    @property
    def toast_anchor(self) -> Point:
        """Top centre of the transcript: event notices appear there, never over a member."""
        return (self.transcript.centerx, self.transcript.y + 40)

    @property
    def toast_width(self) -> int:
        return self.transcript.width - 24


def _column(choices: pygame.Rect, index: int) -> pygame.Rect:
    width = (choices.width - GAP) // 2
    return pygame.Rect(choices.x + index * (width + GAP), choices.y, width, choices.height)


def play_layout(text: fonts.TextCache | None = None, timeline: bool = False) -> PlayLayout:
    """The play screen's regions at 1280x720.

    The top strip grows a little with the text scale, so two rows of meters
    (label over bar) still fit at the presenter size; the circle gives way.
    With `timeline`, a strip of the session's decisions takes the circle's
    bottom edge (the circle gives way again).
    """
    text = text if text is not None else fonts.default   # (an empty cache is falsy)
    w, h = LOGICAL_SIZE
    left_w = round((w - 2 * MARGIN - GAP) * 0.665)
    right_x = MARGIN + left_w + GAP
    right_w = w - MARGIN - right_x
    top_h = max(76, 2 * meter_height(text) + 22)
    choices_h = 236
    middle_y = MARGIN + top_h + GAP
    middle_h = h - MARGIN - choices_h - GAP - middle_y
    strip = timeline_height(text) if timeline else 0
    circle_h = middle_h - (strip + GAP if timeline else 0)
    return PlayLayout(
        narration=pygame.Rect(MARGIN, MARGIN, left_w, top_h),
        meters=pygame.Rect(right_x, MARGIN, right_w, top_h),
        circle=pygame.Rect(MARGIN, middle_y, left_w, circle_h),
        transcript=pygame.Rect(right_x, middle_y, right_w, middle_h),
        choices=pygame.Rect(MARGIN, h - MARGIN - choices_h, w - 2 * MARGIN, choices_h),
        timeline=pygame.Rect(MARGIN, middle_y + circle_h + GAP, left_w, strip) if timeline else None,
    )


def timeline_height(text: fonts.TextCache | None = None) -> int:
    """The decisions' strip: one row of markers, a line of small text high, with room round it."""
    return (text if text is not None else fonts.default).line_height("small", True) + 24


def meter_height(text: fonts.TextCache | None = None) -> int:
    """One meter: a line of small text over its bar."""
    return (text if text is not None else fonts.default).line_height("small") + 10


COLUMN_HEADER = 26
CARDS_PER_COLUMN = 3          # the usual most in one column; a node may put all six in one
MIN_ROWS = 3                  # cards never grow taller than when three share a column...
MAX_ROWS_TALL = 2             # ...except that with two or fewer rows they may take half of it
TALL_CARD_SHARE = 0.85        # (most of that half: long choices keep their words, short ones do not swell)


def card_rects(column: pygame.Rect, count: int, rows: int | None = None,
               needs: list[tuple[int, int]] | None = None) -> list[pygame.Rect]:
    """Rects for `count` cards stacked under a column's LEAD/FOLLOW header, laid out as if
    there were `rows` (the longer column's count) so the two columns line up. Few cards get
    more room for their words; a column of up to six still fits. `needs`, when given, is the
    height each row's words want (see `row_slots`)."""
    rows = max(count, rows or 0, 1)
    top = column.y + COLUMN_HEADER
    slots = row_slots(column.bottom - top + GAP // 2, rows, needs)
    rects, y = [], float(top)
    for slot in slots[:count]:
        rects.append(pygame.Rect(column.x, round(y), column.width, round(slot - GAP // 2)))
        y += slot
    return rects


def row_slots(space: float, rows: int, needs: list[tuple[int, int]] | None = None) -> list[float]:
    """Each row's share of the column (its card plus half a gap), top to bottom.

    Without `needs`, every row gets the same: a third of the column (half of most of it for
    one or two rows). `needs` gives each row the height its words want at body size and at
    small size. A row that wants more than its share grows into the room left below the
    cards and into what shorter rows do not use, so a long choice keeps its words. When the
    rows do not all fit at body size, the rows whose words cost least to keep at body size
    keep it and the others drop to small type; when not even that fits, the longest give up
    room first (their cards try tiny type before they cut words; see card.fit_words).
    """
    base = space / max(rows, MIN_ROWS)
    if rows <= MAX_ROWS_TALL:
        base = max(base, TALL_CARD_SHARE * space / MAX_ROWS_TALL)
    if not needs:
        return [base] * rows
    needs = list(needs[:rows]) + [(round(base), round(base))] * max(0, rows - len(needs))
    full = [body + GAP // 2 for body, _ in needs]
    grown = [max(base, want) for want in full]
    if sum(grown) <= space:
        return grown
    if sum(full) <= space:
        return _lend(full, base, space)
    compact = [min(small + GAP // 2, want) for (_, small), want in zip(needs, full)]
    if sum(compact) > space:
        return _capped(compact, space)
    slots, spare = list(compact), space - sum(compact)
    for row in sorted(range(rows), key=lambda r: full[r] - compact[r]):   # cheapest first
        if full[row] - compact[row] <= spare:
            spare -= full[row] - compact[row]
            slots[row] = full[row]
    return [slot + spare / rows for slot in slots]


def _capped(wanted: list[float], space: float) -> list[float]:
    """Every row what it wants, except that the largest are cut to one common cap so that
    all fit: short cards stay whole, and the long ones give up room first."""
    remaining, left = space, len(wanted)
    for want in sorted(wanted):
        if want * left > remaining:
            cap = remaining / left
            return [min(want, cap) for want in wanted]
        remaining, left = remaining - want, left - 1
    return list(wanted)


def _lend(wanted: list[float], base: float, space: float) -> list[float]:
    """Every row what it wants, and the room left over to the rows that want less than
    `base` (never more than `base`): they gave it up."""
    spare = space - sum(wanted)          # less than what the short rows give up
    short = [max(0.0, base - want) for want in wanted]
    return [want + spare * gives / sum(short) for want, gives in zip(wanted, short)]


UNEVEN_SHARE_STEP = 0.06    # each card more in one column than in the other widens it this much
UNEVEN_SHARE_MOST = 2 / 3   # ...up to two thirds of the width


def choice_columns(layout: PlayLayout, n_lead: int, n_follow: int,
                   lead_share: float | None = None) -> tuple[pygame.Rect, pygame.Rect]:
    """The LEAD and FOLLOW columns for this many cards: half the width each, except that a
    column holding two or more cards more than the other widens (its cards are stacked
    thinner, so they need the width for their words). `lead_share` (0..1), when given,
    sets the LEAD column's share instead, within a third and two thirds."""
    lead, follow = layout.lead_column, layout.follow_column
    if lead_share is None:
        more = n_lead - n_follow
        if abs(more) < 2:
            return lead, follow
        lead_share = 0.5 + UNEVEN_SHARE_STEP * more
    share = min(UNEVEN_SHARE_MOST, max(1 - UNEVEN_SHARE_MOST, lead_share))
    gap = follow.left - lead.right
    width = follow.right - lead.left - gap
    lead_width = round(width * share)
    return (pygame.Rect(lead.x, lead.y, lead_width, lead.height),
            pygame.Rect(lead.x + lead_width + gap, follow.y, width - lead_width, follow.height))


def choice_card_rects(layout: PlayLayout, n_lead: int, n_follow: int,
                      needs: list[tuple[int, int]] | None = None,
                      lead_share: float | None = None) -> tuple[list[pygame.Rect], list[pygame.Rect]]:
    """(lead rects, follow rects) for the choices on offer, up to six in all, in line, in the
    columns of `choice_columns`. `needs`: the heights each row's cards want for their words,
    if known (see row_slots)."""
    rows = max(n_lead, n_follow)
    lead, follow = choice_columns(layout, n_lead, n_follow, lead_share)
    return card_rects(lead, n_lead, rows, needs), card_rects(follow, n_follow, rows, needs)


# -- the circle -------------------------------------------------------------------

def seat_positions(n: int, ellipse: pygame.Rect) -> list[Point]:
    """Chair centres for the trainee and `n` members (3..12) around an ellipse.

    Index 0 is the trainee's seat, "You", at the bottom centre; members follow
    clockwise from the trainee's left, so the member list order is the order
    round the circle. Seats are spaced evenly by distance along the ellipse,
    not by angle: on a wide ellipse equal angles would crowd the chairs at the
    two ends.
    """
    if not 1 <= n <= 24:
        raise ValueError(f"a group has 3 to 12 members, not {n}")
    cx, cy = ellipse.center
    rx, ry = ellipse.width / 2, ellipse.height / 2
    samples = 720
    angles = [math.pi / 2 + 2 * math.pi * k / samples for k in range(samples + 1)]  # from straight down
    points = [(cx + rx * math.cos(a), cy + ry * math.sin(a)) for a in angles]
    lengths = [0.0]
    for a, b in zip(points, points[1:]):
        lengths.append(lengths[-1] + math.dist(a, b))
    seats, k = [], 0
    for i in range(n + 1):
        target = lengths[-1] * i / (n + 1)
        while lengths[k + 1] < target:
            k += 1
        seats.append(points[k])
    return seats


def facing(seat: Point, centre: Point) -> float:
    """Which way a seated figure turns to face the middle: -1 (left) .. +1 (right)."""
    dx = centre[0] - seat[0]
    return max(-1.0, min(1.0, dx / 300))


# Figure units (see avatar_paint): the hair's top and the name tag's top, from the seat.
HEAD_REACH = 66
TAG_DROP = 30
FAR = 0.88              # the back of the circle is drawn this much smaller than the front
AREA_PER_SCALE = 232    # a circle area this tall holds figures at scale 1 with room to spare
MOST_SCALE, LEAST_SCALE = 1.6, 0.7


def nominal_scale(area: pygame.Rect) -> float:
    """The figures' scale this circle area is laid out for: as large as its height allows."""
    return max(LEAST_SCALE, min(MOST_SCALE, area.height / AREA_PER_SCALE))


def seat_ellipse(area: pygame.Rect) -> pygame.Rect:
    """The chairs' ellipse in a circle area: the back row's hair and the front row's name
    tags stay inside it at the nominal scale; the sides keep half a figure's width clear."""
    size = nominal_scale(area)
    tag = fonts.default.line_height("small", True) + 2
    top = area.top + 4 + HEAD_REACH * size * FAR
    bottom = area.bottom - 6 - tag - TAG_DROP * size
    side = max(44, round(34 * size))
    return pygame.Rect(area.left + side, round(top), area.width - 2 * side, max(40, round(bottom - top)))


def member_scale(n: int, area: pygame.Rect | None = None) -> float:
    """The figures' scale (the front row's; the back is FAR of it) for `n` members: the
    nominal scale, unless a full circle would put one member in front of another's face."""
    area = area if area is not None else play_layout().circle
    key = (n, tuple(area), fonts.default.scale_name)
    if key not in _scales:
        _scales[key] = _largest_clear_scale(n, area)
    return _scales[key]


_scales: dict[tuple, float] = {}


def _largest_clear_scale(n: int, area: pygame.Rect) -> float:
    ellipse = seat_ellipse(area)
    seats = seat_positions(n, ellipse)
    size = nominal_scale(area)
    while size > LEAST_SCALE and hidden_faces(seats, [depth_scale(s, ellipse) * size for s in seats]):
        size -= 0.02
    return round(size, 2)


def hidden_faces(seats: list[Point], scales: list[float]) -> list[int]:
    """Members (seat indices from 1) whose face a nearer figure, or the trainee, covers.
    (Name tags keep off faces where they are placed: see scenes/play/circle.py.)"""
    hidden = []
    for i, (seat, scale) in enumerate(zip(seats, scales)):
        if i == 0:
            continue
        face = _face_box(seat, scale)
        for j, (other, near) in enumerate(zip(seats, scales)):
            if j != i and other[1] > seat[1] and face.colliderect(_upper_body(other, near, trainee=j == 0)):
                hidden.append(i)
                break
    return hidden


def _face_box(seat: Point, scale: float) -> pygame.Rect:
    """Where a face may be, whatever the pose: the head moves up to ~8 units as it turns or bows."""
    r = 24 * scale
    return pygame.Rect(round(seat[0] - r), round(seat[1] - 66 * scale), round(2 * r), round(40 * scale))


def _upper_body(seat: Point, scale: float, trainee: bool = False) -> pygame.Rect:
    """What a nearer figure covers above its seat: head, shoulders, arms and chair back."""
    half, top = (23, 40) if trainee else (22, 64)
    return pygame.Rect(round(seat[0] - half * scale), round(seat[1] - top * scale),
                       round(2 * half * scale), round(top * scale))


def depth_scale(seat: Point, ellipse: pygame.Rect, near: float = 1.0, far: float = FAR) -> float:
    """Figures at the back of the circle are drawn a little smaller: a hint of depth."""
    t = (seat[1] - ellipse.top) / max(1, ellipse.height)
    return far + (near - far) * max(0.0, min(1.0, t))


def draw_order(seats: list[Point]) -> list[int]:
    """Seat indices back to front, so nearer figures overlap farther ones."""
    return sorted(range(len(seats)), key=lambda i: seats[i][1])
