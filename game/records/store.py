"""Attempts on disk: one SQLite database in the user's data folder.

Every choice is written in its own transaction as it is made, so a crash or a kill loses at
most the choice being made. WAL mode and a busy timeout let two windows write at once. A
database that cannot be read is moved aside (never deleted) and a new one started; the learner
is told. The schema has a version, and migrations bring older databases up to date.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "circle-sim"
DATA_DIR_VARIABLE = "CIRCLE_DATA_DIR"
DATABASE_NAME = "records.sqlite3"
OUTCOME_RANK = {"breakthrough": 4, "growth": 3, "stalled": 2, "rupture": 1}
GOOD_OUTCOMES = ("breakthrough", "growth")
LOCKED_PATIENCE = 20.0   # seconds to wait for another window to let go of the file

# Each migration takes the database from version i to i + 1. Never edit a shipped one.
MIGRATIONS = [
    """
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        learner TEXT NOT NULL DEFAULT '',
        scenario_id TEXT NOT NULL,
        scenario_digest TEXT NOT NULL DEFAULT '',
        scenario_path TEXT NOT NULL DEFAULT '',
        seed INTEGER NOT NULL DEFAULT 0,
        choices TEXT NOT NULL DEFAULT '[]',
        started_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        finished_at REAL,
        outcome TEXT,
        ending_node TEXT,
        scores TEXT NOT NULL DEFAULT '{}',
        final_state TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX attempts_by_scenario ON attempts (scenario_id, learner);
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # Safety and who comes back: an unsafe ending never counts as good, even
    # where the attempt cannot be replayed. NULL: recorded before the program knew of risks.
    """
    ALTER TABLE attempts ADD COLUMN safe INTEGER;
    ALTER TABLE attempts ADD COLUMN member_outcomes TEXT NOT NULL DEFAULT '{}'
    """,
]


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """--data-dir, else $CIRCLE_DATA_DIR, else the platform's user data folder."""
    chosen = override or os.environ.get(DATA_DIR_VARIABLE) or platformdirs.user_data_dir(APP_NAME, appauthor=False)
    return Path(chosen)


@dataclass(frozen=True)
class Attempt:
    """One attempt as stored."""

    id: int
    learner: str
    scenario_id: str
    scenario_digest: str
    scenario_path: str
    seed: int
    choices: list[int]
    started_at: float
    updated_at: float
    finished_at: float | None
    outcome: str | None
    ending_node: str | None
    scores: dict
    final_state: dict
    safe: bool | None = None          # no risk of harm missed; None: recorded before risks were known
    member_outcomes: dict = field(default_factory=dict)   # member id -> returns | uncertain | may_drop_out

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def good(self) -> bool:
        """Breakthrough or growth, and known to be safe: a missed risk is never good, and an
        attempt recorded before safety was kept is not claimed to be."""
        return self.outcome in GOOD_OUTCOMES and self.safe is True

    @property
    def rank(self) -> tuple[int, int]:
        """For "best so far": any safe ending ranks above an unsafe one, then by outcome."""
        return (0 if self.safe is False else 1, OUTCOME_RANK.get(self.outcome or "", 0))

    def as_dict(self) -> dict:
        return dict(self.__dict__)


