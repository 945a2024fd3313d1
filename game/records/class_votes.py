"""A class session's votes, kept beside its attempt in the same records file.

An attempt played by a whole class (`play --classroom`) is an ordinary attempt (its choices are
the class's winners) plus, here, what the class voted at each decision: the first vote's and the
re-opened second vote's counts, and how many changed their mind. Counts only: no voter, address
or join code is ever written. The tables live in their own module and are created when first
needed, so the attempts' schema and its migrations stay as they are, and a records file without
them is simply one without class sessions.
"""
from __future__ import annotations

import json
import sqlite3
import sys
import time

TABLES = """
CREATE TABLE IF NOT EXISTS class_sessions (
    attempt_id INTEGER PRIMARY KEY,
    started_at REAL NOT NULL,
    updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS class_votes (
    attempt_id INTEGER NOT NULL,
    turn INTEGER NOT NULL,
    node_id TEXT NOT NULL,
    taken INTEGER NOT NULL,
    first TEXT,
    second TEXT,
    switched INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (attempt_id, turn)
);
"""


def save_class_votes(records, attempt_id: int, decisions) -> None:
    """Write the class's votes for the attempt as they stand (a rewind removes the decisions
    taken back), all in one transaction."""
    db, now = records.db, time.time()
    db.execute("BEGIN IMMEDIATE")
    try:
        for statement in filter(str.strip, TABLES.split(";")):
            db.execute(statement)
        db.execute("INSERT OR IGNORE INTO class_sessions (attempt_id, started_at, updated_at) VALUES (?, ?, ?)",
                   (attempt_id, now, now))
        db.execute("UPDATE class_sessions SET updated_at = ? WHERE attempt_id = ?", (now, attempt_id))
        db.execute("DELETE FROM class_votes WHERE attempt_id = ?", (attempt_id,))
        db.executemany(
            "INSERT INTO class_votes (attempt_id, turn, node_id, taken, first, second, switched)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(attempt_id, d.turn, d.node_id, d.taken, _json(d.first), _json(d.second), d.switched)
             for d in decisions])
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def record_class_votes(log, decisions) -> None:
    """Keep the votes with the attempt the log writes; like the log, a disk problem is said
    once on stderr and never stops the class."""
    records = getattr(log, "records", None)
    if (records is None or log.attempt_id is None or log.failed or getattr(log, "votes_failed", False)
            or not getattr(records, "writable", True)):
        return
    try:
        save_class_votes(records, log.attempt_id, decisions)
    except (sqlite3.Error, OSError) as err:
        log.votes_failed = True
        print(f"circle: could not save the class's votes ({err}); the class goes on unsaved.", file=sys.stderr)


def is_class_session(records, attempt_id: int) -> bool:
    try:
        row = records.db.execute("SELECT 1 FROM class_sessions WHERE attempt_id = ?", (attempt_id,)).fetchone()
    except sqlite3.Error:   # no such table: no class session was ever kept here
        return False
    return row is not None


def class_votes(records, attempt_id: int) -> list[dict]:
    """The decisions of a class session, in order: turn, node_id, taken, first, second, switched."""
    try:
        rows = records.db.execute(
            "SELECT turn, node_id, taken, first, second, switched FROM class_votes WHERE attempt_id = ? ORDER BY turn",
            (attempt_id,)).fetchall()
    except sqlite3.Error:
        return []
    return [{"turn": turn, "node_id": node, "taken": taken, "first": _read(first), "second": _read(second),
             "switched": switched} for turn, node, taken, first, second, switched in rows]


def _json(value) -> str | None:
    return None if value is None else json.dumps(value)


def _read(text):
    try:
        return None if text is None else json.loads(text)
    except (TypeError, ValueError):
        return None
