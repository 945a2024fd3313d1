"""The JSON Schema (draft 2020-12) of scenario format 1, for editors.

Generated from the pydantic models in game/scenario/model.py, the same ones the loader
validates with, so the schema cannot drift from the format. Two things the models express in
code rather than in types are added here:

- a line's short form (`- maria: text`: a mapping of one member id to what they say), which
  `Line` accepts through a validator that pydantic cannot describe;
- the counts that `rules.py` enforces as errors (3..12 members, at most 6 choices), so an
  editor flags them while typing;
- the forms a path test also takes as written (`choices: 1,2,1`, an event `breakthrough: tom`).

What needs the whole file (that a `next` names a real node, that a speaker is a member, that an
`if:` parses) stays with `python main.py validate`.
"""
from __future__ import annotations

import json

from game.scenario.model import MAX_ID, MAX_PROSE, Scenario
from game.scenario.rules import MAX_CHOICES, MAX_MEMBERS, MIN_MEMBERS

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "urn:circle-sim:scenario:format-1"
LONG_FORM_KEYS = ("speaker", "text", "tone")


def scenario_schema() -> dict:
    """The schema as a dict, `$schema` and `$id` first."""
    generated = Scenario.model_json_schema(by_alias=True)
    definitions = generated["$defs"]
    definitions["Line"] = _line_with_short_form(definitions["Line"])
    generated["properties"]["members"].update(minItems=MIN_MEMBERS, maxItems=MAX_MEMBERS)
    definitions["Node"]["properties"]["choices"]["maxItems"] = MAX_CHOICES
    _path_test_written_forms(definitions["PathTest"]["properties"])
    head = {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "Circle scenario, format 1",
        "description": (
            "A group-therapy training scenario: members, a graph of nodes with lead/follow "
            "choices, and endings. Check a file fully with `python main.py validate FILE`."
        ),
    }
    generated.pop("title", None)
    return {**head, **generated}


def _line_with_short_form(long_form: dict) -> dict:
    short_form = {
        "type": "object",
        "description": "Short form: member id -> what they say (`- maria: I'll go first.`).",
        "minProperties": 1,
        "maxProperties": 1,
        "propertyNames": {"not": {"enum": list(LONG_FORM_KEYS)}, "maxLength": MAX_ID},
        "additionalProperties": {"type": "string", "maxLength": MAX_PROSE},
    }
    return {
        "title": "Line",
        "description": long_form.get("description", "One thing a member says."),
        "anyOf": [long_form, short_form],
    }


def _path_test_written_forms(properties: dict) -> None:
    """What `PathTest` also accepts as written: `choices: 1,2,1` as on the command line, and an
    event for one member as a one-pair mapping (`breakthrough: tom`)."""
    listed = properties["choices"]
    description = listed.pop("description")
    listed.pop("title", None)
    properties["choices"] = {"title": "Choices", "description": description, "anyOf": [
        listed, {"type": "string", "pattern": r"^\s*[1-6](\s*,\s*[1-6])*\s*$"}]}
    for key in ("events", "no_events"):
        one = properties[key]["items"]
        properties[key]["items"] = {"anyOf": [one, {
            "type": "object", "minProperties": 1, "maxProperties": 1,
            "propertyNames": {"maxLength": MAX_ID}, "additionalProperties": {"type": "string", "maxLength": MAX_ID}}]}


def schema_text() -> str:
    """The schema as written to assets/scenario.schema.json (stable bytes, final newline)."""
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
