"""The narration strip: what the room is like right now, typed out, with the phase."""
from __future__ import annotations

import pygame

from game.ui import fonts
from game.ui.theme import Palette, mix
from game.ui.widgets.panel import draw_panel, draw_pill

PAD = 14
PHASE_COLUMN = 108


def draw_narration(surface: pygame.Surface, rect: pygame.Rect, narration: str, palette: Palette, *,
                   phase: str | None = None, shown: int | None = None,
                   text: fonts.TextCache = fonts.default) -> None:
    """Narration wrapped to the strip (at most three lines), revealed up to `shown` characters."""
    draw_panel(surface, rect, palette)
    x, size, lines = narration_lines(rect, narration, phase, text)
    if phase:
        tag = text.render(phase.upper(), "tiny", palette.text, bold=True)
        pill = pygame.Rect(rect.x + PAD, rect.y + PAD, max(tag.get_width() + 16, PHASE_COLUMN - 16), tag.get_height() + 6)
        draw_pill(surface, pill, mix(palette.panel, palette.accent, 0.22), palette.accent)
        surface.blit(tag, tag.get_rect(center=pill.center))
    step = text.line_height(size)
    y = rect.centery - len(lines) * step // 2  # centred on the whole text, so the reveal never shifts it
    fonts.blit_revealed(surface, text, lines, shown, size, palette.text, x, y)


def narration_lines(rect: pygame.Rect, narration: str, phase: str | None,
                    text: fonts.TextCache = fonts.default) -> tuple[int, str, list[str]]:
    """(x where the text starts, size, lines): the narration as the strip shows it.

    A scene typing the narration out reveals only these characters (see `shown_length`);
    the strip holds at most what fits, the rest ending in an ellipsis.
    """
    x = rect.x + PAD
    if phase:
        tag_width = text.width(phase.upper(), "tiny", True)
        x += max(tag_width + 16, PHASE_COLUMN - 16) + 16
    width = rect.right - PAD - x
    for size in ("narration", "body", "small"):   # smaller type before cutting words
        lines = text.wrap(narration, size, width)
        if len(lines) * text.line_height(size) <= rect.height - 2 * 8:
            return x, size, lines
    room = (rect.height - 16) // text.line_height(size)
    return x, size, text.wrap(narration, size, width, max_lines=room)


def shown_length(rect: pygame.Rect, narration: str, phase: str | None, text: fonts.TextCache = fonts.default) -> int:
    """How many characters the strip shows: typing stops there, not at the end of hidden text."""
    _, _, lines = narration_lines(rect, narration, phase, text)
    return sum(len(line) + 1 for line in lines) - 1 if lines else 0
