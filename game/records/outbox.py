"""The outbox: xAPI statements waiting in the records until the Learning Record Store has them.

A statement is put in the outbox in the same transaction that records the choice it reports,
so the records and the outbox never disagree: a crash loses both or neither. Sending happens
later (sender.py); a row is marked sent only once the LRS has said it stored the statement, and
is never deleted, so nothing is dropped however long the LRS is away.

Which statements a record needs is worked out from the outbox itself, never from memory of
this run: the decisions already reported form a path, and only what differs from the session's
choices is added. Replaying a session (a reload, a resume) adds nothing; an undo voids the
statements it took back, since they no longer describe the attempt, except a choice the session
took back to try its moment again (one of its tries): that stays on record as the first try,
and the answer made in its place says it is a retry.
"""
from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass, field

from game.engine import debrief_of

from . import xapi
from .exchange import ExportedMember, decisions_of, iso_time
from .replay import offered_each_turn

SECRET_KEY = "xapi.secret"     # a random UUID per records file: anonymous ids and registrations


@dataclass
class Standing:
    """What the outbox already says of one attempt (statements not voided)."""

    count: int = 0                                  # statements made for it, voided ones too
    path: list[tuple[int, int]] = field(default_factory=list)    # (choice number, row id) per turn
    ended: tuple[int, list[int]] | None = None      # (row id, choices) of its completed statement

    @property
    def numbers(self) -> list[int]:
        return [number for number, _ in self.path]


class StatementMaker:
    """Attached to the records when an LRS is set: adds an attempt's new statements to the
    outbox inside the transaction that records it. `identify` is the learner's choice: "name"
    or "anonymous"."""

    def __init__(self, identify: str = "anonymous"):
        self.identify = identify

    def queue(self, db: sqlite3.Connection, attempt_id: int, session, now: float) -> int:
        """Add what the record at `now` changes; the number of statements added."""
        facts = self._facts(db, attempt_id, session)
        standing = _standing(db, facts.registration)
        rows = _Rows(facts, standing.count, now)
        current = session.choice_numbers
        kept = _stated(db, facts.registration, session, _common(standing.numbers, current))
        if kept < len(standing.path):
            rows.void(db, _taken_back(session, standing, kept))
        if standing.ended and standing.ended[1] != current:
            rows.void(db, [standing.ended[0]])
        if rows.count == 0:
            rows.add("initialized", xapi.initialized(facts, rows.next_sequence, self._started(db, attempt_id)))
        if kept < len(current):
            self._answered(rows, session, kept)
        if session.ended and (standing.ended is None or standing.ended[1] != current):
            rows.add("completed", xapi.completed(facts, rows.next_sequence, now, session,
                                                 _ending(session, now)), path=current)
        return rows.insert(db)

    def _answered(self, rows: "_Rows", session, kept: int) -> None:
        """One statement per decision after the first `kept`, each as the export writes it."""
        debrief = debrief_of(session)
        offered = offered_each_turn(session.scenario, session.seed, session.choice_numbers)
        decisions = decisions_of(session, debrief, offered)
        standing = {"scores": session.scores, "group": session.state.as_dict()["group"]}
        for reaction, decision in zip(session.history[kept:], decisions[kept:]):
            made = xapi.answered(rows.facts, rows.next_sequence, rows.now, reaction,
                                 decision.model_dump(mode="json"), session.scenario)
            if reaction is session.history[-1]:
                made["context"]["extensions"][xapi.ext("standing")] = standing
            rows.add("answered", made, turn=reaction.turn, choice=reaction.offered.number,
                     path=session.choice_numbers[:reaction.turn - 1])

    def _facts(self, db: sqlite3.Connection, attempt_id: int, session) -> xapi.AttemptFacts:
        learner, started_at, digest, seed, registration = db.execute(
            "SELECT learner, started_at, scenario_digest, seed, registration FROM attempts WHERE id = ?",
            (attempt_id,)).fetchone()
        secret = _secret(db)
        if not registration:
            registration = str(uuid.uuid4())
            db.execute("UPDATE attempts SET registration = ? WHERE id = ?", (registration, attempt_id))
        scenario = session.scenario
        return xapi.AttemptFacts(
            attempt_id=attempt_id, registration=registration,
            actor=xapi.actor(learner or "", self.identify, secret), scenario_id=scenario.id,
            scenario_title=scenario.display_title, started=iso_time(started_at), seed=seed, digest=digest)

    @staticmethod
    def _started(db: sqlite3.Connection, attempt_id: int) -> float:
        return db.execute("SELECT started_at FROM attempts WHERE id = ?", (attempt_id,)).fetchone()[0]


class _Rows:
    """The statements one record adds, numbered on from those already made."""

    def __init__(self, facts: xapi.AttemptFacts, count: int, now: float):
        self.facts, self.count, self.now = facts, count, now
        self.made: list[tuple] = []

    @property
    def next_sequence(self) -> int:
        return self.count + 1

    def add(self, verb: str, statement: dict, turn: int | None = None, choice: int | None = None,
            path: list[int] | None = None) -> None:
        self.count += 1
        self.made.append((self.facts.registration, self.facts.attempt_id, statement["id"], verb, turn,
                          choice, json.dumps(path or []), json.dumps(statement, ensure_ascii=False), self.now))

    def void(self, db: sqlite3.Connection, row_ids: list[int]) -> None:
        """Void statements that no longer describe the attempt (taken back by an undo)."""
        for row_id in row_ids:
            target = db.execute("SELECT statement_id FROM outbox WHERE id = ?", (row_id,)).fetchone()[0]
            db.execute("UPDATE outbox SET voided = 1 WHERE id = ?", (row_id,))
            self.add("voided", voiding(self.facts, self.next_sequence, self.now, target))

    def insert(self, db: sqlite3.Connection) -> int:
        db.executemany("INSERT INTO outbox (registration, attempt_id, statement_id, verb, turn, choice, path,"
                       " body, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", self.made)
        return len(self.made)


