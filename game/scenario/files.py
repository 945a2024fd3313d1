"""Reading a file that someone named: only a regular file, and only up to a size.

A scenario path can name anything: a folder, a FIFO that waits for a writer for ever,
/dev/zero that never ends. Each must be a clear one-line problem, never a hang.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path


class FileProblem(Exception):
    """Why a file was not read, with the diagnostic code that says so."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def read_regular_file(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, else a FileProblem.

    Opened without blocking and checked before reading: a FIFO would wait for a writer for
    ever, and /dev/zero would never end. The size in a too-large message is the file's own.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as err:
        raise FileProblem("file-unreadable", f"cannot read file: {err.strerror or 'cannot be read'}")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem("file-unreadable", f"cannot read file: {_kind(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise FileProblem("file-too-large", f"file is {info.st_size:,} bytes; the limit is {limit:,}")
        raw = _read_all(fd, limit + 1)
    except OSError as err:
        raise FileProblem("file-unreadable", f"cannot read file: {err.strerror or 'cannot be read'}")
    finally:
        os.close(fd)
    if len(raw) > limit:  # it grew while we read it
        raise FileProblem("file-too-large", f"file is over {limit:,} bytes; the limit is {limit:,}")
    return raw


def _read_all(fd: int, most: int) -> bytes:
    chunks, size = [], 0
    while size < most:
        chunk = os.read(fd, min(most - size, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _kind(mode: int) -> str:
    for test, word in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a pipe (FIFO)"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return word
    return "a special file"
