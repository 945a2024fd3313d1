"""Why the exhaustive check never reached something: a node, a choice or a branch, in words
an author can act on (the guarding condition, and how often it was tried and was false).

Each function reads an ExhaustiveReport (exhaustive.py): its coverage counts and arrivals.
"""
from __future__ import annotations

from .coverage import ChoiceKey, EdgeKey, destinations


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def why_choice(report, key: ChoiceKey) -> str:
    node_id, _ = key
    if not report.coverage.node_hits[node_id]:
        return f"its node '{node_id}' is never reached"
    choice = report.coverage.choice(key)
    times = report.arrivals[node_id]
    if choice.when:
        return f"its condition `{choice.when}` was false every time the node was reached ({_times(times)})"
    return f"never offered, though the node was reached {_times(times)} (an error stopped it?)"


def why_branch(report, edge: EdgeKey) -> str:
    node_id, index, dest = edge
    choice = report.coverage.choice((node_id, index))
    guards = [f"`{b.when}`" for b in choice.next if b.goto == dest and b.when]
    first = choice.next[0].goto == dest
    taken = report.coverage.choice_hits[(node_id, index)]
    if guards and first:
        return f"its condition {' / '.join(guards)} was false every time the choice was taken ({_times(taken)})"
    if guards:   # an earlier branch is tried first: it may have held instead
        return (f"its condition {' / '.join(guards)} was false, or an earlier branch's held, every time "
                f"the choice was taken ({_times(taken)})")
    return f"an earlier branch's condition held every time the choice was taken ({_times(taken)})"


def why_node(report, node_id: str) -> str:
    ways = [(src, i, c) for src, node in report.scenario.nodes.items()
            for i, c in enumerate(node.choices) if node_id in destinations(c)]
    if not ways and node_id != report.scenario.start:
        return "no choice leads here"
    reached = [(src, i, c) for src, i, c in ways if report.coverage.node_hits[src]]
    if not reached:
        sources = sorted({src for src, _, _ in ways})
        return f"only reached from nodes never reached: {', '.join(sources)}"
    parts = []
    for src, index, choice in reached:
        if report.coverage.choice_hits[(src, index)]:
            parts.append(f"choice {index + 1} of '{src}' ({why_branch(report, (src, index, node_id))})")
        else:
            parts.append(f"choice {index + 1} of '{src}' ({why_choice(report, (src, index))})")
    return "its ways in never fired on any path explored: " + "; ".join(parts)
