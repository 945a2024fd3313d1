"""Soft sounds, made from sine waves when the app starts: no sound files to license or ship.

Sound is a courtesy, never a carrier of meaning (everything it marks is also on screen). With
no audio device, a broken mixer, or sound turned off, `play` does nothing and never raises.
"""
from __future__ import annotations

import math
from array import array
from functools import lru_cache

import pygame

# name -> notes (frequency Hz, seconds); played one after another, each with a soft envelope.
CUES: dict[str, list[tuple[float, float]]] = {
    "choose": [(523.25, 0.09)],                       # a light tap: the choice is made
    "good": [(523.25, 0.12), (659.25, 0.18)],         # a rising third: support, breakthrough
    "warning": [(329.63, 0.16), (293.66, 0.22)],      # a falling step: someone is being lost
    "advance": [(783.99, 0.04)],                      # a tick: the next line
    "end": [(392.0, 0.14), (523.25, 0.14), (659.25, 0.3)],
}
VOLUME = 0.22


class Audio:
    """The cues, ready to play; `enabled` is False when there is no usable mixer."""

    def __init__(self, wanted: bool = True):
        self.wanted = wanted
        self.enabled = False
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        if wanted:
            self._open()

    def _open(self) -> None:
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=22050, size=-16, channels=1, buffer=512)
            frequency, size, channels = pygame.mixer.get_init()
            if size not in (-16, 16):
                return
            for name, notes in CUES.items():
                self.sounds[name] = pygame.mixer.Sound(buffer=_samples(tuple(notes), frequency, channels))
                self.sounds[name].set_volume(VOLUME)
            self.enabled = True
        except (pygame.error, TypeError, ValueError, OSError):
            self.enabled = False
            self.sounds.clear()

    def set_wanted(self, wanted: bool) -> None:
        self.wanted = wanted
        if wanted and not self.sounds:
            self._open()

    def play(self, name: str) -> None:
        if not (self.wanted and self.enabled):
            return
        sound = self.sounds.get(name)
        if sound is None:
            return
        try:
            sound.play()
        except pygame.error:
            self.enabled = False


@lru_cache(maxsize=None)
def _samples(notes: tuple[tuple[float, float], ...], rate: int, channels: int) -> bytes:
    """16-bit samples of the notes, each shaped by a quick attack and a long soft decay."""
    data = array("h")
    for frequency, seconds in notes:
        count = int(rate * seconds)
        for i in range(count):
            t = i / rate
            envelope = min(1.0, t / 0.008) * math.exp(-4.0 * t / seconds)
            value = envelope * (math.sin(2 * math.pi * frequency * t) + 0.25 * math.sin(4 * math.pi * frequency * t))
            sample = int(12000 * value)
            data.extend([sample] * channels)
    return data.tobytes()
