"""A new attempt at a scenario: its seed, its session and its row in the records.

The seed sets the order the choices are shown in (TEACHING.md). `--seed N` shows the order of
seed N every time; without it each attempt draws a fresh seed, so a learner who plays again
cannot lean on where the right answer sat last time. The seed is recorded with the attempt,
so any attempt can still be replayed exactly.
"""
from __future__ import annotations

import random

SEEDS = (1, 1_000_000)
_fresh = random.SystemRandom()


def attempt_seed(args) -> int:
    """The seed the command line gave (`--seed`), else a fresh one for this attempt."""
    given = getattr(args, "seed", None)
    if given is not None:
        return int(given)
    return _fresh.randrange(*SEEDS)


def new_attempt(app, scenario, path: str = "", at: str | None = None):
    """(session, attempt log) for a fresh attempt at `scenario`, seeded as `attempt_seed` says;
    it asks for a reading of the room at every moment when the "Read the room" setting (or
    `play --ask-every`, for this run) says so."""
    from game.engine import Session
    from game.records import AttemptLog

    every = getattr(app.settings, "ask", "marked") == "every" or bool(getattr(app.args, "ask_every", False))
    session = Session(scenario, seed=attempt_seed(app.args), ask_every=every)
    if at:
        _start_at(app, session, at)
    return session, listening(AttemptLog(app.records, session, app.learner, path))


def _start_at(app, session, at: str) -> None:
    """The moment to practise, reached by playing the way there for the trainee; a moment no
    path reaches (the file changed) starts from the beginning, and a notice says so."""
    from game.present import NoSuchNode, practise_from

    try:
        practise_from(session, at)
    except NoSuchNode:
        app.notice = f"The moment '{at}' cannot be reached now; starting from the beginning."


def listening(log):
    """The attempt's log, told of every change to its session (a choice, an undo, a rewind, a
    jump, a reload): the records follow play without the screen having to remember them."""
    log.session.subscribe(log.update)
    return log
