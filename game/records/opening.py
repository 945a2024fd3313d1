"""Opening the records database so that a learner's history is never lost.

Only real damage (SQLite says the file is not a database, or the integrity check fails) sets a
file aside, and then under a name no other file has or can take: it is reserved with exclusive
creation before anything is moved into it, so two windows repairing at once never overwrite
each other, and the move happens under a lock, after a second look, so the second window uses
the fresh database the first one started instead of setting that aside too.

Everything else is not damage and leaves the file exactly as it is: a file another program holds
locked is waited for (bounded), then read without writing if it can be, else not used this time;
a file this program cannot write is read without writing; a file written by a newer version of
the program is refused, untouched, because guessing at its meaning could spoil it.
"""
from __future__ import annotations

import os
import sqlite3
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

LOCKED_PATIENCE = 10.0    # seconds to wait for another program to let go of the file
BUSY, READONLY, CORRUPT, NOTADB = 5, 8, 11, 26      # SQLite's primary result codes
LOCKED = 6
IN_USE = (BUSY, LOCKED)
JOURNALS = ("-wal", "-shm", "-journal")   # belong to the database: they move with it, first
HEADER = b"SQLite format 3\x00"


class RecordsUnavailable(Exception):
    """The records cannot be used this time; the message says why, for the learner, in one line."""


class Damaged(Exception):
    """SQLite found the file is not a database, or its integrity check failed."""


class Opened(NamedTuple):
    db: sqlite3.Connection
    writable: bool
    notice: str | None      # what the learner should be told, once


def open_database(path: Path, migrations: list[str], patience: float) -> Opened:
    """The database at `path`, migrated and writable if possible; read-only when it is in use
    or cannot be written; RecordsUnavailable when it cannot be used at all."""
    try:
        return Opened(_open_patiently(path, migrations, patience), True, None)
    except Damaged as damage:
        return _set_aside_and_restart(path, migrations, patience, damage)
    except sqlite3.Error as err:
        return _read_only(path, migrations, patience, err)


# -- opening --------------------------------------------------------------------------------------

def _open_patiently(path: Path, migrations: list[str], patience: float) -> sqlite3.Connection:
    """Open, waiting while another program holds the file. (Switching a new file to WAL does not
    wait for the busy timeout, so two windows starting at once can see "locked" at once.)"""
    deadline = time.monotonic() + patience
    while True:
        try:
            return _open(path, migrations, patience)
        except sqlite3.OperationalError as err:
            if not in_use(err) or time.monotonic() > deadline:
                raise
            time.sleep(min(0.05, patience))


def _open(path: Path, migrations: list[str], timeout: float, read_only: bool = False) -> sqlite3.Connection:
    """Check the version before anything is written, so a newer file is never touched."""
    _check_header(path)
    if read_only:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout,
                             isolation_level=None)
    else:
        db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(migrations):
            raise RecordsUnavailable(
                f"your records file {path} was written by a newer version of Circle (schema {version}; "
                f"this one reads up to {len(migrations)}); it is left untouched and this session is not "
                "recorded. Update Circle to use it.")
        if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise Damaged("its integrity check failed")
        if not read_only:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")  # each choice is on disk before play goes on
            _migrate(db, migrations)
    except sqlite3.DatabaseError as err:
        db.close()
        if _code(err) in (CORRUPT, NOTADB):
            raise Damaged(str(err)) from err
        raise
    except BaseException:
        db.close()
        raise
    return db


def _check_header(path: Path) -> None:
    """A file that does not begin as every SQLite database does is damaged, and SQLite is not let
    near it: closing a connection to it would delete the journal beside it, which is kept."""
    try:
        with open(path, "rb") as file:
            start = file.read(len(HEADER))
    except FileNotFoundError:
        return
    except OSError:
        return        # SQLite says what is wrong, in its words
    if start and start != HEADER:
        raise Damaged("file is not a database")


def _migrate(db: sqlite3.Connection, migrations: list[str]) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for number in range(version, len(migrations)):
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another window may have migrated between our check and our lock.
            if db.execute("PRAGMA user_version").fetchone()[0] == number:
                for statement in filter(str.strip, migrations[number].split(";")):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