def voiding(facts: xapi.AttemptFacts, sequence: int, now: float, target: str) -> dict:
    """xAPI's way to take a statement back: a new statement naming it. (Its context has no
    `platform`: xAPI allows that only when the object is an activity.)"""
    context = facts.context(sequence, parent=False)
    del context["platform"]
    return {"id": str(uuid.uuid4()), "actor": facts.actor,
            "verb": {"id": xapi.VOIDED, "display": {"en-US": "voided"}},
            "object": {"objectType": "StatementRef", "id": target}, "context": context,
            "timestamp": xapi.timestamp(now), "version": xapi.VERSION}


def _standing(db: sqlite3.Connection, registration: str) -> Standing:
    standing = Standing()
    standing.count = db.execute("SELECT COUNT(*) FROM outbox WHERE registration = ?", (registration,)).fetchone()[0]
    for row_id, verb, turn, choice, path in db.execute(
            "SELECT id, verb, turn, choice, path FROM outbox WHERE registration = ? AND voided = 0"
            " AND verb IN ('answered', 'completed') ORDER BY id", (registration,)):
        if verb == "answered":
            standing.path = standing.path[:turn - 1] + [(choice, row_id)]
        else:
            standing.ended = (row_id, json.loads(path))
    return standing


def _taken_back(session, standing: Standing, kept: int) -> list[int]:
    """The rows past the first `kept` turns that an undo took back. A choice taken back to try
    its moment again (one of the session's tries) is not: it was answered, and stays on record
    as the first try; the answer made in its place says it is a retry."""
    tried = {(tuple(t.path), t.number) for t in getattr(session, "tries", ())}
    numbers = standing.numbers
    return [row for turn, (number, row) in enumerate(standing.path[kept:], start=kept)
            if (tuple(numbers[:turn]), number) not in tried]


def _stated(db: sqlite3.Connection, registration: str, session, shared: int) -> int:
    """How many of the session's decisions are already answered statements, of the `shared`
    whose choice numbers match. A retry may take the same choice as the try taken back; it is
    a new answer all the same: at a moment tried again, a decision is stated only when there
    are more answers to it than tries taken back there."""
    tries = getattr(session, "tries", ())
    if not tries:
        return shared
    current = session.choice_numbers
    for turn in range(shared):
        path, number = current[:turn], current[turn]
        taken = sum(1 for t in tries if list(t.path) == path and t.number == number)
        if taken and _answers_at(db, registration, path, number) <= taken:
            return turn
    return shared


def _answers_at(db: sqlite3.Connection, registration: str, path: list[int], number: int) -> int:
    return db.execute("SELECT COUNT(*) FROM outbox WHERE registration = ? AND verb = 'answered' AND voided = 0"
                      " AND turn = ? AND choice = ? AND path = ?",
                      (registration, len(path) + 1, number, json.dumps(path))).fetchone()[0]


def _common(left: list[int], right: list[int]) -> int:
    """How many leading choices two paths share."""
    shared = 0
    for a, b in zip(left, right):
        if a != b:
            break
        shared += 1
    return shared


def _secret(db: sqlite3.Connection) -> str:
    """This records file's secret, made the first time it is needed (inside the caller's
    transaction, so two windows cannot make two)."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", (SECRET_KEY,)).fetchone()
    try:
        return str(uuid.UUID(json.loads(row[0])))
    except (TypeError, ValueError):
        secret = str(uuid.uuid4())
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (SECRET_KEY, json.dumps(secret)))
        return secret


def _ending(session, now: float) -> dict:
    """What the export keeps of an ending, for the class report made from the LRS."""
    debrief = debrief_of(session)
    names = session.names
    members = [ExportedMember(member=o.member, name=names.get(o.member, o.member), outcome=o.outcome,
                              reason=o.reason).model_dump(mode="json") for o in debrief.members]
    return {"outcome": session.ending.outcome.value, "ending": session.node_id, "finished": iso_time(now),
            "safe": debrief.safe, "missed_risks": list(debrief.missed_risks), "members": members,
            "scores": session.scores, "final_group": session.state.as_dict()["group"],
            "choices": session.choice_numbers}


# -- reading the outbox ---------------------------------------------------------------------------

def waiting(db: sqlite3.Connection, limit: int | None = None) -> list[tuple[int, dict]]:
    """(row id, statement) of every statement not yet sent, oldest first."""
    sql = "SELECT id, body FROM outbox WHERE sent_at IS NULL ORDER BY id"
    found = db.execute(sql + (f" LIMIT {int(limit)}" if limit else "")).fetchall()
    return [(row_id, json.loads(body)) for row_id, body in found]


def waiting_count(db: sqlite3.Connection) -> int:
    try:
        return db.execute("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL").fetchone()[0]
    except sqlite3.Error:
        return 0
