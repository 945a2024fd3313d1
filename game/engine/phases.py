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


# The machine's own `to_phase_<phase>` events, looked up once: a tracker fires them directly
# rather than through the name its model method would look up on every change.
_ENTER = {phase: _MACHINE.events[f"to_phase_{phase}"] for phase in PHASES}


class PhaseTracker:
    """Where the session is in its arc. Authors may jump phases; the tracker follows them.

    The session tells the tracker each phase it reaches (`enter`); the machine moves there
    when someone asks which phase it is (`current`), in one transition however many phases
    went by unasked. Front ends ask on every frame and see every phase; headless runs
    (simulations, the exhaustive search), which never ask, do not pay for transitions that
    nobody would see (on short sessions, a transition every few choices).
    """

    def __init__(self):
        self.phase = PHASES[0]      # the machine's state (its model attribute)
        self.due: str | None = None  # a phase reached that the machine has not moved to yet
        _MACHINE.add_model(self, initial=PHASES[0])

    @property
    def reached(self) -> str:
        """The phase the session is in, without moving the machine."""
        return self.phase if self.due is None else self.due

    def enter(self, phase: str) -> None:
        self.due = None if phase == self.phase else phase

    def current(self) -> str:
        """The phase the session is in, the machine moved there first."""
        if self.due is not None:
            due, self.due = self.due, None
            _ENTER[due].trigger(self)
        return self.phase

    def reset(self) -> None:
        """Back to the briefing: a new start, not a step of the arc, so no transition."""
        self.due = None
        if self.phase != PHASES[0]:   # (a seat used headless never left it: nothing to set)
            _MACHINE.set_state(PHASES[0], model=self)
