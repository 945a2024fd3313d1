"""`schema`: a draft 2020-12 JSON Schema of format 1 that editors can check scenarios against."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from game.authoring.schema import scenario_schema, schema_text
from game.authoring.starter import starter_text

ROOT = Path(__file__).resolve().parents[2]
ASSET = ROOT / "assets" / "scenario.schema.json"
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))
SMALL = ROOT / "tests" / "scenario" / "small.yaml"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return Draft202012Validator(scenario_schema())


def valid_document() -> dict:
    return yaml.safe_load(starter_text("schema-test"))


def test_schema_passes_the_draft_2020_12_meta_schema():
    schema = scenario_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"]
    Draft202012Validator.check_schema(schema)


def test_committed_copy_in_assets_is_the_current_schema():
    assert ASSET.read_text(encoding="utf-8") == schema_text(), (
        "regenerate it: python main.py schema > assets/scenario.schema.json")


def test_cli_prints_the_schema_as_json():
    out = subprocess.run([sys.executable, "main.py", "schema"], cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0
    assert json.loads(out.stdout) == scenario_schema()


def every_property(schema: dict):
    """(definition name, property name, property schema) for the root and every $defs entry."""
    tables = [("Scenario", schema)] + list(schema["$defs"].items())
    for name, definition in tables:
        for variant in [definition] + definition.get("anyOf", []):
            for prop, sub in variant.get("properties", {}).items():
                yield name, prop, sub


def test_every_field_has_a_description():
    missing = [f"{name}.{prop}" for name, prop, sub in every_property(scenario_schema())
               if not sub.get("description")]
    assert missing == []


def test_conditions_are_written_if_as_in_the_file():
    defs = scenario_schema()["$defs"]
    assert "if" in defs["Choice"]["properties"] and "when" not in defs["Choice"]["properties"]
    assert "if" in defs["Branch"]["properties"]


@pytest.mark.parametrize("path", SHIPPED + [SMALL], ids=[p.stem for p in SHIPPED] + ["small"])
def test_every_shipped_scenario_validates(validator, path):
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []


def test_the_starter_validates(validator):
    assert list(validator.iter_errors(valid_document())) == []


def lines_of(document: dict) -> list:
    return document["nodes"]["opening"]["lines"]


def test_line_short_form_and_long_form_are_both_accepted(validator):
    document = valid_document()
    lines_of(document)[:] = [{"maria": "I'll go first."},
                             {"speaker": "sam", "text": "...", "tone": "anxious"}]
    assert validator.is_valid(document)


@pytest.mark.parametrize("line", [
    {"maria": "hi", "sam": "hello"},       # two speakers in one short form
    {"maria": 3},                          # not text
    {"text": "Who says this?"},            # a long form without speaker
    {"speaker": "sam", "text": "x", "tone": "furious"},
])
def test_malformed_lines_are_rejected(validator, line):
    document = valid_document()
    lines_of(document).append(line)
    assert not validator.is_valid(document)


def test_typos_wrong_words_and_counts_are_rejected(validator):
    def broken(change) -> dict:
        document = valid_document()
        change(document)
        return document

    choice = lambda d: d["nodes"]["opening"]["choices"][0]  # noqa: E731
    cases = [
        broken(lambda d: choice(d).update(stnce="lead")),
        broken(lambda d: choice(d).update(stance="push")),
        broken(lambda d: d.update(format=2)),
        broken(lambda d: d.update(id="Has Spaces")),
        broken(lambda d: d.__setitem__("members", d["members"][:2])),
        broken(lambda d: d["members"][0]["start"].update(trust=1.5)),
        broken(lambda d: d["nodes"]["opening"].__setitem__("choices", [choice(d)] * 7)),
        broken(lambda d: d.pop("start")),
    ]
    for document in cases:
        assert not validator.is_valid(document)
