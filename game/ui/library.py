"""The scenario library the menu shows: shipped scenarios plus the learner's own folder.

Every `*.yaml` / `*.yml` file becomes an entry, loaded or not: a file with errors is listed with
its first error (so an instructor sees why their scenario is missing), never hidden and never
fatal. Two files with the same id: the second is an entry with that error. No pygame here.

The scenario format is imported when the first file is loaded, not with this module: the menu
lists the files and shows its first frame before it reads any, and loading the format
(pydantic) would cost ~140 ms before that frame.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from game.ui.printable import visible

if TYPE_CHECKING:
    from game.scenario import Scenario

SHIPPED = Path(__file__).resolve().parents[2] / "scenarios"
USER_FOLDER = "scenarios"   # inside the data folder
LOADED: dict[tuple, "Entry"] = {}   # (path, mtime, size) -> entry: an unchanged file is loaded once


@dataclass
class Entry:
    path: Path
    source: str                       # "shipped" or "yours"
    scenario: Scenario | None = None
    problems: list[str] = field(default_factory=list)   # formatted errors, first first
    attempts: int = 0
    best: str | None = None           # the best outcome so far
    best_safe: bool = True            # ...and whether it was reached without a missed risk

    @property
    def ok(self) -> bool:
        return self.scenario is not None

    @property
    def id(self) -> str:
        return self.scenario.id if self.scenario else self.path.stem

    @property
    def title(self) -> str:
        """The scenario's title, or its file's name when the title has nothing visible in it."""
        title = self.scenario.display_title if self.scenario else ""
        return title if visible(title) else self.path.name

    @property
    def first_problem(self) -> str:
        return self.problems[0] if self.problems else ""


def user_folder(data_dir: Path) -> Path:
    return Path(data_dir) / USER_FOLDER


def scenario_files(folders: list[tuple[Path, str]]) -> list[tuple[Path, str]]:
    """(file, source) for every scenario file in the folders, each folder sorted by name, the
    tutorial first: it is where a new student should start."""
    found = []
    for folder, source in folders:
        try:
            files = sorted((p for p in Path(folder).iterdir()
                            if p.suffix.lower() in (".yaml", ".yml") and p.is_file()),
                           key=lambda p: (p.stem != "tutorial", p.name))
        except OSError:
            continue
        found.extend((path, source) for path in files)
    return found


def load_entry(path: Path, source: str) -> Entry:
    """One file as a menu entry; never raises."""
    from game.scenario import load_path   # imported here: see the module's docstring

    try:
        result = load_path(path)
    except Exception as err:  # a bug in loading must not take the menu down
        return Entry(path, source, None, [f"could not be loaded: {err.__class__.__name__}: {err}"])
    if result.scenario is None:
        problems = [_short(d) for d in result.errors] or ["could not be loaded"]
        return Entry(path, source, None, problems)
    return Entry(path, source, result.scenario)


def _short(diagnostic) -> str:
    return f"line {diagnostic.line}: [{diagnostic.code}] {diagnostic.message}"


def mark_duplicates(entries: list[Entry]) -> None:
    """A scenario id already taken by an earlier entry makes the later one an error entry."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        if not entry.ok:
            continue
        first = seen.get(entry.id)
        if first is None:
            seen[entry.id] = entry
            continue
        entry.problems = [f"[duplicate-id] the id '{entry.id}' is already used by {first.path.name}"]
        entry.scenario = None


def apply_records(entries: list[Entry], best_outcomes: dict) -> None:
    """Attempts and the best outcome so far, from Records.best_outcomes."""
    for entry in entries:
        if entry.ok:
            entry.attempts, entry.best = best_outcomes.get(entry.id, (0, None))


def apply_endings(entries: list[Entry], best_endings: dict) -> None:
    """Attempts and the best ending so far, from Records.best_endings: its outcome, and
    whether it was safe (an unsafe growth is never shown as a good one)."""
    for entry in entries:
        if entry.ok:
            count, best = best_endings.get(entry.id, (0, None))
            entry.attempts, entry.best = count, best.outcome if best else None
            entry.best_safe = best is None or getattr(best, "safe", None) is not False


def load_library(data_dir: Path | None, shipped: Path = SHIPPED) -> list[Entry]:
    """Every entry at once (the menu loads them one a frame instead, see MenuScene)."""
    entries = [load_entry(path, source) for path, source in scenario_files(folders(data_dir, shipped))]
    mark_duplicates(entries)
    return entries


def folders(data_dir: Path | None, shipped: Path = SHIPPED) -> list[tuple[Path, str]]:
    chosen = [(shipped, "shipped")]
    if data_dir is not None:
        chosen.append((user_folder(data_dir), "yours"))
    return chosen
