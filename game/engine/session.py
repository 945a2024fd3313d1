"""The Session: one playthrough of a scenario, and the one door every front end uses.

The list of choices made is the whole truth. Everything else — the node, the group's numbers,
scores, what has been visited — is rebuilt by replaying that list from the start, so undo,
saving, hot reload and reports can never drift from what was played.
"""
from __future__ import annotations

from collections import Counter
from itertools import islice
from typing import NamedTuple

from transitions import EventData

from game.scenario.model import Node, Scenario
from game.sim import GroupState, step
from game.sim.need import verdict_of
from game.sim.outcomes import MemberOutcome, Moment, member_outcomes

from .conditions import ConditionEnv
from .observers import Observed, changes
from .practice import QUALITY_RANK, Practising
from .machine import Seat, machine_for
from .reaction import OfferedChoice, Reaction, TakenChoice
from .shown import shown_order, shown_place, shown_ranks
from .snapshots import Snapshot


class ChoiceNotOffered(ValueError):
    """The number is not among the choices offered at this node."""

    def __init__(self, node_id: str, number, offered: list[int]):
        numbers = ", ".join(str(n) for n in offered) or "none"
        super().__init__(f"choice {number} is not offered at node '{node_id}' (offered: {numbers})")
        self.node_id, self.number, self.offered = node_id, number, offered


class SessionClosed(RuntimeError):
    """A closed session was asked to move."""


class Left(NamedTuple):
    """Where a closed session stood, once its seat has gone to the next session: read like
    the seat and its phase tracker, never moved (every move checks `closed` first). A named
    tuple: simulations close thousands of sessions."""

    node_id: str
    phase: str

    @property
    def reached(self) -> str:
        return self.phase

    def current(self) -> str:
        return self.phase


