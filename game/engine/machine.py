"""The scenario as a `transitions` state machine: nodes are states, choices are triggers.

The i-th choice written in a node is the trigger `choice_i` (1-based) from that node. A choice
with a plain `next` is one transition; a choice with branches is one transition per branch, in
order, each carrying the choice's `if:` and its own. transitions takes the first whose
conditions hold, which is exactly how branches read. Conditions read the room as it was when
the choice was offered; the transition's `after` callback then applies the group model.

One machine serves every session of a scenario. Its models are seats: a session takes a seat
when it starts and gives it back when it closes, and the next session sits in it. Registering
a model with transitions binds a method per node and per trigger, as costly as several
choices; a seat is registered once and reused.
"""
from __future__ import annotations

from types import MappingProxyType
from typing import Callable

from transitions import EventData, Machine

from game.scenario.expressions import Condition, Names, parse_condition
from game.scenario.model import Scenario
from game.sim import Move, World, initial_state

from .phases import PhaseTracker
from .reaction import OfferedChoice

TRIGGER = "choice_{}"
NODE_ATTRIBUTE = "node_id"  # the session keeps `state` for the group's numbers
AFTER_CHOICE = "on_choice_made"  # the seat's method that hands the choice to its session


def trigger_name(index: int) -> str:
    """The trigger of the choice at 0-based `index` in its node."""
    return TRIGGER.format(index + 1)


class Seat:
    """One place at a scenario's machine: the model whose `node_id` the machine moves, and
    the phase tracker that goes with it. `session` is whoever sits there now."""

    def __init__(self):
        self.node_id: str | None = None
        self.phases = PhaseTracker()
        self.session = None

    @property
    def env(self):
        """What the scenario's conditions read: the session's room, turn and scores."""
        return self.session.env

    def on_choice_made(self, event: EventData) -> None:
        self.session.on_choice_made(event)


class ScenarioMachine:
    """A transitions Machine over one scenario, with its conditions parsed once."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.names = Names(
            frozenset(scenario.member_ids), frozenset(scenario.nodes), frozenset(scenario.objectives)
        )
        self.world = World.from_scenario(scenario)     # who sits in the circle: fixed
        self.start_state = initial_state(scenario)      # the room as every session opens
        self.display_names = MappingProxyType({m.id: m.name for m in scenario.members})
        self._conditions: dict[str, Condition] = {}
        self._free: list[Seat] = []
        self._moves: dict[tuple[str, int], Move] = {}
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
        self._learn_nodes()

    def _learn_nodes(self) -> None:
        """What sessions ask of every node on every choice, worked out once: the phase a
        session enters on arriving there, the index of the recommended choice, and, for a node
        whose choices have no conditions, the choices it offers."""
        nodes = self.scenario.nodes
        self.arrival_phase = {node_id: "debrief" if node.ending is not None else
                              (node.phase.value if node.phase else "opening")
                              for node_id, node in nodes.items()}
        self.expert_index = {node_id: next((i for i, c in enumerate(node.choices) if c.expert), None)
                             for node_id, node in nodes.items()}
        # Late arrivals: who joins on reaching each node (members' `joins_at`).
        self.joiners: dict[str, tuple[str, ...]] = {}
        for member in self.scenario.members:
            if member.joins_at is not None:
                self.joiners[member.joins_at] = self.joiners.get(member.joins_at, ()) + (member.id,)
        # Per choice: None when it can always be taken (a transition without conditions),
        # else the condition lists of its transitions from the node; any list that holds
        # offers it. Only those need asking when a session stands at the node.
        self._gates_by_node = {node_id: tuple(self._gates(node_id, trigger_name(index))
                                              for index in range(len(node.choices)))
                               for node_id, node in nodes.items()}
        self._always: dict[str, tuple[OfferedChoice, ...]] = {
            node_id: tuple(OfferedChoice(index + 1, index, choice) for index, choice in enumerate(node.choices))
            for node_id, node in nodes.items() if not any(self._gates_by_node[node_id])
        }

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

    # -- seats --------------------------------------------------------------------------------

    def seat(self, session) -> Seat:
        """A seat for `session`, at the start node."""
        if self._free:
            seat = self._free.pop()
        else:
            seat = Seat()
            self.machine.add_model(seat, initial=self.scenario.start)
        seat.session = session
        seat.node_id = self.scenario.start
        return seat

    def give_back(self, seat: Seat) -> None:
        seat.session = None
        self._free.append(seat)

    # -- what a node offers -------------------------------------------------------------------

    def offered(self, seat: Seat) -> tuple[OfferedChoice, ...] | list[OfferedChoice]:
        """The choices offered to the session in `seat`, numbered 1.. among themselves.

        A choice is offered when one of its transitions from here can fire: the question
        `may_trigger` answers, asked here of the machine's own transitions and conditions
        with one event for the whole node rather than a new one per choice (may_trigger
        builds one per call and scans every trigger). A choice with an unconditional
        transition is not asked, nor is a node with only such choices. A test holds the
        answer to `may_trigger` on random scenarios.
        """
        node_id = seat.node_id
        always = self._always.get(node_id)
        if always is not None:
            return always
        event = EventData(self.machine.get_state(node_id), None, self.machine, seat, (), {})
        found: list[OfferedChoice] = []
        for index, (choice, gates) in enumerate(zip(self.scenario.nodes[node_id].choices,
                                                    self._gates_by_node[node_id])):
            if gates is None or any(all(c.check(event) for c in gate) for gate in gates):
                found.append(OfferedChoice(len(found) + 1, index, choice))
        return found

    def _gates(self, node_id: str, trigger: str) -> tuple[list, ...] | None:
        """None when the trigger has a transition without conditions from the node (it can
        always be taken), else the condition lists of its transitions from there."""
        gates = tuple(t.conditions for t in self.machine.events[trigger].transitions[node_id])
        return None if any(not gate for gate in gates) else gates

    def move(self, node_id: str, index: int) -> Move:
        """The group model's view of a choice (built once: it depends only on the file)."""
        key = (node_id, index)
        move = self._moves.get(key)
        if move is None:
            node = self.scenario.nodes[node_id]
            phase = node.phase.value if node.phase else "working"
            risks = [line.speaker for line in node.lines if line.risk]
            move = self._moves[key] = Move.from_choice(node.choices[index], phase, node.need, risks)
        return move


def machine_for(scenario: Scenario) -> ScenarioMachine:
    """The shared machine of a scenario, built on first use and kept with the scenario."""
    machine = scenario.built.get("machine")
    if machine is None:
        machine = scenario.built["machine"] = ScenarioMachine(scenario)
    return machine
