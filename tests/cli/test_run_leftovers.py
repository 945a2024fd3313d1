"""`run`: choices left over after the ending still print the trace up to it, and say which
choice was not used; `--path NAME` plays one of the file's path tests."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "tests" / "scenario" / "small.yaml"


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_one_choice_too_many_prints_the_trace_to_the_ending_and_names_the_unused_choice():
    out = cli("run", str(SMALL), "--choices", "1,2,1")
    assert out.returncode == 1
    trace = json.loads(out.stdout)
    assert trace["ending"]["node"] == "end_growth" and len(trace["steps"]) == 2
    assert trace == json.loads(cli("run", str(SMALL), "--choices", "1,2").stdout)
    (line,) = out.stderr.strip().splitlines()
    assert line == ("run: the session ended at 'end_growth' (growth) after 2 choices; "
                    "choice 3 of --choices (1) and any after it were not used")


def test_a_choice_not_offered_before_the_ending_is_still_one_line_and_no_trace():
    out = cli("run", str(SMALL), "--choices", "1,7")
    assert out.returncode == 1 and out.stdout == "" and len(out.stderr.strip().splitlines()) == 1


def test_path_plays_a_path_test_by_name(tmp_path):
    file = tmp_path / "s.yaml"
    file.write_text(SMALL.read_text(encoding="utf-8") + "paths:\n  - {name: round then wait, choices: [1, 2], seed: 9}\n",
                    encoding="utf-8")
    by_path = cli("run", str(file), "--path", "round then wait")
    assert by_path.returncode == 0, by_path.stderr
    assert by_path.stdout == cli("run", str(file), "--choices", "1,2", "--seed", "9").stdout
    missing = cli("run", str(file), "--path", "nope")
    assert missing.returncode == 1 and "no path test named 'nope'" in missing.stderr
    assert "'round then wait'" in missing.stderr
    both = cli("run", str(file), "--path", "round then wait", "--choices", "1")
    assert both.returncode == 1 and "not both" in both.stderr
