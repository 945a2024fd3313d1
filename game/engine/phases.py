"""The session's phases as a second, small state machine.

briefing -> opening -> working -> closing -> debrief. A node's `phase` moves the session on;
reaching an ending moves it to the debrief. Front ends read `phase` to pick their scene and the
coach's voice; the machine keeps the sequence in one place.
"""
from __future__ import annotations

from transitions import Machine

PHASES = ("briefing", "opening", "working", "closing", "debrief")


class PhaseTracker:
    """Where the session is in its arc. Authors may jump phases; the tracker follows them."""

    def __init__(self):
        self.phase = PHASES[0]
        self._machine = Machine(
            model=self, states=list(PHASES), initial=PHASES[0],
            model_attribute="phase", auto_transitions=True,
        )

    def enter(self, phase: str) -> None:
        if phase != self.phase:
            self.trigger(f"to_phase_{phase}")

    def reset(self) -> None:
        self.enter(PHASES[0])
