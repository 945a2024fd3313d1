"""Small drawings several screens share: outcome badges, pills, headings, level marks."""
from __future__ import annotations

import time

import pygame

from game.ui import fonts
from game.ui.theme import Palette, mix, readable_on
from game.ui.widgets import icons
from game.ui.widgets.panel import draw_pill

OUTCOME_WORDS = {"breakthrough": "Breakthrough", "growth": "Growth", "stalled": "Stalled", "rupture": "Rupture"}
LEVEL_DOTS = {"beginner": 1, "intermediate": 2, "advanced": 3}


def outcome_role(outcome: str | None) -> str:
    return {"breakthrough": "good", "growth": "good", "stalled": "muted", "rupture": "warning"}.get(outcome or "", "muted")


def draw_outcome_icon(canvas, outcome: str | None, centre, size: int, palette: Palette) -> None:
    """A shape per outcome, so the outcome never rests on colour: star, tick, bar, warning."""
    colour = palette[outcome_role(outcome)]
    if outcome == "breakthrough":
        icons.star(canvas, centre, size, palette.follow if palette.name != "light" else mix(palette.follow, palette.text, 0.2))
    elif outcome == "growth":
        pygame.draw.circle(canvas, colour, (round(centre[0]), round(centre[1])), size // 2)
        icons.check(canvas, centre, round(size * 0.62), readable_on(colour))
    elif outcome == "rupture":
        icons.warning(canvas, centre, size, colour, readable_on(colour))
    else:
        pygame.draw.circle(canvas, colour, (round(centre[0]), round(centre[1])), size // 2, 2)
        bar = pygame.Rect(0, 0, round(size * 0.5), max(2, size // 8))
        bar.center = (round(centre[0]), round(centre[1]))
        pygame.draw.rect(canvas, colour, bar)


def draw_outcome_badge(canvas, outcome: str | None, pos, palette: Palette, text: fonts.TextCache,
                       size: str = "small", safe: bool = True) -> pygame.Rect:
    """Icon and word, e.g. '★ Breakthrough'; returns its rect (pos is the top left).

    An ending reached past a missed risk of harm never looks good: it wears the warning
    triangle and says 'unsafe' beside the outcome ('⚠ Growth · unsafe')."""
    word = OUTCOME_WORDS.get(outcome or "", "Unfinished")
    if not safe and outcome:
        word += " · unsafe"
    label = text.render(word, size, palette.text, bold=True)
    icon = label.get_height()
    centre = (pos[0] + icon // 2, pos[1] + label.get_height() // 2)
    if safe:
        draw_outcome_icon(canvas, outcome, centre, icon, palette)
    else:
        icons.warning(canvas, centre, icon, palette.warning, readable_on(palette.warning))
    canvas.blit(label, (pos[0] + icon + 6, pos[1]))
    return pygame.Rect(pos, (icon + 6 + label.get_width(), label.get_height()))


def draw_tag(canvas, words: str, pos, palette: Palette, text: fonts.TextCache, *, fill=None, ink=None,
             size: str = "small", bold: bool = False) -> pygame.Rect:
    """A quiet pill with a few words ("8 members"); returns its rect."""
    label = text.render(words, size, ink or palette.text, bold)
    rect = pygame.Rect(pos, (label.get_width() + 16, label.get_height() + 4))
    draw_pill(canvas, rect, fill or mix(palette.panel, palette.text, 0.07), palette.panel_edge)
    canvas.blit(label, (rect.x + 8, rect.y + 2))
    return rect


def draw_level(canvas, level: str, pos, palette: Palette, text: fonts.TextCache) -> pygame.Rect:
    """'●●○ intermediate': filled dots and the word."""
    dots = LEVEL_DOTS.get(level, 1)
    label = text.render(level, "small", palette.text)
    rect = pygame.Rect(pos, (label.get_width() + 16 + 3 * 12 + 4, label.get_height() + 4))
    draw_pill(canvas, rect, mix(palette.panel, palette.accent, 0.14), palette.panel_edge)
    for i in range(3):
        centre = (rect.x + 12 + i * 12, rect.centery)
        if i < dots:
            pygame.draw.circle(canvas, palette.text, centre, 4)
        else:
            pygame.draw.circle(canvas, palette.muted, centre, 4, 1)
    canvas.blit(label, (rect.x + 12 + 3 * 12, rect.y + 2))
    return rect


def ago(seconds_since_epoch: float | None, now: float | None = None) -> str:
    """'just now', '5 minutes ago', '3 hours ago', '2 days ago'."""
    if not seconds_since_epoch:
        return ""
    gone = max(0.0, (now or time.time()) - seconds_since_epoch)
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if gone >= size:
            n = int(gone // size)
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    return "just now"


def heading(canvas, words: str, pos, palette: Palette, text: fonts.TextCache, size: str = "heading") -> int:
    """A bold heading; returns the y under it."""
    label = text.render(words, size, palette.text, bold=True)
    canvas.blit(label, pos)
    return pos[1] + label.get_height()
