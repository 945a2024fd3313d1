"""Path tests (`paths:` in a scenario file), played on the real Session by `validate`.

Conditions on numbers, risks that close late and endings gated on the room make a scenario's
logic hard to see from the file; an author who writes down "the expert path ends in
breakthrough, safely" and "ignoring Walter's hint ends unsafe" gets told at once, at that
entry's line, when an edit breaks it. Each failed expectation is one `path-failed` error that
says what was expected and what happened instead.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from game.engine import ChoiceNotOffered, Session
from game.scenario import Diagnostic
from game.scenario.expressions import Names, parse_condition
from game.scenario.model import PathTest, Scenario
from game.scenario.path_rules import split_event

MAX_LISTED = 4   # events named in a message before "..."


@dataclass
class PathRun:
    """One path test played: where it stopped, and each expectation that failed."""

    test: PathTest
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures

    def diagnostics(self) -> list[Diagnostic]:
        return [Diagnostic("path-failed", f"path {quoted(self.test.name)}: {failure}", *self.test.at)
                for failure in self.failures]


def quoted(text: str) -> str:
    return "'" + text.replace("\n", " ") + "'"


def run_paths(scenario: Scenario) -> list[PathRun]:
    """Every path test of the scenario, played in the order written."""
    return [run_path(scenario, test) for test in scenario.paths]


def path_diagnostics(scenario: Scenario) -> list[Diagnostic]:
    return [d for run in run_paths(scenario) for d in run.diagnostics()]


def run_path(scenario: Scenario, test: PathTest) -> PathRun:
    run = PathRun(test)
    with Session(scenario, seed=test.seed) as session:
        problem = _play(session, test.choices)
        if problem:
            run.failures.append(problem)   # what it expects of the end means nothing now
            return run
        run.failures += _expectations(session, test)
    return run


def _play(session: Session, choices: list[int]) -> str | None:
    """Make the choices; why they could not all be made, or None."""
    for place, number in enumerate(choices, 1):
        if session.ended:
            unused = ", ".join(str(n) for n in choices[place - 1:])
            return (f"it reached the ending '{session.node_id}' ({session.ending.outcome.value}) after "
                    f"{place - 1} choice{'s' if place != 2 else ''}; the rest were not used: {unused}")
        try:
            session.choose(number)
        except ChoiceNotOffered as err:
            return f"choice {place} of the path: {err}"
    return None


def _expectations(session: Session, test: PathTest) -> list[str]:
    failures = [_ending(session, test.ending), _safe(session, test.safe)]
    failures += [_fired(session, written) for written in test.events]
    failures += [_not_fired(session, written) for written in test.no_events]
    failures += [_visits(session, node_id) for node_id in test.visits]
    failures += [_avoids(session, node_id) for node_id in test.avoids]
    if test.holds is not None:
        failures.append(_holds(session, test.holds))
    return [f for f in failures if f]


def where_it_stopped(session: Session) -> str:
    """'ended at 'x' (growth) after 7 choices', or where an unfinished path stands."""
    count = f"{session.turn} choice{'s' if session.turn != 1 else ''}"
    if session.ended:
        return f"it ended at '{session.node_id}' ({session.ending.outcome.value}) after {count}"
    return f"it stopped at '{session.node_id}', not an ending, after {count}"


def _ending(session: Session, expected: str | None) -> str | None:
    if expected is None:
        return None
    if expected in session.scenario.nodes:
        if session.ended and session.node_id == expected:
            return None
    elif session.ended and session.ending.outcome.value == expected:
        return None
    return f"expected to end at {quoted(expected)}, but {where_it_stopped(session)}"


def _safe(session: Session, expected: bool | None) -> str | None:
    if expected is None or session.safe == expected:
        return None
    if expected:
        missed = _matching(session, "risk-missed", None)
        return f"expected safe: true, but a risk of harm was missed ({_listed(missed)})"
    return "expected safe: false, but no risk of harm was missed" + (
        "" if session.ended else f" ({where_it_stopped(session)})")


def _fired(session: Session, written: str) -> str | None:
    kind, member = split_event(written)
    if _matching(session, kind, member):
        return None
    fired = _listed([(r, e) for r in session.history for e in r.events])
    return f"expected the event {quoted(written)}, which never fired (what fired: {fired})"


def _not_fired(session: Session, written: str) -> str | None:
    found = _matching(session, *split_event(written))
    if not found:
        return None
    return f"expected no event {quoted(written)}, but it fired: {_listed(found)}"


def _matching(session: Session, kind: str, member: str | None) -> list:
    return [(r, e) for r in session.history for e in r.events
            if e.type == kind and (member is None or e.member == member)]


def _listed(found: list) -> str:
    """Events as people read them: 'risk-missed walter at turn 6, ...'."""
    if not found:
        return "nothing"
    words = [f"{e.type}{' ' + e.member if e.member else ''} at turn {r.turn}" for r, e in found[:MAX_LISTED]]
    more = f", and {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
    return ", ".join(words) + more


def _visits(session: Session, node_id: str) -> str | None:
    if node_id in session.visited:
        return None
    return f"expected to pass through '{node_id}', which it never reached (it went: {_route(session)})"


def _avoids(session: Session, node_id: str) -> str | None:
    if node_id not in session.visited:
        return None
    turn = next((r.turn for r in session.history if r.next_node == node_id), 0)
    when = "it started there" if turn == 0 else f"it went there at turn {turn}"
    return f"expected never to reach '{node_id}', but {when}"


def _route(session: Session) -> str:
    route = [session.scenario.start] + [r.next_node for r in session.history]
    return " > ".join(route)


def _holds(session: Session, text: str) -> str | None:
    scenario = session.scenario
    names = Names(frozenset(scenario.member_ids), frozenset(scenario.nodes), frozenset(scenario.objectives))
    condition = parse_condition(text, names)   # checked when the file loaded
    if condition.holds(session.env):
        return None
    values = ", ".join(f"{name} = {_value(session.env[name])}" for name in condition.names)
    return f"expected `{text}` to hold at the end, but it does not ({values}; {where_it_stopped(session)})"


def _value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"{value:.2f}" if isinstance(value, float) else str(value)
