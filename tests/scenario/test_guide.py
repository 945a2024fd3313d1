"""The authoring guide (scenarios/README.md) is held to the code it documents.

An instructor trusts the guide more than the code: every diagnostic code, every key of the
format and every word of its vocabularies must be in it; every complete scenario it shows must
load; every constant of the group model it quotes must have the value it says; and its table
of shipped scenarios must name every file in scenarios/.

Convention: a ```yaml block is a complete scenario when its first line that is neither blank
nor a comment is `format: 1`. Other yaml blocks are fragments and are not loaded.
"""
from __future__ import annotations

import re
from enum import Enum
from pathlib import Path

import pytest
from pydantic import BaseModel

from game.scenario import CODES, load_path, load_text
from game.scenario import model as format_model
from game.scenario.diagnostics import Severity
from game.scenario.expressions import COUNTERS, GROUP_VARIABLES, MEMBER_VARIABLES
from game.scenario.rules import MAX_CHOICES, MAX_MEMBERS, MIN_MEMBERS
from game.scenario.yamlsource import MAX_BYTES, MAX_DEPTH, MAX_NODES
from game.sim import constants

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "scenarios" / "README.md"
FENCE = re.compile(r"^```([A-Za-z0-9_-]*)[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)


@pytest.fixture(scope="module")
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def code_blocks(text: str, language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(text) if lang == language]


def is_complete_scenario(block: str) -> bool:
    for line in block.splitlines():
        stripped = line.split(" #")[0].strip()  # a comment may follow the value
        if stripped and not stripped.startswith("#"):
            return stripped == "format: 1"
    return False


def complete_scenarios(text: str) -> list[str]:
    return [b for b in code_blocks(text, "yaml") if is_complete_scenario(b)]


def format_models() -> list[type[BaseModel]]:
    """Every mapping of the format: the pydantic models defined in game.scenario.model."""
    return [
        value for value in vars(format_model).values()
        if isinstance(value, type) and issubclass(value, BaseModel)
        and value.__module__ == format_model.__name__ and value.model_fields
    ]


def format_words() -> list[tuple[str, str]]:
    """(enum name, value) for every word list of the format: levels, archetypes, skills ..."""
    return [
        (value.__name__, member.value)
        for value in vars(format_model).values()
        if isinstance(value, type) and issubclass(value, Enum) and value.__module__ == format_model.__name__
        for member in value
    ]


# -- the conventions this test relies on are themselves sound --------------------------------

def test_complete_scenario_convention_skips_comments_and_fragments():
    assert is_complete_scenario("# yaml-language-server: $schema=x\n\nformat: 1\nid: a\n")
    assert is_complete_scenario("format: 1      # the version\nid: a\n")
    assert not is_complete_scenario("nodes:\n  a: {}\n")
    assert not is_complete_scenario("# format: 1\nid: a\n")


def test_fence_reader_finds_language_and_body():
    text = "intro\n```yaml\nformat: 1\n```\n```text\nx\n```\n"
    assert code_blocks(text, "yaml") == ["format: 1\n"]
    assert code_blocks(text, "text") == ["x\n"]


# -- diagnostics ----------------------------------------------------------------------------

@pytest.mark.parametrize("code", sorted(CODES))
def test_every_diagnostic_code_is_documented(guide, code):
    assert f"`{code}`" in guide, f"the guide does not document `{code}`"


def diagnostic_headings(guide: str) -> dict[str, str]:
    """Code -> severity, from headings like #### `unknown-node` (error)."""
    return dict(re.findall(r"^#+ `([a-z-]+)` \((error|warning)\)", guide, re.M))


def test_every_code_has_a_heading_with_its_severity(guide):
    headings = diagnostic_headings(guide)
    for code, (severity, _) in CODES.items():
        assert headings.get(code) == severity.value, f"no heading `{code}` ({severity.value})"


def test_every_documented_diagnostic_code_exists(guide):
    """A heading for a code that no longer exists would mislead."""
    unknown = set(diagnostic_headings(guide)) - set(CODES)
    assert not unknown, f"documented but not in CODES: {sorted(unknown)}"


def test_quoted_validator_lines_have_the_codes_severity(guide):
    """Lines pasted from `validate` say error or warning exactly as the code's severity."""
    quoted = re.findall(r":\d+:\d+: (error|warning): \[([a-z-]+)\]", guide)
    for severity, code in quoted:
        assert code in CODES, f"the guide quotes an unknown code [{code}]"
        assert CODES[code][0] is Severity(severity), f"[{code}] is quoted as {severity}"


# Format 1 has no asset paths yet, so no file can make the validator say `bad-asset-path`.
NO_FILE_TRIGGERS = {"bad-asset-path"}


def test_every_code_is_shown_with_a_real_validator_line(guide):
    quoted = {code for _, code in re.findall(r":\d+:\d+: (error|warning): \[([a-z-]+)\]", guide)}
    missing = sorted(set(CODES) - NO_FILE_TRIGGERS - quoted)
    assert not missing, f"codes without an example message: {missing}"


# -- keys and words of the format -----------------------------------------------------------

def test_the_format_models_are_found():
    names = {m.__name__ for m in format_models()}
    assert {"Scenario", "Node", "Choice", "Member"} <= names


@pytest.mark.parametrize("model", format_models(), ids=lambda m: m.__name__)
def test_every_key_of_the_format_is_documented(guide, model):
    for name, field in model.model_fields.items():
        key = field.alias or name
        assert f"`{key}`" in guide, f"key `{key}` of {model.__name__} is not in the guide"


@pytest.mark.parametrize("kind,word", format_words())
def test_every_word_of_the_format_is_documented(guide, kind, word):
    assert f"`{word}`" in guide, f"{kind} `{word}` is not in the guide"


def test_every_condition_name_is_documented(guide):
    for name in [f"group.{v}" for v in GROUP_VARIABLES] + list(COUNTERS):
        assert f"`{name}`" in guide
    for variable in MEMBER_VARIABLES:
        assert f"`<member>.{variable}`" in guide
    assert "`visited.<node>`" in guide and "`score.<objective>`" in guide


def test_the_editor_schema_line_is_documented(guide):
    assert "# yaml-language-server: $schema=../assets/scenario.schema.json" in guide


def test_the_limits_are_quoted_with_their_values(guide):
    limits = guide[guide.index("### Limits"):]
    limits = limits[:limits.index("\n## ")]
    assert f"{MAX_BYTES:,} bytes" in limits
    assert f"{MAX_NODES:,}" in limits
    assert f"{MAX_DEPTH} levels" in limits
    assert f"{MAX_CHOICES} choices" in limits
    assert f"{MIN_MEMBERS} to {MAX_MEMBERS} members" in limits


def test_the_text_limits_are_quoted_with_their_values(guide):
    limits = guide[guide.index("### Limits"):]
    limits = limits[:limits.index("\n## ")]
    for name in ("MAX_ID", "MAX_NAME", "MAX_TITLE", "MAX_CHOICE", "MAX_NOTE", "MAX_CONDITION", "MAX_PROSE"):
        value = getattr(format_model, name)
        assert f"at most {value} characters" in limits, f"{name} = {value} is not in the guide's limits"
    assert "`too-long`" in limits and "`bad-text`" in limits


# -- the examples load ----------------------------------------------------------------------

def test_the_guide_shows_complete_scenarios(guide):
    assert len(complete_scenarios(guide)) >= 2  # the tutorial's result and the diagnostics' base


def test_every_complete_scenario_in_the_guide_loads_without_errors(guide):
    failures = {}
    for index, block in enumerate(complete_scenarios(guide), 1):
        result = load_text(block, f"block {index}")
        if result.errors:
            failures[index] = [d.format_text(result.path) for d in result.errors]
    assert not failures


def test_complete_scenarios_in_the_guide_are_clean_even_under_strict(guide):
    """The guide's finished examples are models to copy: no warnings either."""
    for index, block in enumerate(complete_scenarios(guide), 1):
        result = load_text(block, f"block {index}")
        assert result.diagnostics == [], [d.format_text(result.path) for d in result.diagnostics]


# -- the group model, quoted by name and value ----------------------------------------------

def numeric_constants() -> dict[str, float]:
    return {
        name: value for name, value in vars(constants).items()
        if name.isupper() and isinstance(value, (int, float)) and not isinstance(value, bool)
    }


def test_quoted_constants_have_their_current_values(guide):
    quoted = re.findall(r"`([A-Z][A-Z0-9_]+)` = (-?[0-9]+(?:\.[0-9]+)?)", guide)
    assert quoted, "constants are quoted like `DISTRESSED` = 0.6"
    known = numeric_constants()
    for name, value in quoted:
        assert name in known, f"the guide quotes `{name}`, which game/sim/constants.py does not define"
        assert float(value) == pytest.approx(known[name]), f"`{name}` is {known[name]}, the guide says {value}"


def test_every_constant_of_the_model_is_quoted(guide):
    quoted = set(re.findall(r"`([A-Z][A-Z0-9_]+)` = ", guide))
    missing = sorted(set(numeric_constants()) - quoted)
    assert not missing, f"constants not explained in the guide: {missing}"


def test_skill_groups_are_quoted_with_their_skills(guide):
    """Which skills count as blocking, drawing out ...: the guide lists each group in full."""
    groups = {n: v for n, v in vars(constants).items() if n.endswith("_SKILLS")}
    for name, skills in groups.items():
        line = next((l for l in guide.splitlines() if f"`{name}`" in l), "")
        assert line, f"`{name}` is not in the guide"
        for skill in skills:
            assert f"`{skill}`" in line, f"`{name}` includes `{skill}`; the guide's line does not say so"


# -- the shipped scenarios ------------------------------------------------------------------

def test_the_shipped_scenarios_table_names_every_scenario(guide):
    section = guide[guide.index("## 7. The shipped scenarios"):]
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        scenario = load_path(path).scenario
        assert scenario is not None, f"{path.name} does not load"
        assert f"| `{scenario.id}` |" in section, f"{path.name} is missing from the shipped scenarios table"
