"""Driving the app in tests: posted events, a fixed frame time, no real clock, no window."""
from __future__ import annotations

import argparse
import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.ui.app import App  # noqa: E402
from game.commands.window import prepare  # noqa: E402
from game.ui.scenes.start import first_scene  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "tests" / "scenario" / "small.yaml"
DT = 1 / 60


def make_args(**overrides) -> argparse.Namespace:
    values = dict(scenario=None, presenter=False, fullscreen=False, seed=0, resume=False, learner="Tess",
                  data_dir=None, no_records=False, demo=False, text=False, coach=False)
    values.update(overrides)
    return argparse.Namespace(**values)


def start_app(size=(1280, 720), **overrides) -> App:
    """An app showing what the command line asked for (the menu by default)."""
    args = make_args(**overrides)
    app = App(args, window_size=size)
    app.show(first_scene(app, prepare(args)))
    app.step([], DT)
    return app


def key(code: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0)


def number_key(n: int) -> pygame.event.Event:
    return key(getattr(pygame, f"K_{n}"))


def window_pos(app: App, logical) -> tuple[int, int]:
    x, y = app.viewport.to_window(logical)
    return (int(round(x)), int(round(y)))


def click(app: App, logical) -> list[pygame.event.Event]:
    """A move to, then a press on, a logical point (as a mouse user would)."""
    pos = window_pos(app, logical)
    return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)]


def frames(app: App, count: int = 1, events=()) -> None:
    app.step(list(events), DT)
    for _ in range(count - 1):
        app.step([], DT)


def wait_until(app: App, done, limit: int = 2000) -> None:
    for _ in range(limit):
        if done():
            return
        app.step([], DT)
    raise AssertionError("the app never got there")
