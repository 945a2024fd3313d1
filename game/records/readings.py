"""The trainee's readings of the room, as the records keep them: how often asked, how often right.

At a node marked `ask: true` (or everywhere, when the trainee chooses), the trainee says what the
group needs before the choices appear, and the model's reading is shown beside theirs. Each
reading is one row of the table `readings`, in the shape of READINGS_TABLE. Until a records
file has that table no reading has been kept in it, and the tally is zero: this module reads the
table when it is there and never creates it (making it is the records schema's job, by
migration, together with the code that writes the rows).

`matched` is decided when the reading is made and stored with it: the stance said is the
model's, and when the trainee also named a member, it is the member the need was about. A
later change to the model then never rewrites what a trainee was told at the time.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

TABLE = "readings"
READINGS_TABLE = """
CREATE TABLE readings (
    id INTEGER PRIMARY KEY,
    attempt_id INTEGER NOT NULL,
    turn INTEGER NOT NULL,            -- the decision it came before (1-based, as in the history)
    node TEXT NOT NULL,
    stance TEXT NOT NULL,             -- what the trainee said the group needs: lead | follow
    member TEXT,                      -- who they said most needs attention, if anyone
    model_stance TEXT NOT NULL,       -- the model's reading at that moment
    model_member TEXT,
    matched INTEGER NOT NULL,         -- 1 when the trainee's reading matched the model's
    made_at REAL NOT NULL
)
"""


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
