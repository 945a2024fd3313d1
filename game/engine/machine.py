"""The scenario as a `transitions` state machine: nodes are states, choices are triggers.

The i-th choice written in a node is the trigger `choice_i` (1-based) from that node. A choice
with a plain `next` is one transition; a choice with branches is one transition per branch, in
order, each carrying the choice's `if:` and its own. transitions takes the first whose
conditions hold, which is exactly how branches read. Conditions read the room as it was when
the choice was offered; the transition's `after` callback then applies the group model.

One machine serves every session of a scenario (sessions are added as models), so a thousand
simulated runs build the graph once.
"""
from __future__ import annotations

from typing import Callable

from transitions import Machine

from game.scenario.expressions import Condition, Names, parse_condition
from game.scenario.model import Scenario

TRIGGER = "choice_{}"
NODE_ATTRIBUTE = "node_id"  # the session keeps `state` for the group's numbers
AFTER_CHOICE = "on_choice_made"  # the session's method that applies the group model


def trigger_name(index: int) -> str:
    """The trigger of the choice at 0-based `index` in its node."""
    return TRIGGER.format(index + 1)


class ScenarioMachine:
    """A transitions Machine over one scenario, with its conditions parsed once."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.names = Names(
            frozenset(scenario.member_ids), frozenset(scenario.nodes), frozenset(scenario.objectives)
        )
        self._conditions: dict[str, Condition] = {}
        self.machine = Machine(
            model=None,
            states=list(scenario.nodes),
            initial=scenario.start,
            auto_transitions=False,
            send_event=True,
            model_attribute=NODE_ATTRIBUTE,
        )
        for node_id, node in scenario.nodes.items():
            for index, choice in enumerate(node.choices):
                self._add_choice(node_id, index, choice)

    def condition(self, text: str) -> Condition:
        if text not in self._conditions:
            self._conditions[text] = parse_condition(text, self.names)
        return self._conditions[text]

    def _add_choice(self, node_id: str, index: int, choice) -> None:
        offered = [self._check(choice.when)] if choice.when else []
        branches = [(choice.next, None)] if isinstance(choice.next, str) else [
            (b.goto, b.when) for b in choice.next
        ]
        for dest, when in branches:
            conditions = offered + ([self._check(when)] if when else [])
            self.machine.add_transition(
                trigger_name(index), node_id, dest, conditions=conditions, after=AFTER_CHOICE
            )

    def _check(self, text: str) -> Callable:
        condition = self.condition(text)
        return lambda event: condition.holds(event.model.env)

    def add(self, session) -> None:
        self.machine.add_model(session, initial=self.scenario.start)

    def remove(self, session) -> None:
        self.machine.remove_model(session)


def machine_for(scenario: Scenario) -> ScenarioMachine:
    """The shared machine of a scenario, built on first use and kept with the scenario."""
    machine = scenario.built.get("machine")
    if machine is None:
        machine = scenario.built["machine"] = ScenarioMachine(scenario)
    return machine
