"""Every shipped scenario carries path tests for its key arcs, and they pass: the expert path to
its best ending, safely; a path that leaves the risk line unchecked, ending unsafe; a typical
mistake, ending safely but not well."""
from pathlib import Path

import pytest

from game.authoring.paths import run_paths
from game.engine import Session
from game.scenario import load_path
from game.scenario.model import Outcome

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))
GOOD = ("breakthrough", "growth")


def scenario_of(path):
    result = load_path(path)
    assert result.scenario is not None, result.errors
    return result.scenario


def outcome_of(scenario, ending: str) -> str:
    node = scenario.nodes.get(ending)
    return node.ending.outcome.value if node is not None else ending


def follows_the_expert(scenario, test) -> bool:
    with Session(scenario, seed=test.seed) as session:
        for number in test.choices:
            expert = session.expert_choice()
            if expert is not None and expert.number != number:
                return False
            session.choose(number)
        return session.ended


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_its_path_tests_pass(path):
    runs = run_paths(scenario_of(path))
    assert runs, f"{path.name} has no path tests"
    assert [(r.test.name, r.failures) for r in runs if not r.passed] == []


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_the_expert_path_to_its_best_ending_is_tested(path):
    scenario = scenario_of(path)
    best = min((n.ending.outcome for n in scenario.nodes.values() if n.ending), key=list(Outcome).index).value
    tested = [t for t in scenario.paths if t.safe is True and t.ending and follows_the_expert(scenario, t)]
    assert tested and outcome_of(scenario, tested[0].ending) == best


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_a_path_that_ignores_the_risk_line_is_tested_to_end_unsafe(path):
    scenario = scenario_of(path)
    if not any(line.risk for node in scenario.nodes.values() for line in node.lines):
        pytest.skip(f"{scenario.id} has no risk line")
    unsafe = [t for t in scenario.paths if t.safe is False and any(e.startswith("risk-missed") for e in t.events)]
    assert unsafe and all(outcome_of(scenario, t.ending) not in GOOD or t.safe is False for t in unsafe)


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_a_typical_mistake_is_tested_to_end_safely_but_not_well(path):
    scenario = scenario_of(path)
    mistakes = [t for t in scenario.paths if t.safe is True and t.ending
                and outcome_of(scenario, t.ending) not in GOOD and not follows_the_expert(scenario, t)]
    assert mistakes
