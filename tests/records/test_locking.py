"""A records file in use, read-only, newer or damaged never costs the learner their history.

Locks are held by real second processes on real SQLite files; the wait for a lock is kept
short here (the default is for people).
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from game.engine import Session
from game.records import AttemptLog, Records, RecordsUnavailable
from game.records import opening
from game.records.store import DATABASE_NAME, RecordsReadOnly
from game.scenario import load_path

from .playing import ROOT, SHORT_WAIT, SMALL, circle, play

HOLDER = textwrap.dedent("""
    import sqlite3, sys
    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    if sys.argv[2] == "exclusive":      # nobody else may even read
        db.execute("PRAGMA locking_mode = EXCLUSIVE")
        db.execute("BEGIN EXCLUSIVE")
        db.execute("SELECT count(*) FROM attempts").fetchone()
    else:                               # another program in the middle of writing
        db.execute("BEGIN IMMEDIATE")
    print("holding", flush=True)
    sys.stdin.read()
    db.execute("ROLLBACK")
""")


@contextmanager
def held(folder: Path, how: str):
    """Another process holds the records file locked until the block ends."""
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder / DATABASE_NAME), how],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "holding"
        yield
    finally:
        process.stdin.close()
        process.wait(timeout=10)


def with_one_attempt(folder: Path, journal: str = "wal") -> bytes:
    """A healthy records file holding one finished attempt by Sam; its bytes."""
    records = Records(folder)
    play(records, SMALL, "Sam", [1, 1])
    records.close()
    db = sqlite3.connect(folder / DATABASE_NAME)
    db.execute(f"PRAGMA journal_mode = {journal}")
    db.close()
    return (folder / DATABASE_NAME).read_bytes()


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


# -- item 1: a lock is not damage ------------------------------------------------------------------

def test_a_locked_database_is_waited_for_briefly_and_never_moved_aside(tmp_path):
    with_one_attempt(tmp_path)
    with held(tmp_path, "exclusive"):
        started = time.monotonic()
        with pytest.raises(RecordsUnavailable, match="in use by another program"):
            Records(tmp_path, patience=SHORT_WAIT)
        assert time.monotonic() - started < 5
        assert not [n for n in names(tmp_path) if "damaged" in n]
    (attempt,) = Records(tmp_path).attempts()
    assert attempt.learner == "Sam" and attempt.finished


def test_a_database_another_program_is_writing_is_read_without_writing(tmp_path):
    before = with_one_attempt(tmp_path, journal="delete")     # as another tool leaves it
    with held(tmp_path, "write"):
        records = Records(tmp_path, patience=SHORT_WAIT)
        assert not records.writable and "in use" in records.notice and "not recorded" in records.notice
        (attempt,) = records.attempts()
        assert attempt.learner == "Sam"
        with pytest.raises(RecordsReadOnly):
            records.set_setting("learner", "Kim")
        session = Session(load_path(SMALL).scenario)
        log = AttemptLog(records, session)
        session.choose(1)
        log.update()                      # quietly not recorded: the notice said so once
        assert not log.failed
        records.close()
    assert (tmp_path / DATABASE_NAME).read_bytes() == before
    assert not [n for n in names(tmp_path) if "damaged" in n]


def test_play_starts_with_a_one_line_notice_when_the_records_are_locked(tmp_path):
    with_one_attempt(tmp_path)
    with held(tmp_path, "exclusive"):
        result = circle("play", SMALL, "--text", "--data-dir", tmp_path, "--learner", "Sam", input="\n1\n1\n")
    assert result.returncode == 0, result.stderr
    assert "DEBRIEF" in result.stdout
    (line,) = result.stderr.splitlines()
    assert line.startswith("circle: records are off: your records are in use by another program")
    assert len(Records(tmp_path).attempts()) == 1      # untouched, and this session not recorded


# -- item 2: read-only or locked records never stop play -----------------------------------------

def test_play_goes_on_when_another_program_holds_the_write_lock(tmp_path):
    with_one_attempt(tmp_path)
    with held(tmp_path, "write"):
        result = circle("play", SMALL, "--text", "--data-dir", tmp_path, "--learner", "Kim", input="\n1\n1\n")
    assert result.returncode == 0, result.stderr
    assert "unexpected error" not in result.stderr and "DEBRIEF" in result.stdout
    assert "your name could not be kept" in result.stderr
    assert all(line.startswith("circle: ") for line in result.stderr.splitlines())


@contextmanager
def read_only(path: Path):
    """The file cannot be written, even by root (immutable), or the test is skipped."""
    immutable = hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("chattr")
    if immutable:
        subprocess.run(["chattr", "+i", str(path)], check=False)
    else:
        path.chmod(0o444)
    try:
        try:
            path.open("r+b").close()
        except OSError:
            yield
        else:
            pytest.skip("this system cannot make a read-only file")
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=False)
        else:
            path.chmod(0o644)


def test_read_only_records_are_read_and_play_goes_on(tmp_path):
    before = with_one_attempt(tmp_path, journal="delete")
    with read_only(tmp_path / DATABASE_NAME):
        played = circle("play", SMALL, "--text", "--data-dir", tmp_path, "--learner", "Kim", input="\n1\n1\n")
        reported = circle("report", "--format", "csv", "--data-dir", tmp_path)
    assert played.returncode == 0 and "DEBRIEF" in played.stdout, played.stderr
    (line,) = played.stderr.splitlines()
    assert "cannot be written" in line and "not recorded" in line
    assert reported.returncode == 0, reported.stderr
    assert reported.stdout.count("\n") == 2 and ",Sam," in reported.stdout
    assert (tmp_path / DATABASE_NAME).read_bytes() == before
    assert not [n for n in names(tmp_path) if "damaged" in n]


# -- a newer schema is refused, untouched -------------------------------------------------------------

def test_records_from_a_newer_version_are_refused_and_left_untouched(tmp_path):
    with_one_attempt(tmp_path, journal="delete")
    db = sqlite3.connect(tmp_path / DATABASE_NAME)
    db.execute("PRAGMA user_version = 99")
    db.close()
    before, files = (tmp_path / DATABASE_NAME).read_bytes(), names(tmp_path)
    with pytest.raises(RecordsUnavailable, match="newer version of Circle"):
        Records(tmp_path)
    result = circle("play", SMALL, "--text", "--data-dir", tmp_path, "--learner", "Kim", input="\n1\n1\n")
    assert result.returncode == 0 and "DEBRIEF" in result.stdout, result.stderr
    (line,) = result.stderr.splitlines()
    assert "newer version of Circle (schema 99" in line and "left untouched" in line
    assert (tmp_path / DATABASE_NAME).read_bytes() == before and names(tmp_path) == files


# -- real damage: set aside under a name of its own, once ----------------------------------------

OPENER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from game.engine import Session
    from game.records import AttemptLog, Records
    from game.scenario import load_path
    folder, go, name = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    while not go.exists():
        time.sleep(0.001)
    records = Records(folder)
    session = Session(load_path(sys.argv[4]).scenario)
    log = AttemptLog(records, session, learner=name)
    session.choose(1)
    log.update()
    print(records.notice)
""")


