"""What several commands share: loading a scenario for play, and failing with one clear line.

The scenario format is imported inside the functions that need it, not at the top: `play`
parses --seed and --port with this module before the menu's first frame, and loading the
format (pydantic) costs ~140 ms there.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.scenario import LoadResult, Scenario

SHIPPED = Path(__file__).resolve().parents[2] / "scenarios"
# A seed is kept in records and traces as a 64-bit signed integer, so that is what one may be.
SEED_MIN, SEED_MAX = -(2 ** 63), 2 ** 63 - 1
_WHOLE = re.compile(r"[+-]?[0-9]{1,30}")


class CommandError(Exception):
    """A problem to report in one line and exit 1 (never a traceback)."""


def resolve_scenario_path(name: str) -> Path:
    """A path as given, or the id/name of a shipped scenario (`grief-week3`)."""
    path = Path(name)
    if path.exists() or path.suffix in (".yaml", ".yml"):
        return path
    shipped = SHIPPED / f"{name}.yaml"
    return shipped if shipped.exists() else path


def load_for_play(name: str) -> tuple[Scenario, LoadResult]:
    """The scenario, or a CommandError listing its first problems."""
    from game.scenario import load_path   # imported here: see the module's docstring

    result = load_path(resolve_scenario_path(name))
    if result.scenario is None:
        shown = [d.format_text(result.path) for d in result.errors[:5]]
        more = len(result.errors) - len(shown)
        if more > 0:
            shown.append(f"... and {more} more (run: python main.py validate {result.path})")
        raise CommandError("\n".join(shown))
    return result.scenario, result


def fail(command: str, message: str) -> int:
    print(f"{command}: {message}" if "\n" not in message else message, file=sys.stderr)
    return 1


def whole_number(low: int, high: int):
    """An argparse type: a whole number from `low` to `high`, else a one-line usage error.

    Checked as text first, so a 5,000-digit argument is refused in one short line (Python
    would refuse to read it, and argparse would echo all of it)."""
    def parse(text: str) -> int:
        value = int(text) if _WHOLE.fullmatch(text.strip()) else None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected a whole number from {low:,} to {high:,}, got "
                                             f"{quoted(text, 30)}")
        return value
    parse.__name__ = "number"
    return parse


seed_number = whole_number(SEED_MIN, SEED_MAX)


def parse_choices(text: str) -> list[int]:
    """'1,2,1' -> [1, 2, 1]; CommandError for anything else."""
    if not text.strip():
        return []
    parts = [part.strip() for part in text.split(",")]
    if all(re.fullmatch(r"[+-]?[0-9]{1,18}", part) for part in parts):
        return [int(part) for part in parts]
    raise CommandError(f"--choices takes numbers separated by commas, like 1,2,1 (got {quoted(text)})")


def quoted(text: str, limit: int | None = None) -> str:
    """`text` as a message quotes it: shortened, every hidden character shown (the format's
    helpers, imported only when a message needs them)."""
    from game.scenario.characters import visible
    from game.scenario.diagnostics import excerpt

    return visible(excerpt(text) if limit is None else excerpt(text, limit))
