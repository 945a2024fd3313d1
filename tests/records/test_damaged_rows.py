"""Rows damaged inside a healthy file (random bytes, a lost column) are named and skipped, and
every other attempt is still reported, listed and resumable."""
import csv
import io
import json
import random
import sqlite3

import pytest

from game.records import Records
from game.records.store import DATABASE_NAME

from .playing import SMALL, circle, cli, play

NOISE = bytes(random.Random(13).randrange(256) for _ in range(64))


@pytest.fixture
def folder(tmp_path):
    """Sam's attempts: #1 and #2 finished, #3 and #4 stopped after one choice."""
    records = Records(tmp_path)
    play(records, SMALL, "Sam", [1, 1])
    play(records, SMALL, "Sam", [2])
    play(records, SMALL, "Sam", [1], stop_after=1)
    play(records, SMALL, "Sam", [1], stop_after=1)
    records.set_setting("learner", "Sam")
    records.close()
    return tmp_path


def tamper(folder, *statements, values=()):
    db = sqlite3.connect(folder / DATABASE_NAME)
    for statement in statements:
        db.execute(statement, values)
    db.commit()
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"   # SQLite sees nothing wrong
    db.close()


DAMAGE = {
    "random bytes": ("UPDATE attempts SET choices = ? WHERE id IN (2, 4)", (NOISE,)),
    "text that is not UTF-8": ("UPDATE attempts SET scores = CAST(? AS TEXT) WHERE id IN (2, 4)", (NOISE,)),
    "JSON of the wrong shape": ("UPDATE attempts SET final_state = '{\"group\": \"x\"}' WHERE id IN (2, 4)", ()),
    "a number too large for a time": ("UPDATE attempts SET started_at = 1e300 WHERE id IN (2, 4)", ()),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_reports_skip_and_name_a_damaged_attempt_and_keep_the_rest(folder, capsys, damage):
    statement, values = DAMAGE[damage]
    tamper(folder, statement, values=values)
    code, page, err = cli(capsys, "report", "--data-dir", folder)
    assert code == 0 and "attempt #1" in page and "unexpected error" not in err
    assert "report: attempt #2 is damaged in the records" in err
    code, text, err = cli(capsys, "report", "--format", "csv", "--data-dir", folder)
    assert code == 0, err
    assert [row["id"] for row in csv.DictReader(io.StringIO(text))] == ["1", "3"]
    assert "attempt #2 is damaged" in err and "attempt #4 is damaged" in err
    code, text, err = cli(capsys, "report", "--format", "json", "--data-dir", folder)
    assert code == 0 and [a["id"] for a in json.loads(text)["attempts"]] == [1, 3]
    code, _, err = cli(capsys, "report", "--attempt", "2", "--data-dir", folder)
    assert code == 1 and err.strip().endswith("and cannot be reported") and "#2 is damaged" in err


def test_the_menus_lists_skip_a_damaged_attempt(folder):
    tamper(folder, *[DAMAGE["random bytes"][0]], values=DAMAGE["random bytes"][1])
    records = Records(folder)
    assert [a.id for a in records.unfinished("Sam")] == [3]
    assert records.best_endings("Sam")["small-test"][0] == 2
    assert [a.id for a in records.attempts(finished=True)] == [1]
    assert set(records.damaged) == {2, 4}


def test_resume_skips_a_damaged_attempt_and_continues_the_last_good_one(folder):
    tamper(folder, *[DAMAGE["random bytes"][0]], values=DAMAGE["random bytes"][1])
    result = circle("play", "--resume", "--text", "--data-dir", folder, input="\n1\n")
    assert result.returncode == 0, result.stderr
    assert "unexpected error" not in result.stderr and "DEBRIEF" in result.stdout
    assert Records(folder).attempt(3).finished


@pytest.mark.parametrize("column", ["member_outcomes", "final_state", "safe"])
def test_a_lost_column_is_read_as_its_default_and_said(folder, capsys, column):
    tamper(folder, f"ALTER TABLE attempts DROP COLUMN {column}")
    code, text, err = cli(capsys, "report", "--format", "csv", "--data-dir", folder)
    assert code == 0, err
    assert len(list(csv.DictReader(io.StringIO(text)))) == 4
    assert f"has lost its column(s) {column}" in err
    code, page, err = cli(capsys, "report", "--format", "md", "--data-dir", folder)
    assert code == 0 and "attempt #2" in page


def test_a_lost_column_every_row_needs_names_each_attempt_and_fails_cleanly(folder, capsys):
    tamper(folder, "DROP INDEX attempts_by_scenario", "ALTER TABLE attempts DROP COLUMN scenario_id")
    code, _, err = cli(capsys, "report", "--format", "json", "--data-dir", folder)
    assert code == 1 and "unexpected error" not in err
    assert all(f"attempt #{n} is damaged" in err for n in (1, 2, 3, 4))
    assert err.strip().splitlines()[-1] == "report: no attempt in the records"
    result = circle("play", "--resume", "--text", "--data-dir", folder, input="")
    assert result.returncode == 1 and result.stderr.strip() == "play: no unfinished attempt to resume"


def test_an_unreadable_learner_setting_is_ignored(folder, capsys):
    tamper(folder, "UPDATE settings SET value = ? WHERE key = 'learner'", values=(NOISE,))
    code, page, err = cli(capsys, "report", "--data-dir", folder)
    assert code == 0 and "attempt #2" in page, err
