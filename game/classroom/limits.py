"""How much one voter, or one network address, may send: a flood is refused, a class is not.

A classroom's phones often reach the server through one address (a school's wireless network
puts them all behind one router), so the per-vote limit is kept per voter: more than 5 votes a
second from one voter is refused. The per-address limit sits far above what a whole class can
send by hand and only stops a script rotating voter ids.
"""
from __future__ import annotations

import threading
import time
from collections import deque

VOTES_PER_VOTER = 5          # a second: more is a stuck button or a script
VOTES_PER_ADDRESS = 600      # a second: a class of 120 behind one router, each at the per-voter most, gets through
MAX_KEYS = 20_000            # keys remembered at most, so a flood of ids cannot fill the memory


class SlidingWindow:
    """At most `limit` events per key within any `seconds`-long window. Thread-safe."""

    def __init__(self, limit: int, seconds: float, clock=time.monotonic):
        self.limit, self.seconds, self.clock = limit, seconds, clock
        self._seen: dict[str, deque] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Count one event for `key`; False (and not counted) when it is over the limit."""
        now = self.clock()
        with self._lock:
            times = self._seen.get(key)
            if times is None:
                if len(self._seen) >= MAX_KEYS:
                    self._forget_old(now)
                times = self._seen[key] = deque()
            while times and now - times[0] >= self.seconds:
                times.popleft()
            if len(times) >= self.limit:
                return False
            times.append(now)
            return True

    def _forget_old(self, now: float) -> None:
        """Drop keys with nothing in the window; if all are busy, the oldest half goes."""
        stale = [k for k, t in self._seen.items() if not t or now - t[-1] >= self.seconds]
        for key in stale:
            del self._seen[key]
        if len(self._seen) >= MAX_KEYS:
            for key in list(self._seen)[: MAX_KEYS // 2]:
                del self._seen[key]


class Limits:
    """The server's limits together, so the web layer asks one place."""

    def __init__(self, clock=time.monotonic):
        self.per_voter = SlidingWindow(VOTES_PER_VOTER, 1.0, clock)
        self.per_address = SlidingWindow(VOTES_PER_ADDRESS, 1.0, clock)

    def vote_from_address(self, address: str) -> bool:
        return self.per_address.allow(address)

    def vote_from_voter(self, voter: str) -> bool:
        return self.per_voter.allow(voter)
