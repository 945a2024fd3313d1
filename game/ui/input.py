"""Keys and mouse, turned into what the learner means: next, back, choose 3, move focus.

Scenes ask `action(event)` rather than testing key codes, so every screen answers the same
keys the same way. `FocusRing` is the keyboard's cursor over a screen's controls: Tab and
Shift+Tab walk it, arrows move to the nearest control in that direction, Enter or Space
activates. Mouse positions reach scenes already in logical canvas coordinates (the app maps
them through the letterbox with `layout.Viewport`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pygame

NUMBER_KEYS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)}
NUMBER_KEYS.update({getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)})

KEY_ACTIONS = {
    pygame.K_SPACE: "activate",
    pygame.K_RETURN: "activate",
    pygame.K_KP_ENTER: "activate",
    pygame.K_ESCAPE: "back",
    pygame.K_BACKSPACE: "undo",
    pygame.K_m: "meters",
    pygame.K_t: "inner",
    pygame.K_TAB: "next",
    pygame.K_UP: "up",
    pygame.K_DOWN: "down",
    pygame.K_LEFT: "left",
    pygame.K_RIGHT: "right",
    pygame.K_PAGEUP: "page_up",
    pygame.K_PAGEDOWN: "page_down",
    pygame.K_HOME: "home",
    pygame.K_END: "end",
    pygame.K_F11: "fullscreen",
    pygame.K_F5: "reload",       # the play screen: read the scenario file again
    pygame.K_l: "timeline",      # the play screen's presenter tools: the decisions' timeline,
    pygame.K_c: "compare",       # the branch left by a rewind beside this one,
    pygame.K_g: "jump",          # and a picker to jump to any node
}

DIRECTIONS = {"up": (0, -1), "down": (0, 1), "left": (-1, 0), "right": (1, 0)}


def action(event) -> str | None:
    """The meaning of a key press: 'activate', 'back', 'next', 'previous', 'up', ... or None."""
    if event.type != pygame.KEYDOWN:
        return None
    name = KEY_ACTIONS.get(event.key)
    if name == "next" and getattr(event, "mod", 0) & pygame.KMOD_SHIFT:
        return "previous"
    return name


def number(event) -> int | None:
    """1..9 for a number key (top row or keypad), else None."""
    if event.type != pygame.KEYDOWN:
        return None
    return NUMBER_KEYS.get(event.key)


def is_click(event) -> bool:
    """A left (or touchpad) press: the one mouse action that activates things."""
    return event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1


def wheel(event) -> int:
    """Wheel turns: positive away from the user (scroll up), 0 for anything else."""
    if event.type == pygame.MOUSEWHEEL:
        return int(event.y)
    return 0


@dataclass
class FocusRing:
    """Which of a screen's controls has keyboard focus. Items are names; rects are where they are.

    `index` is -1 until the keyboard is first used, so a mouse user never sees a ring they did
    not ask for; the first Tab or arrow lands on the first control.
    """

    items: list[str] = field(default_factory=list)
    rects: dict[str, pygame.Rect] = field(default_factory=dict)
    index: int = -1

    def set_items(self, items: list[str], rects: dict[str, pygame.Rect] | None = None) -> None:
        """New controls (a relayout); focus stays on the same name if it still exists."""
        current = self.current
        self.items = list(items)
        self.rects = dict(rects or {})
        self.index = self.items.index(current) if current in self.items else (-1 if self.index < 0 else 0)
        if not self.items:
            self.index = -1

    @property
    def current(self) -> str | None:
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    def focus(self, name: str) -> None:
        if name in self.items:
            self.index = self.items.index(name)

    def clear(self) -> None:
        self.index = -1

    def step(self, delta: int) -> str | None:
        """Tab (+1) / Shift+Tab (-1), wrapping round."""
        if not self.items:
            return None
        if self.index < 0:
            self.index = 0 if delta > 0 else len(self.items) - 1
        else:
            self.index = (self.index + delta) % len(self.items)
        return self.current

    def move(self, direction: str) -> str | None:
        """An arrow: the nearest control whose centre lies that way; else the next in order."""
        if not self.items:
            return None
        if self.index < 0:
            return self.step(1)
        here = self.rects.get(self.current)
        dx, dy = DIRECTIONS[direction]
        best, best_cost = None, None
        for name in self.items:
            rect = self.rects.get(name)
            if name == self.current or rect is None or here is None:
                continue
            ox, oy = rect.centerx - here.centerx, rect.centery - here.centery
            along = ox * dx + oy * dy
            across = abs(ox * dy) + abs(oy * dx)
            if along <= 0 or across > 2 * along:
                continue  # not in that direction: an arrow never moves mostly sideways
            cost = along + 2 * across
            if best_cost is None or cost < best_cost:
                best, best_cost = name, cost
        if best is None:
            return self.current if here is not None else self.step(1 if dx + dy > 0 else -1)
        self.focus(best)
        return best

    def handle(self, name: str | None) -> bool:
        """Apply a focus action from `action()`; True when it was one."""
        if name == "next":
            self.step(1)
        elif name == "previous":
            self.step(-1)
        elif name in DIRECTIONS:
            self.move(name)
        else:
            return False
        return True
