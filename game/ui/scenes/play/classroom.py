"""The play screen as the classroom's presenter screen (`play SCENARIO --classroom`).

A mixin of PlayScene, active only when the command started a Classroom. Each frame it lets
the classroom apply what the instructor's page asked (the window's thread owns the Session:
the take and the rewind go through the scene, so the room animates as for a key press) and
draws the join code and the live tally over the transcript. Keys: V opens or closes the vote
(opening again after a close is the second vote), R reveals the split, W takes the winner.
A vote arriving from a phone posts a wake-up event, so the idle window redraws the tally at once.
"""
from __future__ import annotations

import time

import pygame

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
        if scene.stage != "choose":
            scene.settle()     # the class has read it on their phones: the cards open now
        turn = scene.session.turn
        scene.choose(shown)
        if scene.session.turn == turn:
            raise CommandRefused(409, "the presenter's screen is not at a decision")

    def rewind(self) -> bool:
        turn = self.scene.session.turn
        self.scene.undo()
        return self.scene.session.turn < turn


class ClassroomHook:
    """What PlayScene does in a classroom; nothing at all otherwise."""

    @property
    def classroom(self):
        return getattr(self.app.args, "classroom_room", None)

    def _classroom_panel(self):
        from game.ui.widgets.classroom_panel import ClassroomPanel

        rect = self.play.transcript
        panel = getattr(self, "_panel", None)
        if panel is None or panel.size != rect.size:
            panel = self._panel = ClassroomPanel(rect.size)
            self._panel_drawn = None
            if _post_wake not in self.classroom.changes.watchers:
                self.classroom.changes.watchers.append(_post_wake)
        return panel

    def handle(self, event) -> None:
        room = self.classroom
        if room is not None and event.type == WAKE:
            return
        if room is not None and event.type == pygame.KEYDOWN and event.key in CLASSROOM_KEYS:
            self._classroom_key(room, CLASSROOM_KEYS[event.key])
            return
        super().handle(event)

    def _classroom_key(self, room, key: str) -> None:
        if key == "vote":
            room.control("close" if room.votes.view()["open"] else "open")
        elif key == "reveal":
            room.control("reveal")
        else:
            room.ask("take")   # done on this thread at the next frame; a tie waits for a number key

    def draw(self, canvas: pygame.Surface, full: bool = False):
        room = self.classroom
        if room is None:
            return super().draw(canvas, full)
        self._classroom_pump(room)
        changed = super().draw(canvas, full)
        return self._classroom_draw(room, canvas, changed)

    def _classroom_pump(self, room) -> None:
        from game.records.class_votes import record_class_votes

        room.recorder = lambda session, decisions: record_class_votes(self.log, decisions)
        room.pump(self.session, SceneDriver(self))

    def _classroom_draw(self, room, canvas: pygame.Surface, changed):
        """Blit the panel when it changed (at most every TALLY_EVERY seconds: the idle loop's
        tick redraws the last change) or when what lay under it was redrawn."""
        panel, rect = self._classroom_panel(), self.play.transcript
        under = changed is None or any(rect.colliderect(r) for r in changed)
        now = time.perf_counter()
        fresh = room.changes.version != getattr(self, "_panel_drawn", None)
        if not under and (not fresh or now - getattr(self, "_panel_time", 0.0) < TALLY_EVERY):
            return changed
        view = room.instructor_state()
        canvas.blit(panel.surface(view, self.palette, self.text), rect.topleft)
        self._panel_drawn, self._panel_time = view["version"], now
        return None if changed is None else [*changed, rect]


def _post_wake() -> None:
    """From the server's thread: wake the window's loop (SDL's event queue is thread-safe)."""
    try:
        if pygame.display.get_init():
            pygame.event.post(pygame.event.Event(WAKE))
    except pygame.error:
        pass


def with_class_votes(debrief, room):
    """The debrief with the class's votes beside each verdict (a line under the decision's
    events), when the session was a class session; unchanged otherwise."""
    if room is None:
        return debrief
    from dataclasses import replace

    from game.classroom.moment import class_vote_words

    votes = {d.turn: d for d in room.decisions}
    decisions = tuple(replace(d, events=(class_vote_words(votes[d.turn]), *d.events)) if d.turn in votes else d
                      for d in debrief.decisions)
    return replace(debrief, decisions=decisions)
