"""Each attempt's tries and readings of the room, as rows beside the attempt.

A try is a choice taken back to try its moment again; a reading is what the trainee said the
group needed before choosing. Both are what the trainee did, not where the story stands, so an
undo never removes them and they are written once each: `seq` is the item's place in the
session's own list (which only grows), and a (attempt, seq) pair already on disk is left as it
is. Records.record calls `write_practice` in the same transaction as the attempt row, after
every change, so a choice and the try that came before it reach the disk together.

Rows are read as leniently as the attempts themselves (rows.py): a row that does not hold what
the program wrote is named in a problem line and skipped, and the rest are kept.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from .rows import DamagedRow, LARGEST

TRIES_TABLE = "tries"
READINGS_TABLE = "readings"
TRY_COLUMNS = ("attempt_id", "seq", "turn", "node", "path", "number", "shown", "skill", "stance",
               "verdict", "quality", "need_stance", "need_member")
READING_COLUMNS = ("attempt_id", "seq", "turn", "node", "path", "stance", "member", "model_stance",
                   "model_member", "model_reason", "model_risk", "matched")
VERDICTS = ("met", "partly", "missed")
STANCES = ("lead", "follow")
FEW_ATTEMPTS = 200       # up to this many attempts are read by id; more, by reading the tables through


@dataclass(frozen=True)
class StoredTry:
    """A choice taken back, as kept: enough to count it without replaying the attempt."""

    seq: int
    turn: int                  # the decision it was (1-based, as in the history)
    node: str
    path: tuple[int, ...]      # the choice numbers that led to the moment
    number: int                # the choice taken back, as numbered for Session.choose
    shown: int                 # its number on screen
    skill: str | None
    stance: str
    verdict: str               # never `met`: only a moment not met may be tried again
    quality: str
    need_stance: str
    need_member: str | None

    def as_save(self) -> dict:
        """The try as a save keeps it (Session.restore_practice makes it again from its path)."""
        return {"path": list(self.path), "number": self.number}


@dataclass(frozen=True)
class StoredReading:
    """A reading of the room, as kept, with the model's reading it was set beside."""

    seq: int
    turn: int
    node: str
    path: tuple[int, ...]
    stance: str
    member: str | None
    model_stance: str
    model_member: str | None
    model_reason: str
    model_risk: bool
    matched: bool

    def as_save(self) -> dict:
        """In the shape of practice.Reading.as_dict, for Session.restore_practice."""
        return {"turn": self.turn, "node": self.node, "path": list(self.path), "stance": self.stance,
                "member": self.member, "matched": self.matched,
                "model": {"stance": self.model_stance, "reason": self.model_reason,
                          "member": self.model_member, "risk": self.model_risk}}


@dataclass
class Practice:
    """The tries and readings of some attempts, and the rows that could not be read."""

    tries: dict[int, tuple[StoredTry, ...]]
    readings: dict[int, tuple[StoredReading, ...]]
    problems: list[str]


# -- writing ----------------------------------------------------------------------------------

def write_practice(db: sqlite3.Connection, attempt_id: int, session, now: float,
                   offsets: tuple[int, int] = (0, 0)) -> None:
    """Add the session's tries and readings not yet on disk (inside the caller's transaction).
    `offsets` is where the session's lists start among the rows (see `offsets_for`)."""
    tries = getattr(session, "tries", ())
    readings = getattr(session, "readings", ())
    if tries:
        db.executemany(
            f"INSERT OR IGNORE INTO {TRIES_TABLE} ({', '.join(TRY_COLUMNS)}, made_at)"
            f" VALUES ({', '.join('?' * (len(TRY_COLUMNS) + 1))})",
            [_try_values(attempt_id, seq, done, now)
             for seq, done in _unwritten(db, TRIES_TABLE, attempt_id, tries, offsets[0])])
    if readings:
        db.executemany(
            f"INSERT OR IGNORE INTO {READINGS_TABLE} ({', '.join(READING_COLUMNS)}, made_at)"
            f" VALUES ({', '.join('?' * (len(READING_COLUMNS) + 1))})",
            [_reading_values(attempt_id, seq, reading, now)
             for seq, reading in _unwritten(db, READINGS_TABLE, attempt_id, readings, offsets[1])])


def _unwritten(db: sqlite3.Connection, table: str, attempt_id: int, items, offset: int) -> list[tuple[int, object]]:
    """(seq, item) for the items past the last one already written: a record after every change
    then writes only what is new, and never one twice."""
    start = _next_seq(db, table, attempt_id)
    return [(offset + place, item) for place, item in enumerate(items) if offset + place >= start]


def _next_seq(db: sqlite3.Connection, table: str, attempt_id: int) -> int:
    last = db.execute(f"SELECT MAX(seq) FROM {table} WHERE attempt_id = ?", (attempt_id,)).fetchone()[0]
    return last + 1 if isinstance(last, int) else 0


