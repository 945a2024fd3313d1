"""`ask: true` on a node: read the room before choosing. Optional; every format 1 file stays valid."""
from __future__ import annotations

import json
from pathlib import Path

from game.scenario import load_path, load_text

from .conftest import SMALL, edited

ROOT = Path(__file__).resolve().parents[2]
PHASE_LINE = 20   # `    phase: opening` in small.yaml's first node


def asked(value: str) -> str:
    return edited({PHASE_LINE: f"    phase: opening\n    ask: {value}"})


def test_a_node_asks_nothing_unless_it_says_so():
    scenario = load_path(SMALL).scenario
    assert not any(node.ask for node in scenario.nodes.values())


def test_a_marked_node_asks_the_trainee_to_read_the_room():
    result = load_text(asked("true"))
    assert result.errors == [], result.diagnostics
    assert result.scenario.nodes["opening"].ask is True
    assert result.scenario.nodes["middle"].ask is False


def test_ask_takes_true_or_false_and_nothing_else():
    for value in ("3", "[true]", "{a: 1}"):
        codes = [(d.code, d.line) for d in load_text(asked(value)).errors]
        assert codes == [("wrong-type", PHASE_LINE + 1)], value


def test_the_schema_offers_ask_on_a_node():
    schema = json.loads((ROOT / "assets" / "scenario.schema.json").read_text(encoding="utf-8"))
    ask = schema["$defs"]["Node"]["properties"]["ask"]
    assert ask["type"] == "boolean" and ask["default"] is False


def test_the_guide_documents_ask_in_the_node_reference():
    guide = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")
    node_table = guide.split("### A node (`nodes:`)", 1)[1].split("###", 1)[0]
    assert "| `ask` | true/false | `false` |" in node_table
