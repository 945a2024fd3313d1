"""The shipped scenarios mark the moments where reading the group is the lesson (`ask: true`)."""
from pathlib import Path

import pytest

from game.engine import Session
from game.scenario import load_path

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))


def asked_on_the_recommended_path(scenario):
    """The needs at the marked moments a trainee meets when following the recommendations."""
    needs = []
    with Session(scenario) as session:
        while not session.ended and session.choices:
            if session.asking:
                needs.append(session.need_now)
            session.choose(session.recommended().number)
    return needs


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_each_scenario_asks_for_a_reading_where_both_answers_are_needed(path):
    scenario = load_path(path).scenario
    assert sum(node.ask for node in scenario.nodes.values()) >= 2
    needs = asked_on_the_recommended_path(scenario)
    assert len(needs) >= 2, f"{path.stem}: the recommended path meets fewer than two marked moments"
    # Always answering "lead" (or "follow") must not read every marked moment right.
    assert {need.stance for need in needs} == {"lead", "follow"}, (path.stem, needs)


def test_the_library_asks_who_needs_attention_somewhere():
    named = [need.member for path in SHIPPED for need in asked_on_the_recommended_path(load_path(path).scenario)]
    assert sum(member is not None for member in named) >= len(SHIPPED)
