"""Hostile names and values in the records, and odd command lines for the records commands: never
a live formula, never markup from the records, never "unexpected error", never a hang."""
import csv
import html
import io
import json
import os
import re
import sqlite3

import pytest

from game.records import Records
from game.records import exchange
from game.records.class_report import gather
from game.records.store import DATABASE_NAME

from .playing import SMALL, circle, cli, play

HOSTILE_NAMES = [
    "=1+1",
    "=HYPERLINK(\"http://evil.example\",\"Click\")",
    "+SUM(A1:A9)",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
    "+1-1@x",
    "-=@\t\r",
]


def test_csv_never_writes_a_name_a_spreadsheet_would_run(tmp_path, capsys):
    records = Records(tmp_path)
    for name in HOSTILE_NAMES:
        play(records, SMALL, name, [1, 1])
    records.close()
    code, text, err = cli(capsys, "report", "--format", "csv", "--data-dir", tmp_path)
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert [row[1] for row in rows[1:]] == ["'" + name for name in HOSTILE_NAMES]
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    code, text, _ = cli(capsys, "report", "--format", "json", "--data-dir", tmp_path)
    assert [a["learner"] for a in json.loads(text)["attempts"]] == HOSTILE_NAMES   # the data itself is kept


MARKUP = "<img src=x onerror=alert(1)>[click](javascript:alert(1)) **b** `c` | https://evil.example"


def tampered(tmp_path) -> Records:
    """One finished attempt whose stored words were replaced by markup (its scenario then cannot be
    found, so every value in the report is read back from the records)."""
    records = Records(tmp_path)
    play(records, SMALL, MARKUP, [1, 1])
    records.close()
    db = sqlite3.connect(tmp_path / DATABASE_NAME)
    db.execute("UPDATE attempts SET scenario_id = ?, scenario_path = '', outcome = ?, ending_node = ?,"
               " scores = ?, final_state = ?, member_outcomes = ?, safe = 0",
               (MARKUP, MARKUP, MARKUP, json.dumps({MARKUP: 2}), json.dumps({"group": {MARKUP: 0.5}}),
                json.dumps({MARKUP: MARKUP})))
    db.commit()
    db.close()
    return records


def test_values_read_back_from_a_tampered_records_file_are_escaped_in_html(tmp_path, capsys):
    tampered(tmp_path)
    code, page, err = cli(capsys, "report", "--data-dir", tmp_path)
    assert code == 0, err
    assert "<img" not in page and "<a " not in page
    assert page.count(html.escape(MARKUP, quote=True)) >= 4   # the learner, title, outcome, the member ...


def test_values_read_back_from_a_tampered_records_file_are_escaped_in_markdown(tmp_path, capsys):
    tampered(tmp_path)
    code, text, err = cli(capsys, "report", "--format", "md", "--data-dir", tmp_path)
    assert code == 0, err
    assert not re.search(r"(?<!\\)[<\[`]", text)     # no tag, link or code that is not escaped
    assert "https://" not in text and "**b**" not in text
    escaped = r"\<img src=x onerror=alert(1)\>\[click\](javascript:alert(1)) \*\*b\*\* \`c\` \| https\:\/\/evil.example"
    assert text.count(escaped) >= 4     # the learner, title, outcome, the member, the objective ...


# -- odd command lines for the records commands ---------------------------------------------------

def one_line_error(result, code: int, words: str) -> None:
    assert result.returncode == code, result.stderr
    assert "unexpected error" not in result.stderr and "Traceback" not in result.stderr
    assert words in result.stderr.strip().splitlines()[-1]


def test_an_attempt_number_past_sqlites_range_is_a_usage_error(tmp_path):
    for number in (str(10 ** 20), "-1", "0", "9" * 5000):
        result = circle("report", "--attempt", number, "--data-dir", tmp_path)
        one_line_error(result, 2, "--attempt")


def test_an_empty_data_folder_is_an_error_not_a_silent_fallback(tmp_path):
    for command in (["report"], ["play", SMALL, "--text"]):
        result = circle(*command, "--data-dir", "")
        one_line_error(result, 2, "the folder name is empty")


def test_class_report_reads_no_device_and_waits_for_no_pipe(tmp_path):
    fifo = tmp_path / "export.json"
    os.mkfifo(fifo)
    for path in ("/dev/zero", fifo):
        result = circle("class-report", path, timeout=20)
        one_line_error(result, 1, "is not a regular file")
        assert len(result.stderr.strip().splitlines()) == 1


def test_class_report_refuses_a_turn_of_four_hundred_digits(tmp_path, capsys):
    records = Records(tmp_path / "data")
    play(records, SMALL, "Sam", [1, 1])
    records.close()
    code, text, _ = cli(capsys, "report", "--format", "json", "--data-dir", tmp_path / "data")
    assert code == 0
    export = tmp_path / "huge.json"
    export.write_text(text.replace('"turn": 1,', '"turn": 1' + "0" * 400 + ",", 1), encoding="utf-8")
    assert "0" * 400 in export.read_text(encoding="utf-8")
    result = circle("class-report", export)
    one_line_error(result, 1, "decisions.0.turn")
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_too_large_message_gives_the_real_size(tmp_path, monkeypatch):
    monkeypatch.setattr(exchange, "MAX_BYTES", 1000)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 5000)
    (problem,) = gather([big]).problems
    assert "5,000 bytes" in problem and "1,000 bytes" in problem


@pytest.mark.parametrize("name", ["report", "class-report"])
def test_the_records_commands_print_no_traceback_on_a_folder_given_as_a_file(tmp_path, name):
    target = tmp_path / "a-file"
    target.write_text("x")
    argv = ["report", "--data-dir", target] if name == "report" else ["class-report", tmp_path]
    result = circle(*argv)
    assert result.returncode == 1 and "unexpected error" not in result.stderr and "Traceback" not in result.stderr
