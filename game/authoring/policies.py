"""How a simulated trainee picks among the choices on offer.

A policy is a function `(offered, node_id, rng, usage) -> OfferedChoice`. `offered` is in the
order the trainee sees it (Session.shown_choices). `usage` counts how often each choice (node
id, 0-based index as written) has been taken so far in the whole simulation, so the random
player can prefer what it has not tried yet — the trick behind ChoiceScript's randomtest that
makes coverage grow fast instead of replaying the likely path.

Besides the players of the `simulate` contract (random, lead, follow, expert), the cue policies
of `simulate --audit` (TEACHING.md) never read the group: they pick by where a choice is shown,
how long it is, how warm its words sound or how pleasant its skill's name is. A scenario whose
good endings such a player reaches teaches the cue, not the skill.
"""
from __future__ import annotations

import random
import re
from collections import Counter
from typing import Callable, Sequence

from game.engine import OfferedChoice

Usage = Counter  # (node id, 0-based index) -> times taken
Policy = Callable[[Sequence[OfferedChoice], str, random.Random, Usage], OfferedChoice]

# TEACHING.md's list: the words a novice reaches for when they want to sound therapeutic.
WARM_WORDS = ("feel", "feeling", "feelings", "group", "everyone", "we", "us", "together",
              "notice", "sounds", "share", "each other", "room", "here")
# ... and the skills whose names sound kind.
PLEASANT_SKILLS = ("reflecting", "linking", "supporting", "protecting", "drawing_out",
                   "empathizing")
_WARM = re.compile(r"\b(" + "|".join(re.escape(w) for w in WARM_WORDS) + r")\b")


def least_used(offered: Sequence[OfferedChoice], node_id: str, rng: random.Random,
               usage: Usage) -> OfferedChoice:
    """A random choice among those taken least often so far at this node."""
    counts = [usage[(node_id, c.index)] for c in offered]   # each looked up once: hot
    fewest = min(counts)
    return rng.choice([c for c, count in zip(offered, counts) if count == fewest])


def _preferring(wanted: Callable[[OfferedChoice], bool]) -> Policy:
    """A policy that takes a wanted choice when one is offered, else any (least used first)."""

    def policy(offered, node_id, rng, usage):
        matching = [c for c in offered if wanted(c)]
        return least_used(matching or offered, node_id, rng, usage)

    return policy


def warmth(text: str) -> int:
    """How many of the warm words a text uses (each use counts)."""
    return len(_WARM.findall(text.lower()))


def _most(score: Callable[[OfferedChoice], float]) -> Policy:
    """The shown choice that scores highest; the first shown among equals."""

    def policy(offered, node_id, rng, usage):
        return max(offered, key=lambda c: (score(c), -offered.index(c)))

    return policy


def first(offered, node_id, rng, usage) -> OfferedChoice:
    return offered[0]


def last(offered, node_id, rng, usage) -> OfferedChoice:
    return offered[-1]


def labels(offered, node_id, rng, usage) -> OfferedChoice:
    """The first shown choice with a pleasant skill name, else any."""
    pleasant = [c for c in offered if c.skill in PLEASANT_SKILLS]
    return pleasant[0] if pleasant else rng.choice(list(offered))


POLICIES: dict[str, Policy] = {
    "random": least_used,
    "lead": _preferring(lambda c: c.stance == "lead"),
    "follow": _preferring(lambda c: c.stance == "follow"),
    "expert": _preferring(lambda c: c.choice.expert),
    "first": first,
    "last": last,
    "longest": _most(lambda c: len(c.choice.text.strip())),
    "keywords": _most(lambda c: warmth(c.choice.text)),
    "labels": labels,
}
CUE_POLICIES = ("first", "last", "longest", "keywords", "labels")


def policy_named(name: str) -> Policy:
    """The policy called `name`; ValueError naming the known ones otherwise."""
    try:
        return POLICIES[name]
    except KeyError:
        raise ValueError(f"unknown policy '{name}' (known: {', '.join(POLICIES)})") from None
