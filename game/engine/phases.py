"""The session's phases as a second, small state machine.

briefing -> opening -> working -> closing -> debrief. A node's `phase` moves the session on;
reaching an ending moves it to the debrief. Front ends read `phase` to pick their scene and the
coach's voice; the machine keeps the sequence in one place.
"""
from __future__ import annotations

from transitions import Machine

PHASES = ("briefing", "opening", "working", "closing", "debrief")


# One machine for every tracker (each is one of its models): building a Machine per session
# cost more than the rest of starting a session. Trackers belong to the seats of the scenario
# machines (machine.py), which are reused, so this machine's models do not pile up.
_MACHINE = Machine(model=None, states=list(PHASES), initial=PHASES[0],
                   model_attribute="phase", auto_transitions=True)


class PhaseTracker:
    """Where the session is in its arc. Authors may jump phases; the tracker follows them."""

    def __init__(self):
        self.phase = PHASES[0]
        _MACHINE.add_model(self, initial=PHASES[0])

    def enter(self, phase: str) -> None:
        if phase != self.phase:
            self.trigger(f"to_phase_{phase}")

    def reset(self) -> None:
        """Back to the briefing: a new start, not a step of the arc, so no transition."""
        _MACHINE.set_state(PHASES[0], model=self)
