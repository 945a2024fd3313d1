"""The hints panel: the help a retry brings, one step more with each try at the same moment.

Plain drawing of present.hints.Hint: the cue in the room, then the concept, then the model
answer, each under its title, newest last (the earlier ones stay: help adds up). When the panel
is short the newest hint keeps its words and the older ones give up theirs first.
"""
from __future__ import annotations

import pygame

from game.ui.theme import mix
from game.ui.widgets import icons
from game.ui.widgets.panel import draw_panel

STEPS = 3
MODEL_LINES = 2      # the model answer's card is marked and holds its words in full


def draw_hints(surface, rect: pygame.Rect, hints, tries: int, palette, text) -> None:
    """The hints in `rect`; `tries`: how many times this moment was taken back."""
    draw_panel(surface, rect, palette, fill=mix(palette.panel, palette.accent, 0.06))
    x, width = rect.x + 16, rect.width - 32
    y = rect.y + 12
    title = text.render("Try this moment again", "body", palette.text, bold=True)
    surface.blit(title, (x, y))
    step = text.render(f"hint {len(hints)} of {STEPS}", "small", palette.muted)
    surface.blit(step, step.get_rect(topright=(rect.right - 16, y + 2)))
    y += title.get_height() + 2
    again = "again" if tries == 1 else f"again ({tries} tries)"
    for line in text.wrap(f"Your choice is taken back: choose {again}.", "small", width, max_lines=2):
        surface.blit(text.render(line, "small", palette.muted), (x, y))
        y += text.line_height("small")
    y += 8
    wanted = [min(MODEL_LINES, n) if h.kind == "model" else n
              for h, n in zip(hints, (len(text.wrap(h.text, "body", width)) for h in hints))]
    budget = _line_budget(rect.bottom - 10 - y, wanted, text)
    for hint, lines in zip(hints, budget):
        y = _hint(surface, x, y, width, hint, lines, palette, text) + 6


def _line_budget(room: int, wanted: list[int], text) -> list[int]:
    """Lines of words each hint may use: every title fits, each hint has a line while there is
    room; then the newest is served first, the older ones with what is left (they were read
    on the tries before)."""
    line, head = text.line_height("body"), text.line_height("small") + 4
    left = max(0, (room - len(wanted) * (head + 6)) // line)
    budget = [min(1, want) for want in wanted][:left]
    budget += [0] * (len(wanted) - len(budget))
    left -= sum(budget)
    for i in reversed(range(len(wanted))):
        more = min(left, wanted[i] - budget[i])
        budget[i] += more
        left -= more
    return budget


def _hint(surface, x, y, width, hint, lines: int, palette, text) -> int:
    colour = palette.accent if hint.kind == "model" else palette.text
    if hint.kind == "model":
        icons.star(surface, (x + 7, y + text.line_height("small", True) // 2), 12, palette.accent)
        title_x = x + 18
    else:
        title_x = x
    title = text.render(hint.title.upper(), "small", colour, bold=True)
    surface.blit(title, (title_x, y))
    if hint.shown is not None:
        card = text.render(f"card {hint.shown}", "small", palette.muted, bold=True)
        surface.blit(card, (title_x + title.get_width() + 10, y))
    y += title.get_height() + 4
    if lines <= 0:
        return y
    for line in text.wrap(hint.text, "body", width, max_lines=lines):
        surface.blit(text.render(line, "body", palette.text), (x, y))
        y += text.line_height("body")
    return y
