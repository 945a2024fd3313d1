"""Fuzzing the loader: YAML-ish noise, and random text (controls, bidi, zero-width, tags,
huge numbers) in the text fields of a valid scenario. Whatever comes in, the loader returns
diagnostics, never an exception: each coded, at a line >= 1, on one harmless line, quickly.
Bounded so the suite stays fast."""
import json
import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import CODES, load_text
from game.scenario.characters import text_problem

from .conftest import edited

FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RAW = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

TOKENS = ["a", "b:", ": ", "- ", "\n", "  ", "{", "}", "[", "]", ",", "&a ", "*a", "<<: ", "!!int ",
          "!!float ", "!!bool ", "!!str ", "!!null ", "!!binary ", "!!set ", "!x ", "? ", "|", ">", '"', "'",
          "#", "0x", "0b", "1e9", ".nan", "-", "~", "9" * 50, "\\e", "\\0", "\\u202e", "\u200b", "\t", "%YAML 1.1\n"]
# Lines of small.yaml that hold text, with {} where a random value goes.
FIELDS = [
    (2, "id: {}"), (3, "title: {}"), (4, "summary: {}"), (5, "focus: {}"), (6, "level: {}"),
    (9, "  draw-out: {}"), (13, "  - {{id: cai, name: {}}}"), (17, "start: {}"), (21, "    narration: {}"),
    (23, "      - ana: {}"), (24, "      - {{speaker: {}, text: Fine., tone: flat}}"), (29, "      - text: {}"),
    (30, "        stance: {}"), (35, "        feedback: {}"), (37, "        next: {}"), (61, "        if: {}"),
    (66, "    ending: {{outcome: growth, text: {}}}"), (8, "  {}: Help members see what they share."),
]
TAGS = ["", "", "", "!!int ", "!!float ", "!!bool ", "!!str ", "!!null ", "!!timestamp ", "!!binary ", "!odd "]
NASTY = st.characters(codec="utf-8") | st.sampled_from(
    list("\x00\x1b\x07\x7f\x85\x9b\u200b\u200c\u200d\u202e\u2066\u2028\ufeff\t\n é中"))


def assert_sound(result, text: str, seconds: float) -> None:
    assert seconds < 2.0, f"loading took {seconds:.1f} s"
    assert (result.scenario is None) == bool(result.errors)
    for diagnostic in result.diagnostics:
        assert diagnostic.code in CODES
        assert diagnostic.line >= 1 and diagnostic.col >= 1
        shown = diagnostic.format_text("f.yaml")
        assert "\n" not in shown and not RAW.search(shown), shown
        assert len(diagnostic.message) < 1000


def timed_load(text: str):
    started = time.perf_counter()
    result = load_text(text)
    return result, time.perf_counter() - started


@FAST
@given(st.lists(st.sampled_from(TOKENS) | st.text(NASTY, max_size=4), max_size=40).map("".join))
def test_yaml_ish_noise_only_ever_gives_coded_diagnostics(text):
    result, seconds = timed_load(text)
    assert_sound(result, text, seconds)


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


@st.composite
def edited_field(draw):
    line, template = draw(st.sampled_from(FIELDS))
    value = draw(st.text(NASTY, max_size=30) | st.builds(lambda c, n: c * n, st.sampled_from("x9\u200b "),
                                                          st.integers(0, 6000)))
    quoted = draw(st.booleans())
    written = json.dumps(value, ensure_ascii=draw(st.booleans())) if quoted else value.replace("\n", " ")
    return edited({line: template.format(draw(st.sampled_from(TAGS)) + written)})


@FAST
@given(edited_field())
def test_random_text_in_any_field_only_ever_gives_coded_diagnostics(text):
    result, seconds = timed_load(text)
    assert_sound(result, text, seconds)
    if result.scenario is not None:  # what loads is safe to draw and print
        dumped = result.scenario.model_dump(mode="json", by_alias=True)
        assert all(text_problem(s, multiline=True) is None for s in _strings(dumped))