def offsets_for(db: sqlite3.Connection, attempt_id: int, session) -> tuple[int, int]:
    """Where a resumed session's tries and readings start among the attempt's rows. Normally
    (0, 0); when some rows were damaged, or did not replay on a changed file, the session holds
    fewer than the rows, and what it adds next must follow the last row, not be taken for it."""
    try:
        return (_next_seq(db, TRIES_TABLE, attempt_id) - len(session.tries),
                _next_seq(db, READINGS_TABLE, attempt_id) - len(session.readings))
    except sqlite3.Error:
        return (0, 0)


def _try_values(attempt_id: int, seq: int, done, now: float) -> tuple:
    reaction = done.reaction
    return (attempt_id, seq, reaction.turn, reaction.node_id, json.dumps(list(done.path)), done.number,
            reaction.offered.shown, reaction.offered.skill, reaction.stance, reaction.verdict,
            reaction.quality, reaction.need.stance, reaction.need.member, now)


def _reading_values(attempt_id: int, seq: int, reading, now: float) -> tuple:
    need = reading.need
    return (attempt_id, seq, reading.turn, reading.node_id, json.dumps(list(reading.path)), reading.stance,
            reading.member, need.stance, need.member, need.reason, int(bool(need.risk)), int(reading.matched), now)


# -- reading ----------------------------------------------------------------------------------

def read_practice(db: sqlite3.Connection, attempt_ids) -> Practice:
    """The tries and readings of these attempts, each in the order it was made. A file from
    before practice was kept has neither table: nothing, and nothing to report."""
    wanted = set(attempt_ids)
    practice = Practice({}, {}, [])
    for table, columns, make, into in ((TRIES_TABLE, TRY_COLUMNS, _stored_try, practice.tries),
                                       (READINGS_TABLE, READING_COLUMNS, _stored_reading, practice.readings)):
        found = _rows(db, table, columns, wanted, practice.problems)
        for row in found:
            attempt_id, seq = row[0], row[1]
            try:
                item = make(dict(zip(columns, row)))
            except DamagedRow as err:
                what = "try" if table == TRIES_TABLE else "reading of the room"
                practice.problems.append(f"a {what} (#{seq}) of attempt #{attempt_id} is damaged in the records "
                                         f"({err}); it is skipped")
                continue
            into[attempt_id] = (*into.get(attempt_id, ()), item)
    return practice


def _rows(db: sqlite3.Connection, table: str, columns: tuple, wanted: set, problems: list) -> list[tuple]:
    if not wanted:
        return []
    try:
        present = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        if not present:
            return []
        if not set(columns) <= present:
            problems.append(f"the records file's {table} table has lost columns; its rows are not read")
            return []
        few = len(wanted) <= FEW_ATTEMPTS     # one attempt (a report, a resume): only its rows
        where = f" WHERE attempt_id IN ({', '.join('?' * len(wanted))})" if few else ""
        found = db.execute(f"SELECT {', '.join(columns)} FROM {table}{where} ORDER BY attempt_id, seq",
                           sorted(wanted) if few else []).fetchall()
    except sqlite3.Error as err:
        problems.append(f"the {table} in the records could not be read ({err})")
        return []
    return [row for row in found if row[0] in wanted]


def _stored_try(raw: dict) -> StoredTry:
    return StoredTry(
        seq=_whole(raw, "seq"), turn=_whole(raw, "turn", 1), node=_word(raw, "node"), path=_path(raw),
        number=_whole(raw, "number", 1), shown=_whole(raw, "shown"), skill=_word(raw, "skill", optional=True),
        stance=_one_of(raw, "stance", STANCES), verdict=_one_of(raw, "verdict", VERDICTS),
        quality=_word(raw, "quality"), need_stance=_one_of(raw, "need_stance", STANCES),
        need_member=_word(raw, "need_member", optional=True))


def _stored_reading(raw: dict) -> StoredReading:
    return StoredReading(
        seq=_whole(raw, "seq"), turn=_whole(raw, "turn", 1), node=_word(raw, "node"), path=_path(raw),
        stance=_one_of(raw, "stance", STANCES), member=_word(raw, "member", optional=True),
        model_stance=_one_of(raw, "model_stance", STANCES), model_member=_word(raw, "model_member", optional=True),
        model_reason=_word(raw, "model_reason", optional=True) or "", model_risk=bool(_whole(raw, "model_risk")),
        matched=bool(_whole(raw, "matched")))


def _whole(raw: dict, name: str, least: int = 0) -> int:
    value = raw[name]
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value < LARGEST:
        raise DamagedRow(f"its {name} is not a whole number")
    return value


def _word(raw: dict, name: str, optional: bool = False) -> str | None:
    value = raw[name]
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise DamagedRow(f"its {name} is not text")
    return value


def _one_of(raw: dict, name: str, allowed: tuple) -> str:
    value = raw[name]
    if value not in allowed:
        raise DamagedRow(f"its {name} is not one of {', '.join(allowed)}")
    return value


def _path(raw: dict) -> tuple[int, ...]:
    try:
        value = json.loads(raw["path"]) if isinstance(raw["path"], str) else None
    except (ValueError, RecursionError):
        value = None
    if not isinstance(value, list) or not all(isinstance(n, int) and not isinstance(n, bool) and 0 < n < 2 ** 31
                                              for n in value):
        raise DamagedRow("its path is not a list of choice numbers")
    return tuple(value)
