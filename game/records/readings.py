"""The trainee's readings of the room, as the records keep them: how often asked, how often right.

At a node marked `ask: true` (or everywhere, when the trainee chooses), the trainee says what the
group needs before the choices appear, and the model's reading is shown beside theirs. Each
reading is one row of the table `readings` (made by the records schema's migration, written by
practice_rows.py with the attempt). A records file opened read-only from before that migration
has no such table: no reading was kept in it, and the tally is zero.

`matched` is decided when the reading is made and stored with it: the stance said is the
model's, and when the trainee also named a member, it is the member the need was about. A
later change to the model then never rewrites what a trainee was told at the time.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

TABLE = "readings"    # made by the records schema (store.MIGRATIONS), written by practice_rows.py


@dataclass
class ReadingTally:
    """How often the trainee was asked to read the room, and how often they read it as the
    model did."""

    asked: int = 0
    matched: int = 0

    def as_dict(self) -> dict:
        return {"asked": self.asked, "matched": self.matched}


def has_readings(db: sqlite3.Connection) -> bool:
    """Whether this records file keeps readings at all."""
    try:
        found = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone()
    except sqlite3.Error:
        return False
    return found is not None


def tally_readings(db: sqlite3.Connection, attempt_ids) -> tuple[ReadingTally, str | None]:
    """(the readings of these attempts counted, None), or zeros and why they could not be read.
    A file without the table has kept none: zeros, and nothing to report."""
    wanted = set(attempt_ids)
    tally = ReadingTally()
    if not wanted or not has_readings(db):
        return tally, None
    try:
        rows = db.execute(f"SELECT attempt_id, matched FROM {TABLE}").fetchall()
    except sqlite3.Error as err:
        return tally, f"the readings of the room could not be read ({err})"
    for attempt_id, matched in rows:
        if attempt_id in wanted:
            tally.asked += 1
            tally.matched += 1 if matched == 1 else 0
    return tally, None
