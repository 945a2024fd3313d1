"""Joining the records to a Learning Record Store for one run of the program.

Once joined, every record of an attempt also puts its xAPI statements in the outbox (in the
same transaction), and a background sender sends them, starting with whatever earlier runs left
waiting. Nothing here ever stops play: a store that is away only means statements wait.
"""
from __future__ import annotations

import atexit
from typing import TYPE_CHECKING

from .lrs_settings import Lrs, choose_lrs

if TYPE_CHECKING:
    from .sender import Sender
    from .store import Records


def connect(records: Records, url: str | None = None, *, start: bool = True,
            sender_options: dict | None = None) -> Sender | None:
    """Join `records` to the store given (--lrs), else the one in the settings; None when there
    is none, or the records cannot be written this time. BadEndpoint for a bad stored address."""
    if not getattr(records, "writable", False):
        return None
    lrs, identify = choose_lrs(records.folder, url)
    if lrs is None:
        return None
    return join(records, lrs, identify, start=start, sender_options=sender_options)


def join(records: Records, lrs: Lrs, identify: str = "anonymous", *, start: bool = True,
         sender_options: dict | None = None) -> Sender:
    """Make statements for `records` and send them to `lrs` in the background."""
    # Imported here: every `play` asks connect() whether a store is set, before the menu's first
    # frame, and most have none; making and sending statements loads xAPI, http and ssl.
    from .outbox import StatementMaker
    from .sender import Sender

    records.statements = StatementMaker(identify)
    sender = Sender(records.path, lrs, **(sender_options or {}))
    records.on_queued = sender.nudge
    if start:
        sender.start()
        atexit.register(sender.finish)
    return sender
