"""A node's phase is decided in one place, as the scenario is read: a node without one takes
the previous node's (in file order), the first `opening`; after loading every node has one."""
from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario import load_path, load_text
from game.scenario.model import Phase, Scenario

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_node_of_a_loaded_scenario_has_a_phase(path):
    scenario = load_path(path).scenario
    assert all(isinstance(node.phase, Phase) for node in scenario.nodes.values())


def test_a_node_without_a_phase_takes_the_previous_ones(small_text):
    scenario = load_text(small_text).scenario
    phases = [node.phase for node in scenario.nodes.values()]
    assert phases[0] is not None and None not in phases


def test_a_scenario_made_without_the_loader_is_filled_in_the_same_way(small_text):
    import yaml

    data = yaml.safe_load(small_text)
    for node in data["nodes"].values():
        node.pop("phase", None)
    scenario = Scenario.model_validate(data)
    assert {node.phase for node in scenario.nodes.values()} == {Phase.opening}, "the first is opening, the rest follow"
