"""Buttons and choice cards: the trainee's hands on the session.

A choice card shows its keyboard number (its number in the attempt's shown
order), the words the trainee would say, and two tags: the stance (LEAD or
FOLLOW, with its own icon and stripe pattern, not only its colour) and the
leadership skill it uses, when the skill is named before choosing (a card
without it gives its words the skill tag's room). Hover and keyboard focus are
plain flags a scene sets; hit-testing is `contains`.
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import fonts, printable
from game.ui.theme import Palette, readable_on, stance_colour
from game.ui.widgets import icons
from game.ui.widgets.panel import draw_focus_ring, draw_panel, draw_pill, lifted

STRIPE = 7
PAD = 10
BADGE = 28
TAG_COLUMN = 118


class _Pressable:
    """A widget the pointer can press while it is enabled."""

    rect: pygame.Rect
    enabled: bool

    def contains(self, pos) -> bool:
        return self.enabled and self.rect.collidepoint(pos)


@dataclass
class Button(_Pressable):
    """A labelled rounded button; `primary` ones are filled with the accent colour."""

    rect: pygame.Rect
    label: str
    primary: bool = False
    hovered: bool = False
    focused: bool = False
    enabled: bool = True

    def draw(self, surface: pygame.Surface, palette: Palette, text: fonts.TextCache = fonts.default) -> None:
        fill = palette.accent if self.primary else palette.panel
        if self.hovered and self.enabled:
            fill = lifted(fill, palette, 0.12)
        ink = readable_on(fill) if self.primary else palette.text
        if not self.enabled:
            ink = palette.muted
        draw_panel(surface, self.rect, palette, fill=fill, radius=10, shadow=self.enabled)
        label = text.render(self.label, "body", ink, bold=True)
        surface.blit(label, label.get_rect(center=self.rect.center))
        if self.focused:
            draw_focus_ring(surface, self.rect, palette, radius=10)


@dataclass
class Card(_Pressable):
    """A numbered choice: what the trainee could say, tagged with stance and skill."""

    rect: pygame.Rect
    number: int
    text: str
    stance: str                 # 'lead' or 'follow'
    skill: str | None = None    # e.g. 'drawing_out'
    hovered: bool = False
    focused: bool = False
    enabled: bool = True

    def draw(self, surface: pygame.Surface, palette: Palette, text: fonts.TextCache = fonts.default) -> None:
        fill = lifted(palette.panel, palette) if self.hovered and self.enabled else palette.panel
        rect = self.rect.move(0, -2) if self.hovered and self.enabled else self.rect
        draw_panel(surface, rect, palette, fill=fill, radius=10, shadow=True)
        colour = stance_colour(palette, self.stance)
        _draw_stripe(surface, rect, self.stance, colour)
        ink = palette.text if self.enabled else palette.muted
        _draw_badge(surface, rect, self.number, colour, palette, text)
        _draw_words(surface, rect, self.text, ink, text, self.skill is not None)
        _draw_tags(surface, rect, self.stance, self.skill, colour, palette, text)
        if self.focused:
            draw_focus_ring(surface, rect, palette, radius=10)


def _draw_stripe(surface, rect: pygame.Rect, stance: str, colour) -> None:
    """Lead: a solid bar. Follow: a column of dots. The pattern tells them apart in greyscale."""
    band = pygame.Rect(rect.x, rect.y, STRIPE, rect.height)
    clip = surface.get_clip()
    surface.set_clip(band.clip(clip) if clip else band)
    if stance == "lead":
        pygame.draw.rect(surface, colour, rect, border_radius=10)
    else:
        for y in range(rect.y + 7, rect.bottom - 4, 9):
            pygame.draw.circle(surface, colour, (rect.x + 4, y), 3)
    surface.set_clip(clip)


def _draw_badge(surface, rect: pygame.Rect, number: int, colour, palette: Palette, text) -> None:
    """The key that picks this card, in a disc outlined in the stance colour."""
    centre = (rect.x + STRIPE + PAD + BADGE // 2, rect.centery)
    pygame.draw.circle(surface, palette.background, centre, BADGE // 2)
    pygame.draw.circle(surface, colour, centre, BADGE // 2, 2)
    digit = text.render(str(number), "body", palette.text, bold=True)
    surface.blit(digit, digit.get_rect(center=(centre[0], centre[1] + 1)))


def tag_width(skill: bool, text: fonts.TextCache = fonts.default) -> int:
    """The room the tags take at a card's right: a column for the skill's name, or, while the
    skill is not named (above beginner level, before choosing), only the stance pill's."""
    if skill:
        return TAG_COLUMN
    return min(TAG_COLUMN, text.width("FOLLOW", "small", True) + 34)


def words_width(rect: pygame.Rect, skill: bool = True, text: fonts.TextCache = fonts.default) -> int:
    return rect.width - (STRIPE + PAD + BADGE + PAD) - tag_width(skill, text) - 2 * PAD


