"""What a scenario's conditions read: the session's numbers and history, by name.

A condition names values: `group.cohesion`, `amara.trust`, `turn`, `leads`, `follows`, `safe`,
`visited.<node>`, `score.<objective>`, `events.<type>`, `<member>.at_risk`,
`<member>.risk_missed`, `<member>.neglected`. Each name becomes a small reader the first time
any session asks for it, instead of being taken apart again on every check: the machine asks
on every choice whose transitions carry conditions. What a name means depends on the name
alone, so one table of readers serves every scenario.
"""
from __future__ import annotations

from typing import Callable

from game.sim.state import MEMBER_VARS


class ConditionEnv:
    """The values conditions read, looked up live in one session (see the module docstring)."""

    def __init__(self, session):
        self.session = session

    def __getitem__(self, name: str):
        return reader(name)(self.session)


READERS: dict[str, Callable] = {}   # name -> reader(session), shared by every session


def reader(name: str) -> Callable:
    """The reader of one name (session -> value), made the first time any session asks. The
    scenario machine parses its conditions with these, so a check reads the session directly."""
    found = READERS.get(name)
    if found is None:
        found = READERS[name] = reader_for(name)
    return found


def events_of(session, kind: str, member: str | None = None) -> int:
    """How many events of `kind` (about `member`, if given) the session has had so far."""
    return session.event_count(kind, member)


def reader_for(name: str) -> Callable:
    """The reader of one name: session -> value."""
    plain = PLAIN.get(name)
    if plain is not None:
        return plain
    prefix, _, rest = name.partition(".")
    if prefix == "group":
        return lambda session: getattr(session.state, rest)
    if prefix == "visited":
        return lambda session: rest in session._visited
    if prefix == "score":
        return lambda session: session._scores.get(rest, 0)
    if prefix == "events":
        kind = rest.replace("_", "-")
        return lambda session: events_of(session, kind)
    return _member_reader(prefix, rest)


def _member_reader(member: str, rest: str) -> Callable:
    if rest == "at_risk":
        return lambda session: member in session.open_risks
    if rest == "risk_missed":
        return lambda session: events_of(session, "risk-missed", member) > 0
    if rest == "neglected":
        return lambda session: events_of(session, "neglect", member)
    column = MEMBER_VARS.index(rest)   # (a name checked when parsed) read straight off the columns: hot

    def number(session):
        state = session.state
        return state.columns[column][state.places[member]]
    return number


PLAIN = {
    "turn": lambda session: session.turn,
    "safe": lambda session: session.safe,
    "leads": lambda session: session.leads,
    "follows": lambda session: session.follows,
}
