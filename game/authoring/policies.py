"""How a simulated trainee picks among the choices on offer.

A policy is a function `(offered, node_id, rng, usage) -> OfferedChoice`. `usage` counts how
often each choice (node id, 0-based index as written) has been taken so far in the whole
simulation, so the random player can prefer what it has not tried yet — the trick behind
ChoiceScript's randomtest that makes coverage grow fast instead of replaying the likely path.
"""
from __future__ import annotations

import random
from collections import Counter
from typing import Callable, Sequence

from game.engine import OfferedChoice

Usage = Counter  # (node id, 0-based index) -> times taken
Policy = Callable[[Sequence[OfferedChoice], str, random.Random, Usage], OfferedChoice]


def least_used(offered: Sequence[OfferedChoice], node_id: str, rng: random.Random,
               usage: Usage) -> OfferedChoice:
    """A random choice among those taken least often so far at this node."""
    fewest = min(usage[(node_id, c.index)] for c in offered)
    candidates = [c for c in offered if usage[(node_id, c.index)] == fewest]
    return rng.choice(candidates)


def _preferring(wanted: Callable[[OfferedChoice], bool]) -> Policy:
    """A policy that takes a wanted choice when one is offered, else any (least used first)."""

    def policy(offered, node_id, rng, usage):
        matching = [c for c in offered if wanted(c)]
        return least_used(matching or offered, node_id, rng, usage)

    return policy


POLICIES: dict[str, Policy] = {
    "random": least_used,
    "lead": _preferring(lambda c: c.stance == "lead"),
    "follow": _preferring(lambda c: c.stance == "follow"),
    "expert": _preferring(lambda c: c.choice.expert),
}


def policy_named(name: str) -> Policy:
    """The policy called `name`; ValueError naming the known ones otherwise."""
    try:
        return POLICIES[name]
    except KeyError:
        raise ValueError(f"unknown policy '{name}' (known: {', '.join(POLICIES)})") from None