class Records:
    """The attempts database. `notice` says, once, if a damaged database was moved aside."""

    def __init__(self, folder: str | os.PathLike | None = None):
        self.folder = data_dir(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / DATABASE_NAME
        self.notice: str | None = None
        try:
            self.db = self._open_patiently()
        except sqlite3.DatabaseError as err:
            if isinstance(err, sqlite3.OperationalError) and _busy(err):
                raise
            moved = self._move_aside()
            self.notice = (f"Your records file could not be read ({err}); it was kept as "
                           f"{moved.name} and a new one started.")
            self.db = self._open()

    # -- opening, checking, migrating ---------------------------------------------------------

    def _open_patiently(self) -> sqlite3.Connection:
        """Open, waiting while another window holds the file: a locked database is busy, not
        damaged, and must never be moved aside. (Switching a new file to WAL does not wait for
        the busy timeout, so two windows starting at once can see "locked" at once.)"""
        deadline = time.monotonic() + LOCKED_PATIENCE
        while True:
            try:
                return self._open()
            except sqlite3.OperationalError as err:
                if not _busy(err) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        try:
            db.execute("PRAGMA busy_timeout = 10000")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")  # each choice is on disk before play goes on
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("integrity check failed")
            self._migrate(db)
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _migrate(self, db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise sqlite3.DatabaseError(f"made by a newer version of the program (schema {version})")
        for number in range(version, len(MIGRATIONS)):
            db.execute("BEGIN IMMEDIATE")
            try:
                # Another window may have migrated between our check and our lock.
                if db.execute("PRAGMA user_version").fetchone()[0] == number:
                    for statement in filter(str.strip, MIGRATIONS[number].split(";")):
                        db.execute(statement)
                    db.execute(f"PRAGMA user_version = {number + 1}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"records.damaged-{stamp}.sqlite3")
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(self.path) + suffix)
            if source.exists():
                source.replace(Path(str(target) + suffix))
        return target

    def close(self) -> None:
        self.db.close()

    # -- writing ------------------------------------------------------------------------------

    def _write(self, sql: str, values: tuple) -> sqlite3.Cursor:
        """One statement in its own transaction: it is all on disk, or none of it is."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            cursor = self.db.execute(sql, values)
            self.db.execute("COMMIT")
            return cursor
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def start_attempt(self, session, learner: str = "", scenario_path: str = "") -> int:
        now = time.time()
        cursor = self._write(
            "INSERT INTO attempts (learner, scenario_id, scenario_digest, scenario_path, seed,"
            " started_at, updated_at, scores, final_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (learner, session.scenario.id, session.scenario.digest, scenario_path, session.seed,
             now, now, json.dumps(session.scores), json.dumps(session.state.as_dict())))
        return cursor.lastrowid

    def record(self, attempt_id: int, session) -> None:
        """Write the attempt as it stands now (after a choice, an undo or the ending)."""
        ending = session.ending if session.ended else None
        now = time.time()
        self._write(
            "UPDATE attempts SET choices = ?, updated_at = ?, scores = ?, final_state = ?,"
            " finished_at = ?, outcome = ?, ending_node = ?, safe = ?, member_outcomes = ? WHERE id = ?",
            (json.dumps(session.choice_numbers), now, json.dumps(session.scores),
             json.dumps(session.state.as_dict()), now if ending else None,
             ending.outcome.value if ending else None, session.node_id if ending else None,
             int(session.safe), json.dumps(_member_outcomes(session) if ending else {}), attempt_id))

    def discard(self, attempt_id: int) -> None:
        self._write("DELETE FROM attempts WHERE id = ?", (attempt_id,))

    def set_setting(self, key: str, value) -> None:
        self._write("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, json.dumps(value)))

    def setting(self, key: str, default=None):
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    # -- reading ------------------------------------------------------------------------------

    def attempts(self, learner: str | None = None, scenario_id: str | None = None,
                 finished: bool | None = None) -> list[Attempt]:
        clauses, values = [], []
        if learner is not None:
            clauses.append("learner = ?")
            values.append(learner)
        if scenario_id is not None:
            clauses.append("scenario_id = ?")
            values.append(scenario_id)
        if finished is not None:
            clauses.append("finished_at IS NOT NULL" if finished else "finished_at IS NULL")
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self.db.execute(f"SELECT * FROM attempts {where} ORDER BY started_at, id", values)
        return [_attempt(row) for row in rows.fetchall()]

    def attempt(self, attempt_id: int) -> Attempt | None:
        row = self.db.execute("SELECT * FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
        return _attempt(row) if row else None

    def unfinished(self, learner: str | None = None) -> list[Attempt]:
        """Attempts that stopped before an ending with at least one choice made, newest first."""
        return [a for a in reversed(self.attempts(learner, finished=False)) if a.choices]

    def best_outcomes(self, learner: str | None = None) -> dict[str, tuple[int, str | None]]:
        """scenario id -> (attempts, best outcome so far); a safe ending always beats an unsafe
        one (see best_endings, which also says whether the best was safe)."""
        return {sid: (count, best.outcome if best else None)
                for sid, (count, best) in self.best_endings(learner).items()}

    def best_endings(self, learner: str | None = None) -> dict[str, tuple[int, Attempt | None]]:
        """scenario id -> (attempts, the finished attempt with the best ending, or None).

        Best means safe first, then the outcome: an unsafe growth never beats a safe stall.
        """
        summary: dict[str, tuple[int, Attempt | None]] = {}
        for attempt in self.attempts(learner):
            count, best = summary.get(attempt.scenario_id, (0, None))
            if attempt.outcome and (best is None or attempt.rank > best.rank):
                best = attempt
            summary[attempt.scenario_id] = (count + 1, best)
        return summary


def _attempt(row: tuple) -> Attempt:
    (id_, learner, scenario_id, digest, path, seed, choices, started, updated, finished,
     outcome, ending_node, scores, final_state, safe, members) = row
    return Attempt(id_, learner, scenario_id, digest, path, seed, json.loads(choices), started,
                   updated, finished, outcome, ending_node, json.loads(scores), json.loads(final_state),
                   None if safe is None else bool(safe), json.loads(members))


def _busy(err: sqlite3.OperationalError) -> bool:
    return "locked" in str(err) or "busy" in str(err)


def _member_outcomes(session) -> dict[str, str]:
    return {o.member: o.outcome for o in session.member_outcomes()}
