"""The play screen's input: keys, clicks and focus turned into the scene's commands.

A mixin of PlayScene, kept apart so the stages (play.py), the input and the drawing each read
on their own.
"""
from __future__ import annotations

import pygame

from game.ui import input as keys
from game.ui.scenes import play_panels as panels
from game.ui.scenes.base import Control

DEMO_LINE_PAUSE = 1.8
DEMO_CHOOSE_WAIT = 4.0


class PlayInput:
    def _set_controls(self) -> None:
        items = [Control(f"choice:{o.number}", r) for o, r in panels.choice_cards(self)] if self.stage == "choose" else []
        if self.stage == "lines":
            items.append(Control("next", self.next_button_rect(), "Next ▸"))
        for name, rect in getattr(self, "_drawn", {}).items():
            if not name.startswith("choice:"):
                items.append(Control(name, rect))
        self.controls.set(items)

    def next_button_rect(self) -> pygame.Rect:
        circle = self.play.circle
        width = self.text.width("Next ▸", "body", True) + 40
        return pygame.Rect(circle.right - width - 12, circle.bottom - 12 - 40, width, 40)

    def handle(self, event) -> None:
        if self._handle_problems(event):
            return
        if keys.wheel(event):
            if self.play.transcript.collidepoint(event.pos):
                self.transcript.on_wheel(keys.wheel(event))
                self.dirty.add("side")
            return
        act, number = keys.action(event), keys.number(event)
        if number is not None:
            self.choose(number)
            return
        if act == "reload":
            self.reload()
        elif act == "back":
            self.pause()
        elif act == "undo":
            self.undo()
        elif act == "meters":
            self.toggle("meters")
        elif act == "inner":
            self.toggle("inner_state")
        elif act in ("page_up", "page_down"):
            self.transcript.page(1 if act == "page_up" else -1)
            self.dirty.add("side")
        elif act == "activate" and self.stage == "lines" and self.controls.focused in (None, "next"):
            self.advance()
        elif act == "activate" and self.controls.focused is None and (
                self.stage == "ended" or (self.stage == "choose" and not self.offered)):
            self.to_debrief()
        else:
            self._handle_controls(event)

    def _handle_controls(self, event) -> None:
        chosen = self.controls.handle(event)
        if self.controls.changed:
            self.controls.changed = False
            self._show_targets()
            self.dirty.update(("choices", "side", "top", "floor"))
        if chosen:
            self.activate(chosen)
        elif keys.is_click(event) and self.stage == "lines" and self.play.circle.collidepoint(event.pos):
            self.advance()
        elif keys.is_click(event) and self.stage == "choose" and not self.session.choices:
            self.to_debrief()

    def _show_targets(self) -> None:
        name = self.controls.hovered if (self.controls.hovered or "").startswith("choice:") else self.controls.focused
        targets = frozenset()
        if name and name.startswith("choice:") and self.stage == "choose":
            number = int(name.split(":")[1])
            offered = next((c for c in self.session.choices if c.number == number), None)
            targets = frozenset(offered.choice.targets) if offered else frozenset()
        self.circle.targets = targets

    def activate(self, name: str) -> None:
        if name.startswith("choice:"):
            self.choose(int(name.split(":")[1]))
        elif name == "next":
            self.advance()
        elif name == "debrief":
            self.to_debrief()
        elif name == "undo":
            self.undo()
        elif name == "pause":
            self.pause()
        elif name == "meters":
            self.toggle("meters")
        elif name in ("tab:transcript", "tab:inner"):
            if self.settings.inner_state != (name == "tab:inner"):
                self.toggle("inner_state")

    def _update_demo(self, dt: float) -> None:
        """--demo: the expert path plays itself, slowly enough to talk over.

        `waited` counts the seconds since the screen last changed (a new line said in full,
        the choices opening, the ending); each pause is measured from there.
        """
        moment = (self.stage, self.line_index, self.bubble is None or self.bubble.done, self._narration_done())
        if moment != getattr(self, "_demo_moment", None):
            self._demo_moment, self.waited = moment, 0.0
        self.waited += dt
        if self.stage == "lines" and self._narration_done() and (self.bubble is None or self.bubble.done):
            if self.waited >= DEMO_LINE_PAUSE:
                self._next_line()
        elif self.stage == "choose" and self.session.choices:
            pick = self.session.expert_choice() or self.session.choices[0]
            if self.controls.focused != f"choice:{pick.number}" and self.waited >= DEMO_CHOOSE_WAIT / 2:
                self.controls.focus(f"choice:{pick.number}")
                self._show_targets()
                self.dirty.add("choices")
            if self.waited >= DEMO_CHOOSE_WAIT:
                self.choose(pick.number)
        elif self.stage == "ended" and self.waited >= DEMO_CHOOSE_WAIT * 2:
            self.to_debrief()
