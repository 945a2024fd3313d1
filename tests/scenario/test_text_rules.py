"""Text in a scenario: no control, bidi or zero-width-only text anywhere (`bad-text`), and no
field longer than it allows (`too-long`); each a coded error at its own line."""
from pathlib import Path

import pytest

from game.scenario import load_path, load_text
from game.scenario import model as format_model
from game.scenario.characters import printable, text_problem, visible
from game.scenario.yamlsource import read_yaml

from .conftest import edited, small_lines

ROOT = Path(__file__).resolve().parents[2]

# One line of small.yaml per kind of text field, with "{}" where the text goes. Two add a line
# after the one they replace (a key nothing refers to), so the text is on the next line.
ADDED = {"objective key", "node id"}
FIELDS = {
    "scenario id": (2, 'id: "small{}"'),
    "title": (3, 'title: "A small{} test group"'),
    "summary": (4, 'summary: "Six adults{}."'),
    "focus": (5, 'focus: "test{}ing"'),
    "objective key": (9, '  draw-out: Bring in a silent member.\n  "ex{}tra": Unscored, a warning only.'),
    "objective text": (9, '  draw-out: "Bring in{} a silent member."'),
    "member name": (13, '  - {{id: cai, name: "Ca{}i"}}'),
    "node id": (68, '    ending: {{outcome: stalled, text: Stuck.}}\n  "un{}used": {{ending: {{outcome: growth}}}}'),
    "narration": (21, '    narration: "Six{} chairs."'),
    "line, short form": (23, '      - ana: "I\'ll{} start."'),
    "line, long form": (24, '      - {{speaker: cai, text: "Fi{}ne.", tone: flat}}'),
    "choice text": (29, '      - text: "Thank Ana{} and open a round."'),
    "feedback": (35, '        feedback: "Blocking{} opens room."'),
    "condition": (61, '        if: "score.draw-out{} < 5"'),
    "ending text": (66, '    ending: {{outcome: growth, text: "Go{}od."}}'),
}
UNSAFE = {"NUL": "\\0", "ESC": "\\e[31m", "DEL": "\\x7f", "C1": "\\x9b", "RLO": "\\u202e", "LRI": "\\u2066",
          "line separator": "\\u2028"}


def at(field: str) -> int:
    return FIELDS[field][0] + (field in ADDED)


def test_the_field_table_edits_the_lines_it_means():
    for line, text in FIELDS.values():
        original = small_lines()[line - 1]
        assert load_text(edited({line: text.format("")})).scenario is not None, (line, original)


@pytest.mark.parametrize("char", UNSAFE.values(), ids=UNSAFE)
@pytest.mark.parametrize("field", FIELDS, ids=str)
def test_an_unsafe_character_in_any_text_is_bad_text_at_its_line(field, char):
    line, text = FIELDS[field]
    result = load_text(edited({line: text.format(char)}))
    assert result.scenario is None
    assert ("bad-text", at(field)) in [(d.code, d.line) for d in result.errors], result.diagnostics


@pytest.mark.parametrize("field", ["title", "member name", "scenario id", "objective key"])
def test_a_newline_or_a_tab_is_bad_text_in_one_line_fields(field):
    line, text = FIELDS[field]
    for char in ("\\n", "\\t"):
        codes = [(d.code, d.line) for d in load_text(edited({line: text.format(char)})).errors]
        assert ("bad-text", at(field)) in codes


@pytest.mark.parametrize("field", ["narration", "choice text", "feedback", "line, long form", "summary"])
def test_prose_may_hold_newlines_tabs_joiners_and_any_alphabet(field):
    line, text = FIELDS[field]
    for char in ("\\n", "\\t", " \\u00e9\\u0645\\u4e2d ", " \\U0001F469\\u200d\\U0001F4BB"):
        result = load_text(edited({line: text.format(char)}))
        assert result.scenario is not None, (char, result.diagnostics)