def test_copies_opening_a_damaged_file_at_once_keep_it_once_and_share_the_new_one(tmp_path):
    damaged = b"this is not a database at all" * 200
    (tmp_path / DATABASE_NAME).write_bytes(damaged)
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    openers = [subprocess.Popen([sys.executable, "-c", OPENER, str(tmp_path), str(go), f"copy{n}", str(SMALL)],
                                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for n in range(4)]
    time.sleep(1.0)                      # every copy is waiting at the line
    go.touch()
    results = [p.communicate(timeout=60) for p in openers]
    assert all(p.returncode == 0 for p in openers), results
    kept = sorted(tmp_path.glob("records.damaged-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    notices = [out.strip() for out, _ in results]
    assert any("records.damaged-" in n for n in notices)              # the learner is told where it is
    assert all(n == "None" or "records.damaged-" in n for n in notices), notices   # (a copy that came later saw the new file)
    learners = {a.learner for a in Records(tmp_path).attempts()}
    assert learners == {f"copy{n}" for n in range(4)}                # all four wrote to one new file


def test_a_damaged_file_never_takes_the_name_of_one_kept_before(tmp_path, monkeypatch):
    earlier = tmp_path / "records.damaged-20260101-120000-000000000000.sqlite3"
    earlier.write_bytes(b"kept from an earlier time")
    (tmp_path / DATABASE_NAME).write_bytes(b"damaged now" * 500)
    (tmp_path / f"{DATABASE_NAME}-wal").write_bytes(b"its journal")
    fresh = tmp_path / "records.damaged-20260101-120000-111111111111.sqlite3"
    offered = iter([earlier, earlier, fresh])
    monkeypatch.setattr(opening, "damaged_name", lambda path: next(offered))
    records = Records(tmp_path)
    assert fresh.name in records.notice
    assert earlier.read_bytes() == b"kept from an earlier time"
    assert fresh.read_bytes() == b"damaged now" * 500
    assert Path(f"{fresh}-wal").read_bytes() == b"its journal"
    assert records.attempts() == []



REPAIRER = textwrap.dedent("""
    import fcntl, os, sys
    from pathlib import Path
    from game.records import Records
    from game.engine import Session
    from game.records import AttemptLog
    from game.scenario import load_path
    folder = Path(sys.argv[1])
    with open(folder / "records.sqlite3.lock", "a+b") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        print("holding", flush=True)
        sys.stdin.readline()
        os.replace(folder / "records.sqlite3", folder / "records.damaged-by-the-other-copy.sqlite3")
        records = Records(folder)
        session = Session(load_path(sys.argv[2]).scenario)
        log = AttemptLog(records, session, learner="other")
        session.choose(1)
        log.update()
        records.close()
        fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
""")


@pytest.mark.skipif(os.name == "nt", reason="the other copy locks with fcntl")
def test_a_copy_finding_the_file_damaged_while_another_repairs_it_waits_and_uses_the_new_one(tmp_path):
    import threading
    damaged = b"this is not a database at all" * 200
    (tmp_path / DATABASE_NAME).write_bytes(damaged)
    other = subprocess.Popen([sys.executable, "-c", REPAIRER, str(tmp_path), str(SMALL)], cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": str(ROOT)},
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "holding"
        opened = []
        def open_and_read():
            records = Records(tmp_path, patience=20)
            opened.append((records.notice, [a.learner for a in records.attempts()]))
            records.close()
        opener = threading.Thread(target=open_and_read)
        opener.start()
        opener.join(0.5)
        assert opener.is_alive()              # it waits for the other copy's repair ...
        other.stdin.write("go\n")
        other.stdin.flush()
        opener.join(30)
        assert other.wait(timeout=30) == 0
    finally:
        if other.poll() is None:
            other.kill()
    ((notice, learners),) = opened            # ... then uses the new file the other copy started
    assert learners == ["other"] and "had already kept it" in notice
    assert [p.name for p in tmp_path.glob("records.damaged-*")] == ["records.damaged-by-the-other-copy.sqlite3"]
    assert (tmp_path / "records.damaged-by-the-other-copy.sqlite3").read_bytes() == damaged
