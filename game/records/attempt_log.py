"""The link between a session being played and its row in the records.

Front ends call `update()` after every choice and undo. The attempt is created with the first
choice, so opening a scenario and leaving at once leaves nothing behind.
"""
from __future__ import annotations

import sqlite3
import sys

from game.engine import SaveMismatch, Session
from game.scenario import Scenario

from .practice_rows import offsets_for
from .replay import session_of
from .store import Attempt, Records


class AttemptLog:
    def __init__(self, records: Records | None, session: Session, learner: str = "",
                 scenario_path: str = "", attempt_id: int | None = None):
        self.records = records
        self.session = session
        self.learner = learner
        self.scenario_path = scenario_path
        self.attempt_id = attempt_id
        self.failed = False

    def update(self, session: Session | None = None) -> None:
        """Write the session as it is now. A disk problem is reported once, never fatal; records
        opened read-only were already announced when they were opened, so they stay quiet."""
        if session is not None:
            self.session = session
        if self.records is None or self.failed or not getattr(self.records, "writable", True):
            return
        try:
            if self.attempt_id is None:
                if not self.session.history:
                    return
                self.attempt_id = self.records.start_attempt(self.session, self.learner, self.scenario_path)
            self.records.record(self.attempt_id, self.session)
        except (sqlite3.Error, OSError) as err:
            self.failed = True
            print(f"circle: could not save this attempt ({err}); play goes on unsaved.", file=sys.stderr)


def resume(records: Records, attempt: Attempt, scenario: Scenario) -> AttemptLog:
    """The unfinished attempt's session, its choices replayed with the tries and readings made
    on the way (so the debrief still shows first tries and retries), logging on into the same
    row. Tries that no longer replay on a changed file are said once and left out of the
    session; they stay in the records."""
    session, problem = session_of(attempt, scenario)
    if problem:
        print(f"circle: attempt #{attempt.id}: {problem}; play goes on without them.", file=sys.stderr)
    records.practice_offsets[attempt.id] = offsets_for(records.db, attempt.id, session)
    return AttemptLog(records, session, attempt.learner, attempt.scenario_path, attempt.id)


__all__ = ["AttemptLog", "SaveMismatch", "resume"]
