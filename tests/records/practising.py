"""Playing attempts as a student practising would: reading the room, trying missed moments again."""
from __future__ import annotations

import random
from pathlib import Path

from game.engine import Session
from game.records import AttemptLog, Records
from game.scenario import load_path


def practise(records: Records, path: Path, learner: str, *, rng_seed: int, seed: int = 0,
             retry_share: float = 0.7, stop_after: int | None = None,
             settings: dict | None = None) -> tuple[Session, AttemptLog]:
    """One attempt asking at every node: a reading (random stance, sometimes a member) before each
    choice, a random choice, and, when its need was not met, often a retry. The log is told after
    every change, as the front ends' listener is."""
    session = Session(load_path(path).scenario, seed=seed, ask_every=True)
    session.play_settings = dict(settings or {"ask": "every"})
    log = AttemptLog(records, session, learner, str(path))
    session.subscribe(log.update)
    rng = random.Random(rng_seed)
    while not session.ended and (stop_after is None or len(session.history) < stop_after):
        if session.asking:
            member = rng.choice([None, *session.names])
            session.read_room(rng.choice(["lead", "follow"]), member)
        session.choose(rng.choice(session.choices).number)
        if session.can_retry and rng.random() < retry_share:
            session.retry()
    return session, log


def practised_until_a_retry(records: Records, path: Path, learner: str, *, first_seed: int = 0,
                            **options) -> tuple[Session, AttemptLog]:
    """The first of a run of seeded attempts that holds at least one try and one reading (the
    others are discarded from the records)."""
    for rng_seed in range(first_seed, first_seed + 200):
        session, log = practise(records, path, learner, rng_seed=rng_seed, **options)
        if session.tries and session.readings:
            return session, log
        if log.attempt_id is not None:
            records.discard(log.attempt_id)      # only the attempts returned stay in the records
    raise AssertionError("no attempt with a retry in 200 seeds")
