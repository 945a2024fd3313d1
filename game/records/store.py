"""Attempts on disk: one SQLite database in the user's data folder.

Every choice is written in its own transaction as it is made, so a crash or a kill loses at
most the choice being made. WAL mode and a busy timeout let two windows write at once. How the
file is opened without ever losing it (in use elsewhere, read-only, damaged, newer) is in
opening.py; how rows damaged by hand or by a tool are read without hiding the rest, in rows.py.
The schema has a version, and migrations bring older databases up to date.
"""
from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

from . import opening, rows
from .practice_rows import read_practice, write_practice
from .opening import RecordsUnavailable

APP_NAME = "circle-sim"
DATA_DIR_VARIABLE = "CIRCLE_DATA_DIR"
DATABASE_NAME = "records.sqlite3"
OUTCOME_RANK = {"breakthrough": 4, "growth": 3, "stalled": 2, "rupture": 1}
GOOD_OUTCOMES = ("breakthrough", "growth")

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
    # xAPI statements waiting for the Learning Record Store (outbox.py), and each attempt's
    # registration (the id the LRS groups its statements by).
    """
    ALTER TABLE attempts ADD COLUMN registration TEXT;
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        registration TEXT NOT NULL,
        attempt_id INTEGER NOT NULL,
        statement_id TEXT NOT NULL UNIQUE,
        verb TEXT NOT NULL,
        turn INTEGER,
        choice INTEGER,
        path TEXT NOT NULL DEFAULT '[]',
        body TEXT NOT NULL,
        made_at REAL NOT NULL,
        voided INTEGER NOT NULL DEFAULT 0,
        sent_at REAL,
        tries INTEGER NOT NULL DEFAULT 0,
        problem TEXT
    );
    CREATE INDEX outbox_waiting ON outbox (sent_at, id);
    CREATE INDEX outbox_by_registration ON outbox (registration, id)
    """,
    # Deliberate practice (practice_rows.py): each reading of the room and each try taken back,
    # once each (seq is its place in the session's own list), and how the attempt was played.
    """
    CREATE TABLE readings (
        id INTEGER PRIMARY KEY,
        attempt_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        turn INTEGER NOT NULL,
        node TEXT NOT NULL,
        path TEXT NOT NULL DEFAULT '[]',
        stance TEXT NOT NULL,
        member TEXT,
        model_stance TEXT NOT NULL,
        model_member TEXT,
        model_reason TEXT NOT NULL DEFAULT '',
        model_risk INTEGER NOT NULL DEFAULT 0,
        matched INTEGER NOT NULL,
        made_at REAL NOT NULL,
        UNIQUE (attempt_id, seq)
    );
    CREATE TABLE tries (
        id INTEGER PRIMARY KEY,
        attempt_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        turn INTEGER NOT NULL,
        node TEXT NOT NULL,
        path TEXT NOT NULL DEFAULT '[]',
        number INTEGER NOT NULL,
        shown INTEGER NOT NULL DEFAULT 0,
        skill TEXT,
        stance TEXT NOT NULL,
        verdict TEXT NOT NULL,
        quality TEXT NOT NULL,
        need_stance TEXT NOT NULL,
        need_member TEXT,
        made_at REAL NOT NULL,
        UNIQUE (attempt_id, seq)
    );
    ALTER TABLE attempts ADD COLUMN play_settings TEXT NOT NULL DEFAULT '{}'
    """,
]


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """--data-dir, else $CIRCLE_DATA_DIR, else the platform's user data folder. An empty folder
    name given on purpose is a mistake, never a reason to fall back to another place."""
    if override is not None:
        if not str(override).strip():
            raise ValueError("the records folder name is empty")
        return Path(override)
    chosen = os.environ.get(DATA_DIR_VARIABLE) or platformdirs.user_data_dir(APP_NAME, appauthor=False)
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
    play_settings: dict = field(default_factory=dict)     # how it was played: scaffolds, asking (Session.play_settings)
    tries: tuple = ()              # practice_rows.StoredTry: choices taken back to try a moment again
    readings: tuple = ()           # practice_rows.StoredReading: the trainee's readings of the room

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


