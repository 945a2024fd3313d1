"""`screenshot --screen progress [--data-dir DIR] [--learner NAME] --out FILE.png`: the progress
screen, headless, over a records folder as it is (opened read-only if it is in use).

The window's own settings (theme, text size) are kept in a folder of their own for the picture,
so taking one never changes how the learner's window looks.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile

from game.scenario.characters import visible

from .common import CommandError, fail
from .opening import folder_name

SCREENS = ("play", "progress")
FRAMES = 3      # the first frame shows the screen, the next counts the attempts, the last draws them


def add_screen_arguments(parser) -> None:
    parser.add_argument("--screen", choices=SCREENS, default="play",
                        help="which screen: the play screen of SCENARIO (default), or your progress")
    parser.add_argument("--data-dir", type=folder_name,
                        help="--screen progress: the records folder (default: the user data folder)")
    parser.add_argument("--learner", help="--screen progress: whose attempts (default: the name given when playing)")


def run_screen(args, check_out) -> int:
    """`check_out(path)` is the screenshot command's own check of --out (CommandError)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    if args.scenario:
        return fail("screenshot", "--screen progress shows no scenario; leave SCENARIO out")
    try:
        check_out(args.out)
    except CommandError as err:
        return fail("screenshot", str(err))
    from game.records import Records, RecordsUnavailable
    try:
        records = Records(args.data_dir, patience=1.0)
    except (RecordsUnavailable, ValueError) as err:
        return fail("screenshot", str(err))
    import pygame
    try:
        learner = args.learner if args.learner is not None else (records.setting("learner", kind=str) or "")
        shown = render_progress(records, learner, args)
    except OSError as err:
        return fail("screenshot", f"cannot write {visible(args.out)}: {err.strerror or err}")
    except pygame.error as err:
        return fail("screenshot", f"cannot write {visible(args.out)}: {err}")
    finally:
        records.close()
    for problem in shown.problems:
        print(f"screenshot: {problem}", file=sys.stderr)
    print(f"wrote {args.out} ({args.size[0]}x{args.size[1]}, progress of {learner or 'everyone'}: "
          f"{shown.attempts} attempt{'s' if shown.attempts != 1 else ''})")
    return 0


def render_progress(records, learner: str, args):
    """Draw the progress screen into a dummy window of args.size, save it; its Progress."""
    import pygame

    from .still import still_app
    from game.ui.scenes.progress import ProgressScene

    with tempfile.TemporaryDirectory() as folder:
        app = still_app(args, folder, records=records, learner=learner)
        try:
            scene = ProgressScene(app)
            app.show(scene)
            for _ in range(FRAMES):
                app.step([], 1 / 60)
            pygame.image.save(app.window, args.out)
            return scene.progress
        finally:
            pygame.quit()
