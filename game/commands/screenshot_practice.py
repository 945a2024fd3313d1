"""`screenshot` flags for the practice screens: reading the room, and trying a moment again.

`--ask` shows the prompt to read the room at --node (any node: the session asks at every
moment); `--reading lead|follow` shows the reveal of that reading beside the model's
(`--reading-member ID` names a member too). `--retry N` makes a choice whose need is not met
at --node and takes it back N times, so the hints panel shows its Nth step (1 the cue, 2 the
concept, 3 the model answer, with its card marked). Without --ask a moment marked `ask: true`
is shown as it is once read (the model's reading), so a picture of the cards stays one.
"""
from __future__ import annotations

from .common import CommandError

STANCES = ("lead", "follow")


def add_practice_arguments(parser) -> None:
    parser.add_argument("--ask", action="store_true", help="show the prompt to read the room at --node")
    parser.add_argument("--reading", choices=STANCES, help="show the reveal of this reading beside the model's")
    parser.add_argument("--reading-member", metavar="ID", help="with --reading: the member named as most in need")
    parser.add_argument("--retry", type=int, metavar="N", help="miss the moment at --node and try it again N times "
                                                                "(1-3: the hints shown step up)")


def prepare(session, args) -> None:
    """Bring the session to the picture asked for before the screen is built; CommandError
    when it cannot be (no choice at --node misses, a member not in the circle)."""
    if getattr(args, "ask", False) or getattr(args, "reading", None):
        session.ask_every = True
    member = getattr(args, "reading_member", None)
    if member is not None and member not in session.names:
        raise CommandError(f"--reading-member: there is no member '{member}' (members: {', '.join(session.names)})")
    retries = getattr(args, "retry", None)
    if retries is None:
        return
    if not 1 <= retries <= 9:
        raise CommandError("--retry takes a number of tries from 1 to 9")
    for _ in range(retries):
        if session.ended or not session.shown_choices:
            raise CommandError(f"node '{session.node_id}' offers no choice to try again")
        _miss(session)
        session.retry()


def _miss(session) -> None:
    """Take the first card (in shown order) whose verdict is not met."""
    for offered in session.shown_choices:
        reaction = session.choose_shown(offered.shown)
        if reaction.verdict != "met":
            return
        session.undo()
    raise CommandError(f"every choice at node '{session.node_id}' meets its need: nothing to try again")


def show(scene, args) -> None:
    """After the node is settled: the prompt (as it stands), the reveal, or the cards."""
    state, reading = scene.state, getattr(args, "reading", None)
    if state.stage not in ("ask", "reveal"):
        return
    if reading:
        scene.ask_stance(reading)
        if getattr(args, "reading_member", None):
            scene.ask_member(args.reading_member)
        scene.ask_done()
    elif not getattr(args, "ask", False):
        # a moment marked to ask, pictured with its cards: read as the model reads it
        # (callers of render() may pass none of these flags: getattr throughout)
        scene.ask_stance(state.session.need_now.stance)
        scene.ask_done()
        scene.reveal_done()
