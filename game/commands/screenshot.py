"""`screenshot SCENARIO [--node ID] [--size WxH] [--theme T] --out FILE.png [--layout FILE.json]`: the play
screen, headless; with --layout, also a JSON of what was drawn where (see game.ui.drawn_layout).

The session is brought to the node by playing: the shortest path of choices from the start that
arrives there (found by replaying choices with the engine), so the room, the transcript and the
meters are what a trainee would see. A node no path reaches is shown with the group as it
starts, and a note says so. Every line of the node is shown, as when the choices open. Exit 1
for a scenario that does not load or a node it does not have; 2 for bad usage.
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys
import tempfile
from pathlib import Path

from game.scenario.characters import visible

from . import screenshot_practice as practice
from .common import CommandError, fail, load_for_play, seed_number

THEMES = ("light", "dark", "high_contrast")
TEXT_SIZES = ("small", "normal", "large", "presenter")


def window_size(text: str) -> tuple[int, int]:
    """'1280x720' -> (1280, 720); anything else is a usage error."""
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x720, got '{text}'")
    width, height = int(match.group(1)), int(match.group(2))
    if not (160 <= width <= 8192 and 90 <= height <= 8192):
        raise argparse.ArgumentTypeError(f"size {width}x{height} is outside 160x90 .. 8192x8192")
    return width, height


def add_arguments(parser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", nargs="?",
                        help="a scenario file (or a shipped scenario's id); not with --screen progress")
    parser.add_argument("--node", help="the node to show (default: the start)")
    parser.add_argument("--size", type=window_size, default=(1280, 720), metavar="WxH",
                        help="the image size (default 1280x720); the screen is letterboxed into it")
    parser.add_argument("--theme", choices=THEMES, default="light", help="colour theme (default light)")
    parser.add_argument("--text-size", choices=TEXT_SIZES, default="normal", help="text size (default normal)")
    parser.add_argument("--meters", action="store_true", help="show the group's meters")
    parser.add_argument("--inner-state", action="store_true", help="show each member's numbers and thoughts")
    parser.add_argument("--seed", type=seed_number, default=0, help="the model's seed (default 0)")
    parser.add_argument("--out", required=True, metavar="FILE.png", help="where to write the PNG")
    parser.add_argument("--layout", metavar="FILE.json",
                        help="also write what was drawn where: each member's body and face, each bubble, in pixels")
    from .screenshot_progress import add_screen_arguments
    add_screen_arguments(parser)
    from .screenshot_debrief import add_debrief_arguments
    add_debrief_arguments(parser)
    practice.add_practice_arguments(parser)
    parser.epilog = ("--node is reached by playing: the shortest path of choices from the start that arrives "
                     "there. A node no path reaches is shown with the group as it starts (a note says so).")


def run(args) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    if getattr(args, "screen", "play") != "play":
        from .screenshot_progress import run_screen
        return run_screen(args, check_out)
    try:
        check_out(args.out)
        if getattr(args, "layout", None):
            check_out(args.layout, "--layout")
        if not args.scenario:
            raise CommandError("give a SCENARIO (or --screen progress)")
        scenario, result = load_for_play(args.scenario)
    except CommandError as err:
        return fail("screenshot", str(err))
    if getattr(args, "debrief", False):
        from .screenshot_debrief import run as run_debrief
        return run_debrief(scenario, args, str(result.path))
    if args.node and args.node not in scenario.nodes:
        near = difflib.get_close_matches(args.node, list(scenario.nodes), n=1)
        hint = f" (did you mean '{near[0]}'?)" if near else ""
        return fail("screenshot", f"scenario '{scenario.id}' has no node '{args.node}'{hint}")
    from game.present import session_at

    session, how = session_at(scenario, args.node, args.seed)
    if how == "placed":
        print(f"screenshot: note: no path of choices reaches '{args.node}'; shown with the group as it starts",
              file=sys.stderr)
    try:
        practice.prepare(session, args)
    except CommandError as err:
        return fail("screenshot", str(err))
    import pygame

    try:
        render(session, args, str(result.path))
    except OSError as err:
        return fail("screenshot", f"cannot write {visible(args.out)}: {err.strerror or err}")
    except pygame.error as err:  # SDL's own refusal to write the file, with its reason
        return fail("screenshot", f"cannot write {visible(args.out)}: {err}")
    print(f"wrote {args.out} ({args.size[0]}x{args.size[1]}, node '{session.node_id}', turn {session.turn})")
    return 0


def check_out(out: str, flag: str = "--out") -> None:
    """Refuse an --out that cannot be written before the minute spent drawing (SDL would only
    say "Couldn't open" afterwards)."""
    target = Path(out)
    if target.is_dir():
        example = "play.png" if flag == "--out" else "layout.json"
        raise CommandError(f"{flag} {visible(out)} is a folder; give a file name such as {example}")
    folder = target.parent
    if not folder.is_dir():
        raise CommandError(f"cannot write {visible(out)}: the folder {visible(str(folder))} does not exist")


def render(session, args, path: str = "") -> None:
    """Draw the play screen for `session` into a dummy window of args.size and save it."""
    import pygame

    from .still import still_app
    from game.ui.scenes.play import PlayScene

    with tempfile.TemporaryDirectory() as folder:
        app = still_app(args, folder, seed=args.seed,
                        settings=(("meters", args.meters), ("inner_state", args.inner_state)))
        try:
            scene = PlayScene(app, session, path=path, resumed=bool(session.turn), live=False)
            scene.settle()
            practice.show(scene, args)
            app.show(scene)
            app.step([], 0.0)
            pygame.image.save(app.window, args.out)
            if getattr(args, "layout", None):
                write_layout(scene, app.window.get_size(), args.layout)   # the image's own size
        finally:
            pygame.quit()


def write_layout(scene, size: tuple[int, int], path: str) -> None:
    """The --layout JSON: members' bodies and faces and the bubbles, in the image's pixels."""
    from game.ui.drawn_layout import describe

    Path(path).write_text(json.dumps(describe(scene, size)) + "\n", encoding="utf-8")
