"""`validate` as the command-line contract says: one line per problem, exit 0/1/2, JSON."""
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "tests" / "scenario" / "small.yaml"
LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): \[(?P<code>[a-z-]+)\] .+$")


def validate(*args):
    return subprocess.run([sys.executable, "main.py", "validate", *args], cwd=ROOT,
                          capture_output=True, text=True)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_exits_0_and_prints_no_problem():
    result = validate(str(SMALL), "--strict")
    assert result.returncode == 0 and result.stdout == ""


def test_each_problem_is_one_line_with_path_line_col_severity_and_code(tmp_path):
    bad = write(tmp_path, "bad.yaml", SMALL.read_text().replace("next: middle", "next: midle")
                .replace("narration: Six chairs.", "narattion: Six chairs."))
    result = validate(str(bad))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    assert [p["code"] for p in parsed] == ["unknown-key", "unknown-node"]
    assert all(p["path"] == str(bad) for p in parsed)
    assert "Traceback" not in result.stderr


def test_warnings_fail_only_with_strict(tmp_path):
    warned = write(tmp_path, "warned.yaml", SMALL.read_text().replace("feedback: Drawing out.", "feedback: ''"))
    assert validate(str(warned)).returncode == 0
    strict = validate(str(warned), "--strict")
    assert strict.returncode == 1 and ": warning: [no-feedback]" in strict.stdout


def test_json_is_a_list_of_problems_with_the_contract_fields(tmp_path):
    bad = write(tmp_path, "bad.yaml", SMALL.read_text().replace("stance: lead", "stance: leed", 1))
    result = validate(str(bad), "--format", "json")
    problems = json.loads(result.stdout)
    assert result.returncode == 1
    assert problems == [{"path": str(bad), "line": 30, "col": 17, "severity": "error",
                         "code": "bad-value", "message": problems[0]["message"]}]
    assert "did you mean 'lead'" in problems[0]["message"]


def test_a_folder_validates_each_yaml_file_in_it(tmp_path):
    write(tmp_path, "good.yaml", SMALL.read_text())
    write(tmp_path, "bad.yaml", "- not a scenario\n")
    result = validate(str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.count("\n") == 1 and "bad.yaml:1:1: error: [not-a-mapping]" in result.stdout


def test_bad_usage_exits_2():
    assert validate().returncode == 2
    assert validate(str(SMALL), "--format", "xml").returncode == 2


def test_malformed_files_never_print_a_traceback(tmp_path):
    samples = [b"", b"\xff\xfe\x00", b"[" * 5000, b"a: &a [*a]", b"!!python/object:os.system {}",
               b"format: 1\nnodes: 5\n", b"format: 1\nid: x\nmembers: [1, 2, 3]\nnodes: {a: {choices: 1}}\n"]
    for index, raw in enumerate(samples):
        path = tmp_path / f"s{index}.yaml"
        path.write_bytes(raw)
        result = validate(str(path))
        assert result.returncode == 1, raw
        assert "Traceback" not in result.stderr and result.stdout.strip(), raw
        assert all(LINE.match(line) for line in result.stdout.strip().splitlines()), result.stdout


def test_two_files_with_the_same_scenario_id_are_an_error_at_the_second_id(tmp_path):
    write(tmp_path, "a.yaml", SMALL.read_text())
    write(tmp_path, "b.yaml", "# a copy\n" + SMALL.read_text())
    result = validate(str(tmp_path))
    assert result.returncode == 1
    (line,) = result.stdout.strip().splitlines()
    assert LINE.match(line)["code"] == "duplicate-scenario" and LINE.match(line)["line"] == "3"
    assert line.startswith(str(tmp_path / "b.yaml"))
