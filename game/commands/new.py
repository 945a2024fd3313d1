"""`new ID [-o FILE]`: a starter scenario that validates cleanly (even with --strict).

Without -o the file goes to stdout; with -o it is written, never over an existing file.
"""
from __future__ import annotations

import sys
from pathlib import Path

from game.authoring.starter import SCHEMA_NOTE, BadScenarioId, starter_text

from .common import fail

SCHEMA_FROM_FILE = Path("..") / "assets" / "scenario.schema.json"


def add_arguments(parser) -> None:
    parser.add_argument("id", metavar="ID", help="the scenario id: lowercase letters, digits, - and _")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (refuses to overwrite)")


def run(args) -> int:
    try:
        text = starter_text(args.id)
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
    if not (path.parent / SCHEMA_FROM_FILE).is_file():
        print(f"note: {SCHEMA_NOTE}", file=sys.stderr)
    return 0
