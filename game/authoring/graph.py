"""The scenario's graph, read from its transitions Machine, as Mermaid or Graphviz DOT text.

The graph is what the engine will actually run: states and transitions come from
`machine_for(scenario).machine`, not from a second reading of the file. The file only adds
what the machine does not keep: each node's phase, each ending's outcome and each choice's
stance. transitions' own diagram support needs graphviz for DOT and a GraphMachine of its own,
so the text is written here (no extra dependency).

Edges are labelled with the choice number as written (1-based) and its stance; `★` marks the
expert choice, `if` a transition that carries a condition, `else` the unconditioned last branch.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from game.engine.machine import TRIGGER, machine_for
from game.scenario.model import Outcome, Phase, Scenario

PHASES = [p.value for p in Phase]
OUTCOME_COLOURS = {  # fill, border: green for the best, red for the worst
    Outcome.breakthrough.value: ("#b7e4c7", "#2d6a4f"),
    Outcome.growth.value: ("#d8f3dc", "#40916c"),
    Outcome.stalled.value: ("#fff3bf", "#b08900"),
    Outcome.rupture.value: ("#ffc9c9", "#c92a2a"),
}
_TRIGGER = re.compile("^" + TRIGGER.replace("{}", r"(\d+)") + "$")


@dataclass(frozen=True)
class GraphNode:
    id: str          # as in the file
    key: str         # sanitised for Mermaid and DOT
    phase: str
    outcome: str | None
    start: bool


@dataclass(frozen=True)
class GraphEdge:
    source: str
    dest: str
    number: int      # the choice as written, 1-based
    stance: str
    expert: bool
    conditional: bool
    fallback: bool   # the last branch of a branching choice, taken when no `if` held

    @property
    def label(self) -> str:
        marks = ["★"] if self.expert else []
        marks += ["if"] if self.conditional else (["else"] if self.fallback else [])
        return " ".join([str(self.number), self.stance] + marks)


@dataclass(frozen=True)
class ScenarioGraph:
    title: str
    nodes: list[GraphNode]
    edges: list[GraphEdge]

    def __post_init__(self):
        object.__setattr__(self, "_keys", {n.id: n.key for n in self.nodes})

    def key(self, node_id: str) -> str:
        return self._keys[node_id]


def graph_of(scenario: Scenario) -> ScenarioGraph:
    """States and transitions of the scenario's machine, in file order."""
    machine = machine_for(scenario).machine
    keys = _keys(list(machine.states))
    nodes = [_node(scenario, state, keys[state]) for state in machine.states]
    edges = [edge for state in machine.states for edge in _edges_from(scenario, machine, state)]
    return ScenarioGraph(scenario.display_title, nodes, edges)


def _node(scenario: Scenario, state: str, key: str) -> GraphNode:
    node = scenario.nodes[state]
    phase = node.phase.value
    outcome = node.ending.outcome.value if node.ending else None
    return GraphNode(state, key, phase, outcome, state == scenario.start)


def _edges_from(scenario: Scenario, machine, source: str) -> list[GraphEdge]:
    triggers = sorted(
        (int(m.group(1)), event) for name, event in machine.events.items()
        if (m := _TRIGGER.match(name)) and source in event.transitions
    )
    edges = []
    for number, event in triggers:
        choice = scenario.nodes[source].choices[number - 1]
        transitions = event.transitions[source]
        for transition in transitions:
            edges.append(GraphEdge(
                source=source, dest=transition.dest, number=number, stance=choice.stance.value,
                expert=choice.expert, conditional=bool(transition.conditions),
                fallback=len(transitions) > 1 and not transition.conditions,
            ))
    return edges


def _keys(node_ids: list[str]) -> dict[str, str]:
    """Ids safe in Mermaid and DOT (letters, digits, _), distinct even when `a-b` meets `a_b`."""
    keys: dict[str, str] = {}
    used: set[str] = set()
    for node_id in node_ids:
        base = "n_" + re.sub(r"[^A-Za-z0-9_]", "_", node_id)
        key, count = base, 1
        while key in used:
            count += 1
            key = f"{base}_{count}"
        used.add(key)
        keys[node_id] = key
    return keys


