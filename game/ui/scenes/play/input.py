"""The play screen's input: keys, clicks and focus turned into the scene's commands.

A mixin of PlayScene, kept apart so the stages (play.py), the input and the drawing each read
on their own. A card's control is named by the number it shows (`choice:<shown>`), the number
its key is: the shown order is the only order the trainee ever sees.
"""
from __future__ import annotations

import pygame

from game.ui import input as keys
from game.ui.scenes import play_panels as panels
from game.ui.scenes.base import Control


TAB_REGIONS = ("choices", "floor", "top", "side", "timeline")   # after the cards and Next, Tab visits these


class PlayInput:
    focus_lost = False   # the keyboard's control went away (a card taken): the ring waits for the stage's own

    def _set_controls(self) -> None:
        items = [Control(f"choice:{o.shown}", r) for o, r in panels.choice_cards(self)] if self.stage == "choose" else []
        if self.stage == "lines":
            items.append(Control("next", self.next_button_rect(), "Next ▸"))
        drawn = [(name, rect) for name, rect in getattr(self, "_drawn", {}).items() if not name.startswith("choice:")]
        items += [Control(name, rect) for name, rect in sorted(drawn, key=self._tab_place)]
        before = self.controls.focused
        self.controls.set(items)
        if before is not None and self.controls.focused == before:
            self.focus_lost = False          # the ring is where the learner left it
            return
        self.focus_lost = self.focus_lost or before is not None
        if self.focus_lost:
            self._refocus(before)

    def _tab_place(self, control: tuple) -> tuple:
        """Tab order by panel, then reading order: panels are redrawn in whatever order the
        frame's budget allows, and Tab must not jump about with it."""
        name, rect = control
        region = next(r for r in TAB_REGIONS if self._belongs(name, r))
        return (TAB_REGIONS.index(region), rect.y, rect.x, name)

    def _refocus(self, before: str | None) -> None:
        """Put the ring on what the stage is about: Next while lines play, the debrief at the end.
        Left to itself the ring would fall on whatever control is listed first (the Transcript
        tab), where Space and Enter no longer move the lines on. When the cards open the ring
        waits: the next Space or Enter shows it on the first card, so a key pressed once too
        often through the lines never takes a card unseen."""
        names = self.controls.ring.items
        main = {"lines": "next", "ended": "debrief"}.get(self.stage)
        if main in names:
            self.controls.ring.focus(main)
            self.focus_lost = False
        else:
            self.controls.ring.clear()
        if self.controls.focused != before:
            self.dirty.update(("choices", "side", "top", "floor", "timeline"))

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
        if act == "activate" and self.demo_skip():
            return
        if act == "reload":
            self.reload()
        elif act == "back" and self.demo:
            self.stop_demo()
        elif act == "back":
            self.pause()
        elif act == "timeline":
            self.toggle_timeline()
        elif act == "compare":
            self.open_compare()
        elif act == "jump":
            self.open_jump()
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
        elif act == "activate" and self.stage == "react" and self.controls.focused is None:
            return   # the room is answering: a key pressed to hurry it must not plant the ring on a tab
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
            self.dirty.update(("choices", "side", "top", "floor", "timeline"))
        if chosen:
            self.activate(chosen)
        elif keys.is_click(event) and self.stage == "lines" and self.play.circle.collidepoint(event.pos):
            self.advance()
        elif keys.is_click(event) and self.stage == "choose" and not self.offered:
            self.to_debrief()

    def _show_targets(self) -> None:
        name = self.controls.hovered if (self.controls.hovered or "").startswith("choice:") else self.controls.focused
        targets = frozenset()
        if name and name.startswith("choice:") and self.stage == "choose":
            shown = int(name.split(":")[1])
            offered = next((c for c in self.offered if c.shown == shown), None)
            targets = frozenset(offered.choice.targets) if offered else frozenset()
        self.circle.targets = targets

    def activate(self, name: str) -> None:
        if name.startswith("choice:"):
            self.choose(int(name.split(":")[1]))
        elif name.startswith("mark:"):
            self.rewind_to(int(name.split(":")[1]))
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
