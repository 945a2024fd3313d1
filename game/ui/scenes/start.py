"""Where the app starts: what the command line asked for, and resuming an unfinished attempt."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class StartProblem(Exception):
    """The scenario named on the command line cannot be played (message says why)."""


@dataclass
class Request:
    scenario: object = None      # a loaded Scenario, or None for the menu
    path: str = ""


def prepare(args) -> Request:
    """Load the scenario named on the command line before any window opens."""
    from game.commands.common import CommandError, load_for_play

    if getattr(args, "resume", False) or not getattr(args, "scenario", None):
        return Request()
    try:
        scenario, result = load_for_play(args.scenario)
    except CommandError as err:
        raise StartProblem(str(err)) from None
    return Request(scenario, str(result.path))


def first_scene(app, request: Request):
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.menu import MenuScene

    if getattr(app.args, "resume", False):
        return _resume_requested(app) or MenuScene(app, notice=app.notice)
    if request.scenario is not None:
        return BriefingScene(app, request.scenario, request.path)
    return MenuScene(app)


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
    """(PlayScene continuing the attempt, None) or (None, why it cannot be resumed)."""
    from game.engine import SaveMismatch
    from game.records import resume
    from game.scenario import load_path
    from game.ui.attempts import listening
    from game.ui.scenes.play import PlayScene

    scenario, path = None, attempt.scenario_path
    if path and Path(path).exists():
        scenario = _loaded(load_path, path)
    if scenario is None:
        entry = next((e for e in entries if e.ok and e.id == attempt.scenario_id), None)
        if entry is not None:
            scenario, path = entry.scenario, str(entry.path)
    if scenario is None:
        from game.commands.common import SHIPPED
        shipped = SHIPPED / f"{attempt.scenario_id}.yaml"
        scenario = _loaded(load_path, shipped) if shipped.exists() else None
        path = str(shipped)
    if scenario is None:
        return None, f"The scenario of that attempt ({attempt.scenario_id}) cannot be loaded now."
    try:
        log = listening(resume(app.records, attempt, scenario))
    except SaveMismatch as err:
        return None, f"That attempt cannot be resumed: {err}."
    return PlayScene(app, log.session, log=log, path=path, resumed=True), None


def _loaded(load_path, path):
    """The scenario in a file, or None: a file the loader cannot cope with is only unresumable."""
    try:
        return load_path(path).scenario
    except Exception:
        return None
