"""Saving a session as one versioned dict, and loading it back by replaying its choices."""
from __future__ import annotations

SAVE_VERSION = 1


class SaveMismatch(ValueError):
    """A save that cannot be replayed against this scenario; the message says why."""


def save_of(session) -> dict:
    save = {
        "version": SAVE_VERSION,
        "scenario": session.scenario.id,
        "digest": session.scenario.digest,
        "seed": session.seed,
        "choices": session.choice_numbers,
    }
    if session.tries or session.readings or session.ask_every or session.lead_in:
        save["practice"] = {**session.practice_save(), "ask_every": session.ask_every}
    return save


def session_from_save(cls, data: dict, scenario):
    """A session with the saved choices replayed; SaveMismatch if that is not possible."""
    if not isinstance(data, dict) or data.get("version") != SAVE_VERSION:
        raise SaveMismatch("this save was made by another version of the program")
    if data.get("scenario") != scenario.id:
        raise SaveMismatch(f"this save is for scenario '{data.get('scenario')}', not '{scenario.id}'")
    choices, seed = data.get("choices"), data.get("seed", 0)
    if not isinstance(seed, int) or not isinstance(choices, list) or not all(isinstance(c, int) for c in choices):
        raise SaveMismatch("this save is damaged (seed or choices are not numbers)")
    practice = data.get("practice")
    session = cls(scenario, seed=seed, ask_every=isinstance(practice, dict) and practice.get("ask_every") is True)
    try:
        session.replay(choices)
        if isinstance(practice, dict):
            _restore_practice(session, practice, cls)
    except ValueError as err:
        changed = data.get("digest") not in ("", None, scenario.digest)
        why = "the scenario file has changed since this was saved, and " if changed else ""
        session.close()
        raise SaveMismatch(f"{why}the saved choices no longer replay: {err}") from None
    return session


def _restore_practice(session, practice: dict, cls) -> None:
    """The save's tries and readings; a damaged part is a SaveMismatch, like damaged choices."""
    try:
        session.restore_practice(practice, cls)
        session.replay(session.choice_numbers)   # the choices made again, marked with their practice
    except (KeyError, TypeError, AttributeError) as err:
        raise ValueError(f"its practice record is damaged ({err})") from None
