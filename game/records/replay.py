"""An attempt played again: its scenario found, its choices replayed, or why that failed.

The records keep only the choices; everything a report shows (the decisions, the needs, the
chart) is rebuilt by replaying them, exactly as a save is loaded. When the scenario file is
gone or has changed so that the choices no longer replay, the reason is kept so a report can
say so and still show what was stored.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.engine import SaveMismatch, Session
from game.engine.reaction import OfferedChoice
from game.scenario import Scenario, load_path

from .store import Attempt


class ScenarioFinder:
    """The scenario an attempt was played on: its own file first, else a shipped one by id.

    Loads are cached, since a report replays many attempts of the same few scenarios.
    """

    def __init__(self, folders: list[str | Path] = ()):
        self.folders = [Path(f) for f in folders]
        self._loaded: dict[Path, tuple[Scenario | None, str]] = {}

    def find(self, attempt: Attempt) -> tuple[Scenario | None, str | None]:
        """(scenario, None) or (None, why not)."""
        problems = []
        for path in self._candidates(attempt):
            scenario, problem = self._load(path)
            if scenario is not None and scenario.id == attempt.scenario_id:
                return scenario, None
            problems.append(problem or f"{path} now holds scenario '{scenario.id}'")
        if not problems:
            return None, f"the scenario file for '{attempt.scenario_id}' was not found"
        return None, "; ".join(problems)

    def _candidates(self, attempt: Attempt) -> list[Path]:
        paths = [Path(attempt.scenario_path)] if attempt.scenario_path else []
        paths += [folder / f"{attempt.scenario_id}{suffix}" for folder in self.folders
                  for suffix in (".yaml", ".yml")]
        seen: list[Path] = []
        for path in paths:
            if path.is_file() and path.resolve() not in [p.resolve() for p in seen]:
                seen.append(path)
        return seen

    def _load(self, path: Path) -> tuple[Scenario | None, str]:
        key = path.resolve()
        if key not in self._loaded:
            result = load_path(path)
            problem = "" if result.scenario else f"{path} has {len(result.errors)} error(s) now"
            self._loaded[key] = (result.scenario, problem)
        return self._loaded[key]


@dataclass
class Replayed:
    """An attempt with its session rebuilt, or the reason it could not be."""

    attempt: Attempt
    scenario: Scenario | None = None
    session: Session | None = None
    problem: str | None = None               # why there is no session
    offered: list[list[OfferedChoice]] = field(default_factory=list)  # what each turn offered

    @property
    def ok(self) -> bool:
        return self.session is not None

    @property
    def scenario_changed(self) -> bool:
        """The file differs from the one played (the choices may still replay)."""
        return bool(self.scenario and self.attempt.scenario_digest
                    and self.attempt.scenario_digest != self.scenario.digest)

    def close(self) -> None:
        if self.session is not None:
            self.session.close()


def replay(attempt: Attempt, finder: ScenarioFinder) -> Replayed:
    """Find the attempt's scenario and replay its choices (SaveMismatch becomes `problem`)."""
    scenario, problem = finder.find(attempt)
    if scenario is None:
        return Replayed(attempt, problem=problem)
    try:
        session, _ = session_of(attempt, scenario)
    except SaveMismatch as err:
        return Replayed(attempt, scenario, problem=str(err))
    return Replayed(attempt, scenario, session, offered=_offered_each_turn(attempt, scenario))


def save_of(attempt: Attempt, practice: bool = True) -> dict:
    """The attempt as a save: its choices, and (unless `practice` is False) its tries and
    readings, so the replayed choices carry their retries and readings as when they were made."""
    save = {"version": 1, "scenario": attempt.scenario_id, "digest": attempt.scenario_digest,
            "seed": attempt.seed, "choices": attempt.choices}
    asked_every = attempt.play_settings.get("ask") == "every"
    if practice and (attempt.tries or attempt.readings or asked_every):
        save["practice"] = {"tries": [t.as_save() for t in attempt.tries],
                            "readings": [r.as_save() for r in attempt.readings], "ask_every": asked_every}
    return save


def session_of(attempt: Attempt, scenario: Scenario) -> tuple[Session, str | None]:
    """(the attempt's session, None), or, when its tries no longer replay on this file while
    its choices do, (the session without them, why). SaveMismatch when the choices do not."""
    try:
        session = Session.from_save(save_of(attempt), scenario)
    except SaveMismatch as err:
        if not (attempt.tries or attempt.readings):
            raise
        session = Session.from_save(save_of(attempt, practice=False), scenario)
        return _with_settings(session, attempt), f"its tries and readings could not be replayed ({err})"
    return _with_settings(session, attempt), None


def _with_settings(session: Session, attempt: Attempt) -> Session:
    session.play_settings = dict(attempt.play_settings)
    lead_in = session.play_settings.get("lead_in", 0)   # choices played for the trainee: not judged
    if isinstance(lead_in, int) and not isinstance(lead_in, bool) and 0 <= lead_in <= session.turn:
        session.lead_in = lead_in
    return session


def _offered_each_turn(attempt: Attempt, scenario: Scenario) -> list[list[OfferedChoice]]:
    return offered_each_turn(scenario, attempt.seed, attempt.choices)


def offered_each_turn(scenario: Scenario, seed: int, choices: list[int]) -> list[list[OfferedChoice]]:
    """The choices on offer before each choice (conditions applied then)."""
    session = Session(scenario, seed=seed)
    offered = []
    try:
        for number in choices:
            offered.append(list(session.choices))
            session.choose(number)
    finally:
        session.close()
    return offered