@pytest.mark.parametrize("text", ['"\\u200b"', '"\\u200b\\u200c\\ufeff"', '" \\u2060 "'])
def test_a_name_or_title_of_only_zero_width_characters_is_bad_text(text):
    for line, template in ((13, "  - {{id: cai, name: {}}}"), (3, "title: {}")):
        result = load_text(edited({line: template.format(text)}))
        assert [(d.code, d.line) for d in result.errors] == [("bad-text", line)]
        assert "no visible character" in result.errors[0].message


def test_the_message_shows_the_character_as_an_escape_never_raw():
    result = load_text(edited({21: '    narration: "Six \\e[2J chairs."'}))
    message = result.errors[0].format_text("f.yaml")
    assert "\\x1b" in message and "\x1b" not in message


# -- lengths ---------------------------------------------------------------------------------

def _padded(prefix: str):
    """A value of exactly n characters: `prefix` then x's (a condition: then spaces)."""
    pad = " " if prefix.startswith("score") else "x"
    return lambda n: prefix + pad * (n - len(prefix))


LIMITED = {  # field -> (line, template with {} for the value, value of n characters, limit)
    "scenario id": (2, "id: {}", _padded("s"), format_model.MAX_ID),
    "node id": (68, "    ending: {{outcome: stalled, text: Stuck.}}\n  {}: {{ending: {{outcome: growth}}}}",
                _padded("n"), format_model.MAX_ID),
    "objective key": (9, "  draw-out: Bring in a silent member.\n  {}: Unscored.", _padded("o"), format_model.MAX_ID),
    "member name": (13, "  - {{id: cai, name: {}}}", _padded("C"), format_model.MAX_NAME),
    "title": (3, "title: {}", _padded("A"), format_model.MAX_TITLE),
    "focus": (5, "focus: {}", _padded("t"), format_model.MAX_TITLE),
    "choice text": (29, "      - text: {}", _padded("T"), format_model.MAX_CHOICE),
    "objective text": (9, "  draw-out: {}", _padded("B"), format_model.MAX_NOTE),
    "condition": (61, '        if: "{}"', _padded("score.draw-out < 5"), format_model.MAX_CONDITION),
    "narration": (21, "    narration: {}", _padded("S"), format_model.MAX_PROSE),
    "line": (23, "      - ana: {}", _padded("I"), format_model.MAX_PROSE),
    "feedback": (35, "        feedback: {}", _padded("B"), format_model.MAX_PROSE),
    "summary": (4, "summary: {}", _padded("S"), format_model.MAX_PROSE),
}


@pytest.mark.parametrize("field", LIMITED, ids=str)
def test_text_up_to_its_limit_loads_and_one_more_character_is_too_long(field):
    line, template, value, limit = LIMITED[field]
    fits = load_text(edited({line: template.format(value(limit))}))
    assert fits.scenario is not None, fits.diagnostics
    errors = load_text(edited({line: template.format(value(limit + 1))})).errors
    assert [d.code for d in errors] == ["too-long"], errors
    assert f"the limit is {limit:,}" in errors[0].message and len(errors[0].message) < 200


def test_a_five_thousand_character_scenario_id_is_one_short_error():
    result = load_text(edited({2: "id: " + "a" * 5000}))
    assert [d.code for d in result.errors] == ["too-long"]
    assert len(result.errors[0].format_text("f")) < 200


def _strings(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_scenarios_stay_well_inside_the_limits(path):
    """The limits bound accidents and attacks, not writing: every shipped text, however long,
    uses at most two thirds of the loosest limit that could apply to it, and holds nothing the
    validator would refuse."""
    result = load_path(path)
    assert not [d for d in result.errors if d.code in ("too-long", "bad-text")]
    data = read_yaml(path.read_text(encoding="utf-8")).data
    assert max(len(text) for text in _strings(data)) <= format_model.MAX_PROSE * 2 // 3


def test_visible_and_printable_escape_what_acts_on_a_terminal():
    assert visible("a\x1b[31mb\nc\u202ed\u200be") == "a\\x1b[31mb\\nc\\u202ed\\u200be"
    assert printable("a\x1b[31mb\nc\td\u202ee\u200d") == "a\\x1b[31mb\nc\td\\u202ee\u200d"
    assert text_problem("Ana", multiline=False) is None
    assert text_problem("\u00a0", multiline=False) is None  # blank, not hidden: left to other rules
