"""`new`: a starter scenario that is clean under --strict, plays, and explains every key."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from game.authoring.exhaustive import exhaustive
from game.authoring.schema import scenario_schema
from game.authoring.simulate import simulate
from game.authoring.starter import SCHEMA_LINE, BadScenarioId, starter_text
from game.scenario import load_text

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture(scope="module")
def starter():
    result = load_text(starter_text("my-group"), "my-group.yaml")
    return result


def test_starter_loads_with_no_errors_and_no_warnings(starter):
    assert [d.format_text("my-group.yaml") for d in starter.diagnostics] == []


def test_starter_points_editors_at_the_schema_on_its_first_line():
    first = starter_text("my-group").splitlines()[0]
    assert first == SCHEMA_LINE == "# yaml-language-server: $schema=../assets/scenario.schema.json"
    assert (ROOT / "scenarios" / "../assets/scenario.schema.json").resolve().is_file()


def test_starter_has_six_members_both_stances_at_each_decision_and_two_endings(starter):
    scenario = starter.scenario
    assert scenario.id == "my-group" and len(scenario.members) == 6
    decisions = [n for n in scenario.nodes.values() if not n.is_ending]
    assert decisions
    for node in decisions:
        assert {c.stance.value for c in node.choices} == {"lead", "follow"}
    outcomes = [n.ending.outcome for n in scenario.nodes.values() if n.is_ending]
    assert len(outcomes) == 2 and len(set(outcomes)) == 2


def format_keys() -> set[str]:
    """Every key name the format defines (from the schema)."""
    schema = scenario_schema()
    keys = set(schema["properties"])
    for definition in schema["$defs"].values():
        for variant in [definition] + definition.get("anyOf", []):
            keys |= set(variant.get("properties", {}))
    return keys


def test_every_format_key_in_the_starter_is_explained_by_a_comment():
    text = starter_text("my-group")
    used = {m.group(1) for m in re.finditer(r"^\s*(?:- )?\{?([a-z_]+):", text, re.M)}
    used |= {k for m in re.finditer(r"\{([^{}]*)\}", text) for k in re.findall(r"([a-z_]+):", m.group(1))}
    uncommented = []
    for key in sorted(used & format_keys()):
        lines = [line for line in text.splitlines() if re.search(rf"(^|[\s{{,-]){key}:", line)]
        if not any(" #" in line for line in lines):
            uncommented.append(key)
    assert uncommented == []
    assert {"format", "id", "members", "nodes", "choices", "stance", "next", "ending", "if"} <= used


def test_starter_plays_to_an_ending_under_every_policy_and_covers_everything(starter):
    for policy in ("random", "lead", "follow", "expert"):
        report = simulate(starter.scenario, runs=10, policy=policy, seed=0)
        assert report.ok and sum(report.endings.values()) == 10
    data = exhaustive(starter.scenario).as_dict()
    assert data["nodes"]["never"] == [] and data["choices"]["never"] == []
    assert data["branches"]["never"] == []  # its example branch can go either way


def test_starter_title_comes_from_the_id():
    document = yaml.safe_load(starter_text("grief_week-2"))
    assert document["id"] == "grief_week-2" and document["title"] == "Grief week 2"


@pytest.mark.parametrize("bad", ["My-Group", "-group", "", "group one", "grupo/ñ", "a:b"])
def test_an_id_the_format_rejects_is_refused(bad):
    with pytest.raises(BadScenarioId, match="not a valid scenario id"):
        starter_text(bad)


# -- the command line ----------------------------------------------------------------------------

def test_cli_prints_the_starter_to_stdout_without_o():
    out = cli("new", "my-group")
    assert out.returncode == 0 and out.stdout == starter_text("my-group")


def test_cli_new_then_validate_strict_then_simulate_then_run(tmp_path):
    path = tmp_path / "week-two.yaml"
    made = cli("new", "week-two", "-o", str(path))
    assert made.returncode == 0 and path.read_text(encoding="utf-8") == starter_text("week-two", path)
    checked = cli("validate", str(path), "--strict")
    assert checked.returncode == 0 and checked.stdout == ""
    assert "1 path test passed" in checked.stderr   # the starter's example path
    assert cli("simulate", str(path), "--runs", "10").returncode == 0
    played = cli("run", str(path), "--choices", "1,1")
    assert played.returncode == 0 and json.loads(played.stdout)["ending"] is not None


def test_cli_refuses_to_overwrite_an_existing_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("my own work\n", encoding="utf-8")
    out = cli("new", "mine", "-o", str(path))
    assert out.returncode == 1 and "already exists" in out.stderr
    assert path.read_text(encoding="utf-8") == "my own work\n"


def test_cli_bad_id_fails_with_a_clear_message_and_writes_nothing(tmp_path):
    path = tmp_path / "x.yaml"
    out = cli("new", "Bad Id", "-o", str(path))
    assert out.returncode in (1, 2) and "not a valid scenario id" in out.stderr
    assert "Traceback" not in out.stderr and not path.exists()


def test_the_starter_models_an_honest_scenario_that_passes_the_audit(starter):
    from game.authoring.audit import audit
    report = audit(starter.scenario, runs=100, seed=5)
    assert report.findings == [], [f.message for f in report.findings]


@pytest.mark.parametrize("where", ["elsewhere/deeper", "."])
def test_the_schema_path_and_the_example_commands_fit_where_the_file_is_saved(tmp_path, where):
    """The editor resolves `$schema` from the file's own folder; the example commands run from
    the folder of main.py. Both must name real files wherever the starter is written."""
    path = tmp_path / where / "week two.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    made = cli("new", "week-two", "-o", str(path))
    assert made.returncode == 0, made.stderr
    text = path.read_text(encoding="utf-8")
    schema = text.splitlines()[0].split("$schema=", 1)[1]
    assert (path.parent / schema).resolve() == (ROOT / "assets" / "scenario.schema.json").resolve()
    commands = re.findall(r"^#\s+python main.py \w+ ('[^']+'|\S+)", text, re.M)
    assert commands and all((ROOT / c.strip("'")).resolve() == path.resolve() for c in commands), commands


def test_a_starter_saved_in_scenarios_is_the_one_printed_without_o():
    assert starter_text("my-group", ROOT / "scenarios" / "my-group.yaml") == starter_text("my-group")


def test_the_starter_writes_one_example_path_that_passes():
    from game.authoring.paths import run_paths

    scenario = load_text(starter_text("my-group"), "my-group.yaml").scenario
    runs = run_paths(scenario)
    assert len(runs) == 1 and runs[0].passed, runs[0].failures
    test = scenario.paths[0]
    assert test.ending and test.safe is not None and test.events and test.no_events
    assert test.visits and test.avoids and test.holds
