"""The window, as `play` and `play --classroom` open it: the scenario named is loaded before it
opens (a broken file is one line on the terminal, not an empty window), and the records and the
learner's name are opened here and handed in: the window never reads the command line's
records options itself."""
from __future__ import annotations


def run_window(args) -> int:
    """The window: the scenario named is loaded before it opens (a broken file is one line on
    the terminal, not an empty window), and the records and the learner's name are handed in."""
    from .common import CommandError, fail

    try:
        request = prepare(args)
    except CommandError as err:
        return fail("play", str(err))
    try:
        from game.ui.app import run_app
    except ImportError as err:
        return fail("play", f"the graphical front end is not available ({err}); try --text")
    from .opening import learner_name, open_records

    records = open_records(args)
    return run_app(args, request, records, learner_name(args, records, ask=False))


def prepare(args):
    """What the window opens on: the scenario named on the command line, loaded (none: the
    menu, or --resume's unfinished attempt)."""
    from game.ui.scenes.start import Request

    from .common import CommandError, load_for_play

    if getattr(args, "resume", False) or not getattr(args, "scenario", None):
        return Request()
    scenario, result = load_for_play(args.scenario)
    at = getattr(args, "at", None)
    if at and at not in scenario.nodes:
        raise CommandError(f"cannot start at '{at}' in {scenario.id}: there is no such node")
    return Request(scenario, str(result.path), at)
