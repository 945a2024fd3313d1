"""What every scene shares: the scene protocol, and `Controls`, the buttons of a screen.

A scene handles events (already in logical coordinates), updates with the time passed, and
draws on the canvas, returning the rects it changed (None: all of it). Screens that change only
on input (menu, briefing, debrief) set `needs_redraw` and are redrawn whole then; the play
screen keeps its own finer account.
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import fonts, input as keys
from game.ui.widgets import Button, draw_focus_ring, draw_panel
from game.ui.widgets.panel import lifted


class Scene:
    modal = False   # drawn over the scene below it (which the app dims once)

    def __init__(self, app):
        self.app = app
        self.needs_redraw = True

    # -- the protocol ---------------------------------------------------------------------
    @property
    def animating(self) -> bool:
        """True while something moves: the app then runs at 60 fps."""
        return False

    @property
    def palette(self):
        return self.app.palette

    @property
    def text(self) -> fonts.TextCache:
        return fonts.default

    def enter(self) -> None:
        """The scene became the current one."""

    def resume(self) -> None:
        """A modal over this scene closed."""
        self.needs_redraw = True

    def leave(self, following) -> None:
        """The app replaced this scene with `following` (a session it held and `following`
        does not is closed here: nobody will play it again)."""

    def relayout(self) -> None:
        """Theme, text size or window changed: lay out and draw everything again."""
        self.needs_redraw = True

    def handle(self, event) -> None:
        """One input event, mouse positions in logical coordinates."""

    def update(self, dt: float) -> None:
        """Advance animations by dt seconds."""

    def draw(self, canvas: pygame.Surface, full: bool = False):
        """Draw what changed; returns the changed rects, or None when all of it changed."""
        if not (full or self.needs_redraw):
            return []
        self.needs_redraw = False
        if self.modal and self.app.backdrop is not None:
            canvas.blit(self.app.backdrop, (0, 0))
        else:
            canvas.fill(self.palette.background)
        self.draw_full(canvas)
        return None

    def draw_full(self, canvas: pygame.Surface) -> None:
        """The whole screen."""


def close_unless_kept(session, following) -> None:
    """Close `session` unless the screen that follows plays or shows it on (nobody else will)."""
    if getattr(following, "session", None) is not session:
        session.close()


@dataclass
class Control:
    name: str
    rect: pygame.Rect
    label: str = ""
    primary: bool = False
    enabled: bool = True


class Controls:
    """A screen's clickable, focusable things, in Tab order.

    `handle(event)` returns the name of the control the event activated (a click, or Enter
    or Space on the focused one), and keeps `hovered` and the focus ring up to date; `changed`
    tells the scene to redraw.
    """

    def __init__(self):
        self.items: list[Control] = []
        self.ring = keys.FocusRing()
        self.hovered: str | None = None
        self.changed = False

    def set(self, items: list[Control]) -> None:
        self.items = items
        self.ring.set_items([c.name for c in items if c.enabled], {c.name: c.rect for c in items})

    def get(self, name: str) -> Control | None:
        return next((c for c in self.items if c.name == name), None)

    @property
    def focused(self) -> str | None:
        return self.ring.current

    def focus(self, name: str) -> None:
        self.ring.focus(name)
        self.changed = True

    def at(self, pos) -> Control | None:
        return next((c for c in self.items if c.enabled and c.rect.collidepoint(pos)), None)

    def handle(self, event, arrows: bool = True) -> str | None:
        if event.type == pygame.MOUSEMOTION:
            over = self.at(event.pos)
            name = over.name if over else None
            if name != self.hovered:
                self.hovered, self.changed = name, True
            return None
        if keys.is_click(event):
            over = self.at(event.pos)
            return over.name if over else None
        act = keys.action(event)
        if act == "activate" and self.focused:
            return self.focused
        if act == "activate":  # Enter with nothing focused: show where the focus starts
            self.ring.handle("next")
            self.changed = True
            return None
        if act in ("next", "previous") or (arrows and act in keys.DIRECTIONS):
            self.ring.handle(act)
            self.changed = True
        return None

    def draw_buttons(self, canvas: pygame.Surface, palette, text: fonts.TextCache = fonts.default) -> None:
        """Draw every control that has a label as a Button."""
        for control in self.items:
            if control.label:
                Button(control.rect, control.label, primary=control.primary,
                       hovered=control.name == self.hovered, focused=control.name == self.focused,
                       enabled=control.enabled).draw(canvas, palette, text)


def button_row(right: int, y: int, labels: list[tuple[str, str, bool]], text: fonts.TextCache,
               height: int = 44, gap: int = 12) -> list[Control]:
    """Buttons laid right-to-left ending at `right`: (name, label, primary) each; returned in reading order."""
    controls = []
    x = right
    for name, label, primary in reversed(labels):
        width = max(120, text.width(label, "body", bold=True) + 40)
        x -= width
        controls.append(Control(name, pygame.Rect(x, y, width, height), label, primary))
        x -= gap
    return list(reversed(controls))


def draw_card_frame(canvas, rect: pygame.Rect, palette, *, hovered: bool, focused: bool, fill=None) -> None:
    """A panel that lifts when hovered and shows the focus ring when focused."""
    base = fill or palette.panel
    draw_panel(canvas, rect, palette, fill=lifted(base, palette) if hovered else base)
    if focused:
        draw_focus_ring(canvas, rect, palette)


def blit_lines(canvas, text: fonts.TextCache, lines: list[str], size: str, colour, x: int, y: int,
               bold: bool = False) -> int:
    """Blit wrapped lines from the top; returns the y below them."""
    step = text.line_height(size, bold)
    for line in lines:
        canvas.blit(text.render(line, size, colour, bold), (x, y))
        y += step
    return y


def key_hint(canvas, text: fonts.TextCache, palette, words: str, pos, anchor: str = "bottomleft") -> pygame.Rect:
    """A quiet line of keyboard help ("Enter start · Esc back")."""
    label = text.render(words, "small", palette.muted)
    rect = label.get_rect(**{anchor: pos})
    canvas.blit(label, rect)
    return rect
