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

What a node offers is worked out from the conditions this module put on the machine's
transitions, asked directly rather than through `may_<trigger>` (which builds an event and
scans every trigger per choice, more than a whole step of the model). That mirrors how
transitions decides a trigger can fire — the first transition from the node whose conditions
all hold, no `prepare` callbacks — as written in the 0.9 series, which is why pyproject.toml
pins `transitions>=0.9,<0.10`; a test holds the answer to `may_trigger` on random scenarios.
"""
from __future__ import annotations

from types import MappingProxyType
from typing import Callable

from transitions import EventData, Machine

from game.scenario.expressions import Condition, Names, parse_condition
from game.scenario.model import Scenario
from game.sim import Move, World, initial_state

from .conditions import reader
from .phases import PhaseTracker
from .reaction import OfferedChoice
from .stops import Stop

TRIGGER = "choice_{}"
NODE_ATTRIBUTE = "node_id"  # the session keeps `state` for the group's numbers


def trigger_name(index: int) -> str:
    """The trigger of the choice at 0-based `index` in its node."""
    return TRIGGER.format(index + 1)


class Seat:
    """One place at a scenario's machine: the model whose `node_id` the machine moves, and
    the phase tracker that goes with it. `session` is whoever sits there now: what the
    scenario's conditions read (its room, turn and scores)."""

    def __init__(self):
        self.node_id: str | None = None
        self.phases = PhaseTracker()
        self.session = None


def _choice_made(event: EventData) -> None:
    """Every choice transition's `after` callback: hand the choice to the seated session (a
    function rather than a method name, which transitions would look up on every choice)."""
    event.model.session.on_choice_made(event)


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
        # (node, choice index) -> the condition lists of its transitions from the node
        self._gates: dict[tuple[str, int], list[tuple[Condition, ...]]] = {}
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
        widest = max((len(node.choices) for node in scenario.nodes.values()), default=0)
        self.choice_events = [self.machine.events[trigger_name(i)] for i in range(widest)]
        self._learn_nodes()

    def _learn_nodes(self) -> None:
        """What sessions ask of every node on every choice, worked out once (stops.py)."""
        joiners: dict[str, tuple[str, ...]] = {}
        for member in self.scenario.members:
            if member.joins_at is not None:
                joiners[member.joins_at] = joiners.get(member.joins_at, ()) + (member.id,)
        same_moves: dict = {}   # shared by every stop: see Stop.same_moves
        self.stops = {node_id: Stop(node_id, node, tuple(self._gated(node_id, index)
                                                         for index in range(len(node.choices))),
                                    joiners.get(node_id, ()), same_moves)
                      for node_id, node in self.scenario.nodes.items()}

    def condition(self, text: str) -> Condition:
        """The condition `text`, parsed once, its names read straight from the seated session
        (conditions.reader), which is what `holds` is given here."""
        if text not in self._conditions:
            self._conditions[text] = parse_condition(text, self.names, read=reader)
        return self._conditions[text]

    def _add_choice(self, node_id: str, index: int, choice) -> None:
        offered = [self.condition(choice.when)] if choice.when else []
        branches = [(choice.next, None)] if isinstance(choice.next, str) else [
            (b.goto, b.when) for b in choice.next
        ]
        gates = self._gates[(node_id, index)] = []
        for dest, when in branches:
            conditions = offered + ([self.condition(when)] if when else [])
            gates.append(tuple(conditions))
            self.machine.add_transition(trigger_name(index), node_id, dest,
                                        conditions=[_check(c) for c in conditions],
                                        after=_choice_made)

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

    def offered(self, seat: Seat) -> tuple[OfferedChoice, ...]:
        """The choices offered to the session in `seat`, numbered 1.. among themselves.

        A choice is offered when one of its transitions from here can fire: the question
        `may_trigger` answers, asked here of the conditions this machine put on those
        transitions (see the module docstring). A choice with an unconditional transition is
        not asked, nor is a node with only such choices.
        """
        stop = self.stops[seat.node_id]
        if stop.always is not None:
            return stop.always
        session = seat.session   # what the conditions read (see `condition`)
        indices = []
        for index, gates in enumerate(stop.gates):
            if gates is None:
                indices.append(index)
                continue
            for gate in gates:          # offered when every condition of one gate holds
                for condition in gate:
                    if not condition.holds(session):
                        break
                else:
                    indices.append(index)
                    break
        return stop.offering(tuple(indices))

    def _gated(self, node_id: str, index: int) -> tuple[tuple[Condition, ...], ...] | None:
        """None when the choice has a transition without conditions from the node (it can
        always be taken), else the condition lists of its transitions from there."""
        gates = tuple(self._gates[(node_id, index)])
        return None if any(not gate for gate in gates) else gates

    def fire(self, seat: Seat, index: int) -> bool:
        """Take the choice at 0-based `index` for the session in `seat`: its trigger's event,
        fired for that seat (the event the seat's own `choice_<n>` method would look up)."""
        return self.choice_events[index].trigger(seat)

    def move(self, node_id: str, index: int) -> Move:
        """The group model's view of a choice (built once: it depends only on the file)."""
        return self.stops[node_id].move(index)


def _check(condition: Condition) -> Callable:
    """A transition's condition: `condition` on what the seat's session reads."""
    return lambda event: condition.holds(event.model.session)


def machine_for(scenario: Scenario) -> ScenarioMachine:
    """The shared machine of a scenario, built on first use and kept with the scenario."""
    machine = scenario.built.get("machine")
    if machine is None:
        machine = scenario.built["machine"] = ScenarioMachine(scenario)
    return machine
