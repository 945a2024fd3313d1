"""Scenario files are untrusted input: nothing in them runs, nothing blows up, every problem
becomes a diagnostic (never an exception)."""
import tracemalloc

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import CODES, load_bytes, load_path, load_text

from .conftest import SMALL


def codes(result):
    return [d.code for d in result.diagnostics]


def test_a_python_tag_is_refused_and_never_runs(tmp_path):
    marker = tmp_path / "ran"
    text = SMALL.read_text().replace(
        "narration: Six chairs.", f"narration: !!python/object/apply:os.system ['touch {marker}']")
    result = load_text(text)
    assert "bad-tag" in codes(result) and result.scenario is None
    assert not marker.exists()


def test_an_alias_bomb_fails_with_its_own_code_in_little_memory():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    tracemalloc.start()
    result = load_text("\n".join(lines))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert codes(result) == ["alias-bomb"]
    assert peak < 64 * 1024 * 1024  # the expanded bomb would be 10**10 strings


def test_a_self_referencing_alias_is_refused():
    assert load_text("a: &x [*x]\n").scenario is None


def test_absurdly_deep_brackets_are_refused_without_crashing():
    assert codes(load_text("a: " + "[" * 200_000)) == ["too-deep"]


def test_a_file_over_one_mebibyte_is_refused(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text(SMALL.read_text() + "# " + "x" * (1024 * 1024) + "\n")
    assert codes(load_path(big)) == ["file-too-large"]


def test_bytes_that_are_not_utf8_are_named_at_their_line():
    raw = SMALL.read_bytes().replace(b"Six chairs.", b"Six chairs \xff.")
    result = load_bytes(raw)
    assert codes(result) == ["bad-encoding"] and result.diagnostics[0].line == 21


def test_an_empty_file_is_reported():
    assert codes(load_text("")) == ["empty-file"]
    assert codes(load_text("# nothing but a comment\n")) == ["empty-file"]


def test_a_list_at_top_level_is_reported():
    assert codes(load_text("- format: 1\n- id: x\n")) == ["not-a-mapping"]


def test_a_missing_file_is_a_diagnostic_not_an_exception(tmp_path):
    assert codes(load_path(tmp_path / "nope.yaml")) == ["file-unreadable"]


def test_yaml_merge_keys_are_plain_yaml_and_allowed():
    text = SMALL.read_text().replace(
        "  - {id: cai, name: Cai}", "  - &cai {id: cai, name: Cai}\n  - {<<: *cai, id: gus, name: Gus}")
    result = load_text(text)
    assert result.scenario is not None, result.diagnostics
    assert [m.id for m in result.scenario.members][2:4] == ["cai", "gus"]


def _assert_sound(result, text):
    assert (result.scenario is None) == bool(result.errors)
    line_count = max(text.count("\n") + 1, 1)
    for diagnostic in result.diagnostics:
        assert diagnostic.code in CODES
        assert 1 <= diagnostic.line <= line_count + 1 and diagnostic.col >= 1
        assert diagnostic.message


LINES = SMALL.read_text().splitlines()


@st.composite
def mutated(draw):
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "replace", "indent"]))
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "insert":
            lines.insert(i, draw(st.text(min_size=0, max_size=30)))
        elif kind == "replace":
            line = lines[i]
            k = draw(st.integers(0, len(line)))
            lines[i] = line[:k] + draw(st.sampled_from(
                ["", ":", "- ", "{", "]", "&a ", "*a", "!!str ", "!!set ", "'", '"', "#", "1e9", "-1",
                 "true", "null", "~", "<<: ", "?", "|", "%", "@", "\t", "nodes", "lead", "if: x"]
            )) + line[k + draw(st.integers(0, 5)):]
        elif kind == "indent":
            lines[i] = " " * draw(st.integers(0, 6)) + lines[i].lstrip()
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_random_mutations_only_ever_produce_diagnostics(text):
    _assert_sound(load_text(text), text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_only_ever_produce_diagnostics(raw):
    result = load_bytes(raw)
    assert result.scenario is None
    assert all(d.code in CODES for d in result.diagnostics)
