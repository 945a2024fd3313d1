"""The pygame application: one window, a stack of scenes, and a frame loop that rests when it can.

Every scene draws on one logical 1280x720 canvas; the app fits that canvas into whatever
window it has (letterboxing, see layout.Viewport) and maps mouse positions back, so scenes
only ever see logical coordinates. A scene reports which parts of the canvas it changed; only
those are copied (and scaled) to the window.

`App.step(events, dt)` does one frame: handle the events, advance time, draw, present. Tests
and the screenshot command drive it directly with posted events and a fixed dt; `run()` wraps
it in the real loop, which runs at 60 fps while something moves and otherwise waits for input
with a timeout (about 10 frames a second), so a still screen costs almost nothing.
"""
from __future__ import annotations

import gc
import math
import os
import time

import pygame

from game.ui import fonts, layout, theme
from game.ui.navigator import Navigator
from game.ui.settings import Settings, SettingsStore

FPS = 60
IDLE_WAIT_MS = 250          # the slow tick while nothing moves: 4 frames a second (the group breathes slowly)
MAX_DT = 0.1                # a stall (a window drag, a slow disk) never jumps animations
EXIT_AFTER_FIRST_FRAME = "CIRCLE_EXIT_AFTER_FIRST_FRAME"  # for `bench`: time to the menu's first frame
CAPTION = "Circle — lead or follow a therapy group"
_OPEN = object()

MOUSE_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION)


