"""Saving a session as one versioned dict, and loading it back by replaying its choices."""
from __future__ import annotations

SAVE_VERSION = 1


class SaveMismatch(ValueError):
    """A save that cannot be replayed against this scenario; the message says why."""


def save_of(session) -> dict:
    return {
        "version": SAVE_VERSION,
        "scenario": session.scenario.id,
        "digest": session.scenario.digest,
        "seed": session.seed,
        "choices": session.choice_numbers,
    }


def session_from_save(cls, data: dict, scenario):
    """A session with the saved choices replayed; SaveMismatch if that is not possible."""
    if not isinstance(data, dict) or data.get("version") != SAVE_VERSION:
        raise SaveMismatch("this save was made by another version of the program")
    if data.get("scenario") != scenario.id:
        raise SaveMismatch(f"this save is for scenario '{data.get('scenario')}', not '{scenario.id}'")
    choices, seed = data.get("choices"), data.get("seed", 0)
    if not isinstance(seed, int) or not isinstance(choices, list) or not all(isinstance(c, int) for c in choices):
        raise SaveMismatch("this save is damaged (seed or choices are not numbers)")
    session = cls(scenario, seed=seed)
    try:
        session.replay(choices)
    except ValueError as err:
        changed = data.get("digest") not in ("", None, scenario.digest)
        why = "the scenario file has changed since this was saved, and " if changed else ""
        session.close()
        raise SaveMismatch(f"{why}the saved choices no longer replay: {err}") from None
    return session
