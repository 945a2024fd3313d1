"""Editing while playing: the scenario file is read again when it changes on disk, or on F5.

A mixin of PlayScene. About once a second the file's modification time and size are compared
with the version on screen (game.ui.watch); once a change has settled, the file is loaded and
the choices made so far replay on it (engine.reload_session), landing where the trainee was, or
at the last node that still exists, with a message. A file with errors changes nothing in play:
all its errors are listed in a panel over the circle, and the trainee plays on with the last
good version. When the file is fixed and saved, the panel goes by itself.
"""
from __future__ import annotations

from pathlib import Path

import pygame

from game.ui import input as keys, printable
from game.ui.scenes.play_drawing import REGIONS
from game.ui.watch import FileWatch
from game.ui.widgets.problems import ProblemPanel


def formatted(diagnostic, path: str) -> str:
    """One error as an author's editor would point at it: file:line:col: [code] message."""
    return f"{Path(path).name}:{diagnostic.line}:{diagnostic.col}: [{diagnostic.code}] {diagnostic.message}"


def unreadable(err: BaseException | None, path: str) -> str:
    """A file that could not be read at all, said the way the panel says every error."""
    why = f"{err.__class__.__name__}: {err}" if err is not None else "no scenario in it"
    return f"{Path(path).name}: could not be read ({printable.clipped(why, 300)}); play goes on with the last good version"


class PlayReload:
    watch: FileWatch | None = None
    problems: ProblemPanel | None = None

    def _start_watch(self) -> None:
        self.watch = FileWatch(self.path) if self.path and self.live else None
        self.problems = None

    def _update_watch(self, dt: float) -> None:
        if self.watch is not None and self.watch.update(dt):
            self.reload(auto=True)

    def reload(self, auto: bool = False) -> None:
        """Load the scenario file again and replay the choices on it (F5, or a save on disk)."""
        if not self.path:
            self.toasts.add("This scenario has no file to reload.", "info", still=True)
            return
        from game.engine import reload_session
        from game.scenario import load_path

        if self.watch is not None and not auto:
            self.watch.mark_read()
        try:
            result = load_path(self.path)
            reloaded = reload_session(self.session, result)
        except Exception as err:  # a file the loader cannot cope with is the file's problem, not a crash
            self._show_problems([unreadable(err, self.path)])
            return
        if not reloaded.ok:
            self._show_problems([formatted(d, self.path) for d in result.errors] or [unreadable(None, self.path)])
            return
        fixed = self.problems is not None
        self.problems = None
        self.session = reloaded.session
        self.session.begin()
        self.circle = None
        self._build()
        self._rebuild_from_history()
        words = ("The file's errors are fixed. " if fixed else "") + reloaded.message
        self.toasts.add(words, "good" if fixed else "info", still=True)
        self.dirty.update(REGIONS)

    def _show_problems(self, errors: list[str]) -> None:
        old = self.problems
        self.problems = ProblemPanel(errors, str(self.path), text_cache=self.text)
        if old is not None and old.errors == errors:
            self.problems.scroll, self.problems.shown = old.scroll, True

    # -- the panel's input ------------------------------------------------------------------

    def _handle_problems(self, event) -> bool:
        """Events the error panel takes (scrolling, hiding, showing); False lets play have them."""
        panel = self.problems
        if panel is None:
            return False
        area = self.problems_area()
        if event.type == pygame.MOUSEMOTION:
            spot = panel.hide_rect(area) if panel.shown else panel.chip_rect(area)
            panel.hovered = ("hide" if panel.shown else "show") if spot.collidepoint(event.pos) else None
            return False
        if not panel.shown:
            if keys.is_click(event) and panel.chip_rect(area).collidepoint(event.pos):
                panel.shown = True
                return True
            return False
        act = keys.action(event)
        over = keys.wheel(event) and panel.rect(area).collidepoint(event.pos)
        if over:
            panel.on_wheel(keys.wheel(event))
            return True
        if act in ("page_up", "page_down"):
            panel.scroll_by((1 if act == "page_down" else -1) * max(40, panel.rect(area).height // 2))
            return True
        if act == "back" or (keys.is_click(event) and panel.hide_rect(area).collidepoint(event.pos)):
            panel.shown, panel.hovered = False, None
            return True
        return keys.is_click(event) and panel.rect(area).collidepoint(event.pos)   # a click on it stays on it

    def problems_area(self) -> pygame.Rect:
        """The circle above its Next button: the panel leaves the button in view."""
        circle = self.play.circle
        return pygame.Rect(circle.x, circle.y, circle.width, self.next_button_rect().y - 4 - circle.y)

    def _draw_problems(self, canvas) -> None:
        panel = self.problems
        if panel is None:
            return
        if panel.shown:
            panel.draw(canvas, self.problems_area(), self.palette)
        else:
            panel.draw_chip(canvas, self.problems_area(), self.palette)
