"""What sessions ask of a node on every choice, worked out once per node.

A session making a choice needs a handful of facts about the node it stands at and the one it
moves to: is it an ending, which phase does arriving there begin, which choice is recommended,
which choices are leads (shown first), who joins the circle there, what it offers, and the
group model's view of each choice. Each node's facts live together in one `Stop`, so a step
looks its nodes up once: on a scenario of thousands of nodes, a table per fact is a separate
place in memory to fetch from on every choice.
"""
from __future__ import annotations

from game.sim import Move

from .reaction import OfferedChoice


class Stop:
    """One node as sessions see it (see the module docstring)."""

    __slots__ = ("node_id", "node", "ending", "arrival", "expert", "leads", "joiners", "gates",
                 "always", "offers", "moves", "same_moves")

    def __init__(self, node_id: str, node, gates: tuple, joiners: tuple[str, ...],
                 same_moves: dict | None = None):
        self.node_id, self.node = node_id, node
        # Moves made so far on this scenario, each kept once: choices the model sees alike
        # share one Move, and with it what the model works out from it once (sim/plan.py).
        self.same_moves = {} if same_moves is None else same_moves
        self.ending = node.ending is not None
        # the phase a session enters on arriving here
        self.arrival = "debrief" if self.ending else node.phase.value   # every loaded node has one
        self.expert = next((i for i, c in enumerate(node.choices) if c.expert), None)
        self.leads = tuple(c.stance.value == "lead" for c in node.choices)   # shown first
        self.joiners = joiners          # late arrivals who join on reaching this node
        # Per choice: None when it can always be taken (a transition without conditions),
        # else the condition lists of its transitions from here; any list that holds offers it.
        self.gates = gates
        # What a node whose choices have no conditions offers (else None), and each set of
        # choices a node with conditions has offered, numbered once.
        # An ending offers nothing, whatever it were to hold.
        self.always = () if self.ending else (
            None if any(gates) else self.numbered(range(len(node.choices))))
        self.offers: dict[tuple[int, ...], tuple[OfferedChoice, ...]] = {}
        self.moves: list[Move | None] = [None] * len(node.choices)

    def numbered(self, indices) -> tuple[OfferedChoice, ...]:
        choices = self.node.choices
        return tuple(OfferedChoice.of(number, index, choices[index])
                     for number, index in enumerate(indices, 1))

    def offering(self, indices: tuple[int, ...]) -> tuple[OfferedChoice, ...]:
        """The choices at these 0-based indices, numbered 1.. among themselves."""
        found = self.offers.get(indices)
        if found is None:
            found = self.offers[indices] = self.numbered(indices)
        return found

    def move(self, index: int) -> Move:
        """The group model's view of a choice (built once: it depends only on the file)."""
        move = self.moves[index]
        if move is None:
            node = self.node
            risks = [line.speaker for line in node.lines if line.risk]
            move = Move.from_choice(node.choices[index], node.phase.value, node.need, risks)
            move = self.moves[index] = self.same_moves.setdefault(move, move)
        return move

    def expert_other_than(self, index: int, offered) -> OfferedChoice | None:
        """The recommended choice, if it is among `offered` and is not choice `index`."""
        expert = self.expert
        if expert is None or expert == index or not offered:
            return None
        if len(offered) > expert and offered[expert].index == expert:
            return offered[expert]   # offered in written order: all those before it are offered
        for choice in offered:
            if choice.index == expert:
                return choice
        return None
