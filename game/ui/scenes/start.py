"""Where the app starts: the screen the command asked for, and resuming an unfinished attempt.

The command loads the scenario it names before any window opens (`Request`); the window only
chooses its first screen from it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class Request:
    scenario: object = None      # a loaded Scenario, or None for the menu
    path: str = ""
    at: str | None = None        # play --at: the moment to practise (a node id)


def first_scene(app, request: Request):
    screens = app.navigator
    if getattr(app.args, "resume", False):
        return _resume_requested(app) or screens.scene("menu", notice=app.notice)
    if request.scenario is not None:
        return screens.scene("briefing", request.scenario, request.path, at=request.at)
    return screens.scene("menu")


def _resume_requested(app):
    records = app.records
    if records is None:
        app.notice = "Resuming needs the records (they are off for this run)."
        return None
    waiting = records.unfinished(app.learner or None)
    wanted = getattr(app.args, "scenario", None)
    if wanted:
        waiting = [a for a in waiting if a.scenario_id == wanted or a.scenario_path == wanted
                   or Path(a.scenario_path or "").stem == Path(wanted).stem]
    if not waiting:
        app.notice = "There is no unfinished attempt to resume."
        return None
    scene, problem = resume_scene(app, waiting[0], [])
    if scene is None:
        app.notice = problem
    return scene


def resume_scene(app, attempt, entries):
    """(the play screen continuing the attempt, None) or (None, why it cannot be resumed)."""
    from game.engine import SaveMismatch
    from game.records import resume
    from game.ui.attempts import listening

    scenario, path = _scenario_of(attempt, entries)
    if scenario is None:
        return None, f"The scenario of that attempt ({attempt.scenario_id}) cannot be loaded now."
    try:
        log = listening(resume(app.records, attempt, scenario))
    except SaveMismatch as err:
        return None, f"That attempt cannot be resumed: {err}."
    return app.navigator.scene("play", log.session, log=log, path=path, resumed=True), None


def _scenario_of(attempt, entries):
    """(scenario, its file) for an attempt: the file it was played from, else the library's
    entry with its id, else the shipped scenario of that id; (None, ...) when none loads."""
    from game.scenario import load_path
    from game.ui.library import SHIPPED

    scenario, path = None, attempt.scenario_path
    if path and Path(path).exists():
        scenario = _loaded(load_path, path)
    if scenario is None:
        entry = next((e for e in entries if e.ok and e.id == attempt.scenario_id), None)
        if entry is not None:
            scenario, path = entry.scenario, str(entry.path)
    if scenario is None:
        shipped = SHIPPED / f"{attempt.scenario_id}.yaml"
        scenario = _loaded(load_path, shipped) if shipped.exists() else None
        path = str(shipped)
    return scenario, path


def _loaded(load_path, path):
    """The scenario in a file, or None: a file the loader cannot cope with is only unresumable."""
    try:
        return load_path(path).scenario
    except Exception:
        return None
