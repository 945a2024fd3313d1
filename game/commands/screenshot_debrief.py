"""`screenshot SCENARIO --debrief [--path N,N,..] [--retry-at T,..] [--read-room [--misread-at T,..]]
[--scroll PX] --out FILE.png`: the debrief after a session played to its end, headless.

The session is played, not placed: the choices of --path (numbers as shown on screen, one per
moment from the start), then the recommended choice at every moment after, so the debrief is
the one a trainee on that path would read. --retry-at makes the listed moments (turn numbers)
practice: first a choice that does not meet the need, taken back, then the path's choice.
--read-room reads the room before every choice, as the model reads it except at the turns of
--misread-at. --scroll moves the debrief's scrolling column down by PX (at 1280x720).
"""
from __future__ import annotations

import argparse
import sys
import tempfile

from game.scenario.characters import visible

from .common import CommandError, fail

MOST_MOMENTS = 400       # a scenario that never ends under this many choices is not pictured
OTHER = {"lead": "follow", "follow": "lead"}


def numbers(text: str) -> tuple[int, ...]:
    """'1,3,2' -> (1, 3, 2); each a whole number from 1."""
    try:
        values = tuple(int(part) for part in text.replace(" ", "").split(",") if part)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected numbers separated by commas such as 1,3,2, got '{text}'")
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"expected numbers from 1 such as 1,3,2, got '{text}'")
    return values


def add_debrief_arguments(parser) -> None:
    parser.add_argument("--debrief", action="store_true",
                        help="play to the end (the expert's path unless --path) and show the debrief")
    parser.add_argument("--path", type=numbers, default=(), metavar="N,N,..",
                        help="with --debrief: the choices as numbered on screen, one per moment from the start")
    parser.add_argument("--retry-at", type=numbers, default=(), metavar="T,T,..",
                        help="with --debrief: at these turns, miss first and try the moment again")
    parser.add_argument("--read-room", action="store_true",
                        help="with --debrief: read the room before every choice (as the model does)")
    parser.add_argument("--misread-at", type=numbers, default=(), metavar="T,T,..",
                        help="with --read-room: at these turns, read the other stance")
    parser.add_argument("--scroll", type=int, default=0, metavar="PX", help="with --debrief: scroll the debrief down")


def run(scenario, args, path: str = "") -> int:
    """Play, render the debrief and say where it went; 1 with a one-line reason on failure."""
    from game.engine import Session

    try:
        if getattr(args, "node", None):
            raise CommandError("--debrief shows the end of a session; it takes no --node")
        session = Session(scenario, seed=args.seed, ask_every=args.read_room)
        play_through(session, args)
    except CommandError as err:
        return fail("screenshot", str(err))
    import pygame

    try:
        render_debrief(session, args, path)
    except (OSError, pygame.error) as err:
        reason = getattr(err, "strerror", None) or err
        return fail("screenshot", f"cannot write {visible(args.out)}: {reason}")
    print(f"wrote {args.out} ({args.size[0]}x{args.size[1]}, the debrief after {session.turn} choices)")
    return 0


def play_through(session, args) -> None:
    """Every moment until the ending: read the room if asked, miss and retry at --retry-at,
    then the path's choice (or the recommended one)."""
    for _ in range(MOST_MOMENTS):
        if session.ended:
            return
        turn = session.turn + 1
        if session.asking:
            need = session.need_now
            misread = turn in args.misread_at
            session.read_room(OTHER[need.stance] if misread else need.stance, None if misread else need.member)
        if turn in args.retry_at:
            _miss_and_retry(session, turn)
        session.choose_shown(_shown_for(session, args.path, turn))
    raise CommandError(f"no ending within {MOST_MOMENTS} choices")


def _shown_for(session, path: tuple[int, ...], turn: int) -> int:
    offered = len(session.shown_choices)
    if not offered:
        raise CommandError(f"node '{session.node_id}' offers no choice and is not an ending")
    if turn <= len(path):
        if path[turn - 1] > offered:
            raise CommandError(f"--path: turn {turn} offers {offered} choices, not {path[turn - 1]}")
        return path[turn - 1]
    best = session.recommended()
    return best.shown if best is not None else 1


def _miss_and_retry(session, turn: int) -> None:
    """Take the first card (in shown order) that does not meet the need, then take it back."""
    for offered in session.shown_choices:
        if session.choose_shown(offered.shown).verdict != "met" and session.can_retry:
            session.retry()
            return
        session.undo()
    raise CommandError(f"--retry-at: every choice at turn {turn} meets the need; nothing to try again")


def render_debrief(session, args, path: str = "") -> None:
    """Draw the debrief for `session` into a dummy window of args.size and save it."""
    import pygame

    from .still import still_app
    from game.ui.scenes.debrief import DebriefScene

    with tempfile.TemporaryDirectory() as folder:
        app = still_app(args, folder, seed=args.seed)
        try:
            scene = DebriefScene(app, session, path=path)
            app.show(scene)
            scene.scroll_by(args.scroll)
            app.step([], 0.0)
            pygame.image.save(app.window, args.out)
        finally:
            pygame.quit()
    if args.scroll and scene.max_scroll() < args.scroll:
        print(f"screenshot: note: the debrief scrolls only {scene.max_scroll()} px", file=sys.stderr)
