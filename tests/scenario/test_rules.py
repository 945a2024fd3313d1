"""Each rule of the contract, on a small file broken in exactly one way: the right code, at
the right line, reported once."""
import pytest

from game.scenario import load_text

from .conftest import edited, small_lines

BROKEN = [
    # (what is broken, {line: new text}, expected code, expected line)
    ("yaml syntax", {21: "    narration: [Six chairs."}, "yaml-syntax", 22),
    ("python tag", {21: "    narration: !!python/object/apply:os.system [echo hi]"}, "bad-tag", 21),
    ("duplicate key", {36: "        stance: follow"}, "duplicate-key", 36),
    ("unknown key", {21: "    narattion: Six chairs."}, "unknown-key", 21),
    ("missing key", {30: "        skill: blocking", 31: "        targets: [ana]"}, "missing-key", 29),
    ("wrong type", {32: "        targets: ana"}, "wrong-type", 32),
    ("out of range", {11: "  - {id: ana, name: Ana, start: {engagement: 1.8}}"}, "out-of-range", 11),
    ("bad stance", {30: "        stance: leed"}, "bad-value", 30),
    ("bad member id", {13: "  - {id: Cai, name: Cai}"}, "bad-id", 13),
    ("duplicate member", {13: "  - {id: ana, name: Cai}"}, "duplicate-member", 13),
    ("reserved member id", {13: "  - {id: group, name: Cai}"}, "reserved-id", 13),
    ("unknown start node", {17: "start: openin"}, "unknown-node", 17),
    ("unknown next node", {37: "        next: midle"}, "unknown-node", 37),
    ("unknown goto", {45: "          - goto: end_stall"}, "unknown-node", 45),
    ("unknown speaker", {23: "      - anna: I'll start."}, "unknown-member", 23),
    ("unknown target", {32: "        targets: [anna]"}, "unknown-member", 32),
    ("unknown effect member", {33: "        effects: {group: {cohesion: +0.05}, anna: {trust: -0.05}}"}, "unknown-member", 33),
    ("group effect on a member variable", {33: "        effects: {group: {trust: +0.05}}"}, "unknown-key", 33),
    ("unknown objective", {34: "        score: {universalty: 1}"}, "unknown-objective", 34),
    ("bad expression", {43: "          - if: group.cohesion >="}, "bad-expression", 43),
    ("unknown name", {61: "        if: score.draw_out < 5"}, "unknown-name", 61),
    ("node without choices or ending", {66: "    narration: nothing here"}, "no-choices", 64),
    ("ending with choices", {68: "    ending: {outcome: stalled}\n    choices: [{text: x, stance: lead, next: middle}]"}, "ending-with-choices", 69),
    ("last branch with if", {45: "          - {if: turn > 1, goto: end_stalled}"}, "last-branch-if", 45),
    ("two experts", {52: "        expert: true"}, "two-experts", 60),
    ("unsupported format", {1: "format: 2"}, "unsupported-format", 1),
    ("bad outcome", {66: "    ending: {outcome: great, text: Good.}"}, "bad-value", 66),
    ("bad colour", {13: "  - {id: cai, name: Cai, look: {skin: brown}}"}, "bad-value", 13),
    # TEACHING.md's keys
    ("checks_risk without targets", {50: "      - {text: Ask., stance: lead, checks_risk: true, feedback: f, next: end_growth}\n"
                                         "      - text: Ben, you have been quiet."}, "checks-risk-no-targets", 50),
    ("risk line nobody checks", {24: "      - {speaker: cai, text: I can't go on., risk: true}"}, "risk-never-checked", 24),
    ("joins_at an unknown node", {13: "  - {id: cai, name: Cai, joins_at: midle}"}, "unknown-node", 13),
    ("an expert that is not best", {36: "        expert: true\n        quality: good"}, "expert-not-best", 37),
    ("bad quality", {35: "        quality: great"}, "bad-value", 35),
]


@pytest.mark.parametrize("what, replacements, code, line", BROKEN, ids=[b[0] for b in BROKEN])
def test_each_rule_is_reported_once_at_its_line(what, replacements, code, line):
    result = load_text(edited(replacements))
    assert result.scenario is None, f"{what}: the file must not load"
    matching = [d for d in result.errors if d.code == code]
    assert len(matching) == 1, f"{what}: expected one [{code}], got {result.diagnostics}"
    assert matching[0].line == line


def test_too_many_choices_is_an_error():
    choice = "      - {text: more, stance: lead, feedback: f, next: end_growth}"
    lines = small_lines()
    at = lines.index("  middle:") + 3  # after 'choices:' of node middle
    text = "\n".join(lines[: at + 1] + [choice] * 5 + lines[at + 1:]) + "\n"
    result = load_text(text)
    assert [d.code for d in result.errors] == ["too-many-choices"]


@pytest.mark.parametrize("count, code", [(2, "member-count"), (13, "member-count")])
def test_member_count_outside_3_to_12_is_an_error(small_text, count, code):
    members = "".join(f"  - {{id: m{i}, name: M{i}}}\n" for i in range(count))
    head, rest = small_text.split("members:\n", 1)
    rest = rest[rest.index("\nstart:") + 1:]
    result = load_text(head + "members:\n" + members + rest)
    assert code in [d.code for d in result.errors]


def test_did_you_mean_names_the_close_node():
    result = load_text(edited({37: "        next: midle"}))
    assert "(did you mean 'middle'?)" in result.errors[0].message


def test_did_you_mean_names_the_close_key():
    result = load_text(edited({21: "    narattion: Six chairs."}))
    assert "did you mean 'narration'" in result.errors[0].message


def test_duplicate_key_names_both_lines():
    result = load_text(edited({36: "        stance: follow"}))
    (error,) = result.errors
    assert error.line == 36 and "line 30" in error.message


def test_several_problems_are_all_reported():
    result = load_text(edited({21: "    narattion: x", 37: "        next: midle", 32: "        targets: [anna]"}))
    assert {d.code for d in result.errors} >= {"unknown-key", "unknown-node", "unknown-member"}


def test_an_empty_text_is_named_as_empty():
    result = load_text(edited({29: "      - text: ''"}))
    (error,) = result.errors
    assert error.code == "bad-value" and "must not be empty" in error.message


def test_a_member_with_a_bad_entry_is_not_also_unknown_wherever_named():
    result = load_text(edited({11: "  - {id: ana, name: Ana, age: fifty}"}))
    assert [d.code for d in result.errors] == ["wrong-type"]


def test_an_authored_need_about_an_unknown_member_is_an_error():
    result = load_text(edited({47: "    need: {stance: lead, why: he is struggling, member: bne}"}))
    (error,) = result.errors
    assert error.code == "unknown-member" and error.line == 47 and "did you mean 'ben'" in error.message


def test_a_malformed_members_list_is_reported_once_not_at_every_speaker():
    result = load_text(edited({10: "members: {ana: Ana}"} | {n: "" for n in range(11, 17)}))
    assert [d.code for d in result.errors] == ["wrong-type"]


def test_a_fraction_where_a_whole_number_belongs_is_quoted_back():
    result = load_text(edited({34: "        score: {universality: 1.5}"}))
    (error,) = result.errors
    assert error.code == "wrong-type" and "1.5" in error.message
