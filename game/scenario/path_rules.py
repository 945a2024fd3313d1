"""The load-time rules of path tests (`paths:`): what they name must exist.

A path test that names a node, a member, an event or an outcome that does not exist could never
pass, and its failure would blame the story instead of the typo; so those are errors at their
own line, with a did-you-mean, before anything is played. Playing the paths is `validate`'s
work (game/authoring/paths.py): the scenario package knows nothing of play.
"""
from __future__ import annotations

from typing import Callable, Iterator

from .diagnostics import Diagnostic, excerpt
from .expressions import EVENT_COUNTS
from .model import Outcome, Scenario
from .schema_errors import did_you_mean

EVENT_TYPES = tuple(e.replace("_", "-") for e in EVENT_COUNTS)
OUTCOMES = tuple(o.value for o in Outcome)

At = Callable[..., Diagnostic]   # (code, message, path, key=False) -> Diagnostic


def split_event(text: str) -> tuple[str, str | None]:
    """An expected event as written (`risk_missed`, `breakthrough: tom`) -> (type with
    hyphens, as the model names it; member or None)."""
    kind, _, member = text.partition(":")
    return kind.strip().replace("_", "-"), (member.strip() or None)


def path_errors(scenario: Scenario, nodes: set[str], members: set[str], at: At,
                expression_errors) -> Iterator[Diagnostic]:
    """Every reference in every path test, checked; `expression_errors(text, path)` reads `holds`."""
    for index, test in enumerate(scenario.paths):
        base = ("paths", index)
        if test.ending is not None:
            yield from _ending_errors(scenario, test.ending, nodes, at, base + ("ending",))
        for key in ("visits", "avoids"):
            for place, node_id in enumerate(getattr(test, key)):
                if node_id not in nodes:
                    yield at("unknown-node", f"no node {excerpt(node_id)}{did_you_mean(node_id, nodes)}",
                             base + (key, place))
        for key in ("events", "no_events"):
            for place, written in enumerate(getattr(test, key)):
                yield from _event_errors(written, members, at, base + (key, place))
        if test.holds is not None:
            yield from expression_errors(test.holds, base + ("holds",))


def _ending_errors(scenario: Scenario, ending: str, nodes: set[str], at: At, path: tuple) -> Iterator[Diagnostic]:
    """A node id (which must be an ending), else an outcome; a node id wins when both fit."""
    if ending in nodes:
        node = scenario.nodes.get(ending)
        if node is not None and not node.is_ending:
            yield at("bad-value", f"node '{ending}' is not an ending; name an ending node or an outcome "
                     f"({', '.join(OUTCOMES)})", path)
        return
    if ending not in OUTCOMES:
        endings = [n for n, node in scenario.nodes.items() if node.is_ending]
        yield at("unknown-node", f"no ending node or outcome {excerpt(ending)}"
                 f"{did_you_mean(ending, endings + list(OUTCOMES))}", path)


def _event_errors(written, members: set[str], at: At, path: tuple) -> Iterator[Diagnostic]:
    if not isinstance(written, str):
        return   # its type is reported already
    kind, member = split_event(written)
    if kind not in EVENT_TYPES:
        yield at("bad-value", f"{excerpt(kind)} is not an event; events are: {', '.join(EVENT_TYPES)}"
                 f"{did_you_mean(kind, EVENT_TYPES)}", path)
    if member is not None and member not in members:
        yield at("unknown-member", f"no member {excerpt(member)}{did_you_mean(member, members)}", path)
