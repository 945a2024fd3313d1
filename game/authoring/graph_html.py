"""`graph --format html`: the whole scenario as one self-contained page.

Mermaid and DOT show the branching; this page shows what an author needs to judge it: the
nodes in layers from the start (game/authoring/layout.py), endings in their outcome's colour,
the path the expert choices take highlighted, and each decision node the audit finds trouble
at marked (the model's need disagreeing with the expert there, a need no offered choice could
meet, a risk missed on the way to a good ending). Hovering over a node, or moving to it with
Tab, shows its narration, what members say and its choices in a side panel.

Everything is inside the file: no script, style or font is fetched, so it opens anywhere.
"""
from __future__ import annotations

import html
import json
from collections import defaultdict

from game.engine import Session
from game.scenario.model import Scenario

from .audit import AuditReport
from .graph import OUTCOME_COLOURS, GraphEdge, graph_of
from .graph_page import CSS, SCRIPT
from .layout import Layout, layered_layout

NODE_SIZE = (176.0, 48.0)
MAX_PANEL_TEXT = 1200   # characters of narration or a line kept for the panel
TROUBLE = {   # finding code -> what its mark on a node says
    "expert-disagrees": "On the expert path, the model judged a different need here ({n} of the audit's "
                        "expert decisions here).",
    "unmeetable-need": "In random play, no offered choice could meet the judged need here ({n} decisions).",
    "good-ending-unsafe": "A risk of harm was missed here on the way to a good ending ({n} runs).",
}


def expert_route(scenario: Scenario, seed: int = 0, limit: int = 500) -> tuple[set, list[str], Session]:
    """The path the expert choices take (the first offered where a node has no expert): the
    edges taken as (node, choice number as written, next node), and the nodes in order."""
    session = Session(scenario, seed=seed)
    try:
        while not session.ended and session.choices and session.turn < limit:
            pick = session.expert_choice() or session.choices[0]
            session.choose(pick.number)
    finally:
        session.close()
    edges = {(r.node_id, r.offered.index + 1, r.next_node) for r in session.history}
    return edges, [scenario.start] + [r.next_node for r in session.history], session


def trouble_notes(report: AuditReport | None) -> dict[str, list[str]]:
    """Node -> what the audit found there, from the findings that name nodes."""
    if report is None:
        return {}
    counts = {"expert-disagrees": report.disagreements, "unmeetable-need": report.unmeetable,
              "good-ending-unsafe": report.unsafe}
    notes: dict[str, list[str]] = defaultdict(list)
    for finding in report.findings:
        for node in finding.nodes if finding.code in TROUBLE else ():
            notes[node].append(TROUBLE[finding.code].format(n=counts[finding.code][node]))
    return notes


def html_page(scenario: Scenario, report: AuditReport | None = None, seed: int = 0) -> str:
    graph = graph_of(scenario)
    route, visited, ended = expert_route(scenario, seed)
    notes = trouble_notes(report)
    layout = layered_layout([n.id for n in graph.nodes], [(e.source, e.dest) for e in graph.edges],
                            scenario.start, lambda _: NODE_SIZE)
    by_pair: dict[tuple[str, str], list[GraphEdge]] = defaultdict(list)
    for edge in graph.edges:
        by_pair[(edge.source, edge.dest)].append(edge)
    on_path = set(visited)
    svg = _svg(scenario, layout, by_pair, route, on_path, notes)
    data = {"nodes": {node_id: _node_data(scenario, node_id, node_id in on_path, notes.get(node_id, []))
                      for node_id in scenario.nodes}}
    body = (_header(scenario, ended, report) + '<main><div id="drawing">' + svg + "</div>"
            + '<aside id="panel" aria-live="polite"><h2>Point at a node</h2><p>Hover over a node, or move to it '
              "with Tab, to read its narration, what members say and its choices here.</p></aside></main>"
            + '<script type="application/json" id="scenario-data">' + _json(data) + "</script>"
            + "<script>" + SCRIPT + "</script>")
    title = html.escape(f"{scenario.display_title}: the scenario's graph")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head>'
            f"<body>{body}</body></html>\n")


