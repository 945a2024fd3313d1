"""The legend of the room's body language: each cue drawn at a few grades, with what its ends mean.

Drawn from the same table the members are drawn by (game.ui.body_language.CUES), so the
legend can never say one thing while the circle shows another. The pause screen shows it;
`legend_image` renders it for the authoring guide.
"""
from __future__ import annotations

import pygame

from game.ui import fonts
from game.ui.avatar import BOX, ORIGIN, draw_member, pose_from_state
from game.ui.body_language import CUES, GESTURES, Cue
from game.ui.theme import Palette, mix

FIGURE = 1.05         # the legend's figures at most this large (about as in the circle's back row)
LOOK = 6               # one member's look for every picture, so only the cue changes
SPEAKER = (1.0, 0.0)   # whoever speaks is off to the right...
FACING = 0.9           # ...and so is the middle of the circle
GAP = 12


def cue_cells(area: pygame.Rect, columns: int = 2) -> list[pygame.Rect]:
    """One cell a cue, filling `area` row by row."""
    rows = -(-len(CUES) // columns)
    width = (area.width - GAP * (columns - 1)) // columns
    height = (area.height - GAP * (rows - 1)) // rows
    return [pygame.Rect(area.x + (i % columns) * (width + GAP), area.y + (i // columns) * (height + GAP), width, height)
            for i in range(len(CUES))]


def draw_cue_legend(surface: pygame.Surface, area: pygame.Rect, palette: Palette,
                    text: fonts.TextCache = fonts.default, columns: int = 2) -> None:
    """Every cue of the legend in `area`: its name, what it carries, its grades, its two ends."""
    for cue, cell in zip(CUES, cue_cells(area, columns)):
        draw_cue(surface, cell, cue, palette, text)


def draw_cue(surface: pygame.Surface, cell: pygame.Rect, cue: Cue, palette: Palette,
             text: fonts.TextCache = fonts.default) -> None:
    pygame.draw.rect(surface, mix(palette.panel, palette.floor, 0.55), cell, border_radius=10)
    name = text.render(cue.name, "body", palette.text, bold=True)
    surface.blit(name, (cell.x + 10, cell.y + 6))
    carries = text.render(f"· {cue.number}", "small", palette.muted)
    surface.blit(carries, (cell.x + 16 + name.get_width(), cell.y + 6 + name.get_height() - carries.get_height()))
    words = _ends(cue, text, cell.width - 20)
    low_h = text.line_height("small")
    figures_bottom = cell.bottom - 8 - len(words) * low_h
    scale = min(FIGURE, (figures_bottom - cell.y - 8 - name.get_height()) / BOX[1])
    _draw_grades(surface, cell, cue, palette, scale, figures_bottom)
    for k, line in enumerate(words):
        surface.blit(text.render(line, "small", palette.muted), (cell.x + 10, figures_bottom + k * low_h))


def _ends(cue: Cue, text: fonts.TextCache, width: int) -> list[str]:
    """The cue's two ends in words, low first, as many lines as they need."""
    return text.wrap(f"Low: {cue.low}", "small", width) + text.wrap(f"High: {cue.high}", "small", width)


def _draw_grades(surface, cell: pygame.Rect, cue: Cue, palette: Palette, scale: float, bottom: int) -> None:
    """The cue's states left to right, low to high, each a member turned toward the speaker."""
    step = min(BOX[0] * scale * 1.5, (cell.width - 20) / len(cue.states))
    x = cell.x + 10 + ORIGIN[0] * scale
    seat_y = bottom - (BOX[1] - ORIGIN[1]) * scale
    for state in cue.states:
        pose = pose_from_state(*state, gaze=SPEAKER)
        draw_member(surface, (x, seat_y), None, pose, scale, facing=FACING, index=LOOK, palette=palette)
        x += step


def draw_gestures(surface: pygame.Surface, area: pygame.Rect, palette: Palette,
                  text: fonts.TextCache = fonts.default) -> int:
    """The short reactions: each at its height over the same calm member, then when each plays.
    Returns the y below them."""
    y = area.y
    surface.blit(text.render("Short reactions", "body", palette.text, bold=True), (area.x, y))
    y += text.line_height("body", True) + 2
    lines = [(gesture, line, k) for gesture in GESTURES
             for k, line in enumerate(text.wrap(f"{gesture.name.capitalize()}: {gesture.when}", "small", area.width - 12))]
    words_h = len(lines) * text.line_height("small")
    room = area.bottom - y - words_h - text.line_height("tiny") * 2 - 8
    if room >= 50:
        y = _draw_gesture_row(surface, pygame.Rect(area.x, y, area.width, room), palette, text) + 6
    for gesture, line, k in lines:
        surface.blit(text.render(line, "small", palette.muted if k else palette.text), (area.x + (12 if k else 0), y))
        y += text.line_height("small")
    return y


def _draw_gesture_row(surface, area: pygame.Rect, palette: Palette, text: fonts.TextCache) -> int:
    """The five gestures side by side, each named under its picture; returns the y below."""
    from game.ui.gestures import gesture_pose

    scale = min(0.8, area.height / (BOX[1] * 0.9))
    column = area.width / len(GESTURES)
    seat_y = area.y + (ORIGIN[1] - 4) * scale
    calm = pose_from_state(0.5, 0.5, 0.35, gaze=SPEAKER)
    bottom = area.y
    for i, gesture in enumerate(GESTURES):
        x = area.x + column * (i + 0.5)
        pose = gesture_pose(calm, gesture.name, (-0.6, 0.6), 1.0)
        draw_member(surface, (x, seat_y), None, pose, scale, facing=FACING, index=LOOK, palette=palette)
        y = round(seat_y + 30 * scale)
        for line in text.wrap(gesture.name, "tiny", round(column) - 4, max_lines=2):
            label = text.render(line, "tiny", palette.muted)
            surface.blit(label, (round(x - label.get_width() / 2), y))
            y += text.line_height("tiny")
        bottom = max(bottom, y)
    return bottom


def legend_image(path: str, palette: Palette, size: tuple[int, int] = (900, 560)) -> None:
    """The legend alone as a PNG (the authoring guide's picture)."""
    image = pygame.Surface(size)
    image.fill(palette.panel)
    draw_cue_legend(image, image.get_rect().inflate(-24, -24), palette)
    pygame.image.save(image, path)
