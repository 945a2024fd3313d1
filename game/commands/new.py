"""`new ID [-o FILE]`: a starter scenario that validates cleanly (even with --strict).

Without -o the file goes to stdout, written for scenarios/ID.yaml; with -o it is written there,
never over an existing file, with the editor's schema path and the example commands in its
comments made right for that place.
"""
from __future__ import annotations

import sys
from pathlib import Path

from game.authoring.starter import BadScenarioId, starter_text

from .common import fail


def add_arguments(parser) -> None:
    parser.add_argument("id", metavar="ID", help="the scenario id: lowercase letters, digits, - and _")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (refuses to overwrite)")


def run(args) -> int:
    try:
        text = starter_text(args.id, args.output or None)
    except BadScenarioId as err:
        return fail("new", str(err))
    if not args.output:
        sys.stdout.write(text)
        return 0
    path = Path(args.output)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        return fail("new", f"{path} already exists; not overwriting it (choose another name, or delete it first)")
    except OSError as err:
        return fail("new", f"cannot write {path}: {err.strerror or err}")
    print(f"wrote {path}", file=sys.stderr)
    return 0