class App:
    """The window, the settings, the records, and the scenes on top of each other."""

    def __init__(self, args, window_size: tuple[int, int] | None = None, records=_OPEN,
                 learner: str | None = None):
        from game.records import data_dir

        pygame.display.init()
        pygame.font.init()
        self.args = args
        self.data_dir = data_dir(getattr(args, "data_dir", None))
        self.records = _records_of(args) if records is _OPEN else records
        self.learner = learner if learner is not None else _learner_of(args, self.records)
        self.navigator = Navigator(self)
        self.store = SettingsStore(self.data_dir, presenter=getattr(args, "presenter", False))
        if getattr(args, "fullscreen", False):
            self.store.active = self.store.active.with_value("fullscreen", True)
        fonts.set_text_scale(self.settings.text_size)
        self.palette = theme.get(self.settings.theme)
        self.window = self._open_window(window_size)
        self.canvas = pygame.Surface(layout.LOGICAL_SIZE).convert()
        self.canvas.fill(self.palette.background)
        self.scenes: list = []
        self.backdrop: pygame.Surface | None = None
        self.audio = None
        self.time = 0.0
        self.frames = 0
        self.mouse = (-1.0, -1.0)       # the pointer in logical coordinates
        self.running = True
        self.exit_code = 0
        self.notice: str | None = getattr(self.records, "notice", None) if self.records else None
        self._full_present = True
        self._settle_garbage = False
        self.frame_started = time.perf_counter()

    # -- settings -------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self.store.active

    @property
    def viewport(self) -> layout.Viewport:
        return layout.Viewport(self.window.get_size())

    def change_setting(self, key: str, value) -> None:
        """Apply and store one setting; every scene lays itself out again."""
        self.store.change(key, value)
        if key == "text_size":
            fonts.set_text_scale(value)
        if key == "theme":
            self.palette = theme.get(value)
        if key == "fullscreen":
            if value:
                self._windowed_size = self.window.get_size()
            self.window = self._open_window(None if value else getattr(self, "_windowed_size", None))
        if key == "sound" and self.audio is not None:
            self.audio.set_wanted(value)
        self.relayout()

    def relayout(self) -> None:
        for scene in self.scenes:
            scene.relayout()
        if self.backdrop is not None:
            self._make_backdrop()
        self._full_present = True

    # -- the window -------------------------------------------------------------------------

    def _open_window(self, size: tuple[int, int] | None) -> pygame.Surface:
        pygame.display.set_caption(CAPTION)
        if self.settings.fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(size or _default_window_size(), pygame.RESIZABLE)

    def resize(self, size: tuple[int, int]) -> None:
        """A new window size (VIDEORESIZE): keep the canvas, change only the letterbox."""
        size = (max(160, size[0]), max(90, size[1]))
        if not self.settings.fullscreen and self.window.get_size() != size:
            self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        self._full_present = True

    # -- scenes ---------------------------------------------------------------------------

    @property
    def scene(self):
        return self.scenes[-1] if self.scenes else None

    def show(self, scene) -> None:
        """Replace every scene with this one (menu -> briefing -> play -> debrief). The scenes
        left are told, so a session none of them passes on is closed."""
        for left in self.scenes:
            left.leave(scene)
        self.scenes = [scene]
        self.backdrop = None
        scene.enter()
        self._full_present = True
        self._settle_garbage = True

    def push(self, scene) -> None:
        """Open a modal scene (pause, settings, a question) over the current one."""
        self.scenes.append(scene)
        self._make_backdrop()
        scene.enter()

    def pop(self) -> None:
        if len(self.scenes) > 1:
            self.scenes.pop()
            self.backdrop = None
            if self.scenes[-1].modal:
                self._make_backdrop()
            self.scenes[-1].resume()
            self._full_present = True

    def _make_backdrop(self) -> None:
        """The scene under the modal, drawn whole and dimmed once, for the modal to sit on."""
        below = [s for s in self.scenes if not s.modal]
        if below:
            below[-1].needs_redraw = True
            below[-1].draw(self.canvas, full=True)
        self.backdrop = self.canvas.copy()
        veil = pygame.Surface(self.backdrop.get_size(), pygame.SRCALPHA)
        veil.fill((*self.palette.shadow, 150) if self.palette.name == "light" else (0, 0, 0, 170))
        self.backdrop.blit(veil, (0, 0))

    def quit(self, code: int = 0) -> None:
        self.running = False
        self.exit_code = code

    def sound(self, name: str) -> None:
        if self.audio is not None:
            self.audio.play(name)

    # -- one frame --------------------------------------------------------------------------

    @property
    def animating(self) -> bool:
        return bool(self.scene and self.scene.animating)

    def step(self, events, dt: float) -> bool:
        """Handle `events`, advance by `dt` seconds, draw and present one frame."""
        self.frame_started = time.perf_counter()
        for event in events:
            self._dispatch(event)
            if not self.running:
                return False
        dt = max(0.0, min(MAX_DT, dt))
        self.time += dt
        if self.scene is None:
            self.running = False
            return False
        self.scene.update(dt)
        dirty = self.scene.draw(self.canvas, full=self._full_present)
        self._present(None if self._full_present else dirty)
        self._full_present = False
        self.frames += 1
        if self.frames == 1 and self.audio is None and not os.environ.get(EXIT_AFTER_FIRST_FRAME):
            from game.ui.audio import Audio
            self.audio = Audio(self.settings.sound)
        if self._settle_garbage:
            # Everything alive now lives as long as the scene: keep the collector from walking it
            # again and again, which would otherwise cost the odd long frame. What the previous
            # scene left behind is collected first (unfreeze), so nothing piles up.
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self._settle_garbage = False
        return self.running

    def _dispatch(self, event) -> None:
        if event.type == pygame.QUIT:
            self.quit(0)
            return
        if event.type == pygame.VIDEORESIZE:
            self.resize((event.w, event.h))
            return
        if event.type in (pygame.WINDOWSIZECHANGED, pygame.WINDOWEXPOSED, pygame.VIDEOEXPOSE):
            self._full_present = True
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.change_setting("fullscreen", not self.settings.fullscreen)
            return
        event = self._logical(event)
        if event is not None and self.scene is not None:
            self.scene.handle(event)

    def _logical(self, event):
        """Mouse events with their position mapped into the canvas; the wheel gets the pointer's."""
        if event.type in MOUSE_EVENTS:
            pos = self.viewport.to_logical(event.pos)
            self.mouse = pos
            data = dict(event.dict)
            data["pos"] = (int(math.floor(pos[0])), int(math.floor(pos[1])))
            data["window_pos"] = event.pos
            return pygame.event.Event(event.type, data)
        if event.type == pygame.MOUSEWHEEL:
            data = dict(event.dict)
            data["pos"] = (int(self.mouse[0]), int(self.mouse[1]))
            return pygame.event.Event(event.type, data)
        return event

    def _present(self, dirty) -> None:
        """Copy the changed parts of the canvas to the window, scaled into the letterbox."""
        view = self.viewport
        full = dirty is None
        rects = [self.canvas.get_rect()] if full else [r.clip(self.canvas.get_rect()) for r in dirty]
        rects = [r for r in rects if r.width > 0 and r.height > 0]
        if not rects:
            return
        if self.window.get_size() == layout.LOGICAL_SIZE:
            for rect in rects:
                self.window.blit(self.canvas, rect.topleft, rect)
            if full:
                pygame.display.flip()
            else:
                pygame.display.update(rects)
            return
        if full:
            self.window.fill((0, 0, 0))
            target = view.canvas_rect()
            self.window.blit(pygame.transform.smoothscale(self.canvas, target.size), target.topleft)
            pygame.display.flip()
            return
        updated = [self._present_part(rect.inflate(4, 4).clip(self.canvas.get_rect()), view) for rect in rects]
        pygame.display.update(updated)

    def _present_part(self, rect: pygame.Rect, view: layout.Viewport) -> pygame.Rect:
        (x0, y0), (x1, y1) = view.to_window(rect.topleft), view.to_window(rect.bottomright)
        target = pygame.Rect(math.floor(x0), math.floor(y0), max(1, math.ceil(x1) - math.floor(x0)),
                             max(1, math.ceil(y1) - math.floor(y0)))
        part = pygame.transform.smoothscale(self.canvas.subsurface(rect), target.size)
        return self.window.blit(part, target.topleft)

    # -- the loop ---------------------------------------------------------------------------

    def run(self, seconds: float | None = None) -> int:
        """The real loop: 60 fps while animating, an input wait with a timeout otherwise."""
        once = os.environ.get(EXIT_AFTER_FIRST_FRAME) == "1"
        clock = pygame.time.Clock()
        started = pygame.time.get_ticks()
        while self.running:
            if self.animating:
                dt = clock.tick(FPS) / 1000
                events = pygame.event.get()
            else:
                first = pygame.event.wait(IDLE_WAIT_MS)
                events = ([first] if first.type != pygame.NOEVENT else []) + pygame.event.get()
                dt = clock.tick() / 1000
            self.step(events, dt)
            if once and self.frames >= 1:
                break
            if seconds is not None and pygame.time.get_ticks() - started >= seconds * 1000:
                break
        return self.exit_code


