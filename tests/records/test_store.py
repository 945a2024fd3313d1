"""Attempts survive crashes, kills, damage and two windows at once."""
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from game.engine import Session
from game.records import AttemptLog, Records, resume
from game.records.store import DATABASE_NAME
from game.scenario import load_path

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "tests" / "scenario" / "small.yaml"


@pytest.fixture
def scenario():
    return load_path(SMALL).scenario


def test_each_choice_is_on_disk_as_soon_as_it_is_made(tmp_path, scenario):
    records = Records(tmp_path)
    session = Session(scenario, seed=4)
    log = AttemptLog(records, session, learner="Sam")
    log.update()
    assert records.attempts() == []  # nothing before the first choice
    session.choose(1)
    log.update()
    reopened = Records(tmp_path)
    (attempt,) = reopened.attempts()
    assert attempt.choices == [1] and attempt.learner == "Sam" and not attempt.finished
    session.choose(1)
    log.update()
    (attempt,) = Records(tmp_path).attempts()
    assert attempt.finished and attempt.outcome == "growth" and attempt.scores["draw-out"] == 2


def test_an_unfinished_attempt_resumes_exactly_where_it_stopped(tmp_path, scenario):
    records = Records(tmp_path)
    session = Session(scenario, seed=9)
    log = AttemptLog(records, session)
    session.choose(1)
    log.update()
    (attempt,) = records.unfinished()
    resumed = resume(records, attempt, scenario)
    assert resumed.session.node_id == session.node_id and resumed.session.state == session.state
    resumed.session.choose(2)
    resumed.update()
    assert len(records.attempts()) == 1 and records.attempts()[0].finished


def test_a_damaged_database_is_moved_aside_never_deleted(tmp_path):
    (tmp_path / DATABASE_NAME).write_bytes(b"this is not a database at all" * 100)
    records = Records(tmp_path)
    assert records.notice and "kept as" in records.notice
    kept = list(tmp_path.glob("records.damaged-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")
    assert records.attempts() == []


def test_an_old_schema_is_migrated(tmp_path):
    import sqlite3
    sqlite3.connect(tmp_path / DATABASE_NAME).execute("PRAGMA user_version = 0").connection.close()
    records = Records(tmp_path)
    assert records.db.execute("PRAGMA user_version").fetchone()[0] >= 1
    assert records.notice is None


def test_best_outcome_per_scenario(tmp_path, scenario):
    records = Records(tmp_path)
    for choices in ([2], [1, 1]):
        session = Session(scenario)
        log = AttemptLog(records, session)
        for number in choices:
            session.choose(number)
            log.update()
    assert records.best_outcomes() == {"small-test": (2, "growth")}


RISKY = Path(__file__).with_name("risky.yaml")


def play_risky(records, choices):
    session = Session(load_path(RISKY).scenario)
    log = AttemptLog(records, session)
    for number in choices:
        session.choose(number)
        log.update()
    return session


def test_each_attempt_keeps_whether_it_was_safe_and_who_may_not_come_back(tmp_path):
    records = Records(tmp_path)
    session = play_risky(records, [2, 1])            # Wren's hint of harm is passed over
    (attempt,) = Records(tmp_path).attempts()
    assert attempt.outcome == "growth" and attempt.safe is False and not attempt.good
    assert attempt.member_outcomes == {o.member: o.outcome for o in session.member_outcomes()}
    assert attempt.member_outcomes["wren"] == "may_drop_out"


def test_a_safe_ending_is_always_best_before_an_unsafe_one(tmp_path):
    records = Records(tmp_path)
    play_risky(records, [2, 1])                      # growth, but a risk was missed
    assert records.best_outcomes() == {"risky-test": (1, "growth")}
    assert records.best_endings()["risky-test"][1].safe is False
    play_risky(records, [1, 3])                      # stalled, safe
    assert records.best_outcomes() == {"risky-test": (2, "stalled")}
    play_risky(records, [1, 1])                      # growth, safe
    count, best = records.best_endings()["risky-test"]
    assert count == 3 and best.outcome == "growth" and best.safe is True


def test_attempts_from_before_safety_was_recorded_say_it_is_not_known(tmp_path):
    import sqlite3
    from game.records.store import MIGRATIONS
    db = sqlite3.connect(tmp_path / DATABASE_NAME)
    db.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    db.execute("INSERT INTO attempts (scenario_id, choices, started_at, updated_at, finished_at, outcome)"
               " VALUES ('small-test', '[1, 1]', 1.0, 2.0, 2.0, 'growth')")
    db.commit()
    db.close()
    (attempt,) = Records(tmp_path).attempts()
    assert attempt.safe is None and attempt.member_outcomes == {} and attempt.outcome == "growth"


ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
WRITER = textwrap.dedent("""
    import sys
    from game.engine import Session
    from game.records import AttemptLog, Records
    from game.scenario import load_path
    records = Records(sys.argv[1])
    scenario = load_path(sys.argv[2]).scenario
    for attempt in range(int(sys.argv[3])):
        session = Session(scenario, seed=attempt)
        log = AttemptLog(records, session, learner=sys.argv[4])
        while not session.ended:
            session.choose(1)
            log.update()
            print(attempt, len(session.history), flush=True)
""")


def test_a_killed_process_loses_no_completed_choice(tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    process = subprocess.Popen([sys.executable, str(script), str(tmp_path), str(SMALL), "100000", "k"],
                               cwd=ROOT, env=ENV, stdout=subprocess.PIPE, text=True)
    lines = [process.stdout.readline() for _ in range(40)]
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    completed = [tuple(map(int, line.split())) for line in lines if line.strip()]
    assert len(completed) == 40  # the writer really was mid-way through its work
    records = Records(tmp_path)
    assert records.notice is None
    stored = {a.seed: len(a.choices) for a in records.attempts()}
    for attempt, choices in completed:
        assert stored[attempt] >= choices


def test_two_windows_writing_at_once_lose_nothing(tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    processes = [subprocess.Popen([sys.executable, str(script), str(tmp_path), str(SMALL), "15", name],
                                  cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL) for name in ("a", "b")]
    assert all(p.wait(timeout=120) == 0 for p in processes)
    records = Records(tmp_path)
    for name in ("a", "b"):
        mine = records.attempts(learner=name)
        assert len(mine) == 15 and all(a.finished and a.choices == [1, 1] for a in mine)
