"""What the play screen shows of the model now: the meters and the members' thoughts.

Three things decide it. The learner's M and T toggles say what they asked to see; the
scaffolds (present.scaffolds, by the scenario's level or the Scaffolds setting) say what may be
seen while choosing (intermediate: thoughts only after a choice; advanced: neither until the
debrief); and while the trainee reads the room nothing of the model shows, so the reading is
their own. A key that asks for something the scaffolds hide gets a short notice saying why and
where to change it, never a silent nothing.
"""
from __future__ import annotations

from game.present.scaffolds import scaffolds_for, setting_in_force
from game.ui.scenes.play.state import Stage

READING = (Stage.ASK, Stage.REVEAL)
WHERE = "Change Scaffolds in Settings (Esc, then Settings)."


def scaffolds_of(session, settings, given: str | None = None):
    """The scaffolds for this session's scenario under the Scaffolds setting, or under
    `play --scaffolds` (`given`) for this run when it names a level."""
    return scaffolds_for(session.scenario.level.value, setting_in_force(getattr(settings, "scaffolds", None), given))


def play_settings(scaffolds, session) -> dict:
    """What the attempt records of how it was played: the scaffolds, and whether every moment
    asked for a reading (as the session was started, not as the setting reads now)."""
    return {"scaffolds": scaffolds.as_record(), "ask": "every" if session.ask_every else "marked"}


def choosing(state) -> bool:
    """The trainee has this moment's choice before them (not: the room is answering one)."""
    return not state.answered and state.stage != Stage.ENDED


def meters_shown(state, tools) -> bool:
    return tools.settings.meters and _allowed(state, "meters")


def thoughts_shown(state, tools) -> bool:
    return tools.settings.inner_state and _allowed(state, "thoughts")


def _allowed(state, what: str) -> bool:
    if state.stage in READING:
        return False
    scaffolds = state.scaffolds
    if scaffolds is None:
        return True
    shown = scaffolds.meters_shown if what == "meters" else scaffolds.thoughts_shown
    return shown(choosing(state))


def refresh(state, tools) -> None:
    """Mark the meters' and thoughts' panels to redraw when what they may show changed (a stage
    began, a choice was made, a setting changed)."""
    now = (meters_shown(state, tools), thoughts_shown(state, tools))
    state.circle.inner = now[1]
    if now != state.shown:
        state.shown = now
        state.frame.dirty.update(("top", "side"))


def hidden_notice(state, key: str) -> str | None:
    """Why M (`meters`) or T (`inner_state`) shows nothing now; None when it would show."""
    what = "meters" if key == "meters" else "thoughts"
    words = "The meters" if what == "meters" else "The members' thoughts"
    if state.stage in READING:
        return f"{words} stay hidden while you read the room: your reading is your own."
    scaffolds = state.scaffolds
    if scaffolds is None or _allowed(state, what):
        return None
    when = scaffolds.meters if what == "meters" else scaffolds.thoughts
    if when == "debrief":
        return f"{words} stay hidden until the debrief at {scaffolds.level} level. {WHERE}"
    return f"{words} show after your choice at {scaffolds.level} level. {WHERE}"


def open_for_beginner(app, state) -> None:
    """A beginner's new attempt opens with the meters and the thoughts on. Only for this run of
    the window, as --presenter does: what is stored stays the learner's own choice, and M or T
    turns either off again."""
    if state.scaffolds is None or state.scaffolds.level != "beginner":
        return
    store = app.store
    store.active = store.active.with_value("meters", True).with_value("inner_state", True)
