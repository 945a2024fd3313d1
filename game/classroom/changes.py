"""A change counter that wakes the server's live connections from any thread.

Votes arrive on the server's event loop, the session moves on the thread that owns it; both
bump one counter, and every open websocket waits on it instead of polling, so 60 phones cost
nothing while the room is quiet.
"""
from __future__ import annotations

import asyncio
import threading


class Changes:
    def __init__(self):
        self.version = 0
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event: asyncio.Event | None = None
        self.watchers: list = []     # called (from any thread) on every change: the window wakes on them

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """The server's loop, where waiting connections live (called on that loop)."""
        if self._loop is not loop:
            self._loop, self._event = loop, asyncio.Event()

    def bump(self) -> None:
        """Something anyone may see has changed. Safe from any thread."""
        with self._lock:
            self.version += 1
            loop = self._loop
        for watcher in list(self.watchers):
            watcher()
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self._wake)
            except RuntimeError:   # the loop closed between the check and the call
                pass

    def _wake(self) -> None:
        event, self._event = self._event, asyncio.Event()
        if event is not None:
            event.set()

    async def wait(self, seen: int, timeout: float) -> int:
        """The version once it differs from `seen`, or after `timeout` seconds either way."""
        self.attach(asyncio.get_running_loop())
        if self.version != seen:
            return self.version
        event = self._event
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except asyncio.TimeoutError:
            pass
        return self.version