# -- Mermaid ------------------------------------------------------------------------------------

def mermaid_label(text: str) -> str:
    """Text for inside a quoted Mermaid label (its entity codes, since quotes end the label)."""
    return (text.replace("#", "#35;").replace('"', "#quot;")
            .replace("<", "#lt;").replace(">", "#gt;").replace("\n", " "))


def to_mermaid(graph: ScenarioGraph) -> str:
    """A Markdown-ready block: ```mermaid flowchart TD ... ```."""
    lines = ["```mermaid", "---", f"title: {json.dumps(graph.title, ensure_ascii=False)}", "---",
             "flowchart TD"]
    lines.append('  start_marker(["start"]) --> ' + next(n.key for n in graph.nodes if n.start))
    for phase in PHASES:
        members = [n for n in graph.nodes if n.phase == phase]
        if not members:
            continue
        lines.append(f'  subgraph phase_{phase}["{phase} phase"]')
        lines += [f"    {_mermaid_node(n)}" for n in members]
        lines.append("  end")
    for edge in graph.edges:
        arrow = "-.->" if edge.conditional else "-->"
        lines.append(f'  {graph.key(edge.source)} {arrow}|"{mermaid_label(edge.label)}"| {graph.key(edge.dest)}')
    lines += _mermaid_classes(graph)
    lines.append("```")
    return "\n".join(lines) + "\n"


def _mermaid_node(node: GraphNode) -> str:
    if node.outcome:
        return f'{node.key}(["{mermaid_label(node.id)}<br/>{node.outcome}"])'
    return f'{node.key}["{mermaid_label(node.id)}"]'


def _mermaid_classes(graph: ScenarioGraph) -> list[str]:
    lines = ["  classDef entry fill:#e7f5ff,stroke:#1c7ed6,stroke-width:3px"]
    lines.append("  class start_marker entry")
    for outcome, (fill, stroke) in OUTCOME_COLOURS.items():
        keys = [n.key for n in graph.nodes if n.outcome == outcome]
        if keys:
            lines.append(f"  classDef {outcome} fill:{fill},stroke:{stroke},stroke-width:2px")
            lines.append(f"  class {','.join(keys)} {outcome}")
    return lines


# -- DOT ----------------------------------------------------------------------------------------

def dot_string(text: str) -> str:
    """A double-quoted DOT string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(graph: ScenarioGraph) -> str:
    lines = [f"digraph {dot_string(graph.title)} {{", "  rankdir=TB;", "  compound=true;",
             '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="DejaVu Sans"];',
             '  edge [fontname="DejaVu Sans", fontsize=10];',
             '  start_marker [label="start", shape=circle, fillcolor="#e7f5ff", color="#1c7ed6"];',
             f"  start_marker -> {next(n.key for n in graph.nodes if n.start)};"]
    for phase in PHASES:
        members = [n for n in graph.nodes if n.phase == phase]
        if not members:
            continue
        lines += [f"  subgraph cluster_{phase} {{", f"    label={dot_string(phase + ' phase')};",
                  '    style="rounded,dashed";']
        lines += [f"    {_dot_node(n)}" for n in members]
        lines.append("  }")
    for edge in graph.edges:
        style = ", style=dashed" if edge.conditional else ""
        lines.append(f"  {graph.key(edge.source)} -> {graph.key(edge.dest)} [label={dot_string(edge.label)}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_node(node: GraphNode) -> str:
    if node.outcome:
        fill, stroke = OUTCOME_COLOURS[node.outcome]
        label = dot_string(f"{node.id}\n{node.outcome}")
        return f'{node.key} [label={label}, shape=doubleoctagon, fillcolor="{fill}", color="{stroke}"];'
    return f"{node.key} [label={dot_string(node.id)}];"


RENDERERS = {"mermaid": to_mermaid, "dot": to_dot}


def render(scenario: Scenario, fmt: str = "mermaid") -> str:
    return RENDERERS[fmt](graph_of(scenario))
