"""Telling whoever listens that a session changed: the transcript, the records, the class page.

A listener is any callable taking the session. It is called once after each change a caller
asked for (a choice, an undo, a replay, a restore, a reload), never in the middle of one: an
undo replays every choice but one, and the records must see the undo, not each replayed step.
"""
from __future__ import annotations

from functools import wraps
from typing import Callable

Listener = Callable[[object], None]


class Observed:
    """What a Session inherits to be listened to. `subscribe` returns the way to stop."""

    _listeners: tuple[Listener, ...] = ()
    _changing = 0          # calls to a `changes` method under way: only the outermost tells

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners = (*self._listeners, listener)
        return lambda: self.unsubscribe(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners = tuple(known for known in self._listeners if known is not listener)

    def notify(self) -> None:
        """Tell every listener the session as it is now."""
        for listener in self._listeners:
            listener(self)

    def hand_over(self, successor: "Observed") -> None:
        """The listeners go to the session that replaces this one (a reloaded file's), and hear
        of it at once: to them it is the same session, changed."""
        successor._listeners, self._listeners = (*successor._listeners, *self._listeners), ()
        successor.notify()


def changes(method):
    """Mark a method that changes the session: its listeners hear of it when it returns.

    Written for speed as much as sense (a simulation makes a choice every few microseconds):
    a call inside another `changes` call goes straight through, and a session nobody listens
    to is never asked to notify."""
    @wraps(method)
    def changing(self, *args, **kwargs):
        if self._changing:
            return method(self, *args, **kwargs)
        self._changing = 1
        try:
            result = method(self, *args, **kwargs)
        finally:
            self._changing = 0
        if self._listeners:
            self.notify()
        return result
    return changing
