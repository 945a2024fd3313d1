"""Hostile files and command lines: every failure is one clear line with exit 1 or 2, never
"unexpected error", and nothing from a file reaches the terminal raw."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "tests" / "scenario" / "small.yaml"
LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): \[(?P<code>[a-z-]+)\] .+$")
SEED_MAX = 2 ** 63 - 1


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env=env, stdin=subprocess.DEVNULL)


def small_with(tmp_path, old: str, new: str, name: str = "s.yaml") -> Path:
    text = SMALL.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def clean_failure(out: subprocess.CompletedProcess, code: int) -> None:
    assert out.returncode == code, (out.stdout, out.stderr)
    assert "unexpected error" not in out.stderr and "Traceback" not in out.stderr


# -- explicit tags, through every command that loads a file ----------------------------------

@pytest.mark.parametrize("command", [["validate"], ["run"], ["simulate", "--runs", "2"], ["graph"]])
def test_a_mistyped_tag_is_a_coded_line_in_every_command(tmp_path, command):
    path = small_with(tmp_path, "level: beginner", 'level: !!int "abc"')
    out = cli(command[0], str(path), *command[1:])
    clean_failure(out, 1)
    assert f"{path}:6:" in out.stdout + out.stderr and "[wrong-type]" in out.stdout + out.stderr


def test_a_recursive_merge_is_a_coded_line(tmp_path):
    path = small_with(tmp_path, "focus: testing", "focus: &a {<<: *a}")
    out = cli("validate", str(path))
    clean_failure(out, 1)
    assert LINE.match(out.stdout.strip())["code"] == "recursive-alias"


# -- nothing from a file reaches the terminal raw --------------------------------------------

def test_validate_escapes_control_characters_from_the_file(tmp_path):
    path = small_with(tmp_path, "narration: Six chairs.", 'narration: "Six \\e[2J\\e]0;owned\\a chairs."\n'
                      '    "na\\erration\\u202e": x')
    out = cli("validate", str(path))
    clean_failure(out, 1)
    assert "\x1b" not in out.stdout and "\x07" not in out.stdout and "\u202e" not in out.stdout
    assert "\\x1b" in out.stdout
    assert all(LINE.match(line) for line in out.stdout.splitlines())


def test_validate_escapes_a_control_character_in_a_file_name(tmp_path):
    path = small_with(tmp_path, "id: small-test", "id: [not an id]", name="a\x1b[31mb.yaml")
    out = cli("validate", str(tmp_path))
    clean_failure(out, 1)
    assert "\x1b" not in out.stdout and "a\\x1b[31mb.yaml" in out.stdout


def test_a_newline_in_a_condition_stays_on_its_diagnostic_line(tmp_path):
    path = small_with(tmp_path, "if: score.draw-out < 5", 'if: "score.draw-out <\\n\\n 5 and"')
    text, as_json = cli("validate", str(path)), cli("validate", str(path), "--format", "json")
    clean_failure(text, 1)
    lines = text.stdout.splitlines()
    assert len(lines) == len(json.loads(as_json.stdout)) and all(LINE.match(line) for line in lines)
    assert "\\n" in text.stdout


# -- command-line bounds ---------------------------------------------------------------------

@pytest.mark.parametrize("seed", [str(SEED_MAX + 1), str(-SEED_MAX - 2), "9" * 5000, "1e3"])
@pytest.mark.parametrize("command", [["run"], ["simulate", "--runs", "1"], ["screenshot", "--out", "x.png"],
                                     ["play", "--text"]])
def test_a_seed_outside_64_bits_is_a_usage_error(command, seed):
    out = cli(command[0], str(SMALL), *command[1:], "--seed", seed)
    clean_failure(out, 2)
    assert "--seed" in out.stderr and len(out.stderr.splitlines()[-1]) < 200


def test_the_largest_64_bit_seed_is_accepted():
    out = cli("run", str(SMALL), "--choices", "1", "--seed", str(SEED_MAX))
    assert out.returncode == 0 and json.loads(out.stdout)["seed"] == SEED_MAX


@pytest.mark.parametrize("runs", ["100001", "0", "9" * 5000])
def test_simulate_runs_has_bounds(runs):
    out = cli("simulate", str(SMALL), "--runs", runs)
    clean_failure(out, 2)
    assert "--runs" in out.stderr and "100,000" in out.stderr and len(out.stderr.splitlines()[-1]) < 200


def test_simulate_accepts_the_upper_bound_in_its_parser():
    from game.commands.simulate import MAX_RUNS
    from game.cli import build_parser

    assert build_parser("simulate").parse_args(["simulate", "x", "--runs", str(MAX_RUNS)]).runs == MAX_RUNS


def test_choices_with_a_huge_number_are_one_short_line():
    out = cli("run", str(SMALL), "--choices", "1," + "9" * 5000)
    clean_failure(out, 1)
    assert len(out.stderr.strip().splitlines()) == 1 and len(out.stderr) < 300


@pytest.mark.parametrize("out_path", ["missing-folder/shot.png", "."])
def test_screenshot_into_a_missing_folder_or_onto_a_folder_is_one_clear_line(tmp_path, out_path):
    out = cli("screenshot", str(SMALL), "--out", str(tmp_path / out_path))
    clean_failure(out, 1)
    assert len(out.stderr.strip().splitlines()) == 1 and "screenshot:" in out.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("command", ["validate", "run"])
def test_a_fifo_as_the_scenario_is_a_clear_error_not_a_hang(tmp_path, command):
    fifo = tmp_path / "s.yaml"
    os.mkfifo(fifo)
    out = cli(command, str(fifo), timeout=30)
    clean_failure(out, 1)
    assert "not a regular file" in out.stdout + out.stderr
