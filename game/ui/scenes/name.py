"""Asking the learner's name once, for their records. Optional: Skip stores an empty name,
so the question is not asked again (the settings panel can change it later)."""
from __future__ import annotations

import pygame

from game.ui import input as keys, printable
from game.ui.layout import LOGICAL_SIZE
from game.ui.scenes.base import Control, Controls, Scene, blit_lines, button_row
from game.ui.theme import mix
from game.ui.widgets import Button, draw_focus_ring, draw_panel

MAX_LENGTH = 40


class NameScene(Scene):
    modal = True

    def __init__(self, app):
        super().__init__(app)
        self.name = printable.typed(app.learner or "")[:MAX_LENGTH]
        self.controls = Controls()
        self.blink = 0.0
        self._layout()

    def enter(self) -> None:
        pygame.key.start_text_input()

    def panel_rect(self) -> pygame.Rect:
        rect = pygame.Rect(0, 0, 620, 300)
        rect.center = (LOGICAL_SIZE[0] // 2, LOGICAL_SIZE[1] // 2)
        return rect

    def field_rect(self) -> pygame.Rect:
        panel = self.panel_rect()
        return pygame.Rect(panel.x + 28, panel.y + 140, panel.width - 56, self.text.line_height("heading") + 18)

    def _layout(self) -> None:
        panel = self.panel_rect()
        buttons = button_row(panel.right - 28, panel.bottom - 68, [("skip", "Skip", False), ("save", "Save", True)], self.text)
        self.controls.set([Control("field", self.field_rect())] + buttons)
        self.controls.focus("field")

    def relayout(self) -> None:
        self._layout()
        super().relayout()

    @property
    def animating(self) -> bool:
        return True  # the caret blinks; this screen is brief

    def update(self, dt: float) -> None:
        before = int(self.blink * 2) % 2
        self.blink += dt
        if int(self.blink * 2) % 2 != before:
            self.needs_redraw = True

    def handle(self, event) -> None:
        if event.type == pygame.TEXTINPUT and self.controls.focused == "field":
            self.name = printable.appended(self.name, event.text, MAX_LENGTH)
            self.needs_redraw = True
            return
        if event.type == pygame.KEYDOWN and self.controls.focused == "field":
            if event.key == pygame.K_BACKSPACE:
                self.name = self.name[:-1]
                self.needs_redraw = True
                return
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.finish(self.name)
                return
            if event.key == pygame.K_SPACE:
                return  # a space arrives as TEXTINPUT; it must not press a button
        if keys.action(event) == "back":
            self.finish("")
            return
        chosen = self.controls.handle(event)
        if self.controls.changed:
            self.controls.changed = False
            self.needs_redraw = True
        if chosen == "save":
            self.finish(self.name)
        elif chosen == "skip":
            self.finish("")
        elif chosen == "field":
            self.controls.focus("field")
            self.needs_redraw = True

    def finish(self, name: str) -> None:
        name = " ".join(name.split())
        if self.app.records is not None:
            try:
                self.app.records.set_setting("learner", name)
            except Exception:  # a read-only records file must not stop anyone playing
                pass
        self.app.learner = name
        self.app.pop()
        below = self.app.scene
        if below is not None and hasattr(below, "refresh_records"):
            below.refresh_records()

    def draw_full(self, canvas: pygame.Surface) -> None:
        palette, text = self.palette, self.text
        panel = self.panel_rect()
        draw_panel(canvas, panel, palette, radius=16)
        canvas.blit(text.render("Welcome", "title", palette.text, bold=True), (panel.x + 28, panel.y + 22))
        words = ("Your name keeps your attempts together, so you can see how you improve. "
                 "It stays on this computer. You may skip this.")
        blit_lines(canvas, text, text.wrap(words, "body", panel.width - 56), "body", palette.muted, panel.x + 28, panel.y + 66)
        field = self.field_rect()
        focused = self.controls.focused == "field"
        pygame.draw.rect(canvas, mix(palette.panel, palette.text, 0.04), field, border_radius=8)
        pygame.draw.rect(canvas, palette.text if focused else palette.panel_edge, field, 2, border_radius=8)
        shown = self.name or ""
        label = text.render(shown or "Your name", "heading", palette.text if shown else palette.muted)
        room = pygame.Rect(0, 0, field.width - 24, label.get_height())   # a wide name stays in its field
        canvas.blit(label, (field.x + 12, field.centery - label.get_height() // 2), room)
        if focused and int(self.blink * 2) % 2 == 0:
            x = field.x + 12 + min(room.width, label.get_width() if shown else 0) + 2
            pygame.draw.line(canvas, palette.text, (x, field.y + 8), (x, field.bottom - 8), 2)
        if focused:
            draw_focus_ring(canvas, field, palette, radius=8)
        for control in self.controls.items[1:]:
            Button(control.rect, control.label, primary=control.primary, hovered=self.controls.hovered == control.name,
                   focused=self.controls.focused == control.name).draw(canvas, palette, text)
