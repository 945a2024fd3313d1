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
    x = rect.x + PAD
    if phase:
        tag = text.render(phase.upper(), "tiny", palette.text, bold=True)
        pill = pygame.Rect(x, rect.y + PAD, max(tag.get_width() + 16, PHASE_COLUMN - 16), tag.get_height() + 6)
        draw_pill(surface, pill, mix(palette.panel, palette.accent, 0.22), palette.accent)
        surface.blit(tag, tag.get_rect(center=pill.center))
        x = pill.right + 16
    width = rect.right - PAD - x
    size = "narration"
    lines = text.wrap(narration, size, width)
    if len(lines) * text.line_height(size) > rect.height - 2 * 8:
        size = "body"
        room = (rect.height - 16) // text.line_height(size)
        lines = text.wrap(narration, size, width, max_lines=room)
    step = text.line_height(size)
    y = rect.centery - len(lines) * step // 2  # centred on the whole text, so the reveal never shifts it
    fonts.blit_revealed(surface, text, lines, shown, size, palette.text, x, y)
