"""What several commands share: loading a scenario for play, and failing with one clear line."""
from __future__ import annotations

import sys
from pathlib import Path

from game.scenario import LoadResult, Scenario, load_path

SHIPPED = Path(__file__).resolve().parents[2] / "scenarios"


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


def parse_choices(text: str) -> list[int]:
    """'1,2,1' -> [1, 2, 1]; CommandError for anything else."""
    if not text.strip():
        return []
    try:
        return [int(part) for part in text.split(",")]
    except ValueError:
        raise CommandError(f"--choices takes numbers separated by commas, like 1,2,1 (got '{text}')")
