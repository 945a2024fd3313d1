"""What a set of playthroughs touched: nodes, choices and branches, counted.

Shared by `simulate` (many seeded runs) and the exhaustive check. Choices are named by their
node and their number AS WRITTEN in the file (1-based): the number on screen can differ when
an earlier choice's `if:` hides it, but an author looks for the choice in the file.
"""
from __future__ import annotations

import shlex
from collections import Counter
from dataclasses import dataclass, field

from game.scenario.model import Scenario

ChoiceKey = tuple[str, int]        # (node id, 0-based index as written)
EdgeKey = tuple[str, int, str]     # (node id, 0-based index, destination node id)


@dataclass(frozen=True)
class Problem:
    """A run that got stuck or raised, with what reproduces it exactly."""

    seed: int
    choices: tuple[int, ...]
    message: str

    def as_dict(self) -> dict:
        return {"seed": self.seed, "choices": list(self.choices), "message": self.message}

    def reproduce(self, shown: str) -> str:
        """The command line that replays this run (choice numbers as offered on screen)."""
        command = f"python main.py run {shlex.quote(shown)} --seed {self.seed}"
        if self.choices:
            command += " --choices " + ",".join(str(n) for n in self.choices)
        return command


@dataclass
class Coverage:
    """Counts of node visits, choices taken and branch destinations reached."""

    scenario: Scenario
    node_hits: Counter = field(default_factory=Counter)
    choice_hits: Counter = field(default_factory=Counter)
    edge_hits: Counter = field(default_factory=Counter)

    def record(self, session) -> None:
        """Everything one session did: its start, each choice taken and where it led."""
        self.node_hits[self.scenario.start] += 1
        for reaction in session.history:
            self.choice_hits[(reaction.node_id, reaction.offered.index)] += 1
            self.edge_hits[(reaction.node_id, reaction.offered.index, reaction.next_node)] += 1
            self.node_hits[reaction.next_node] += 1

    # -- what was never touched, in file order ------------------------------------------------

    def never_nodes(self) -> list[str]:
        return [n for n in self.scenario.nodes if not self.node_hits[n]]

    def all_choices(self) -> list[ChoiceKey]:
        return [(n, i) for n, node in self.scenario.nodes.items() for i in range(len(node.choices))]

    def never_choices(self) -> list[ChoiceKey]:
        return [key for key in self.all_choices() if not self.choice_hits[key]]

    def all_edges(self) -> list[EdgeKey]:
        """Every (node, choice, destination) the file writes, each once."""
        edges: dict[EdgeKey, None] = {}
        for node_id, node in self.scenario.nodes.items():
            for index, choice in enumerate(node.choices):
                for dest in destinations(choice):
                    edges[(node_id, index, dest)] = None
        return list(edges)

    def never_edges(self) -> list[EdgeKey]:
        return [key for key in self.all_edges() if not self.edge_hits[key]]

    # -- JSON ---------------------------------------------------------------------------------

    def nodes_dict(self) -> dict:
        never = self.never_nodes()
        return {
            "visited": len(self.scenario.nodes) - len(never),
            "total": len(self.scenario.nodes),
            "never": never,
            "hits": {n: self.node_hits[n] for n in self.scenario.nodes},
        }

    def choices_dict(self) -> dict:
        never = self.never_choices()
        hits = {
            node_id: {str(i + 1): self.choice_hits[(node_id, i)] for i in range(len(node.choices))}
            for node_id, node in self.scenario.nodes.items() if node.choices
        }
        return {
            "taken": len(self.all_choices()) - len(never),
            "total": len(self.all_choices()),
            "never": [self.choice_ref(key) for key in never],
            "hits": hits,
        }

    def choice_ref(self, key: ChoiceKey) -> dict:
        node_id, index = key
        return {"node": node_id, "choice": index + 1, "text": self.choice(key).text}

    def choice(self, key: ChoiceKey):
        return self.scenario.nodes[key[0]].choices[key[1]]


def destinations(choice) -> list[str]:
    """Where a choice can lead: its `next`, or each branch's `goto` in order."""
    return [choice.next] if isinstance(choice.next, str) else [b.goto for b in choice.next]
