"""`graph SCENARIO [--format mermaid|dot]`: the scenario's graph, from its state machine.

Mermaid comes as a fenced block that pastes into Markdown (GitHub, GitLab and many editors draw
it); DOT renders with Graphviz: `python main.py graph s.yaml --format dot | dot -Tsvg > s.svg`.
"""
from __future__ import annotations

from game.authoring.graph import RENDERERS, render

from .common import CommandError, fail, load_for_play


def add_arguments(parser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", help="a scenario file (or a shipped scenario's id)")
    parser.add_argument("--format", choices=tuple(RENDERERS), default="mermaid", help="output format (default mermaid)")


def run(args) -> int:
    try:
        scenario, _ = load_for_play(args.scenario)
    except CommandError as err:
        return fail("graph", str(err))
    print(render(scenario, args.format), end="")
    return 0
