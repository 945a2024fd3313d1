"""Random keys, clicks, wheels, typing and resizes over every window scene: nothing raises.

A fixed seed, a few thousand events, and a bounded time. Each scene (menu, name, briefing,
play, pause, jump picker, debrief) is set up and then given events at random, wandering
wherever they lead; an app that quits (Esc on the menu) is simply started again. A failure
names the seed, the scene and the last events, so it can be replayed.
"""
from __future__ import annotations

import random
import time

import pygame

from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.jump_picker import JumpScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.name import NameScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.play import PlayScene
from tests.ui.driver import DT, SMALL, frames, key, start_app, wait_until

SEED = 20240613
EVENTS_PER_SCENE = 450
TIME_LIMIT = 90.0      # seconds for all of it, generous for a slow machine

KEYS = ([pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_BACKSPACE, pygame.K_TAB,
         pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_PAGEUP, pygame.K_PAGEDOWN,
         pygame.K_HOME, pygame.K_END, pygame.K_m, pygame.K_t, pygame.K_l, pygame.K_c, pygame.K_g, pygame.K_F5,
         pygame.K_a, pygame.K_z, pygame.K_DELETE]
        + [getattr(pygame, f"K_{n}") for n in range(10)])
TYPED = ["a", "Tess", " ", "\x00", "\u202e", "\u200b", "\u200b\u200b", "\ufeff", "\n", "\t", "\x1b[2J",
         "é", "\u0301", "日本", "\U0001F600", "x" * 300, "\ud800"]
SIZES = [(1280, 720), (800, 600), (1920, 1080), (400, 300), (1000, 700), (161, 91)]


def random_event(rng: random.Random, app) -> pygame.event.Event:
    """One event a restless hand (or a cat on the keyboard) could make."""
    roll = rng.random()
    if roll < 0.45:
        return key(rng.choice(KEYS), pygame.KMOD_SHIFT if rng.random() < 0.15 else 0)
    if roll < 0.58:
        return pygame.event.Event(pygame.TEXTINPUT, text=rng.choice(TYPED))
    w, h = app.window.get_size()
    pos = (rng.randrange(-20, w + 20), rng.randrange(-20, h + 20))
    if roll < 0.75:
        return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    if roll < 0.92:
        return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=rng.choice((1, 1, 1, 2, 3)))
    if roll < 0.985:
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice((-3, -1, 1, 3)), flipped=False)
    size = rng.choice(SIZES)
    return pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size)


# -- each scene, set up to be wandered from -----------------------------------------------------

def on_menu():
    app = start_app()
    wait_until(app, lambda: app.scenes[0].loaded)
    while len(app.scenes) > 1:
        app.pop()
    return app


def on_name():
    app = on_menu()
    app.push(NameScene(app))
    return app


def on_briefing():
    return start_app(scenario=str(SMALL))


def on_play():
    app = on_briefing()
    frames(app, 1, [key(pygame.K_RETURN)])
    assert isinstance(app.scene, PlayScene)
    return app


def on_pause():
    app = on_play()
    frames(app, 1, [key(pygame.K_ESCAPE)])
    assert isinstance(app.scene, PauseScene)
    return app


def on_jump_picker():
    app = on_play()
    frames(app, 1, [key(pygame.K_g)])
    assert isinstance(app.scene, JumpScene)
    return app


def on_debrief():
    app = on_play()
    play = app.scene
    while not play.session.ended:
        play.session.choose(1)
    play.to_debrief()
    frames(app, 1)
    assert isinstance(app.scene, DebriefScene)
    return app


SCENES = {"menu": on_menu, "name": on_name, "briefing": on_briefing, "play": on_play, "pause": on_pause,
          "jump picker": on_jump_picker, "debrief": on_debrief}
SEEN = (MenuScene, NameScene, BriefingScene, PlayScene, PauseScene, JumpScene, DebriefScene)


def wander(start, rng: random.Random, count: int, seen: set) -> None:
    """`count` random events from the scene `start` sets up, a frame after every one to three."""
    app, waiting, recent = start(), [], []
    for n in range(count):
        if not app.running:
            app, waiting = start(), []
        waiting.append(random_event(rng, app))
        if rng.random() < 0.5 and n < count - 1:
            continue
        recent = (recent + waiting)[-8:]
        try:
            app.step(waiting, DT)
        except Exception as err:
            raise AssertionError(f"seed {SEED}, {type(app.scene).__name__}, event {n}: {recent}") from err
        waiting = []
        seen.add(type(app.scene).__name__)


def test_thousands_of_random_events_over_every_scene_raise_nothing():
    rng, seen = random.Random(SEED), set()
    started = time.perf_counter()
    for name, start in SCENES.items():
        wander(start, rng, EVENTS_PER_SCENE, seen)
        assert time.perf_counter() - started < TIME_LIMIT, f"too slow by {name}"
    assert {scene.__name__ for scene in SEEN} <= seen
