"""The debrief's sections on the group's own view and on reading the room, in the scrolling
column after WHO COMES BACK.

THE MEMBERS' VIEW: each GCQ-S scale (Engaged, Avoiding, Conflict, 0..6) on a short track from
its score at the start (a ring) to its score at the end (a disc), in the good colour when it
moved the good way, the warning colour when it moved the other, muted when it held; the
numbers and which way is good are written beside it, so the colour is never the only carrier.
READING THE ROOM: how often the trainee's reading matched the model's, only when they read it.
"""
from __future__ import annotations

import pygame

from game.present.debrief_practice import CLIMATE_CAPTION, SCALE_TITLES, SCALE_TOP, climate_rows, reading_summary
from game.ui import fonts
from game.ui.scenes.base import blit_lines
from game.ui.theme import Palette, mix

TRACK = 150              # the 0..6 track at its widest
TRACK_LEAST = 80
GAP = 14
SECTION_GAP = 14


def shows_climate(debrief) -> bool:
    """The members answer once a choice has been made (before it, start and end are one)."""
    return bool(climate_rows(debrief.climate)) and debrief.climate.turns > 0


def _caption(width: int, text: fonts.TextCache) -> list[str]:
    return text.wrap(CLIMATE_CAPTION + ".", "tiny", width)


def _columns(width: int, text: fonts.TextCache) -> tuple[int, int]:
    """(title column, track) widths: the names as wide as they are, the track a share of the
    row, so large text leaves the numbers and their words room."""
    title = max(text.width(t, "small", True) for t in SCALE_TITLES.values()) + 14
    return title, max(TRACK_LEAST, min(TRACK, width * 22 // 100))


def _row_parts(row, width: int, text: fonts.TextCache) -> tuple[str, str, str, bool]:
    """(numbers, change, judgement, judgement on its own line) for one scale's row."""
    numbers = f"{row.start:.1f} → {row.end:.1f}"
    change = f"{row.arrow} {row.change_words}"
    judged = f"{row.judgement} · {row.good_way} is good"
    title, track = _columns(width, text)
    used = title + track + GAP + text.width(numbers, "small") + 10 + text.width(change, "small", True) + 10
    return numbers, change, judged, used + text.width(judged, "tiny") > width


def _words_below(rows, width: int, text: fonts.TextCache) -> bool:
    """Whether the rows' words go under their numbers: all of them, when any one's would not
    fit beside, so the three rows stay alike."""
    return any(_row_parts(row, width, text)[3] for row in rows)


def _row_height(below: bool, text: fonts.TextCache) -> int:
    return text.line_height("small", True) + (text.line_height("tiny") if below else 0) + 4


def climate_height(debrief, width: int, text: fonts.TextCache) -> int:
    if not shows_climate(debrief):
        return 0
    return (text.line_height("tiny", True) + 4 + len(_caption(width, text)) * text.line_height("tiny") + 6
            + 3 * _row_height(_words_below(climate_rows(debrief.climate), width, text), text) + SECTION_GAP)


def draw_climate(canvas, debrief, pos, width: int, palette: Palette, text: fonts.TextCache) -> int:
    """The three scales, start to end; returns the y below."""
    x, y = pos
    if not shows_climate(debrief):
        return y
    canvas.blit(text.render("THE MEMBERS' VIEW OF THE GROUP", "tiny", palette.muted, bold=True), (x, y))
    y += text.line_height("tiny", True) + 4
    y = blit_lines(canvas, text, _caption(width, text), "tiny", palette.muted, x, y) + 6
    rows = climate_rows(debrief.climate)
    below = _words_below(rows, width, text)
    for row in rows:
        _draw_row(canvas, row, (x, y), width, below, palette, text)
        y += _row_height(below, text)
    return y + SECTION_GAP


def _row_colour(row, palette: Palette):
    return {True: palette.good, False: palette.warning, None: palette.muted}[row.better]


def _draw_row(canvas, row, pos, width: int, below: bool, palette: Palette, text: fonts.TextCache) -> None:
    """'Engaged  ○━━●  2.4 → 3.6  ↑ +1.2  better · up is good' (the words under the numbers
    when the row is too narrow for them)."""
    x, y = pos
    high = text.line_height("small", True)
    title, length = _columns(width, text)
    canvas.blit(text.render(row.title, "small", palette.text, bold=True), (x, y))
    _draw_track(canvas, row, pygame.Rect(x + title, y + high // 2 - 2, length, 4), palette)
    numbers, change, judged, _ = _row_parts(row, width, text)
    words_x = x + title + length + GAP
    canvas.blit(text.render(numbers, "small", palette.text), (words_x, y))
    change_x = words_x + text.width(numbers, "small") + 10
    canvas.blit(text.render(change, "small", _row_colour(row, palette), bold=True), (change_x, y))
    if below:
        canvas.blit(text.render(judged, "tiny", palette.muted), (words_x, y + high))
    else:
        judged_x = change_x + text.width(change, "small", True) + 10
        canvas.blit(text.render(judged, "tiny", palette.muted), (judged_x, y + high - text.line_height("tiny") - 1))


def _draw_track(canvas, row, track: pygame.Rect, palette: Palette) -> None:
    """The 0..6 track: a ring where the scale started, a disc where it ended, joined."""
    pygame.draw.rect(canvas, mix(palette.panel, palette.text, 0.12), track, border_radius=2)
    colour = _row_colour(row, palette)
    start, end = (track.x + round(track.width * min(max(v, 0), SCALE_TOP) / SCALE_TOP) for v in (row.start, row.end))
    pygame.draw.line(canvas, colour, (start, track.centery), (end, track.centery), 4)
    pygame.draw.circle(canvas, palette.panel, (start, track.centery), 6)
    pygame.draw.circle(canvas, colour, (start, track.centery), 6, 2)
    pygame.draw.circle(canvas, colour, (end, track.centery), 6)


# -- reading the room ---------------------------------------------------------------------------

def readings_height(debrief, width: int, text: fonts.TextCache) -> int:
    summary = reading_summary(debrief)
    if not summary:
        return 0
    return (text.line_height("tiny", True) + 4 + len(text.wrap(summary, "small", width, True))
            * text.line_height("small", True) + SECTION_GAP)


def draw_readings(canvas, debrief, pos, width: int, palette: Palette, text: fonts.TextCache) -> int:
    """'You read the room as the model did in 4 of 6 moments.'; returns the y below."""
    x, y = pos
    summary = reading_summary(debrief)
    if not summary:
        return y
    canvas.blit(text.render("READING THE ROOM", "tiny", palette.muted, bold=True), (x, y))
    y += text.line_height("tiny", True) + 4
    y = blit_lines(canvas, text, text.wrap(summary, "small", width, True), "small", palette.text, x, y, True)
    return y + SECTION_GAP
