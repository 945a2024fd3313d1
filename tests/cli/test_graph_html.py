"""`graph --format html`: one self-contained page, laid out in layers in pure Python, endings in
their outcome's colour, the expert path highlighted, the audit's trouble marked, and a panel
that shows a node's narration and choices on hover. Tested in the page's text and, where the
system's Chromium is installed, in a real headless browser."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.audit import audit
from game.authoring.graph import OUTCOME_COLOURS, graph_of
from game.authoring.graph_html import expert_route, html_page, trouble_notes
from game.authoring.layout import layered_layout, spaced_fit
from game.scenario import load_path, load_text

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))
RISKY = ROOT / "tests" / "records" / "risky.yaml"   # its audit finds trouble at 'middle'
EXPERT_BLUE = "rgb(24, 100, 171)"


def scenario_of(path):
    result = load_path(path)
    assert result.scenario is not None, result.errors
    return result.scenario


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


# -- the layout -----------------------------------------------------------------------------------

def test_spaced_fit_keeps_order_and_distance_and_otherwise_goes_where_wanted():
    assert spaced_fit([0.0, 100.0, 300.0], [50.0, 50.0]) == [0.0, 100.0, 300.0]
    assert spaced_fit([10.0, 10.0], [40.0]) == [-10.0, 30.0]          # pushed apart evenly
    fitted = spaced_fit([5.0, 0.0, 3.0, 90.0], [10.0, 10.0, 10.0])
    assert all(b - a >= 10.0 - 1e-9 for a, b in zip(fitted, fitted[1:]))


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_a_shipped_scenario_is_laid_out_top_down_without_overlaps(path):
    scenario = scenario_of(path)
    graph = graph_of(scenario)
    pairs = [(e.source, e.dest) for e in graph.edges]
    layout = layered_layout([n.id for n in graph.nodes], pairs, scenario.start, lambda _: (160.0, 40.0))
    assert layout.layers[scenario.start] == 0 and set(layout.positions) == set(scenario.nodes)
    rows: dict[float, list[float]] = {}
    for x, y in layout.positions.values():
        rows.setdefault(y, []).append(x)
    for xs in rows.values():
        xs.sort()
        assert all(b - a >= 160.0 for a, b in zip(xs, xs[1:]))
    downward = [layout.positions[v][1] > layout.positions[u][1] for u, v in set(pairs) if u != v]
    assert sum(downward) >= 0.9 * len(downward)   # only edges that close a cycle point up
    again = layered_layout([n.id for n in graph.nodes], pairs, scenario.start, lambda _: (160.0, 40.0))
    assert again.positions == layout.positions


def test_cycles_and_self_loops_are_laid_out():
    layout = layered_layout(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a"), ("b", "b")], "a",
                            lambda _: (100.0, 30.0))
    assert layout.layers == {"a": 0, "b": 1, "c": 2} and layout.loops == ["b"]
    back = layout.routes[("c", "a")]
    assert back[0][1] < layout.positions["c"][1] and back[-1][1] > layout.positions["a"][1]


# -- the page -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def risky_page() -> str:
    scenario = scenario_of(RISKY)
    return html_page(scenario, audit(scenario, runs=30, seed=0))


def test_the_page_is_self_contained(risky_page):
    assert risky_page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<(link|iframe|object|img)\b", risky_page)
    assert not re.search(r"<script[^>]*\bsrc=", risky_page)
    addresses = set(re.findall(r"https?://[^\s\"'<>)]+", risky_page))
    assert addresses <= {"http://www.w3.org/2000/svg"}   # the SVG namespace names, never fetches
    assert "@import" not in risky_page and "url(http" not in risky_page


def test_every_node_is_drawn_and_endings_wear_their_outcomes_colour(risky_page):
    scenario = scenario_of(RISKY)
    for node_id, node in scenario.nodes.items():
        assert f'data-id="{node_id}"' in risky_page
        if node.is_ending:
            fill, stroke = OUTCOME_COLOURS[node.ending.outcome.value]
            drawn = re.search(rf'data-id="{node_id}".*?<rect class="box"[^>]*style="([^"]*)"', risky_page)
            assert f"fill:{fill}" in drawn.group(1) and f"stroke:{stroke}" in drawn.group(1)


def test_the_expert_path_is_highlighted_node_by_node_and_edge_by_edge():
    scenario = scenario_of(ROOT / "scenarios" / "tutorial.yaml")
    page = html_page(scenario)
    route, visited, ended = expert_route(scenario)
    assert ended.ended and ended.node_id == "end_breakthrough"
    on_path = set(re.findall(r'<g class="node [a-z]+ on-path[^"]*" data-id="([^"]+)"', page))
    assert on_path == set(visited)
    assert page.count('<g class="edge on-path') == len({(u, v) for u, _, v in route})


def test_the_audits_trouble_is_marked_on_the_nodes_it_names(risky_page):
    scenario = scenario_of(RISKY)
    report = audit(scenario, runs=30, seed=0)
    notes = trouble_notes(report)
    named = {n for f in report.findings for n in f.nodes}
    assert named and set(notes) == named
    codes = {f.code for f in report.findings if f.nodes}
    assert {"expert-disagrees", "good-ending-unsafe"} <= codes   # good-ending-unsafe names nodes now
    marked = set(re.findall(r'<g class="node [a-z]+[^"]* trouble" data-id="([^"]+)"', risky_page))
    assert marked == named


def test_the_panels_data_is_the_nodes_text_and_cannot_end_the_script():
    text = (ROOT / "tests" / "scenario" / "small.yaml").read_text(encoding="utf-8")
    text = text.replace("narration: Six chairs.", 'narration: "</script><script>alert(1)</script> & <b>"')
    scenario = load_text(text).scenario
    page = html_page(scenario)
    assert "<script>alert(1)" not in page
    data = json.loads(re.search(r'<script type="application/json" id="scenario-data">(.*?)</script>',
                                page, re.S).group(1))
    opening = data["nodes"]["opening"]
    assert opening["narration"] == "</script><script>alert(1)</script> & <b>"
    assert [c["text"] for c in opening["choices"]] == [c.text for c in scenario.nodes["opening"].choices]


def test_cli_writes_the_page_and_keeps_mermaid_and_dot_as_they_were(tmp_path):
    out = tmp_path / "graph.html"
    made = cli("graph", str(RISKY), "--format", "html", "--runs", "20", "-o", str(out))
    assert made.returncode == 0 and made.stdout == "" and "wrote" in made.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    mermaid = cli("graph", str(RISKY))
    assert mermaid.returncode == 0 and mermaid.stdout.startswith("```mermaid")
    dot = tmp_path / "graph.dot"
    assert cli("graph", str(RISKY), "--format", "dot", "-o", str(dot)).returncode == 0
    assert dot.read_text(encoding="utf-8").startswith("digraph")


# -- in a real browser --------------------------------------------------------------------------

def browser_or_skip():
    from tests.classroom.browser import why_no_browser
    reason = why_no_browser()
    if reason:
        pytest.skip(reason)
    from tests.classroom.browser import chromium
    return chromium


def test_in_headless_chromium_it_loads_nothing_draws_the_path_and_shows_a_node_on_hover(tmp_path, risky_page):
    chromium = browser_or_skip()
    scenario = scenario_of(ROOT / "scenarios" / "tutorial.yaml")
    page_file = tmp_path / "tutorial.html"
    page_file.write_text(html_page(scenario, audit(scenario, runs=20, seed=0)), encoding="utf-8")
    requested = []
    with chromium(viewport={"width": 1400, "height": 900}) as browser:
        page = browser.new_page()
        page.on("request", lambda request: requested.append(request.url))
        page.goto(page_file.as_uri())
        assert requested == [page_file.as_uri()]   # nothing fetched but the page itself
        box = page.locator("svg").bounding_box()
        assert box["width"] > 400 and box["height"] > 400
        path_edges = page.locator("g.edge.on-path path")
        assert path_edges.count() >= 5
        assert path_edges.first.evaluate("e => getComputedStyle(e).stroke") == EXPERT_BLUE
        page.hover("g.node[data-id='overlooked']")
        panel = page.locator("#panel")
        assert "overlooked" in panel.inner_text()
        assert "Helen has hardly spoken" in panel.inner_text()          # the narration
        assert "Greg, can I stop you there" in panel.inner_text()        # a choice
        page.focus("g.node[data-id='opening']")                         # the keyboard way
        assert "First night at the community centre" in panel.inner_text()
        shot = tmp_path / "graph.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 20_000


def test_in_headless_chromium_the_trouble_badge_shows_and_its_notes_are_in_the_panel(tmp_path, risky_page):
    chromium = browser_or_skip()
    page_file = tmp_path / "risky.html"
    page_file.write_text(risky_page, encoding="utf-8")
    with chromium(viewport={"width": 1200, "height": 800}) as browser:
        page = browser.new_page()
        page.goto(page_file.as_uri())
        assert page.locator("g.node.trouble .badge").first.is_visible()
        page.hover("g.node.trouble")
        assert "the model judged a different need here" in page.locator("#panel").inner_text()