class RecordsReadOnly(sqlite3.OperationalError):
    """A write to records opened read-only (in use elsewhere, or in a place that cannot be written)."""


class Records:
    """The attempts database.

    `notice` says, once, what the learner should know about the file (damaged and set aside, in
    use elsewhere, read-only). `writable` is False when the records can be read but this session
    is not recorded. Opening raises RecordsUnavailable when they cannot be used at all; play then
    goes on without them. `damaged` names the attempts that had to be skipped when reading.
    """

    def __init__(self, folder: str | os.PathLike | None = None, *, patience: float | None = None):
        self.folder = data_dir(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise RecordsUnavailable(f"the records folder {self.folder} cannot be made ({err.strerror or err})") from None
        self.path = self.folder / DATABASE_NAME
        self.patience = opening.LOCKED_PATIENCE if patience is None else patience
        self.db, self.writable, self.notice = opening.open_database(self.path, MIGRATIONS, self.patience)
        self.db.text_factory = rows.lenient_text
        self.damaged: dict[int, str] = {}     # attempt id -> what is wrong with its row
        self.problems: list[str] = []          # reading problems not tied to one attempt
        # Set when a Learning Record Store is: makes each record's xAPI statements in the same
        # transaction (outbox.StatementMaker), and is told when some are waiting (lrs_link.py).
        self.statements = None
        self.on_queued = None
        self.statement_problem: str | None = None
        # attempt id -> where a resumed session's tries and readings start among its rows
        # (practice_rows.offsets_for): not (0, 0) only when some could not be restored.
        self.practice_offsets: dict[int, tuple[int, int]] = {}

    def close(self) -> None:
        self.db.close()

    def report_lines(self) -> list[str]:
        """What a reader of a report should know: problems reading, then each skipped attempt."""
        return self.problems + [f"attempt #{i} is damaged in the records ({why}); it is skipped"
                                for i, why in sorted(self.damaged.items())]

    # -- writing ------------------------------------------------------------------------------

    def _write(self, sql: str, values: tuple, also=None) -> sqlite3.Cursor:
        """One statement in its own transaction: it is all on disk, or none of it is. `also`
        writes more in the same transaction (the xAPI statements of a record)."""
        if not self.writable:
            raise RecordsReadOnly(f"the records at {self.path} are open read-only")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            cursor = self.db.execute(sql, values)
            queued = also() if also else 0
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        if queued and self.on_queued:
            self.on_queued()
        return cursor

    def _queue_statements(self, attempt_id: int, session, now: float) -> int:
        """The record's statements for the outbox. A statement that cannot be made must never
        cost the record itself: it is said once, and the next record makes it (the outbox
        knows what it lacks), so none is lost."""
        if self.statements is None:
            return 0
        self.db.execute("SAVEPOINT statements")
        try:
            queued = self.statements.queue(self.db, attempt_id, session, now)
        except Exception as err:  # a bug in making statements; the choice is recorded all the same
            self.db.execute("ROLLBACK TO statements")
            if self.statement_problem is None:
                self.statement_problem = f"{err.__class__.__name__}: {err}"
                print(f"circle: statements for the learning record store could not be made ({err}); "
                      "they will be made with the next choice", file=sys.stderr)
            queued = 0
        self.db.execute("RELEASE statements")
        return queued

    def start_attempt(self, session, learner: str = "", scenario_path: str = "") -> int:
        now = time.time()
        cursor = self._write(
            "INSERT INTO attempts (learner, scenario_id, scenario_digest, scenario_path, seed,"
            " started_at, updated_at, scores, final_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (learner, session.scenario.id, session.scenario.digest, scenario_path, session.seed,
             now, now, json.dumps(session.scores), json.dumps(session.state.as_dict())))
        return cursor.lastrowid

    def record(self, attempt_id: int, session) -> None:
        """Write the attempt as it stands now (after a choice, an undo, a retry, a reading or the
        ending), with its tries and readings not yet written, in one transaction. Safe to call
        after every change: nothing is written twice, and nothing practised is ever removed."""
        ending = session.ending if session.ended else None
        now = time.time()

        def practice_and_statements() -> int:
            write_practice(self.db, attempt_id, session, now, self.practice_offsets.get(attempt_id, (0, 0)))
            return self._queue_statements(attempt_id, session, now)

        self._write(
            "UPDATE attempts SET choices = ?, updated_at = ?, scores = ?, final_state = ?,"
            " finished_at = ?, outcome = ?, ending_node = ?, safe = ?, member_outcomes = ?,"
            " play_settings = ? WHERE id = ?",
            (json.dumps(session.choice_numbers), now, json.dumps(session.scores),
             json.dumps(session.state.as_dict()), now if ending else None,
             ending.outcome.value if ending else None, session.node_id if ending else None,
             int(session.safe), json.dumps(_member_outcomes(session) if ending else {}),
             _settings_json(session), attempt_id),
            also=practice_and_statements)

    def discard(self, attempt_id: int) -> None:
        self._write("DELETE FROM attempts WHERE id = ?", (attempt_id,))

    def set_setting(self, key: str, value) -> None:
        self._write("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, json.dumps(value)))

    def setting(self, key: str, default=None, kind: type | None = None):
        """A stored setting; the default when it is missing, unreadable or not of `kind`."""
        try:
            row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
            value = json.loads(row[0]) if row else default
        except (sqlite3.Error, ValueError, TypeError, RecursionError):
            return default
        return value if kind is None or isinstance(value, kind) else default

    # -- reading ------------------------------------------------------------------------------

    def attempts(self, learner: str | None = None, scenario_id: str | None = None,
                 finished: bool | None = None) -> list[Attempt]:
        """Matching attempts, oldest first; damaged rows are skipped and named in `damaged`."""
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
        return self._select(f"{where} ORDER BY started_at, id", values)

    def attempt(self, attempt_id: int) -> Attempt | None:
        """The attempt, or None when there is none (or its row is damaged: see `damaged`)."""
        if not -rows.LARGEST <= attempt_id < rows.LARGEST:
            return None
        found = self._select("WHERE id = ?", [attempt_id])
        return found[0] if found else None

    def _select(self, condition: str, values: list) -> list[Attempt]:
        """Rows read leniently: a missing column reads as its default, a damaged row is skipped.
        A database that cannot be read now (locked by another program) gives no rows and a problem."""
        try:
            present = rows.present_columns(self.db)
            if not present:
                return self._problem("the records file has no attempts table; no attempts can be read")
            missing = [c for c in rows.COLUMNS if c not in present]
            if missing:
                self._problem(f"the records file has lost its column(s) {', '.join(missing)}; "
                              "attempts are read without them")
            found = self.db.execute(f"SELECT {rows.select_list(present)} FROM attempts {condition}", values).fetchall()
        except sqlite3.Error as err:
            return self._problem(f"the records could not be read ({err})")
        attempts = []
        for row in found:
            try:
                attempts.append(Attempt(**rows.fields_of(row)))
            except rows.DamagedRow as err:
                self.damaged[row[0]] = str(err)
        return self._with_practice(attempts)

    def _with_practice(self, attempts: list[Attempt]) -> list[Attempt]:
        """Each attempt with its tries and readings; damaged ones are named in `problems`."""
        if not attempts:
            return attempts
        practice = read_practice(self.db, [a.id for a in attempts])
        for line in practice.problems:
            self._problem(line)
        return [replace(a, tries=practice.tries.get(a.id, ()), readings=practice.readings.get(a.id, ()))
                for a in attempts]

    def _problem(self, line: str) -> list:
        if line not in self.problems:
            self.problems.append(line)
        return []

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


def _settings_json(session) -> str:
    """How the attempt is played, as the front end set it; anything not JSON is left out
    rather than costing the record."""
    try:
        settings = dict(getattr(session, "play_settings", None) or {})
        if getattr(session, "lead_in", 0):   # started at a moment: the choices played to reach it
            settings["lead_in"] = session.lead_in
        return json.dumps(settings)
    except (TypeError, ValueError):
        return "{}"


def _member_outcomes(session) -> dict[str, str]:
    return {o.member: o.outcome for o in session.member_outcomes()}
