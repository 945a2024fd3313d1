"""Member sprites rendered a few per frame, so a changing room never stalls a frame.

A member sprite costs about a millisecond to draw; when the speaker changes, every member's
gaze changes at once, and a reaction moves every member through several poses. Asking the
bank for a sprite returns it if it is ready, or queues it and returns None; the scene then
shows that member's previous sprite for a frame or two (people do not all turn at the same
instant either). `work()` renders queued sprites until the frame's time budget is spent.
Scenes also `prefetch` what they will need soon (the next speaker, the reaction's poses).
"""
from __future__ import annotations

import time
from collections import OrderedDict

import pygame

from game.ui import avatar
from game.ui.avatar import Pose
from game.ui.theme import Palette

BUDGET_S = 0.0018     # sprite rendering per frame; about 1.5 sprites
STARVE_FRAMES = 4     # a frame with no room still renders one sprite after this many such frames


class SpriteBank:
    def __init__(self, budget_s: float = BUDGET_S, unlimited: bool = False):
        self.budget_s = budget_s
        self.unlimited = unlimited          # stills (screenshots): everything at once
        self._queue: OrderedDict[tuple, tuple] = OrderedDict()
        self.rendered = 0
        self.typical_s = 0.001              # a running estimate of one sprite's cost
        self._skipped = 0                   # frames in a row with work queued but no room for it

    def request(self, look: dict, pose: Pose, scale: float, facing: float, palette: Palette,
                phase: int = 0) -> pygame.Surface | None:
        """The sprite if ready; otherwise queue it at the front and return None."""
        key = avatar.sprite_key(look, pose, scale, facing, palette, phase)
        return self.get(key, (look, pose, scale, facing, palette, phase))

    def get(self, key: tuple, args: tuple) -> pygame.Surface | None:
        """`request` for a caller that keeps its keys (args: look, pose, scale, facing, palette, phase)."""
        sprite = avatar.cached_sprite(key)
        if sprite is not None:
            return sprite
        if self.unlimited:
            return self._render(key, args)
        self._queue[key] = args
        self._queue.move_to_end(key, last=False)
        return None

    def prefetch(self, look: dict, pose: Pose, scale: float, facing: float, palette: Palette,
                 phase: int = 0) -> None:
        """Queue a sprite that will be wanted soon, behind anything wanted now."""
        key = avatar.sprite_key(look, pose, scale, facing, palette, phase)
        if key not in self._queue and avatar.cached_sprite(key) is None:
            self._queue[key] = (look, pose, scale, facing, palette, phase)

    def prefetch_key(self, key: tuple, args: tuple) -> None:
        if key not in self._queue and avatar.cached_sprite(key) is None:
            self._queue[key] = args

    def now(self, look: dict, pose: Pose, scale: float, facing: float, palette: Palette,
            phase: int = 0) -> pygame.Surface:
        """The sprite, rendered at once if need be (a member's very first appearance)."""
        key = avatar.sprite_key(look, pose, scale, facing, palette, phase)
        return avatar.cached_sprite(key) or self._render(key, (look, pose, scale, facing, palette, phase))

    @property
    def pending(self) -> int:
        return len(self._queue)

    def clear(self) -> None:
        self._queue.clear()

    def work(self, budget_s: float | None = None) -> float:
        """Render queued sprites until the budget is spent; returns the seconds used."""
        budget = self.budget_s if budget_s is None else budget_s
        start = time.perf_counter()
        done = 0
        starving = self._skipped >= STARVE_FRAMES
        while self._queue:
            spent = time.perf_counter() - start
            if not self.unlimited and spent + self.typical_s > budget and not (starving and done == 0):
                break  # another sprite would overrun this frame: leave it for the next
            key, args = self._queue.popitem(last=False)
            if avatar.cached_sprite(key) is None:
                began = time.perf_counter()
                self._render(key, args)
                self.typical_s = 0.8 * self.typical_s + 0.2 * (time.perf_counter() - began)
                done += 1
        self._skipped = 0 if done or not self._queue else self._skipped + 1
        return time.perf_counter() - start

    def _render(self, key: tuple, args: tuple) -> pygame.Surface:
        self.rendered += 1
        look, pose, scale, facing, palette, phase = args
        return avatar.member_sprite(look, pose, scale, facing, palette, phase)
