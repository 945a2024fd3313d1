"""The command line: `python main.py COMMAND ...` (or the `circle` console script).

Each command lives in its own module under game/commands/ and registers its arguments here.
Bare `python main.py` opens the menu. Usage errors exit 2, problems 1; no traceback reaches a
user: an unexpected error prints one line and a hint.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

# pygame prints a greeting on stdout when imported; stdout is for JSON and traces here.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

# command -> (module under game.commands, one-line help). Modules load lazily so that
# `validate` never pays for pygame and a missing front end never breaks the others.
COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("play", "play a scenario (bare `python main.py` opens the menu)"),
    "validate": ("validate", "check scenario files against format v1"),
    "run": ("run", "play given choices headless and print the JSON trace"),
    "simulate": ("simulate", "many seeded headless playthroughs with a policy"),
    "graph": ("graph", "the scenario's graph as Mermaid, DOT or a self-contained HTML page"),
    "schema": ("schema", "the JSON Schema of the scenario format"),
    "new": ("new", "write a starter scenario"),
    "screenshot": ("screenshot", "render the play screen headless to a PNG"),
    "bench": ("bench", "performance figures, each next to its baseline"),
    "report": ("report", "an attempt's debrief, or all attempts, as HTML/Markdown/CSV/JSON"),
    "progress": ("progress", "your skills across attempts, the moments missed most, what to practise next"),
    "class-report": ("class_report", "a class's exported attempts as one HTML report"),
    "records": ("records", "statements waiting for a learning record store: sync them, or set where they go"),
}


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on bad usage, as the contract wants; keep its message to one block."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, just that command's arguments are loaded (a faster start:
    each command module imports what it needs, and `play` should not wait for the others)."""
    parser = _Parser(prog="circle", description="Circle: lead or follow a simulated therapy group.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        if only in (None, name):
            importlib.import_module(f"game.commands.{module}").add_arguments(command_parser)
            _check_seeds(command_parser)
    return parser


def _check_seeds(command_parser: argparse.ArgumentParser) -> None:
    """Every command's --seed is a 64-bit signed number: records and traces keep it as one, so
    a larger one must be a usage error here, not a failure later."""
    from game.commands.common import seed_number

    for action in command_parser._actions:
        if "--seed" in action.option_strings and action.type is int:
            action.type = seed_number


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        argv = ["play"]
    parser = build_parser(argv[0] if argv[0] in COMMANDS else None)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    command = importlib.import_module(f"game.commands.{COMMANDS[args.command][0]}")
    try:
        return int(command.run(args) or 0)
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:  # the last line of defence: one clear line, never a traceback
        print(f"circle {args.command}: unexpected error: {err.__class__.__name__}: {err}", file=sys.stderr)
        print("Please report this with the command you ran.", file=sys.stderr)
        return 1