def _json(data) -> str:
    """JSON that cannot end the script element it sits in, whatever the scenario's text holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _header(scenario: Scenario, ended: Session, report: AuditReport | None) -> str:
    endings = sum(1 for n in scenario.nodes.values() if n.is_ending)
    where = (f"ends at “{ended.node_id}” ({ended.ending.outcome.value}{'' if ended.safe else ', unsafe'}) "
             f"after {ended.turn} choices" if ended.ended else f"stops at “{ended.node_id}” without an ending")
    parts = [f"<header><h1>{html.escape(scenario.display_title)}</h1>",
             f'<p class="meta">{len(scenario.nodes)} nodes, {endings} endings, starting at '
             f"“{html.escape(scenario.start)}”. The expert path (seed {ended.seed}) {html.escape(where)}.</p>"]
    parts.append(_audit_summary(report))
    parts.append(_legend())
    return "".join(parts) + "</header>"


def _audit_summary(report: AuditReport | None) -> str:
    if report is None:
        return '<p class="meta">No audit was run, so no node is marked.</p>'
    head = (f'<p class="meta">Audit: {report.runs} runs per policy, seeds {report.seed}..'
            f"{report.seed + report.runs - 1}; the model backed the expert at {report.agreement:.0%} of "
            f"its decisions. {len(report.findings) or 'No'} finding{'s' if len(report.findings) != 1 else ''}.</p>")
    items = "".join(f'<li class="{html.escape(f.severity)}">[{html.escape(f.code)}] {html.escape(f.message)}</li>'
                    for f in report.findings)
    return head + (f'<ul class="findings">{items}</ul>' if items else "")


def _legend() -> str:
    swatches = [f'<span><i class="swatch" style="background:{fill};border-color:{stroke}"></i>{outcome}</span>'
                for outcome, (fill, stroke) in OUTCOME_COLOURS.items()]
    swatches += ['<span><i class="swatch path"></i>the expert path</span>',
                 '<span><i class="swatch trouble"></i>! the audit finds trouble here</span>',
                 "<span>1L: choice 1, lead · F follow · ★ expert · ? and dashed: a condition (if)</span>"]
    return '<p class="legend">' + "".join(swatches) + "</p>"


def _svg(scenario: Scenario, layout: Layout, by_pair, route: set, on_path: set, notes) -> str:
    width, height = max(layout.width, 200), layout.height + 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
             f'viewBox="0 -20 {width:.0f} {height:.0f}" role="img" aria-label="{html.escape(scenario.display_title)}: '
             'the scenario as a graph">', _markers()]
    for pair, points in layout.routes.items():
        parts.append(_edge(by_pair[pair], points, route))
    for node_id in layout.loops:
        parts.append(_loop(by_pair[(node_id, node_id)], layout.positions[node_id], route))
    for node_id, (x, y) in layout.positions.items():
        parts.append(_node(scenario, node_id, x, y, node_id in on_path, notes.get(node_id, [])))
    return "".join(parts) + "</svg>"


def _markers() -> str:
    arrow = ('<marker id="{id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" markerHeight="10" '
             'markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
             'fill="{fill}"/></marker>')
    return ("<defs>" + arrow.format(id="arrow", fill="#a39d93") + arrow.format(id="arrow-path", fill="#1864ab")
            + "</defs>")


def _edge(edges: list[GraphEdge], points, route: set) -> str:
    taken = any((e.source, e.number, e.dest) in route for e in edges)
    css = "edge" + (" on-path" if taken else "") + (" conditional" if all(e.conditional for e in edges) else "")
    label = " · ".join(_short(e) for e in edges)
    x, y = _along(points[0], points[1], 0.55)
    marker = "arrow-path" if taken else "arrow"
    return (f'<g class="{css}"><path d="{_curve(points)}" marker-end="url(#{marker})"/>'
            f'<text x="{x + 4:.1f}" y="{y + 4:.1f}">{html.escape(label)}</text></g>')


def _along(start, end, t: float) -> tuple[float, float]:
    """The point at `t` (0..1) along one segment of `_curve`, where a label can sit."""
    (x0, y0), (x1, y1) = start, end
    bend = (y1 - y0) / 2
    ys = (y0, y0 + bend, y1 - bend, y1)
    xs = (x0, x0, x1, x1)
    weights = ((1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3)
    return sum(w * v for w, v in zip(weights, xs)), sum(w * v for w, v in zip(weights, ys))


def _short(edge: GraphEdge) -> str:
    return f"{edge.number}{edge.stance[0].upper()}{'★' if edge.expert else ''}{'?' if edge.conditional else ''}"


def _curve(points) -> str:
    """A smooth path through the points, leaving and entering each vertically."""
    (x, y), rest = points[0], points[1:]
    d = [f"M{x:.1f},{y:.1f}"]
    for nx, ny in rest:
        bend = (ny - y) / 2
        d.append(f"C{x:.1f},{y + bend:.1f} {nx:.1f},{ny - bend:.1f} {nx:.1f},{ny:.1f}")
        x, y = nx, ny
    return " ".join(d)


def _loop(edges: list[GraphEdge], centre, route: set) -> str:
    x, y = centre
    right = x + NODE_SIZE[0] / 2
    taken = any((e.source, e.number, e.dest) in route for e in edges)
    label = " · ".join(_short(e) for e in edges)
    return (f'<g class="edge{" on-path" if taken else ""}"><path d="M{right:.1f},{y - 8:.1f} C{right + 40:.1f},'
            f'{y - 30:.1f} {right + 40:.1f},{y + 30:.1f} {right:.1f},{y + 8:.1f}" '
            f'marker-end="url(#{"arrow-path" if taken else "arrow"})"/>'
            f'<text x="{right + 30:.1f}" y="{y + 4:.1f}">{html.escape(label)}</text></g>')


def _node(scenario: Scenario, node_id: str, x: float, y: float, on_path: bool, notes: list[str]) -> str:
    node = scenario.nodes[node_id]
    w, h = NODE_SIZE
    css = "node " + ("ending" if node.is_ending else "decision") + (" on-path" if on_path else "") \
        + (" trouble" if notes else "")
    style = ""
    if node.is_ending:
        fill, stroke = OUTCOME_COLOURS[node.ending.outcome.value]
        style = f' style="fill:{fill};stroke:{stroke};stroke-width:{3.5 if on_path else 2.2}"'
    sub = node.ending.outcome.value if node.is_ending else node.phase.value
    parts = [f'<g class="{css}" data-id="{html.escape(node_id)}" tabindex="0" '
             f'transform="translate({x - w / 2:.1f},{y - h / 2:.1f})">',
             f"<title>{html.escape(node_id)}</title>",
             f'<rect class="box" width="{w:.0f}" height="{h:.0f}" rx="{14 if node.is_ending else 6}"{style}/>',
             f'<text class="id" x="{w / 2:.0f}" y="20" text-anchor="middle">{html.escape(_fit(node_id, 22))}</text>',
             f'<text class="sub" x="{w / 2:.0f}" y="37" text-anchor="middle">{html.escape(sub)}</text>']
    if node_id == scenario.start:
        parts.append('<rect class="start-tab" x="8" y="-15" width="46" height="15" rx="4"/>'
                     '<text class="start-text" x="31" y="-4" text-anchor="middle">START</text>')
    if notes:
        parts.append(f'<circle class="badge" cx="{w - 2:.0f}" cy="2" r="10"/>'
                     f'<text class="badge-text" x="{w - 2:.0f}" y="7" text-anchor="middle">!</text>')
    return "".join(parts) + "</g>"


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _node_data(scenario: Scenario, node_id: str, on_path: bool, notes: list[str]) -> dict:
    """What the side panel shows for a node (as text: the script never reads it as markup)."""
    node = scenario.nodes[node_id]
    names = {m.id: m.name for m in scenario.members}
    kind = f"Ending ({node.ending.outcome.value})" if node.is_ending else \
        f"Decision, {node.phase.value} phase"
    return {
        "id": node_id, "kind": kind + (", the start" if node_id == scenario.start else ""),
        "on_path": on_path, "notes": notes, "narration": _fit(node.narration.strip(), MAX_PANEL_TEXT),
        "lines": [[names.get(line.speaker, line.speaker), _fit(line.text, MAX_PANEL_TEXT)] for line in node.lines],
        "choices": [_choice_data(choice) for choice in node.choices],
        "ending": {"outcome": node.ending.outcome.value, "text": node.ending.text} if node.is_ending else None,
    }


def _choice_data(choice) -> dict:
    tags = [choice.skill.value.replace("_", " ")] if choice.skill else []
    tags += [choice.rated_quality.value] + (["★ expert"] if choice.expert else []) \
        + (["checks risk"] if choice.checks_risk else []) + ([f"if {choice.when}"] if choice.when else [])
    if isinstance(choice.next, str):
        following = choice.next
    else:
        following = "; ".join(f"{b.goto} if {b.when}" if b.when else f"else {b.goto}" for b in choice.next)
    return {"stance": choice.stance.value, "tags": "(" + ", ".join(tags) + ")", "text": choice.text,
            "expert": choice.expert, "next": following}