class Session(Observed, Practising):
    """A trainee's run through one scenario with one seed. `ask_every`: ask for a reading of
    the room at every node, not only at those marked `ask: true` (practice.py)."""

    def __init__(self, scenario: Scenario, seed: int = 0, *, ask_every: bool = False):
        self.scenario = scenario
        self.seed = seed
        self._machine = machine_for(scenario)
        self.world = self._machine.world
        self.names = self._machine.display_names
        self._seat = self._machine.seat(self)   # the machine moves the seat from node to node
        self.phases = self._seat.phases
        self._start_practice(ask_every)
        self._reset()

    # -- what front ends read -----------------------------------------------------------------

    @property
    def node_id(self) -> str:
        return self._seat.node_id

    @node_id.setter
    def node_id(self, node_id: str) -> None:
        self._seat.node_id = node_id

    @property
    def node(self) -> Node:
        return self.scenario.nodes[self._seat.node_id]

    @property
    def state(self) -> GroupState:
        """The group and its members right now (numbers 0..1)."""
        return self._state

    @property
    def phase(self) -> str:
        """briefing, opening, working, closing or debrief."""
        return self.phases.current()

    @property
    def turn(self) -> int:
        """Choices made so far."""
        return len(self.history)

    @property
    def ended(self) -> bool:
        return self._machine.stops[self._seat.node_id].ending

    @property
    def ending(self):
        return self.node.ending

    @property
    def stuck(self) -> bool:
        """No ending here and nothing offered: a scenario bug `simulate` looks for."""
        return not self.ended and not self.choices

    @property
    def choices(self) -> list[OfferedChoice]:
        """The choices offered now, numbered 1.. as on screen (conditions applied)."""
        offered = self._offered
        if offered is None:   # (an ending offers nothing: see stops.Stop.always)
            offered = self._offered = list(self._machine.offered(self._seat))
        return offered

    @property
    def shown_choices(self) -> list[OfferedChoice]:
        """The choices offered now, in the order the trainee sees them, each with its `shown`
        number: lead choices first, then follow, each group in an order drawn from the seed
        and the node's id (the same again when the node is revisited). The layout is never the
        answer key; `choose` still takes the authored number (`number`)."""
        if self._shown is None:
            self._shown = [OfferedChoice.of(c.number, c.index, c.choice, k)
                           for k, c in enumerate(self._shown_order(), 1)]
        return self._shown

    def _shown_order(self) -> list[OfferedChoice]:
        """The offered choices in shown order (the numbers are added only when asked)."""
        node_id = self._seat.node_id
        leads = self._machine.stops[node_id].leads
        return shown_order(self.choices, leads, shown_ranks(self.seed, node_id, len(leads)))

    def shown_number(self, shown: int) -> int:
        """The authored number (`choose` takes it) of the choice shown as `shown`."""
        for offered in self.shown_choices:
            if offered.shown == shown:
                return offered.number
        raise ChoiceNotOffered(self.node_id, shown, [c.shown for c in self.shown_choices])

    def choose_shown(self, shown: int) -> Reaction:
        """Take the choice numbered `shown` on screen."""
        return self.choose(self.shown_number(shown))

    def verdict_if(self, reaction: Reaction, offered: OfferedChoice) -> str:
        """The verdict `offered` would have had instead of the choice `reaction` records (same
        node, same need): could the trainee have met the need there?"""
        return verdict_of(self._machine.move(reaction.node_id, offered.index), reaction.need)

    @property
    def safe(self) -> bool:
        """No risk of harm was missed so far (an unsafe ending is never a good one)."""
        return not self.event_count("risk-missed")

    def event_count(self, kind: str, member: str | None = None) -> int:
        """How many events of `kind` (about `member`, if given) the session has had so far.
        Conditions may ask on every choice, so the events are counted once and then only those
        of the choices made since (a restore or a replay starts a new history, counted anew)."""
        history = self.history
        counted_for, counted, tally = self._tally
        if counted_for is not history:
            counted, tally = 0, Counter()
        for reaction in islice(history, counted, None):
            for event in reaction.events:
                tally[(event.type, None)] += 1          # every one of its kind
                if event.member is not None:
                    tally[(event.type, event.member)] += 1
        self._tally = (history, len(history), tally)
        return tally[(kind, member)]

    @property
    def open_risks(self) -> tuple[str, ...]:
        """Members with an open risk of harm now."""
        return tuple(r.member for r in self._state.risks)

    def member_outcomes(self) -> tuple[MemberOutcome, ...]:
        """Who comes back, each with a reason in words, as things stand (final at an ending)."""
        moments = [Moment(r.turn, tuple(r.choice.targets), r.quality,
                          tuple((e.type, e.member) for e in r.events)) for r in self.history]
        return member_outcomes(self._state, moments, dict(self.names))

    @property
    def good_ending(self) -> bool:
        """Ended in breakthrough or growth, and safely."""
        return self.ended and self.ending.outcome.value in ("breakthrough", "growth") and self.safe

    @property
    def choice_numbers(self) -> list[int]:
        """The 1-based numbers of the choices taken so far: the whole truth of the run."""
        return [r.offered.number for r in self.history]

    @property
    def scores(self) -> dict[str, int]:
        return dict(self._scores)

    @property
    def leads(self) -> int:
        """Choices so far that led (counted as they are made: conditions may ask every step)."""
        return self._leads

    @property
    def follows(self) -> int:
        return self.turn - self.leads

    @property
    def visited(self) -> set[str]:
        return set(self._visited)

    @property
    def env(self) -> ConditionEnv:
        """The names a condition may read, as they are now, by name (the machine's own
        conditions read the seated session directly). Made when asked, not kept: nothing the
        session holds points back at it, so a session dropped is freed at once, history and
        all, without waiting for the garbage collector to find a cycle."""
        return ConditionEnv(self)

    def expert_choice(self) -> OfferedChoice | None:
        """The recommended choice, if it is offered now (with its shown number)."""
        return next((c for c in self.shown_choices if c.choice.expert), None)

    # -- what front ends do -------------------------------------------------------------------

    @changes
    def begin(self) -> None:
        """Leave the briefing for the first node's phase (choosing does it too)."""
        if self.phases.reached == "briefing":
            self._require_open()
            self.phases.enter(self._node_phase())

    @changes
    def choose(self, number: int) -> Reaction:
        """Take the offered choice `number` (1-based) and return how the room reacted."""
        seat = self._seat
        if seat.__class__ is not Seat:
            self._require_open()
        choices = self._offered
        if choices is not None and type(number) is int and 0 < number <= len(choices):
            offered = choices[number - 1]   # the usual case, asked of the list just read
        else:
            offered = self._offered_by_number(number)
        if self._shown is not None:
            offered = next(c for c in self._shown if c.index == offered.index)
        else:   # headless play: placed on screen only if someone asks where
            node_id = seat.node_id
            offered = TakenChoice.taken(offered, shown_place, self.seed, node_id, self._offered,
                                        self._machine.stops[node_id].leads)
        if not self.history and seat.phases.reached == "briefing":
            self.begin()
        self._pending = offered
        before_node = seat.node_id
        if not self._machine.fire(seat, offered.index):
            raise ChoiceNotOffered(before_node, number, [c.number for c in self.choices])
        reaction = self._last_reaction
        if self.tries or self.readings:
            self._mark_practice(reaction)
        return reaction

    @changes
    def undo(self) -> bool:
        """Take back the last choice; False when there is nothing to undo."""
        if not self.history:
            return False
        self.replay(self.choice_numbers[:-1])
        return True

    @changes
    def replay(self, numbers: list[int]) -> None:
        """Start again and make these choices: the state is always rebuilt, never patched."""
        self._require_open()
        self._reset()
        for number in numbers:
            self.choose(number)

    @changes
    def restart(self) -> None:
        self.replay([])

    def snapshot(self) -> "Snapshot":
        """Where the session stands now, to come back to with `restore` (for search tools:
        going back to a snapshot costs nothing, where `replay` costs every choice again)."""
        return Snapshot(self.node_id, self._state, dict(self._scores), self._visited,
                        len(self._visited), self.history, len(self.history), self.phases.reached,
                        self._leads)

    @changes
    def restore(self, snapshot: "Snapshot") -> None:
        self._require_open()
        self.node_id = snapshot.node_id
        self._state = snapshot.state
        self._scores = dict(snapshot.scores)
        self._visited = snapshot.visited_again()
        self.history = snapshot.made[:snapshot.turns]
        self._leads = snapshot.leads
        self._offered = self._shown = None
        self.phases.enter(snapshot.phase)

    def close(self) -> None:
        """Give the seat at the shared machine back for the next session (simulations make
        thousands). Safe to call twice. A closed session can still be read, where it stood,
        but can no longer make choices."""
        if isinstance(self._seat, Seat):
            self.choices   # worked out while the seat is still ours: read later, as it stood
            self._machine.give_back(self._seat)
            self._seat = Left(self._seat.node_id, self._seat.phases.reached)
            self.phases = self._seat

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return not isinstance(self._seat, Seat)

    def trace(self) -> dict:
        from .trace import trace_of
        return trace_of(self)

    def to_save(self) -> dict:
        from .saves import save_of
        return save_of(self)

    @classmethod
    def from_save(cls, data: dict, scenario: Scenario) -> "Session":
        from .saves import session_from_save
        return session_from_save(cls, data, scenario)

    # -- the machine's callback ---------------------------------------------------------------

    def on_choice_made(self, event: EventData) -> None:
        """After a choice's transition: the group model reacts, and history records it."""
        offered, stops = self._pending, self._machine.stops
        source, dest = event.transition.source, event.transition.dest
        here, there = stops[source], stops[dest]
        turn = len(self.history) + 1
        result = step(self._state, here.move(offered.index), self.world, seed=self.seed,
                      turn=turn, final=there.ending)
        after = result.after
        if there.joiners:
            after = after.joined(there.joiners)
        need = result.need
        expert = (self._risk_check_other_than(offered, need, here) if need.risk else
                  here.expert_other_than(offered.index, self._offered))
        self._last_reaction = reaction = Reaction.made(turn, source, offered, result, after, dest,
                                                       expert, self.names)
        self._state = after
        for objective, points in offered.choice.score.items():
            self._scores[objective] = self._scores.get(objective, 0) + points
        self.history.append(reaction)
        self._leads += here.leads[offered.index]   # True counts 1
        self._visited.setdefault(dest)
        self._offered = self._shown = None
        self.phases.enter(there.arrival)

    # -- internals ----------------------------------------------------------------------------

    def _require_open(self) -> None:
        if self.closed:
            raise SessionClosed("this session is closed: start a new one to play on")

    def _reset(self) -> None:
        self.node_id = self.scenario.start
        self._state = self._machine.start_state
        self._scores: dict[str, int] = {o: 0 for o in self.scenario.objectives}
        self._visited = {self.scenario.start: None}   # in order of first visit
        self.history: list[Reaction] = []
        self._leads = 0   # how many of them led
        self._tally: tuple = (None, 0, None)   # see event_count
        self._offered: list[OfferedChoice] | None = None
        self._shown: list[OfferedChoice] | None = None
        self._pending: OfferedChoice | None = None
        self._last_reaction: Reaction | None = None
        self.phases.reset()

    def _risk_check_other_than(self, taken: OfferedChoice, need, here) -> OfferedChoice | None:
        """The choice the debrief recommends with a risk open, when it is not the one taken:
        the best offered choice that checks it (safety first, whatever the node's expert),
        else the node's expert, if it was offered."""
        checks = [c for c in self._offered or () if c.choice.checks_risk and need.member in c.choice.targets]
        if checks:
            best = min(checks, key=lambda c: QUALITY_RANK[c.quality])
            return None if best.index == taken.index else best
        return here.expert_other_than(taken.index, self._offered)   # (the seat has moved on)

    def _node_phase(self) -> str:
        return self.node.phase.value   # every loaded node has one (scenario.model.inherit_phases)

    def _offered_by_number(self, number) -> OfferedChoice:
        choices = self.choices
        if type(number) is int and 0 < number <= len(choices):   # numbered 1.. in order
            return choices[number - 1]
        for offered in choices:
            if offered.number == number:
                return offered
        raise ChoiceNotOffered(self.node_id, number, [c.number for c in choices])

