"""`graph SCENARIO [--format mermaid|dot|html] [-o FILE]`: the scenario's graph.

Mermaid comes as a fenced block that pastes into Markdown (GitHub, GitLab and many editors draw
it); DOT renders with Graphviz: `python main.py graph s.yaml --format dot | dot -Tsvg > s.svg`.
HTML is one self-contained page (game/authoring/graph_html.py) that needs nothing installed:
the layered drawing with the expert path highlighted and the audit's trouble marked, so it plays
the audit first (`--runs` per policy, from `--seed`).
"""
from __future__ import annotations

import sys
from pathlib import Path

from game.authoring.graph import RENDERERS, render

from .common import CommandError, fail, load_for_play, seed_number, whole_number

FORMATS = (*RENDERERS, "html")


def add_arguments(parser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", help="a scenario file (or a shipped scenario's id)")
    parser.add_argument("--format", choices=FORMATS, default="mermaid", help="output format (default mermaid)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    parser.add_argument("--runs", type=whole_number(1, 10_000), default=200,
                        help="html: the audit's runs per policy (default 200, as simulate --audit)")
    parser.add_argument("--seed", type=seed_number, default=0, help="html: the audit's and the expert path's seed")


def run(args) -> int:
    try:
        scenario, _ = load_for_play(args.scenario)
    except CommandError as err:
        return fail("graph", str(err))
    if args.format == "html":
        from game.authoring.audit import audit
        from game.authoring.graph_html import html_page
        text = html_page(scenario, audit(scenario, runs=args.runs, seed=args.seed), seed=args.seed)
    else:
        text = render(scenario, args.format)
    if not args.output:
        print(text, end="")
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as err:
        return fail("graph", f"cannot write {args.output}: {err.strerror or err}")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0
