"""What each member is thinking: their numbers and a first-person line, for the inner-state
view (the window's T, the terminal's t).

The words come from the group model (it knows why a member feels as they do); front ends ask
here rather than reaching into the model, so the screen and the terminal say the same.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.sim import thought


@dataclass(frozen=True)
class Thought:
    """A member in the room: their numbers (0..1) and what they might be thinking."""

    member_id: str
    name: str
    engagement: float
    trust: float
    distress: float
    words: str


def thoughts_of(session, state=None) -> list[Thought]:
    """Each member in the room, in the scenario's order, as `state` has them (the session's
    state by default; the window passes the state it is showing, mid-reaction). A member who
    has not arrived yet is not in the room, so has no numbers and no thought."""
    state = session.state if state is None else state
    found = []
    for member in session.scenario.members:
        if not state.present(member.id):
            continue
        numbers = state.member(member.id)
        name = session.names.get(member.id, member.id)
        found.append(Thought(member.id, name, numbers.engagement, numbers.trust, numbers.distress,
                             thought(member.id, state, session.world, name)))
    return found
