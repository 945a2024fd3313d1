"""--demo: the expert path plays itself, slowly enough to talk over, until Esc gives the
controls back. Space ends the current pause at once.
"""
from __future__ import annotations

from game.ui.scenes.play import focus, stages
from game.ui.scenes.play.state import Stage

LINE_PAUSE = 2.6     # each line, said in full, stays this long (time to talk over it)
CHOOSE_WAIT = 6.0    # the choices stand this long; the expert's card is ringed halfway
END_WAIT = 8.0       # the ending, before the debrief
READ_WAIT = 4.0      # reading the room: the stance is said halfway, then Done; the reveal stands as long


def skip(state) -> bool:
    """Space in the demo: the pause ends now. True when the demo took the key."""
    if not state.demo.on or state.stage not in (Stage.ASK, Stage.REVEAL, Stage.CHOOSE, Stage.ENDED):
        return False
    state.demo.waited = 10 ** 6
    return True


def update(state, tools, dt: float) -> tuple | None:
    """One step of the demo; the command to run when it is time to choose or to leave.

    `waited` counts the seconds since the screen last changed (the narration typed out, a line
    said in full, the choices opening, the ending); each pause is measured from there."""
    demo = state.demo
    moment = (state.stage, state.line_index, state.bubble is None or state.bubble.done,
              stages.narration_done(state, tools))
    if moment != demo.moment:
        demo.moment, demo.waited = moment, 0.0
    demo.waited += dt
    if state.stage == Stage.LINES and stages.line_said(state, tools):
        if demo.waited >= LINE_PAUSE:
            stages.next_line(state, tools)
    elif state.stage == Stage.CHOOSE and state.offered:
        return _choose(state)
    elif state.stage in (Stage.ASK, Stage.REVEAL):
        return _read(state)
    elif state.stage == Stage.ENDED and demo.waited >= END_WAIT:
        return ("debrief",)
    return None


def _choose(state) -> tuple | None:
    """Ring the expert's card halfway through the wait; take it at the end."""
    pick = pick_of(state.session)
    name = f"choice:{pick.shown}"
    if state.controls.focused != name and state.demo.waited >= CHOOSE_WAIT / 2:
        state.controls.focus(name)
        focus.show_targets(state)
        state.frame.dirty.add("choices")
    return ("choose", pick.shown) if state.demo.waited >= CHOOSE_WAIT else None


def _read(state) -> tuple | None:
    """At a moment that asks, the demo reads the room as the model does: the stance, then
    Done; the reveal stands a while, then the cards open."""
    waited, need = state.demo.waited, state.session.need_now
    if state.stage == Stage.REVEAL:
        return ("reveal_done",) if waited >= READ_WAIT else None
    if state.asking.stance is None and waited >= READ_WAIT / 2 and need is not None:
        return ("ask_stance", need.stance)
    return ("ask_done",) if waited >= READ_WAIT and state.asking.stance else None


def pick_of(session):
    """The card the demo takes: the expert's, found by what it is, not where it sits (the shown
    order changes with the seed); with no expert offered, the first choice as written."""
    wanted = session.expert_choice() or session.choices[0]
    return next(c for c in session.shown_choices if c.index == wanted.index)