def _read_only(path: Path, migrations: list[str], patience: float, err: sqlite3.Error) -> Opened:
    """Not damage: read what is there without writing, or say plainly why the records are off."""
    why = _in_use_words(err) if in_use(err) else f"your records cannot be written in {path.parent} ({err})"
    if path.is_file():
        try:
            db = _open(path, migrations, min(patience, 1.0), read_only=True)
        except (sqlite3.Error, Damaged):
            pass
        else:
            return Opened(db, False, f"{why[:1].upper()}{why[1:]}: they are shown, but this session is not recorded.")
    raise RecordsUnavailable(f"{why}; this session is not recorded")


def _in_use_words(err: sqlite3.Error) -> str:
    return f"your records are in use by another program, perhaps another copy of Circle ({err})"


def in_use(err: BaseException) -> bool:
    """Locked or busy: another connection holds the file. Never a sign of damage."""
    return isinstance(err, sqlite3.Error) and (_code(err) in IN_USE or "locked" in str(err))


def _code(err: sqlite3.Error) -> int | None:
    code = getattr(err, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


# -- real damage ----------------------------------------------------------------------------------

def _set_aside_and_restart(path: Path, migrations: list[str], patience: float, damage: Damaged) -> Opened:
    """Under the folder's repair lock: look again (another window may have set it aside already),
    then move the damaged file to a name of its own and start a new one."""
    try:
        with _repair_lock(path, patience):
            try:
                db = _open_patiently(path, migrations, patience)
                return Opened(db, True, f"Your records file could not be read ({damage}); another copy of "
                                        f"Circle had already kept it as records.damaged-… in {path.parent} "
                                        "and started a new one.")
            except Damaged:
                kept = set_aside(path)
            db = _open_patiently(path, migrations, patience)
    except OSError as err:
        raise RecordsUnavailable(f"your records file could not be read ({damage}) and could not be set aside "
                                 f"({err.strerror or err}); it is left as it is and this session is not recorded")
    except sqlite3.Error as err:
        raise RecordsUnavailable(f"your records file could not be read ({damage}); a new one could not be "
                                 f"started ({err}); this session is not recorded")
    return Opened(db, True, f"Your records file could not be read ({damage}); it was kept as "
                            f"{kept.name} and a new one started.")


def set_aside(path: Path) -> Path:
    """Move the database (its journals first) to a fresh name; nothing is overwritten or deleted."""
    target = _reserve_unique(path)
    for suffix in JOURNALS:
        source = Path(f"{path}{suffix}")
        if source.exists():
            destination = Path(f"{target}{suffix}")
            _reserve(destination)
            os.replace(source, destination)
    os.replace(path, target)
    return target


def damaged_name(path: Path) -> Path:
    """A name for a damaged copy: when, to the second, and a random part no other copy has."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"records.damaged-{stamp}-{uuid.uuid4().hex[:12]}.sqlite3")


def _reserve_unique(path: Path) -> Path:
    while True:
        target = damaged_name(path)
        try:
            _reserve(target)
            return target
        except FileExistsError:
            continue


def _reserve(target: Path) -> None:
    """Create an empty file that must not exist yet (FileExistsError otherwise): the name is ours."""
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


@contextmanager
def _repair_lock(path: Path, patience: float):
    """One window at a time may set a damaged file aside. The lock file stays (it holds nothing)."""
    with open(Path(f"{path}.lock"), "a+b") as handle:
        deadline = time.monotonic() + patience
        while not _try_lock(handle):
            if time.monotonic() > deadline:
                raise RecordsUnavailable(_in_use_words(sqlite3.OperationalError("being repaired")))
            time.sleep(0.05)
        try:
            yield
        finally:
            _unlock(handle)


def _try_lock(handle) -> bool:
    try:
        if os.name == "nt":
            import msvcrt
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _unlock(handle) -> None:
    if os.name == "nt":
        import msvcrt
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
