"""The settings panel, over the menu or the pause screen: text size, theme, animations, coach,
when skill names show on the cards, the scaffolds (what of the model shows while choosing), when
to read the room first, fullscreen, sound, and the learner's name. Every change
applies at once and is saved.

Keyboard: Up/Down or Tab pick a row, Left/Right change it, Enter or Space steps it on, Esc
closes. Mouse: click a row (or its arrows) to change it.
"""
from __future__ import annotations

import pygame

from game.ui import input as keys
from game.ui import settings as options
from game.ui.layout import LOGICAL_SIZE
from game.ui.scenes.base import Control, Controls, Scene, key_hint
from game.ui.theme import mix
from game.ui.widgets import Button, draw_focus_ring, draw_panel
from game.ui.widgets.panel import lifted

ROWS = [
    ("text_size", "Text size"),
    ("theme", "Theme"),
    ("animations", "Animations"),
    ("coach", "Coach notes after each choice"),
    ("skill_names", "Skill names on the cards"),
    ("scaffolds", "Scaffolds (meters, thoughts)"),
    ("ask", "Read the room first"),
    ("fullscreen", "Fullscreen"),
    ("sound", "Sound"),
]
WIDTH = 660


class SettingsScene(Scene):
    modal = True

    def __init__(self, app):
        super().__init__(app)
        self.controls = Controls()
        self._layout()

    def rows(self) -> list[tuple[str, str]]:
        rows = list(ROWS)
        if self.app.records is not None:
            rows.append(("learner", "Your name for the records"))
        return rows

    def row_height(self) -> int:
        """Roomy rows, made closer when that many would not fit the screen (presenter text with
        every row): never closer than the words need."""
        natural = max(46, self.text.line_height("body") + 24)
        fits = (LOGICAL_SIZE[1] - 24 - 96 - 76) // len(self.rows()) - 6
        return max(self.text.line_height("body") + 12, min(natural, fits))

    def panel_rect(self) -> pygame.Rect:
        height = 96 + len(self.rows()) * (self.row_height() + 6) + 76
        rect = pygame.Rect(0, 0, WIDTH, height)
        rect.center = (LOGICAL_SIZE[0] // 2, LOGICAL_SIZE[1] // 2)
        return rect

    def _layout(self) -> None:
        panel = self.panel_rect()
        items = []
        for i, (key, _) in enumerate(self.rows()):
            rect = pygame.Rect(panel.x + 24, panel.y + 84 + i * (self.row_height() + 6), panel.width - 48, self.row_height())
            items.append(Control(key, rect))
        items.append(Control("done", pygame.Rect(panel.right - 24 - 140, panel.bottom - 64, 140, 44), "Done", True))
        self.controls.set(items)
        if self.controls.focused is None:
            self.controls.ring.index = -1

    def relayout(self) -> None:
        self._layout()
        super().relayout()

    # -- input --------------------------------------------------------------------------------

    def handle(self, event) -> None:
        act = keys.action(event)
        if act == "back":
            self.app.pop()
            return
        focused = self.controls.focused
        if act in ("left", "right") and focused and focused not in ("done", "learner"):
            self.change(focused, -1 if act == "left" else 1)
            return
        if act in ("up", "down"):
            self.controls.ring.step(-1 if act == "up" else 1)
            self.needs_redraw = True
            return
        if keys.is_click(event):
            control = self.controls.at(event.pos)
            if control and control.name not in ("done", "learner"):
                self.change(control.name, -1 if event.pos[0] < self._value_centre(control.rect) - 60 else 1)
                self.controls.focus(control.name)
                return
        chosen = self.controls.handle(event, arrows=False)
        if self.controls.changed:
            self.controls.changed = False
            self.needs_redraw = True
        if chosen == "done":
            self.app.pop()
        elif chosen == "learner":
            self.app.navigator.push("name")
        elif chosen:
            self.change(chosen, 1)

    def _value_half(self) -> int:
        """Half the room between the arrows: wide enough for the longest value of any row at
        this text size ("Before choosing" in presenter text), so no arrow sits on a word and
        the values still line up row under row."""
        widest = max(self.text.width(options.words(key, v), "body", True)
                     for key, _ in ROWS for v in options.CHOICES[key])
        return max(92, widest // 2 + 18)

    def _value_centre(self, rect: pygame.Rect) -> int:
        return rect.right - 18 - self._value_half()

    def change(self, key: str, step: int) -> None:
        value = getattr(options.cycle(self.app.settings, key, step), key)
        self.app.change_setting(key, value)
        self.app.sound("advance")
        self.needs_redraw = True

    # -- drawing ------------------------------------------------------------------------------

    def draw_full(self, canvas: pygame.Surface) -> None:
        palette, text = self.palette, self.text
        panel = self.panel_rect()
        draw_panel(canvas, panel, palette, radius=16)
        canvas.blit(text.render("Settings", "title", palette.text, bold=True), (panel.x + 24, panel.y + 20))
        saved = "Changes apply at once and are kept for next time."
        if self.app.store.problem:
            saved = self.app.store.problem
        canvas.blit(text.render(saved, "small", palette.muted), (panel.x + 26, panel.y + 58))
        for key, label in self.rows():
            self._draw_row(canvas, self.controls.get(key), label)
        control = self.controls.get("done")
        Button(control.rect, control.label, primary=True, hovered=self.controls.hovered == "done",
               focused=self.controls.focused == "done").draw(canvas, palette, text)
        key_hint(canvas, text, palette, "↑↓ choose · ←→ change · Esc close", (panel.x + 26, panel.bottom - 30))

    def _draw_row(self, canvas, control: Control, label: str) -> None:
        palette, text = self.palette, self.text
        rect = control.rect
        hovered, focused = self.controls.hovered == control.name, self.controls.focused == control.name
        fill = lifted(palette.panel, palette) if hovered else mix(palette.panel, palette.text, 0.03)
        pygame.draw.rect(canvas, fill, rect, border_radius=10)
        pygame.draw.rect(canvas, palette.panel_edge, rect, 1, border_radius=10)
        words = text.render(label, "body", palette.text)
        canvas.blit(words, words.get_rect(midleft=(rect.x + 16, rect.centery)))
        if control.name == "learner":
            name = self.app.learner or "(not given)"
            value = text.render(f"{name}  ·  Change…", "body", palette.text, bold=True)
            canvas.blit(value, value.get_rect(midright=(rect.right - 16, rect.centery)))
        else:
            self._draw_value(canvas, rect, control.name)
        if focused:
            draw_focus_ring(canvas, rect, palette, radius=10)

    def _draw_value(self, canvas, rect: pygame.Rect, key: str) -> None:
        palette, text = self.palette, self.text
        value = getattr(self.app.settings, key)
        shown = text.render(options.words(key, value), "body", palette.text, bold=True)
        centre, half = self._value_centre(rect), self._value_half()
        canvas.blit(shown, shown.get_rect(center=(centre, rect.centery)))
        for side in (-1, 1):
            x = centre + side * half
            tip = (x + side * 6, rect.centery)
            pygame.draw.polygon(canvas, palette.muted, [tip, (x - side * 4, rect.centery - 7), (x - side * 4, rect.centery + 7)])
        if isinstance(value, bool):
            dot = (shown.get_rect(center=(centre, rect.centery)).left - 12, rect.centery)
            pygame.draw.circle(canvas, palette.good if value else palette.muted, dot, 6, 0 if value else 2)
