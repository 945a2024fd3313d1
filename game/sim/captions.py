"""Words for the screen: what visibly changed, and what a member is privately thinking.

Captions describe body language, not numbers — a trainee reads a room by faces and posture.
Each member gets at most one caption (their largest change); the group's climate gets its own.
"""
from __future__ import annotations

from .constants import (
    CAPTION_BIG_CHANGE, CAPTION_MIN_CHANGE, CONFLICT_HIGH, DISTRESSED, ENGAGED,
    HOSTILE_LOW_TRUST, MONOPOLIZING_ENGAGEMENT, WITHDRAWN,
)
from .state import MEMBER_VARS, GroupState
from .world import World

# (variable, rising?) -> (small change, big change)
MEMBER_PHRASES = {
    ("engagement", True): ("{name} leans in", "{name} sits up, fully present"),
    ("engagement", False): ("{name} looks away", "{name} withdraws"),
    ("trust", True): ("{name} softens", "{name} opens up"),
    ("trust", False): ("{name} stiffens", "{name} closes off"),
    ("distress", True): ("{name} tenses", "{name} is struggling"),
    ("distress", False): ("{name} breathes easier", "{name} lets something go"),
}
GROUP_PHRASES = {
    ("cohesion", True): ("The circle draws closer", "The room feels like a group"),
    ("cohesion", False): ("The circle drifts apart", "The circle breaks apart"),
    ("conflict", True): ("Tension rises", "The room turns tense"),
    ("conflict", False): ("The tension eases", "The air clears"),
}


def _phrase(table, var: str, delta: float) -> str:
    small, big = table[(var, delta > 0)]
    return big if abs(delta) >= CAPTION_BIG_CHANGE else small


def describe_changes(before: GroupState, after: GroupState, names: dict[str, str],
                     limit: int = 4) -> list[str]:
    """Short captions, biggest change first (ties in scenario order, group climate last)."""
    found = []   # (-size, order, caption)
    for order, (mid, now) in enumerate(after.members):
        was = before.member(mid)
        deltas = [(getattr(now, v) - getattr(was, v), v) for v in MEMBER_VARS]
        delta, var = max(deltas, key=lambda d: abs(d[0]))
        if abs(delta) >= CAPTION_MIN_CHANGE:
            text = _phrase(MEMBER_PHRASES, var, delta).format(name=names.get(mid, mid))
            found.append((-abs(delta), order, text))
    for offset, var in enumerate(("cohesion", "conflict")):
        delta = getattr(after, var) - getattr(before, var)
        if abs(delta) >= CAPTION_MIN_CHANGE:
            text = _phrase(GROUP_PHRASES, var, delta)
            found.append((-abs(delta), len(after.members) + offset, text))
    return [text for *_, text in sorted(found)[:max(0, limit)]]


ARCHETYPE_THOUGHTS = {
    "monopolizer": "If I stop talking, someone might see how scared I am.",
    "silent": "I'd like to say something, just not with everyone looking at me.",
    "help_rejecting": "They mean well, but nothing they suggest will work for me.",
    "hostile": "Who are they to tell me how I should feel?",
    "rescuer": "Someone is hurting. I should make it better.",
    "intellectualizer": "It's easier to explain it than to feel it.",
    "newcomer": "Everyone here already knows each other. Do I belong?",
    "co_leader": "I'd have run this differently. Do they even see what I bring?",
}


def _in_character(kind: str, state: GroupState, member_id: str) -> bool:
    """Whether the archetype is showing right now (not every member, every moment)."""
    m = state.member(member_id)
    return {
        "monopolizer": m.engagement >= MONOPOLIZING_ENGAGEMENT,
        "silent": m.engagement < ENGAGED,
        "hostile": m.trust < HOSTILE_LOW_TRUST or state.conflict >= CONFLICT_HIGH,
        "newcomer": m.trust < ENGAGED,
        "co_leader": m.trust < ENGAGED,
    }.get(kind, kind in ARCHETYPE_THOUGHTS)


def thought(member_id: str, state: GroupState, world: World, name: str) -> str:
    """A first-person line for the inner-state overlay. `name` is accepted for lines that
    refer to the member by name; the current lines are all first person and do not use it."""
    m = state.member(member_id)
    if m.distress >= DISTRESSED and m.unattended >= world.neglect_after:
        return "Nobody has noticed I'm struggling."
    if m.distress >= DISTRESSED and m.trust < HOSTILE_LOW_TRUST:
        return "I can't say this here. Not yet."
    kind = world.archetype(member_id)
    if _in_character(kind, state, member_id):
        return ARCHETYPE_THOUGHTS[kind]
    if m.engagement < WITHDRAWN:
        return "I'm somewhere else right now."
    if m.distress >= DISTRESSED:
        return "This is heavy. I hope someone asks."
    if m.engagement >= ENGAGED and m.trust >= ENGAGED:
        return "I feel like I belong here."
    if state.conflict >= CONFLICT_HIGH:
        return "I wish they'd stop fighting."
    return "I'm listening, waiting to see where this goes."
