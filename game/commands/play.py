"""`play [SCENARIO] [--text] [--presenter] [--fullscreen] [--seed N]`: play a scenario.

Bare `python main.py` opens the menu. `--text` plays in the terminal (no display needed).
"""
from __future__ import annotations

from .common import CommandError, fail, load_for_play


def add_arguments(parser) -> None:
    parser.add_argument("scenario", nargs="?", metavar="SCENARIO", help="a scenario file or shipped id; none opens the menu")
    parser.add_argument("--text", action="store_true", help="play in the terminal")
    parser.add_argument("--coach", action="store_true", help="(text) after each choice, say what the group needed")
    parser.add_argument("--presenter", action="store_true", help="classroom mode: fullscreen, larger text, coach and inner state on")
    parser.add_argument("--fullscreen", action="store_true", help="open fullscreen")
    parser.add_argument("--seed", type=int, default=0, help="the model's seed (default 0)")


def run(args) -> int:
    if args.text:
        return _play_text(args)
    try:
        from game.ui.app import run_app
    except ImportError as err:
        return fail("play", f"the graphical front end is not available ({err}); try --text")
    return run_app(args)


def _play_text(args) -> int:
    from game.engine import Session
    from game.text import TextPlay

    if not args.scenario:
        return _choose_text_scenario(args)
    try:
        scenario, _ = load_for_play(args.scenario)
    except CommandError as err:
        return fail("play", str(err))
    session = Session(scenario, seed=args.seed)
    return TextPlay(session, coach=args.coach or args.presenter).run()


def _choose_text_scenario(args) -> int:
    """No scenario named: list the shipped ones and ask."""
    from .common import SHIPPED

    files = sorted(SHIPPED.glob("*.yaml"))
    if not files:
        return fail("play", "no scenarios found")
    for number, path in enumerate(files, 1):
        print(f"  {number}. {path.stem}")
    try:
        answer = input(f"Scenario (1-{len(files)}): ").strip()
    except (EOFError, KeyboardInterrupt):
        print()
        return 0
    if not answer.isdigit() or not 1 <= int(answer) <= len(files):
        return fail("play", f"no scenario numbered '{answer}'")
    args.scenario = str(files[int(answer) - 1])
    return _play_text(args)
