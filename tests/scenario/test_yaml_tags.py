"""Explicit YAML types and self-referencing anchors: each is a coded diagnostic at its line,
never an exception (the window's F5 and file watcher load through the same path)."""
import time

import pytest

from game.engine import Session, reload_session
from game.scenario import CODES, load_path, load_text

from .conftest import SMALL, edited

# (what is written, the line it replaces): each value's explicit tag does not fit it.
MISTYPED = {
    "int-text": (6, 'level: !!int "abc"'),
    "float-text": (6, 'level: !!float "abc"'),
    "bool-maybe": (6, 'level: !!bool "maybe"'),
    "bad-hex": (6, "level: !!int 0xZZ"),
    "empty-float": (6, "level: !!float"),
    "stance-int": (30, '        stance: !!int "lead"'),
    "key-int": (4, '!!int "abc": Six adults in a short session.'),
}


@pytest.mark.parametrize("line,text", MISTYPED.values(), ids=MISTYPED)
def test_a_tag_that_does_not_fit_its_value_is_one_coded_error_at_its_line(line, text):
    result = load_text(edited({line: text}))
    assert result.scenario is None
    assert [(d.code, d.line) for d in result.errors] == [("wrong-type", line)], result.diagnostics
    assert "remove the tag" in result.errors[0].message


def test_a_number_too_long_for_python_to_read_is_out_of_range():
    result = load_text(edited({6: "level: " + "9" * 5000}))
    assert [(d.code, d.line) for d in result.errors] == [("out-of-range", 6)]
    assert len(result.errors[0].message) < 200


@pytest.mark.parametrize("text", [
    "a: &a {<<: *a}\n",
    "a: &a {b: 1, <<: [*a]}\n",
    "a: &a {b: {<<: *a}}\n",
    "a: &x [*x]\n",
])
def test_an_anchor_used_inside_itself_is_refused(text):
    result = load_text(text)
    assert [(d.code, d.line) for d in result.diagnostics] == [("recursive-alias", 1)]


def test_merges_of_merges_cost_what_the_file_holds_not_what_it_would_expand_to():
    lines = ["a0: &a0 {k0: 1, k1: 2}"]
    for i in range(1, 30):
        lines.append(f"a{i}: &a{i} {{<<: [{', '.join([f'*a{i - 1}'] * 10)}], own{i}: 1}}")
    started = time.perf_counter()
    result = load_text("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 2
    assert all(d.code in CODES for d in result.diagnostics)


def test_merged_keys_still_merge_the_first_source_first_and_own_keys_win():
    result = load_text(edited({
        11: "  - &ana {id: ana, name: Ana, archetype: monopolizer, start: {engagement: 0.8, distress: 0.5}}",
        13: "  - &cai {id: cai, name: Cai, age: 40}",
        16: "  - {<<: [*ana, *cai], id: fay, name: Fay}",
    }))
    assert result.scenario is not None, result.diagnostics
    fay = result.scenario.member("fay")
    assert (fay.name, fay.archetype.value, fay.age) == ("Fay", "monopolizer", 40)


def test_reloading_a_file_with_a_mistyped_tag_keeps_the_game_and_lists_the_problem(tmp_path):
    """F5 and the file watcher: load_path, then reload_session, as the play screen does."""
    session = Session(load_path(SMALL).scenario, seed=1)
    session.begin()
    path = tmp_path / "small.yaml"
    for line, text in list(MISTYPED.values()) + [(5, "focus: &a {<<: *a}")]:
        path.write_text(edited({line: text}), encoding="utf-8")
        reloaded = reload_session(session, load_path(path))
        assert not reloaded.ok and reloaded.session is session
        assert len(reloaded.problems) == 1 and f":{line}:" in reloaded.problems[0]
