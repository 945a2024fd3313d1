"""The pause screen over the play screen: resume, restart, settings, or back to the menu."""
from __future__ import annotations

import pygame

from game.ui import input as keys
from game.ui.layout import LOGICAL_SIZE
from game.ui.scenes.base import Control, Controls, Scene, key_hint
from game.ui.widgets import draw_panel

BUTTONS = [("resume", "Resume", True), ("restart", "Restart from the beginning", False),
           ("settings", "Settings", False), ("menu", "Back to the menu", False)]


class PauseScene(Scene):
    modal = True

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play
        self.controls = Controls()
        self._layout()

    def panel_rect(self) -> pygame.Rect:
        height = 150 + len(BUTTONS) * 58
        rect = pygame.Rect(0, 0, 460, height)
        rect.center = (LOGICAL_SIZE[0] // 2, LOGICAL_SIZE[1] // 2)
        return rect

    def _layout(self) -> None:
        panel = self.panel_rect()
        self.controls.set([Control(name, pygame.Rect(panel.x + 40, panel.y + 96 + i * 58, panel.width - 80, 46), label, primary)
                           for i, (name, label, primary) in enumerate(BUTTONS)])

    def enter(self) -> None:
        self.controls.focus("resume")

    def relayout(self) -> None:
        self._layout()
        super().relayout()

    def handle(self, event) -> None:
        if keys.action(event) == "back":
            self.app.pop()
            return
        chosen = self.controls.handle(event)
        if self.controls.changed:
            self.controls.changed = False
            self.needs_redraw = True
        if chosen:
            self.activate(chosen)

    def activate(self, name: str) -> None:
        if name == "resume":
            self.app.pop()
        elif name == "restart":
            self.app.pop()
            self.play.restart()
        elif name == "settings":
            self.app.navigator.push("settings")
        elif name == "menu":
            self.app.navigator.show("menu")

    def draw_full(self, canvas: pygame.Surface) -> None:
        palette, text = self.palette, self.text
        panel = self.panel_rect()
        draw_panel(canvas, panel, palette, radius=16)
        canvas.blit(text.render("Paused", "title", palette.text, bold=True), (panel.x + 40, panel.y + 26))
        session = self.play.session
        made = f"{session.turn} choice{'s' if session.turn != 1 else ''} made · your attempt is saved as you go"
        canvas.blit(text.render(made, "small", palette.muted), (panel.x + 42, panel.y + 64))
        self.controls.draw_buttons(canvas, palette, text)
        key_hint(canvas, text, palette, "Esc resume · ↑↓ move · Enter choose", (panel.x + 42, panel.bottom - 18))
