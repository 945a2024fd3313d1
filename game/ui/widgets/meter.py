"""Meters: a labelled bar with its value in words, e.g. "Cohesion 62%".

The number is always printed, so the bar's colour is never the only reading.
A meter given its previous value also marks the change: a tick where it was
and an arrow with the signed difference ("▲ 4").
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import fonts
from game.ui.theme import Palette, mix

BAR_HEIGHT = 8


@dataclass
class Meter:
    label: str
    value: float                    # 0..1
    role: str = "accent"            # the palette role of the fill
    previous: float | None = None   # the value before the last choice, to show the change
    higher_is_worse: bool = False   # conflict, avoidance: a rise is bad news

    def percent(self) -> int:
        return round(100 * min(1.0, max(0.0, self.value)))

    def delta_text(self) -> str:
        """'▲ 4' / '▼ 12' / '' — the change in whole percent points."""
        if self.previous is None:
            return ""
        change = self.percent() - round(100 * min(1.0, max(0.0, self.previous)))
        if change == 0:
            return ""
        return f"{'▲' if change > 0 else '▼'} {abs(change)}"

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, palette: Palette,
             text: fonts.TextCache = fonts.default) -> None:
        """Label and value on one line, the bar beneath; see layout.meter_height for the height."""
        label = text.render(self.label, "small", palette.muted)
        value = text.render(f"{self.percent()}%", "small", palette.text, bold=True)
        surface.blit(label, (rect.x, rect.y))
        surface.blit(value, value.get_rect(topright=(rect.right, rect.y)))
        delta = self.delta_text()
        if delta:
            worse = delta.startswith("▲") == self.higher_is_worse
            mark = text.render(delta, "tiny", palette.warning if worse else palette.good, bold=True)
            spare = rect.width - label.get_width() - value.get_width() - 14
            if mark.get_width() <= spare:  # when crowded, the tick on the bar still shows the change
                surface.blit(mark, mark.get_rect(topright=(rect.right - value.get_width() - 6, rect.y + 2)))
        bar = pygame.Rect(rect.x, rect.bottom - BAR_HEIGHT, rect.width, BAR_HEIGHT)
        self._draw_bar(surface, bar, palette)

    def _draw_bar(self, surface, bar: pygame.Rect, palette: Palette) -> None:
        track = mix(palette.panel, palette.text, 0.12)
        pygame.draw.rect(surface, track, bar, border_radius=BAR_HEIGHT // 2)
        filled = bar.copy()
        filled.width = max(BAR_HEIGHT, round(bar.width * self.percent() / 100)) if self.percent() else 0
        if filled.width:
            pygame.draw.rect(surface, palette[self.role], filled, border_radius=BAR_HEIGHT // 2)
        for quarter in (0.25, 0.5, 0.75):  # a scale to read against, not only a length
            x = bar.x + round(bar.width * quarter)
            pygame.draw.line(surface, palette.panel, (x, bar.y + 1), (x, bar.bottom - 2), 1)
        if self.previous is not None:
            x = bar.x + round(bar.width * min(1.0, max(0.0, self.previous)))
            pygame.draw.line(surface, palette.text, (x, bar.y - 2), (x, bar.bottom + 1), 2)
