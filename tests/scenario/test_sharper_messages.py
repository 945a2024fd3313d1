"""Messages that say what to do: each mistake here cost an instructor time with a message that
named the problem in the parser's words, or said it more than once, or said it wrongly."""
from __future__ import annotations

import json
from pathlib import Path

from game.authoring.schema import scenario_schema
from game.scenario import load_text

from .conftest import edited

ROOT = Path(__file__).resolve().parents[2]


def messages(text: str) -> list[str]:
    return [d.format_text("s.yaml") for d in load_text(text, "s.yaml").diagnostics]


def test_an_unquoted_colon_in_text_says_to_put_the_text_in_quotes_and_shows_how():
    (line,) = messages(edited({21: "    narration: Six chairs: one empty."}))
    assert line.startswith("s.yaml:21:26: error: [yaml-syntax] mapping values are not allowed")
    assert "Put the text in double quotes: narration: \"Six chairs: one empty.\"" in line


def test_an_unquoted_colon_in_a_short_form_line_shows_the_line_quoted():
    (line,) = messages(edited({23: "      - ana: I'll start: now."}))
    assert line.endswith("Put the text in double quotes: - ana: \"I'll start: now.\"")


def test_a_percentage_in_a_condition_says_percent_is_not_understood_and_what_to_write():
    (line,) = messages(edited({61: "        if: ana.trust < 35%"}))
    assert "[bad-expression] cannot read condition 'ana.trust < 35%': '%' is not understood" in line
    assert "write 35% as 0.35 ('ana.trust < 0.35')" in line


def test_a_single_equals_in_a_condition_says_to_write_two():
    (line,) = messages(edited({61: "        if: ana.trust = 0.5"}))
    assert "to compare, write '=='" in line


def test_a_condition_in_an_anchored_branch_list_is_reported_once():
    text = edited({
        42: "        next: &after_silence",
        43: "          - if: group.cohesin >= 0.6",
        56: "        next: *after_silence",
        63: "        next: *after_silence",
    })
    found = [m for m in messages(text) if "[unknown-name]" in m]
    assert found == ["s.yaml:43:17: error: [unknown-name] unknown name 'group.cohesin' in condition "
                     "(did you mean 'group.cohesion'?)"]


def test_yes_as_a_members_line_says_it_was_read_as_true_not_nothing():
    (line,) = messages(edited({23: "      - ana: yes"}))
    assert "not nothing" not in line
    assert "[wrong-type] what ana says should be text, not true/false" in line
    assert "put the text in quotes" in line


def test_the_schema_names_no_file_that_does_not_exist():
    text = json.dumps(scenario_schema())
    import re
    for name in set(re.findall(r"[A-Za-z0-9_./-]+\.md", text)):
        assert (ROOT / name).is_file(), f"the schema points at {name}, which is not in the project"
