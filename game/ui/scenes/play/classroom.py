"""The play screen as the classroom's presenter screen (`play SCENARIO --classroom`).

A part of the play screen, there only when the command started a Classroom. Each frame it lets
the classroom apply what the instructor's page asked (the window's thread owns the Session:
the take and the rewind go through the scene, so the room animates as for a key press) and
draws the join code and the live tally over the transcript. Keys: V opens or closes the vote
(opening again after a close is the second vote), R reveals the split, W takes the winner.
A vote arriving from a phone posts a wake-up event, so the idle window redraws the tally at once.
"""
from __future__ import annotations

import time

import pygame

from game.ui.scenes.play import asking
from game.ui.scenes.play.state import Stage

TALLY_EVERY = 0.1    # seconds: a burst of votes redraws the tally ten times a second, not once a vote
CLASSROOM_KEYS = {pygame.K_v: "vote", pygame.K_r: "reveal", pygame.K_w: "take"}
WAKE = pygame.event.custom_type()


class SceneDriver:
    """How the classroom moves the session on screen: through the scene, as its keys would."""

    def __init__(self, scene):
        self.scene = scene

    def take(self, shown: int) -> None:
        from game.classroom import CommandRefused

        scene = self.scene
        if scene.stage != Stage.CHOOSE:
            scene.settle()     # the class has read it on their phones: the cards open now
        if scene.stage in (Stage.ASK, Stage.REVEAL):   # (and the room, the class's way, not the screen's)
            asking.open_cards(scene.state, scene.tools())
        turn = scene.session.turn
        scene.choose(shown)
        if scene.session.turn == turn:
            raise CommandRefused(409, "the presenter's screen is not at a decision")

    def rewind(self) -> bool:
        turn = self.scene.session.turn
        self.scene.undo()
        return self.scene.session.turn < turn


class ClassroomPart:
    """What the play screen does in a classroom: the room's keys, its requests, its panel."""

    def __init__(self, room):
        self.room = room
        self.panel = None            # ClassroomPanel, made for the transcript's size
        self.panel_drawn = None      # the room's version the panel last showed
        self.panel_time = 0.0        # when it was last blitted

    def handle(self, event) -> bool:
        """The room's own events and keys (True: taken; play never sees them)."""
        if event.type == WAKE:
            return True
        if event.type == pygame.KEYDOWN and event.key in CLASSROOM_KEYS:
            self._key(CLASSROOM_KEYS[event.key])
            return True
        return False

    def _key(self, key: str) -> None:
        room = self.room
        if key == "vote":
            room.control("close" if room.votes.view()["open"] else "open")
        elif key == "reveal":
            room.control("reveal")
        else:
            room.ask("take")   # done on this thread at the next frame; a tie waits for a number key

    def pump(self, scene) -> None:
        """Apply what the instructor's page asked, through the scene, as its keys would."""
        from game.records.class_votes import record_class_votes

        log = scene.state.log
        self.room.recorder = lambda session, decisions: record_class_votes(log, decisions)
        self.room.pump(scene.session, SceneDriver(scene))

    def draw(self, canvas: pygame.Surface, changed, rect: pygame.Rect, tools):
        """Blit the panel over `rect` (the transcript) when it changed (at most every
        TALLY_EVERY seconds: the idle loop's tick redraws the last change) or when what lay
        under it was redrawn."""
        panel, room = self._panel(rect), self.room
        under = changed is None or any(rect.colliderect(r) for r in changed)
        now = time.perf_counter()
        fresh = room.changes.version != self.panel_drawn
        if not under and (not fresh or now - self.panel_time < TALLY_EVERY):
            return changed
        view = room.instructor_state()
        canvas.blit(panel.surface(view, tools.palette, tools.text), rect.topleft)
        self.panel_drawn, self.panel_time = view["version"], now
        return None if changed is None else [*changed, rect]

    def _panel(self, rect: pygame.Rect):
        from game.ui.widgets.classroom_panel import ClassroomPanel

        if self.panel is None or self.panel.size != rect.size:
            self.panel = ClassroomPanel(rect.size)
            self.panel_drawn = None
            if _post_wake not in self.room.changes.watchers:
                self.room.changes.watchers.append(_post_wake)
        return self.panel


def _post_wake() -> None:
    """From the server's thread: wake the window's loop (SDL's event queue is thread-safe)."""
    try:
        if pygame.display.get_init():
            pygame.event.post(pygame.event.Event(WAKE))
    except pygame.error:
        pass
