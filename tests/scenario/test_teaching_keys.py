"""TEACHING.md's keys: quality and its default, risk lines that some choice can check, late
arrivals, and the advice about members who speak before they have arrived."""
from game.scenario import load_text
from game.scenario.model import Quality

from .conftest import edited

RISK_CHECKED = {
    24: "      - {speaker: cai, text: I can't go on., risk: true}",
    50: "      - {text: 'Cai, do you mean ending your life?', stance: lead, targets: [cai], checks_risk: true,"
        " feedback: Asks directly., next: end_growth}\n      - text: Ben, you have been quiet.",
}


def test_a_risk_line_loads_when_some_choice_checks_that_member():
    result = load_text(edited(RISK_CHECKED))
    assert result.errors == [], result.diagnostics
    line = result.scenario.nodes["opening"].lines[1]
    assert line.risk and line.speaker == "cai"
    assert result.scenario.nodes["middle"].choices[0].checks_risk


def test_a_check_aimed_at_someone_else_does_not_count():
    wrong = dict(RISK_CHECKED)
    wrong[50] = wrong[50].replace("targets: [cai]", "targets: [ben]")
    codes = [d.code for d in load_text(edited(wrong)).errors]
    assert codes == ["risk-never-checked"]


def test_quality_defaults_follow_the_expert_and_the_score():
    scenario = load_text(edited({34: "        score: {universality: -1}", 36: ""})).scenario
    opening = scenario.nodes["opening"].choices
    assert opening[0].rated_quality == Quality.poor      # points below zero, not expert
    assert opening[1].rated_quality == Quality.good      # no points, not expert
    middle = scenario.nodes["middle"].choices
    assert middle[1].rated_quality == Quality.best       # the expert
    written = load_text(edited({41: "        quality: harmful"})).scenario
    assert written.nodes["opening"].choices[1].rated_quality == Quality.harmful


def test_a_member_who_speaks_before_joining_is_warned_about():
    result = load_text(edited({13: "  - {id: cai, name: Cai, joins_at: middle}"}))
    assert result.errors == []
    early = [d for d in result.warnings if d.code == "before-joining"]
    assert [d.line for d in early] == [24], "Cai speaks in the opening, before 'middle' is reached"


def test_a_member_who_joins_at_the_start_is_never_early():
    result = load_text(edited({13: "  - {id: cai, name: Cai, joins_at: opening}"}))
    assert not [d for d in result.warnings if d.code == "before-joining"]
