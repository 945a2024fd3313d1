"""Advice: the file loads, but an instructor should hear about it (and --strict refuses it)."""
import pytest

from game.scenario import load_text

from .conftest import edited, small_lines


def warning_codes(text):
    result = load_text(text)
    assert result.scenario is not None, result.errors
    return [(d.code, d.line) for d in result.warnings]


def test_the_small_example_has_no_warnings(small_text):
    assert warning_codes(small_text) == []


@pytest.mark.parametrize("what, replacements, code, line", [
    ("choice without feedback", {62: "        feedback: ''"}, "no-feedback", 57),
    ("decision node without an expert", {60: "        targets: []"}, "no-expert", 46),
    ("decision node with one stance", {58: "        stance: lead"}, "one-stance", 46),
    ("unscored objective", {54: "        score: {universality: 2}"}, "unscored-objective", 9),
    ("unreachable node", {45: "          - goto: end_growth"}, "unreachable-node", 67),
    ("member who never speaks and is never targeted", {27: "      - {speaker: eli, text: 'Hi.', tone: anxious}"}, "silent-member", 16),
])
def test_each_warning_is_reported_at_its_line(what, replacements, code, line):
    assert (code, line) in warning_codes(edited(replacements)), what


def test_a_node_that_cannot_reach_an_ending_is_a_dead_end():
    lines = small_lines()
    # 'middle' always loops back to itself through its second choice, and its first no longer ends.
    lines[55] = "        next: middle"
    lines[62] = "        next: middle"
    codes = warning_codes("\n".join(lines) + "\n")
    assert ("dead-end", 46) in codes


def test_member_count_outside_six_to_ten_is_advice(small_text):
    head, rest = small_text.split("  - {id: fay", 1)
    rest = rest.split("\n", 1)[1]
    text = head + rest.replace("      - {speaker: fay, text: \"Hi.\", tone: anxious}\n", "")
    assert ("member-count-advice", 10) in [(c, l) for c, l in warning_codes(text)]
