"""Sending the outbox to the Learning Record Store: now (`records sync`), or in the background.

A statement is marked sent only after the LRS has said it holds it. If the program stops between
the LRS's answer and the mark, the statement is sent again with the same id and the LRS keeps
one copy, so a crash can repeat a request but never a statement. When the LRS is away, the
background sender waits longer each time (with a little jitter, so a class of laptops does not
knock at once) and play never waits for it; what is left is sent on the next start.
"""
from __future__ import annotations

import random
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from . import lrs as client
from .lrs_settings import Lrs
from .outbox import waiting, waiting_count

FIRST_WAIT = 1.0        # seconds before the first retry after a failure
LONGEST_WAIT = 120.0    # backoff stops growing here: an LRS back after lunch is found within minutes
IDLE_CHECK = 60.0       # with nothing to do, look again now and then (another window may have queued)
FINAL_PATIENCE = 3.0    # at exit, how long the last statements may take to go


@dataclass
class Delivery:
    sent: int = 0                # statements the LRS now holds that it did not before this pass
    refused: int = 0             # statements the LRS would not take (kept, with its reason)
    waiting: int = 0             # still waiting after the pass
    problem: str | None = None   # why the pass stopped early (the LRS away, or refusing us)

    @property
    def ok(self) -> bool:
        return self.problem is None and not self.refused


def deliver(db: sqlite3.Connection, lrs: Lrs) -> Delivery:
    """Send everything waiting, oldest first, marking each batch as the LRS takes it."""
    delivery = Delivery()
    rows = waiting(db)
    try:
        for start in range(0, len(rows), client.BATCH):
            batch = rows[start:start + client.BATCH]
            sent = client.send(lrs, [statement for _, statement in batch])
            _mark(db, sent)
            delivery.sent += len(sent.stored)
            delivery.refused += len(sent.refused)
    except (client.LrsAway, client.LrsRefused) as err:
        delivery.problem = str(err)
    delivery.waiting = waiting_count(db)
    return delivery


def _mark(db: sqlite3.Connection, sent: client.Sent) -> None:
    """Sent rows get their time; refused ones a try more and the LRS's reason. One transaction."""
    now = time.time()
    db.execute("BEGIN IMMEDIATE")
    try:
        db.executemany("UPDATE outbox SET sent_at = ?, problem = NULL WHERE statement_id = ? AND sent_at IS NULL",
                       [(now, statement_id) for statement_id in sent.stored])
        db.executemany("UPDATE outbox SET tries = tries + 1, problem = ? WHERE statement_id = ?",
                       [(why, statement_id) for statement_id, why in sent.refused.items()])
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def connect_db(path: Path) -> sqlite3.Connection:
    """A connection of the sender's own (a connection belongs to the thread that made it)."""
    return sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)


class Sender:
    """Sends in a background thread whenever statements are queued, and on start."""

    def __init__(self, database: Path, lrs: Lrs, *, first_wait: float = FIRST_WAIT,
                 longest_wait: float = LONGEST_WAIT):
        self.database, self.lrs = database, lrs
        self.first_wait, self.longest_wait = first_wait, longest_wait
        self.last: Delivery | None = None     # the last pass, for anyone who asks how it went
        self.sent = 0
        self._backoff = 0.0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._thread = threading.Thread(target=self._run, name="circle-lrs-sender", daemon=True)

    def start(self) -> "Sender":
        self._thread.start()
        return self

    def nudge(self) -> None:
        """Statements were queued: send them soon (after any backoff still running)."""
        self._idle.clear()
        self._wake.set()

    def wait_idle(self, timeout: float) -> bool:
        """True once a pass has left nothing waiting (for tests and the last moments of a run)."""
        return self._idle.wait(timeout)

    def finish(self, patience: float = FINAL_PATIENCE) -> None:
        """At exit: one last pass if the LRS was reachable, waiting at most `patience` seconds.
        Whatever is left waits in the outbox for the next start."""
        if not self._thread.is_alive():
            return
        if self.last is not None and self.last.problem is None:
            self.nudge()
            self._idle.wait(patience)
        self._stop.set()
        self._wake.set()

    def close(self, patience: float = 10.0) -> None:
        """Stop now, without a last pass (what waits stays in the outbox), and let the thread end."""
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(patience)

    def _run(self) -> None:
        db = connect_db(self.database)
        try:
            while not self._stop.is_set():
                self._wake.clear()
                delay = self._pass(db)
                if delay:
                    self._stop.wait(delay)     # backoff: new statements wait for it too
                else:
                    self._wake.wait(IDLE_CHECK)
        finally:
            db.close()

    def _pass(self, db: sqlite3.Connection) -> float:
        """One pass; the wait before the next (0: wait to be nudged). The backoff doubles from
        `first_wait` to `longest_wait`; the jitter is added to each wait, never compounded."""
        try:
            self.last = deliver(db, self.lrs)
        except sqlite3.Error as err:            # the records are busy in another window: later
            self.last = Delivery(problem=f"the records could not be read ({err})")
        self.sent += self.last.sent
        if self.last.ok:
            self._backoff = 0.0
            if self.last.waiting == 0:
                self._idle.set()
            else:                               # more arrived during the pass: go again now
                self._wake.set()
            return 0.0
        self._backoff = min(self.longest_wait, max(self.first_wait, self._backoff * 2))
        return self._backoff * random.uniform(0.8, 1.2)
