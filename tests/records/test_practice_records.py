"""The records keep every try and every reading of the room, once each, beside their attempt.

A try is a choice taken back to try a moment again; a reading is what the student said the
group needed before choosing. Both are what the student did, so they outlive undo, are written
once however often the attempt is recorded, come back when an attempt is resumed, and a row
damaged by hand is named and skipped without hiding the rest.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from game.records import Records, resume
from game.records.opening import open_database
from game.records.store import DATABASE_NAME, MIGRATIONS
from game.scenario import load_path

from .playing import GRIEF, SMALL
from .practising import practise, practised_until_a_retry


@pytest.fixture
def records(tmp_path):
    store = Records(tmp_path / "data")
    yield store
    store.close()


def rows(records: Records, table: str, attempt_id: int) -> list[tuple]:
    return records.db.execute(f"SELECT seq, node, path FROM {table} WHERE attempt_id = ? ORDER BY seq",
                              (attempt_id,)).fetchall()


def test_an_older_records_file_is_migrated_and_keeps_its_attempts(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    older, _, _ = open_database(folder / DATABASE_NAME, MIGRATIONS[:3], 1.0)
    older.execute("INSERT INTO attempts (learner, scenario_id, seed, choices, started_at, updated_at)"
                  " VALUES ('Sam', 'small-test', 3, '[1, 1]', 1000.0, 1001.0)")
    older.close()
    records = Records(folder)
    (attempt,) = records.attempts()
    assert (attempt.learner, attempt.choices, attempt.seed) == ("Sam", [1, 1], 3)
    assert attempt.play_settings == {} and attempt.tries == () and attempt.readings == ()
    assert records.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert records.problems == [] and records.damaged == {}
    records.close()


def test_a_records_file_from_a_newer_program_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / DATABASE_NAME
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()
    before = path.read_bytes()
    from game.records import RecordsUnavailable
    with pytest.raises(RecordsUnavailable, match="newer version"):
        Records(tmp_path)
    assert path.read_bytes() == before


def test_tries_and_readings_are_written_once_however_often_the_attempt_is_recorded(records):
    session, log = practised_until_a_retry(records, SMALL, "Sam")
    for _ in range(4):
        log.update()
        records.record(log.attempt_id, session)
    tries, readings = rows(records, "tries", log.attempt_id), rows(records, "readings", log.attempt_id)
    assert [s for s, *_ in tries] == list(range(len(session.tries)))
    assert [s for s, *_ in readings] == list(range(len(session.readings)))
    (attempt,) = records.attempts()
    assert [(t.path, t.number, t.node) for t in attempt.tries] == \
        [(t.path, t.number, t.node_id) for t in session.tries]
    assert [r.as_save() for r in attempt.readings] == [r.as_dict() for r in session.readings]
    assert all(t.verdict != "met" for t in attempt.tries)


def test_undo_never_removes_a_try_or_a_reading(records):
    session, log = practised_until_a_retry(records, GRIEF, "Sam", stop_after=4)
    made = (len(session.tries), len(session.readings))
    while session.history:
        session.undo()
    (attempt,) = records.attempts()
    assert attempt.choices == []
    assert (len(attempt.tries), len(attempt.readings)) == made


def test_a_resumed_attempt_keeps_its_practice_and_goes_on_recording_it(records):
    scenario = load_path(GRIEF).scenario
    session, log = practised_until_a_retry(records, GRIEF, "Sam", stop_after=3,
                                           settings={"ask": "every", "scaffolds": {"level": "advanced"}})
    (attempt,) = records.unfinished()
    resumed = resume(records, attempt, scenario)
    again = resumed.session
    assert [(t.path, t.number) for t in again.tries] == [(t.path, t.number) for t in session.tries]
    assert [r.as_dict() for r in again.readings] == [r.as_dict() for r in session.readings]
    assert [r.retry for r in again.history] == [r.retry for r in session.history]
    assert again.play_settings == {"ask": "every", "scaffolds": {"level": "advanced"}}
    assert again.ask_every
    again.subscribe(resumed.update)
    if again.asking:
        again.read_room("lead")
    again.choose(again.choices[0].number)
    (after,) = records.attempts()
    assert len(after.readings) == len(again.readings) > len(session.readings) - 1
    assert [r.seq for r in after.readings] == list(range(len(after.readings)))


def test_damaged_try_and_reading_rows_are_named_and_skipped(records):
    session, log = practised_until_a_retry(records, SMALL, "Sam")
    records.db.execute("UPDATE tries SET path = 'not a path' WHERE attempt_id = ? AND seq = 0", (log.attempt_id,))
    records.db.execute("UPDATE readings SET stance = 'sideways' WHERE attempt_id = ? AND seq = 0", (log.attempt_id,))
    (attempt,) = records.attempts()
    assert len(attempt.tries) == len(session.tries) - 1
    assert len(attempt.readings) == len(session.readings) - 1
    lines = " | ".join(records.report_lines())
    assert f"a try (#0) of attempt #{log.attempt_id} is damaged" in lines and "its path" in lines
    assert f"a reading of the room (#0) of attempt #{log.attempt_id} is damaged" in lines and "its stance" in lines


def test_a_resumed_attempt_with_a_damaged_try_adds_new_ones_after_the_last_row(records):
    scenario = load_path(GRIEF).scenario
    session, log = practised_until_a_retry(records, GRIEF, "Sam", stop_after=3)
    records.db.execute("UPDATE tries SET verdict = 'maybe' WHERE attempt_id = ? AND seq = 0", (log.attempt_id,))
    (attempt,) = records.unfinished()
    resumed = resume(records, attempt, scenario)
    again = resumed.session
    again.subscribe(resumed.update)
    for _ in range(10):
        if again.ended:
            break
        if again.asking:
            again.read_room("follow")
        again.choose(again.choices[-1].number)
        if again.can_retry:
            again.retry()
            break
    assert len(again.tries) > len(attempt.tries), "the resumed attempt tried a moment again"
    stored = rows(records, "tries", log.attempt_id)
    assert len(stored) == len(session.tries) + (len(again.tries) - len(attempt.tries))
    assert [s for s, *_ in stored] == list(range(len(stored)))


def test_play_settings_are_kept_with_the_attempt(records):
    practise(records, SMALL, "Sam", rng_seed=1, settings={"scaffolds": {"level": "beginner", "set_by": "settings"},
                                                          "ask": "every"})
    (attempt,) = records.attempts()
    assert attempt.play_settings == {"scaffolds": {"level": "beginner", "set_by": "settings"}, "ask": "every"}