def _default_window_size() -> tuple[int, int]:
    """1280x720, or 90% of a smaller desktop, keeping the canvas's shape."""
    try:
        desktop = pygame.display.get_desktop_sizes()[0]
    except (pygame.error, IndexError, AttributeError):
        return layout.LOGICAL_SIZE
    w, h = layout.LOGICAL_SIZE
    fit = min(1.0, 0.9 * desktop[0] / w, 0.9 * desktop[1] / h)
    return (max(640, round(w * fit)), max(360, round(h * fit)))


def _invisible(driver: str) -> bool:
    """SDL fell back to drawing nowhere by itself (no display), not because it was asked to."""
    return driver in ("offscreen", "dummy") and not os.environ.get("SDL_VIDEODRIVER")


def run_app(args, request, records, learner: str) -> int:
    """The window on what `request` asks for (a scenario's briefing, the menu, a resumed attempt),
    with the records and the learner's name the command opened."""
    import sys

    from game.ui.scenes.start import first_scene

    try:
        app = App(args, records=records, learner=learner)
    except pygame.error as err:
        print(f"play: cannot open a window ({err}); try --text", file=sys.stderr)
        return 1
    if _invisible(pygame.display.get_driver()):
        pygame.quit()
        print("play: no display was found, so a window would not be seen; "
              "play in the terminal with --text (or set SDL_VIDEODRIVER to choose a driver)",
              file=sys.stderr)
        return 1
    try:
        app.show(first_scene(app, request))
        return app.run()
    finally:
        pygame.quit()


def _records_of(args):
    """The records as `play` opens them, for an app made without them (tests, tools)."""
    import sys

    from game.records.for_play import records_for_play

    records, why = records_for_play(getattr(args, "data_dir", None), getattr(args, "no_records", False))
    if why:
        print(f"circle: {why}", file=sys.stderr)
    return records


def _learner_of(args, records) -> str:
    from game.records.for_play import learner_for

    return learner_for(getattr(args, "learner", None), records, ask=False)
