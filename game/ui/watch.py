"""Watching the scenario file while it is played, so an author's save reloads it (no pygame).

A cheap `os.stat` about once a second compares the file's modification time and size with the
version on screen. A change is not read at once: editors write in pieces (and some delete the
file and write a new one), so the watch waits until the file has looked the same for SETTLE
seconds, polling quickly meanwhile, and only then says it is time to reload. Time comes from
the caller's `dt`, so tests drive it with simulated seconds; no thread, no dependency.
"""
from __future__ import annotations

import os

POLL = 1.0          # seconds between looks while nothing is happening
SETTLE = 0.3        # how long a change must hold still before it is read
QUICK = 0.1         # how often to look while a change settles

Signature = tuple[int, int] | None   # (mtime_ns, size); None while the file cannot be read


def signature(path: str | os.PathLike) -> Signature:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


class FileWatch:
    """`update(dt)` is True once per settled change of the file at `path`."""

    def __init__(self, path: str | os.PathLike, poll: float = POLL, settle: float = SETTLE):
        self.path, self.poll, self.settle = path, poll, settle
        self.clock = 0.0
        self.seen: Signature = signature(path)     # the version the screen shows
        self.pending: Signature = None             # a change waiting to settle...
        self.pending_since: float | None = None    # ...seen unchanged since this time
        self.next_look = poll

    @property
    def settling(self) -> bool:
        return self.pending_since is not None

    def update(self, dt: float) -> bool:
        self.clock += dt
        if self.clock < self.next_look:
            return False
        now = signature(self.path)
        if not self.settling:
            self.next_look = self.clock + self.poll
            if now != self.seen:
                self._start_settling(now)
            return False
        if now != self.pending:                  # still being written
            self._start_settling(now)
            return False
        if now == self.seen:                     # changed, then changed back
            self._stop_settling()
            return False
        if self.clock - self.pending_since >= self.settle:
            self.seen = now
            self._stop_settling()
            return True
        self.next_look = self.clock + QUICK
        return False

    def mark_read(self) -> None:
        """The file was just read by other means (F5): its present version is the one on screen."""
        self.seen = signature(self.path)
        self._stop_settling()

    def _start_settling(self, now: Signature) -> None:
        self.pending, self.pending_since = now, self.clock
        self.next_look = self.clock + QUICK

    def _stop_settling(self) -> None:
        self.pending, self.pending_since = None, None
        self.next_look = self.clock + self.poll
