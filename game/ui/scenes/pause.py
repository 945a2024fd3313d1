"""The pause screen over the play screen: resume, restart, settings, or back to the menu; beside
them, the legend of the room's body language (what each cue shows, and the short reactions)."""
from __future__ import annotations

import pygame

from game.ui import input as keys
from game.ui.layout import LOGICAL_SIZE
from game.ui.scenes.base import Control, Controls, Scene, key_hint
from game.ui.widgets import draw_panel
from game.ui.widgets.cue_legend import draw_cue_legend, draw_gestures

MARGIN = 32
LEFT_WIDTH = 460

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
        """The buttons' panel, top left."""
        return pygame.Rect(MARGIN, MARGIN, LEFT_WIDTH, 150 + len(BUTTONS) * 58)

    def reactions_rect(self) -> pygame.Rect:
        """Under the buttons: the short reactions members play."""
        top = self.panel_rect().bottom + 16
        return pygame.Rect(MARGIN, top, LEFT_WIDTH, LOGICAL_SIZE[1] - MARGIN - top)

    def legend_rect(self) -> pygame.Rect:
        """Right of the buttons: the cues, each drawn at a few grades."""
        x = MARGIN + LEFT_WIDTH + 16
        return pygame.Rect(x, MARGIN, LOGICAL_SIZE[0] - MARGIN - x, LOGICAL_SIZE[1] - 2 * MARGIN)

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
        made = text.wrap(made, "small", panel.width - 84, max_lines=1)[0]   # presenter text: cut, not spilt
        canvas.blit(text.render(made, "small", palette.muted), (panel.x + 42, panel.y + 64))
        self.controls.draw_buttons(canvas, palette, text)
        key_hint(canvas, text, palette, "Esc resume · ↑↓ move · Enter choose", (panel.x + 42, panel.bottom - 18))
        self._draw_legend(canvas)

    def _draw_legend(self, canvas: pygame.Surface) -> None:
        palette, text = self.palette, self.text
        reactions = self.reactions_rect()
        draw_panel(canvas, reactions, palette, radius=16)
        draw_gestures(canvas, reactions.inflate(-40, -32), palette, text)
        legend = self.legend_rect()
        draw_panel(canvas, legend, palette, radius=16)
        canvas.blit(text.render("Reading the room", "title", palette.text, bold=True), (legend.x + 24, legend.y + 18))
        note = "Each cue is a matter of degree: watch how far, not only whether."
        y = legend.y + 22 + text.line_height("title", True)
        canvas.blit(text.render(note, "small", palette.muted), (legend.x + 26, y))
        top = y + text.line_height("small") + 10
        draw_cue_legend(canvas, pygame.Rect(legend.x + 16, top, legend.width - 32, legend.bottom - 16 - top), palette, text)
