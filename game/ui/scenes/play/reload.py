"""Editing while playing: the scenario file is read again when it changes on disk, or on F5.

About once a second the file's modification time and size are compared
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
from game.ui.scenes.play.focus import next_button_rect
from game.ui.watch import FileWatch
from game.ui.widgets.problems import ProblemPanel


def formatted(diagnostic, path: str) -> str:
    """One error as an author's editor would point at it: file:line:col: [code] message."""
    return f"{Path(path).name}:{diagnostic.line}:{diagnostic.col}: [{diagnostic.code}] {diagnostic.message}"


def unreadable(err: BaseException | None, path: str) -> str:
    """A file that could not be read at all, said the way the panel says every error."""
    why = f"{err.__class__.__name__}: {err}" if err is not None else "no scenario in it"
    return f"{Path(path).name}: could not be read ({printable.clipped(why, 300)}); play goes on with the last good version"


def start_watch(state) -> None:
    """Watch the scenario file of a window being played (a still picture has nothing to watch)."""
    state.watch = FileWatch(state.path) if state.path and state.live else None
    state.problems = None


def changed_on_disk(state, dt: float) -> bool:
    """True once a change to the file has settled (then it is read again)."""
    return state.watch is not None and state.watch.update(dt)


def load_again(state, tools, auto: bool = False) -> tuple[str, str] | None:
    """Load the scenario file again and replay the choices on it (F5, or a save on disk).

    Returns the toast's (words, kind) when the session was replaced by the reloaded one; None
    when play goes on as it was (no file, or a file with errors: they are in the panel)."""
    if not state.path:
        state.effects.toasts.add("This scenario has no file to reload.", "info", still=True)
        return None
    from game.engine import reload_session
    from game.scenario import load_path

    if state.watch is not None and not auto:
        state.watch.mark_read()
    try:
        result = load_path(state.path)
        reloaded = reload_session(state.session, result)
    except Exception as err:  # a file the loader cannot cope with is the file's problem, not a crash
        show_problems(state, tools, [unreadable(err, state.path)])
        return None
    if not reloaded.ok:
        show_problems(state, tools, [formatted(d, state.path) for d in result.errors] or [unreadable(None, state.path)])
        return None
    fixed = state.problems is not None
    state.problems = None
    state.session = reloaded.session
    state.session.begin()
    words = ("The file's errors are fixed. " if fixed else "") + reloaded.message
    return words, "good" if fixed else "info"


def show_problems(state, tools, errors: list[str]) -> None:
    old = state.problems
    state.problems = ProblemPanel(errors, str(state.path), text_cache=tools.text)
    if old is not None and old.errors == errors:
        state.problems.scroll, state.problems.shown = old.scroll, True


# -- the panel's input ------------------------------------------------------------------

def handle_problems(event, state, tools) -> bool:
    """Events the error panel takes (scrolling, hiding, showing); False lets play have them."""
    panel = state.problems
    if panel is None:
        return False
    area = problems_area(state.layout, tools.text)
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


def problems_area(layout, text) -> pygame.Rect:
    """The circle above its Next button: the panel leaves the button in view."""
    circle = layout.circle
    return pygame.Rect(circle.x, circle.y, circle.width, next_button_rect(layout, text).y - 4 - circle.y)


def draw_problems(canvas, state, tools) -> None:
    panel = state.problems
    if panel is None:
        return
    if panel.shown:
        panel.draw(canvas, problems_area(state.layout, tools.text), tools.palette)
    else:
        panel.draw_chip(canvas, problems_area(state.layout, tools.text), tools.palette)
