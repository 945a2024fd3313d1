"""`graph`: the scenario's state machine as Mermaid (pasted into Markdown) or Graphviz DOT."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.graph import dot_string, graph_of, mermaid_label, render, to_dot, to_mermaid
from game.engine.machine import machine_for
from game.scenario import load_path, load_text

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))

SCENARIO = """\
format: 1
id: graph-test
title: 'Week "one": <the start>'
objectives: {share: Share the floor.}
members:
  - {id: ana, name: Ana}
  - {id: ben, name: Ben}
  - {id: cai, name: Cai}
  - {id: dee, name: Dee}
  - {id: eli, name: Eli}
  - {id: fay, name: Fay}
start: check-in
nodes:
  check-in:
    phase: opening
    choices:
      - {text: Open a round., stance: lead, expert: true, next: work_a}
      - text: Wait.
        stance: follow
        next:
          - {if: group.cohesion >= 0.5, goto: work-a}
          - goto: work_a
  work-a:
    phase: working
    choices:
      - {text: Link., stance: lead, next: good-end}
      - {text: Stay., stance: follow, if: turn > 1, next: bad_end}
  work_a:
    choices:
      - {text: Summarise., stance: lead, next: good-end}
      - {text: Let go., stance: follow, expert: true, next: bad_end}
  good-end:
    phase: closing
    ending: {outcome: breakthrough}
  bad_end:
    ending: {outcome: rupture}
"""

EDGE = re.compile(r'^\s+(\w+) (-->|-\.->)\|"([^"]*)"\| (\w+)$')


@pytest.fixture(scope="module")
def scenario():
    result = load_text(SCENARIO)
    assert result.scenario is not None, [d.message for d in result.errors]
    return result.scenario


def machine_transitions(scenario) -> list[tuple[str, str, str]]:
    machine = machine_for(scenario).machine
    return sorted((source, t.dest, name) for name, event in machine.events.items()
                  for source, ts in event.transitions.items() for t in ts)


def mermaid_edges(text: str) -> list[tuple[str, str, str, str]]:
    return [m.groups() for line in text.splitlines() if (m := EDGE.match(line))]


# -- Mermaid -------------------------------------------------------------------------------------

def test_mermaid_is_a_fenced_flowchart_block_for_markdown(scenario):
    text = to_mermaid(graph_of(scenario))
    lines = text.splitlines()
    assert lines[0] == "```mermaid" and lines[-1] == "```"
    assert "flowchart TD" in lines


def test_every_transition_of_the_machine_is_drawn_once(scenario):
    graph = graph_of(scenario)
    keys = {n.key: n.id for n in graph.nodes}
    drawn = sorted((keys[a], keys[b], "choice_" + label.split()[0])
                   for a, _, label, b in mermaid_edges(to_mermaid(graph)))
    assert drawn == machine_transitions(scenario)


def test_edges_are_labelled_with_the_written_number_stance_and_condition_markers(scenario):
    labels = {(a, b): (arrow, label) for a, arrow, label, b in mermaid_edges(render(scenario))}
    graph = graph_of(scenario)
    key = graph.key
    assert labels[(key("check-in"), key("work-a"))] == ("-.->", "2 follow if")
    assert labels[(key("check-in"), key("work_a"))][1] in ("1 lead ★", "2 follow else")
    assert labels[(key("work-a"), key("bad_end"))] == ("-.->", "2 follow if")
    assert labels[(key("work_a"), key("bad_end"))] == ("-->", "2 follow ★")


def test_node_ids_with_hyphens_get_distinct_safe_keys_and_keep_their_names(scenario):
    graph = graph_of(scenario)
    keys = [n.key for n in graph.nodes]
    assert len(set(keys)) == len(keys) == len(scenario.nodes)
    assert all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", k) for k in keys)
    text = render(scenario)
    for node_id in scenario.nodes:
        assert f'"{node_id}' in text  # the label shows the id as written


def test_labels_are_escaped_for_mermaid_and_dot():
    assert '"' not in mermaid_label('say "hi" <now>') and "<" not in mermaid_label("<b>")
    assert mermaid_label('a "b"') == "a #quot;b#quot;"
    assert dot_string('a "b" \\ c') == '"a \\"b\\" \\\\ c"'


def test_phases_are_subgraphs_holding_their_nodes(scenario):
    text = render(scenario)
    blocks = re.findall(r'subgraph phase_(\w+)\["[^"]*"\]\n(.*?)\n  end', text, re.S)
    graph = graph_of(scenario)
    for phase, body in blocks:
        inside = set(re.findall(r"^\s+(\w+)[\[(]", body, re.M))
        assert inside == {n.key for n in graph.nodes if n.phase == phase}
    assert {phase for phase, _ in blocks} == {"opening", "working", "closing"}


def test_endings_are_styled_by_outcome(scenario):
    text = render(scenario)
    graph = graph_of(scenario)
    assert f"class {graph.key('good-end')} breakthrough" in text
    assert f"class {graph.key('bad_end')} rupture" in text
    assert "classDef growth" not in text  # only outcomes the scenario has


def test_title_with_quotes_and_colon_stays_valid_front_matter(scenario):
    title_line = next(line for line in render(scenario).splitlines() if line.startswith("title:"))
    assert title_line == 'title: "Week \\"one\\": <the start>"'


# -- DOT -----------------------------------------------------------------------------------------

def test_dot_has_one_cluster_per_phase_and_every_transition(scenario):
    text = to_dot(graph_of(scenario))
    assert text.startswith('digraph "Week \\"one\\": <the start>" {') and text.rstrip().endswith("}")
    assert text.count("{") == text.count("}")
    assert sorted(re.findall(r"subgraph cluster_(\w+)", text)) == ["closing", "opening", "working"]
    edges = [line for line in text.splitlines() if " -> " in line and "start_marker" not in line]
    assert len(edges) == len(machine_transitions(scenario))
    assert "doubleoctagon" in text


# -- the command line and the shipped scenarios --------------------------------------------------

def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)


def test_cli_prints_both_formats_and_refuses_an_unknown_one(tmp_path):
    path = tmp_path / "graph.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    mermaid = cli("graph", str(path))
    assert mermaid.returncode == 0 and mermaid.stdout.startswith("```mermaid")
    dot = cli("graph", str(path), "--format", "dot")
    assert dot.returncode == 0 and dot.stdout.startswith("digraph")
    assert cli("graph", str(path), "--format", "svg").returncode == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text(SCENARIO.replace("next: good-end", "next: good_end"), encoding="utf-8")
    out = cli("graph", str(broken))
    assert out.returncode == 1 and "unknown-node" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_shipped_scenario_graph_draws_its_whole_machine(path):
    scenario = load_path(path).scenario
    assert scenario is not None, f"{path.name} does not load: run validate"
    graph = graph_of(scenario)
    assert len(mermaid_edges(to_mermaid(graph))) == len(machine_transitions(scenario))
    outcomes = {n.outcome for n in graph.nodes if n.outcome}
    assert all(f"classDef {o} " in to_mermaid(graph) for o in outcomes)
