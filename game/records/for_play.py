"""The records as play opens them: never a reason not to play, and the learner's name.

A locked, read-only or newer records file must never stop anyone playing: play goes on without
records, and a one-line notice says why. Commands and the window open them the same way.
"""
from __future__ import annotations

import sqlite3
import sys


def records_for_play(data_dir=None, off: bool = False):
    """(records, notice or None), or (None, why not); (None, None) when records are `off`."""
    if off:
        return None, None
    from .store import Records
    try:
        records = Records(data_dir)
    except Exception as err:  # RecordsUnavailable, or anything the file system says
        return None, f"records are off: {err}"
    return records, records.notice


def learner_for(given: str | None, records, ask: bool) -> str:
    """The name given, else the name given before, else (once, when `ask`) ask for it."""
    if given is not None:
        keep_learner(records, given)
        return given
    if records is None:
        return ""
    name = records.setting("learner", kind=str)
    if name is None and ask:
        try:
            name = input("Your name for your records (optional, Enter to skip): ").strip()
        except (EOFError, KeyboardInterrupt):
            name = ""
        keep_learner(records, name)
    return name or ""


def keep_learner(records, name: str) -> None:
    """Remember the name for next time, if the records can be written; play goes on either way."""
    if records is None or not getattr(records, "writable", True):
        return
    try:
        records.set_setting("learner", name)
    except (sqlite3.Error, OSError) as err:
        print(f"circle: your name could not be kept in the records ({err}); play goes on", file=sys.stderr)
