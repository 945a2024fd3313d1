"""`validate PATH... [--strict] [--format text|json]`: check scenario files.

Text: one line per problem, `PATH:LINE:COL: error: [code] message`. JSON: a list of
{path, line, col, severity, code, message}. Exit 0 when clean, 1 on problems, 2 on bad usage.
A file that loads has its path tests (`paths:`) played as well: each expectation that fails is
a `path-failed` error at its entry's line.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from game.authoring.paths import path_diagnostics
from game.scenario import Diagnostic, load_path
from game.scenario.characters import visible


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a scenario file or a folder of *.yaml")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def scenario_files(path: str) -> list[str]:
    """A file as given, or the `*.yaml` files of a folder (sorted, as given + name)."""
    folder = Path(path)
    if folder.is_dir():
        return [str(p) for p in sorted(folder.glob("*.yaml"))]
    return [path]


def _same_id(scenario_id: str, file: str, owners: dict[str, str]) -> list[Diagnostic]:
    """Scenario ids are unique among the files loaded together (the menu shows them side by side)."""
    if scenario_id in owners:
        message = f"scenario id '{scenario_id}' is already used by {owners[scenario_id]}"
        return [Diagnostic("duplicate-scenario", message, _id_line(file), 1)]
    owners[scenario_id] = file
    return []


def _id_line(file: str) -> int:
    """The line of the top-level `id:` key (the file has loaded, so it is there)."""
    text = Path(file).read_text(encoding="utf-8-sig", errors="replace")
    match = re.search(r"^id\s*:", text, flags=re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def run(args) -> int:
    files = [f for path in args.paths for f in scenario_files(path)]
    if not files:
        print(f"validate: no *.yaml files in {visible(' '.join(args.paths))}", file=sys.stderr)
        return 1
    problems, failed, owners, tested = [], False, {}, 0
    for file in files:
        result = load_path(file)
        found = list(result.diagnostics)
        if result.scenario is not None:
            found += _same_id(result.scenario.id, file, owners)
            found += path_diagnostics(result.scenario)
            tested += len(result.scenario.paths)
        for diagnostic in found:
            problems.append((file, diagnostic))
            failed |= diagnostic.is_error or args.strict
    if args.format == "json":
        print(json.dumps([d.as_dict(f) for f, d in problems], indent=2))
    else:
        for file, diagnostic in problems:
            print(diagnostic.format_text(file))
        if not problems:
            passed = f", {tested} path test{'s' if tested != 1 else ''} passed" if tested else ""
            print(f"{len(files)} file{'s' if len(files) != 1 else ''} OK{passed}", file=sys.stderr)
    return 1 if failed else 0
