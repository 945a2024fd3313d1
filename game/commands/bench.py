"""`bench [--json]`: the performance figures, each next to its baseline measured in this run."""
from __future__ import annotations

import json
import os
import sys


def add_arguments(parser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quick", action="store_true", help="shorter measurements (less stable)")


def run(args) -> int:
    from game.bench.report import collect, format_text

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    figures = collect(quick=args.quick, progress=None if args.json else sys.stderr)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(format_text(figures))
    return 0