# The most of a choice a card measures: more than a file may give one (600), so a valid choice
# is always whole, and a longer one costs no more to lay out than that.
MAX_CARD_CHARS = 1000

# Space above and below a card's words: a little less for smaller type, kept for crowded cards.
WORDS_PAD = {"body": 6, "small": 3, "tiny": 3}


def card_heights(words: str, card_width: int, text: fonts.TextCache = fonts.default,
                 skill: bool = True) -> tuple[int, int]:
    """How tall a card of this width must be to show all its words: at body size with the
    stance and skill tags in two rows, and at small size with them in one (see _draw_tags).
    Without a skill tag, the stance pill alone: the words have its column's room too."""
    width = words_width(pygame.Rect(0, 0, card_width, 0), skill, text)
    words = printable.clipped(words, MAX_CARD_CHARS)
    pill = text.line_height("small", True) + 6
    body, small = (len(text.wrap(words, size, width)) * text.line_height(size) + 2 * WORDS_PAD[size]
                   for size in ("body", "small"))
    return max(body, (2 if skill else 1) * pill + 12), max(small, pill + 12)


def fit_words(words: str, width: int, card_height: int, text: fonts.TextCache) -> tuple[str, list[str]]:
    """The largest size at which the choice fits a card this tall, and its lines.

    Body size first; if that needs more lines than fit, the small size, then the
    tiny one (a crowded column at large text sizes); only then an ellipsis. A
    choice's words are the decision, so they are kept whole whenever possible.
    """
    words = printable.clipped(words, MAX_CARD_CHARS)
    for size in ("body", "small", "tiny"):
        room = max(1, (card_height - 2 * WORDS_PAD[size]) // text.line_height(size))
        lines = text.wrap(words, size, width)
        if len(lines) <= room:
            return size, lines
    return "tiny", text.wrap(words, "tiny", width, max_lines=room)


def _draw_words(surface, rect: pygame.Rect, words: str, ink, text, skill: bool = True) -> None:
    x = rect.x + STRIPE + PAD + BADGE + PAD
    size, lines = fit_words(words, words_width(rect, skill, text), rect.height, text)
    step = text.line_height(size)
    y = rect.centery - step * len(lines) // 2
    for line in lines:
        surface.blit(text.render(line, size, ink), (x, y))
        y += step


def _draw_tags(surface, rect: pygame.Rect, stance: str, skill, colour, palette: Palette, text) -> None:
    """Stance pill (icon + word) above a quieter skill tag, right-aligned."""
    right = rect.right - PAD
    label = text.render(stance.upper(), "small", readable_on(colour), bold=True)
    pill = pygame.Rect(0, 0, label.get_width() + 30, label.get_height() + 6)
    if skill and rect.height < 2 * pill.height + 12:
        _draw_tags_in_line(surface, rect, stance, skill, colour, palette, text, pill.height)
        return
    pill.topright = (right, rect.y + 9 if skill else rect.centery - pill.height // 2)
    draw_pill(surface, pill, colour)
    icons.stance_icon(surface, stance, (pill.x + 12, pill.centery), 11, readable_on(colour))
    surface.blit(label, (pill.x + 22, pill.y + 3))
    if skill:
        tag = text.render(skill.replace("_", " "), "small", palette.muted)
        surface.blit(tag, tag.get_rect(topright=(right - 2, pill.bottom + 5)))


def _draw_tags_in_line(surface, rect, stance, skill, colour, palette: Palette, text, height: int) -> None:
    """A card too short for two rows of tags (four or more in a column): the stance as an
    icon pill, the skill beside it on the same line."""
    pill = pygame.Rect(0, 0, 26, height)
    pill.midright = (rect.right - PAD, rect.centery)
    draw_pill(surface, pill, colour)
    icons.stance_icon(surface, stance, pill.center, 11, readable_on(colour))
    words = text.wrap(skill.replace("_", " "), "small", TAG_COLUMN - pill.width - 8, max_lines=1)
    tag = text.render(words[0] if words else "", "small", palette.muted)
    surface.blit(tag, tag.get_rect(midright=(pill.x - 6, rect.centery)))


HEADER_HINTS = {"lead": "step in, shape the moment", "follow": "let the group carry it"}


def draw_column_header(surface: pygame.Surface, column: pygame.Rect, stance: str, palette: Palette,
                       text: fonts.TextCache = fonts.default) -> None:
    """'LEAD' / 'FOLLOW' over a column of cards: icon, word and a short hint."""
    colour = stance_colour(palette, stance)
    icons.stance_icon(surface, stance, (column.x + 10, column.y + 9), 14, colour)
    word = text.render(stance.upper(), "small", palette.text, bold=True)
    surface.blit(word, (column.x + 24, column.y))
    hint = text.render(HEADER_HINTS.get(stance, ""), "small", palette.muted)
    surface.blit(hint, (column.x + 32 + word.get_width(), column.y))
