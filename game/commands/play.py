"""`play [SCENARIO] [--text] [--ask-every] [--scaffolds LEVEL] [--presenter] [--fullscreen] [--seed N] [--resume]`: play.

Bare `python main.py` opens the menu. `--text` plays in the terminal (no display needed).
Every attempt is recorded (see game/records) unless `--no-records`.
"""
from __future__ import annotations

import sys


def add_arguments(parser) -> None:
    from .lrs import lrs_address
    from .opening import folder_name

    parser.add_argument("scenario", nargs="?", metavar="SCENARIO", help="a scenario file or shipped id; none opens the menu")
    parser.add_argument("--text", action="store_true", help="play in the terminal")
    parser.add_argument("--coach", action="store_true", default=True,
                        help="(text) after each choice, say what the group needed (the default)")
    parser.add_argument("--no-coach", dest="coach", action="store_false",
                        help="(text) no coach after each choice: see it all in the debrief")
    parser.add_argument("--skills", choices=("level", "before", "after"), default="level",
                        help="(text) skill names before choosing, after it, or as the level says (default: "
                             "before at beginner, after at intermediate and advanced)")
    parser.add_argument("--ask-every", action="store_true",
                        help="read the room before the choices at every moment, not only at the "
                             "moments the scenario marks")
    parser.add_argument("--scaffolds", choices=("by-level", "beginner", "intermediate", "advanced"),
                        default="by-level",
                        help="when the meters and thoughts may be seen: as the scenario's level sets "
                             "(the default), or as at another level (beginner: always; intermediate: "
                             "thoughts after each choice; advanced: only in the debrief)")
    parser.add_argument("--presenter", action="store_true", help="classroom mode: fullscreen, larger text, coach and inner state on")
    parser.add_argument("--fullscreen", action="store_true", help="open fullscreen")
    parser.add_argument("--demo", action="store_true", help="play the expert path by itself, with pauses (for a projector)")
    parser.add_argument("--seed", type=int, default=None,
                        help="the attempt's seed: the model's chance and the order choices are shown in "
                             "(default: a fresh one per attempt, kept in its record)")
    parser.add_argument("--resume", action="store_true", help="continue the last unfinished attempt")
    parser.add_argument("--at", metavar="NODE",
                        help="start at this moment to practise it (a node id, as progress suggests): the "
                             "shortest way there is played for you and not judged")
    parser.add_argument("--learner", help="the learner's name for the records (asked once if not given)")
    parser.add_argument("--data-dir", type=folder_name,
                        help="where records are kept (default: the user data folder, or $CIRCLE_DATA_DIR)")
    parser.add_argument("--no-records", action="store_true", help="do not record this attempt")
    parser.add_argument("--lrs", type=lrs_address, metavar="URL",
                        help="also send xAPI statements to the learning record store at URL (its xAPI endpoint, "
                             "e.g. http://127.0.0.1:8100/xAPI/; default: the one set with `records lrs`)")
    from .classroom import add_classroom_arguments
    add_classroom_arguments(parser)


def run(args) -> int:
    # Imports wait until here: the menu's first frame should not wait for the scenario format.
    global CommandError, fail, load_for_play
    from .common import CommandError, fail, load_for_play

    if getattr(args, "classroom", False):
        from .classroom import run_classroom
        return run_classroom(args)
    if args.text:
        return _play_text(args)
    from .window import run_window
    return run_window(args)


def _play_text(args) -> int:
    from game.engine import SaveMismatch, Session
    from game.records import AttemptLog

    from .opening import fresh_seed, learner_name, open_records

    records = open_records(args)
    learner = learner_name(args, records, ask=sys.stdin.isatty())
    if args.resume:
        if records is None:
            return fail("play", "--resume needs the records (drop --no-records)")
        try:
            log = _resume_text(records, learner, args.scenario)
        except (CommandError, SaveMismatch) as err:
            return fail("play", str(err))
        return _run_text(log.session, log, args)
    if not args.scenario:
        args.scenario = _choose_text_scenario()
        if args.scenario is None:
            return 0
    try:
        scenario, result = load_for_play(args.scenario)
    except CommandError as err:
        return fail("play", str(err))
    session = Session(scenario, seed=fresh_seed(args.seed), ask_every=args.ask_every)
    if args.at:
        problem = start_at(session, args.at)
        if problem:
            session.close()
            return fail("play", problem)
    return _run_text(session, AttemptLog(records, session, learner, result.path), args)


def start_at(session, node_id: str) -> str | None:
    """Bring a fresh session to the moment `node_id` (play --at); None, or why it cannot."""
    from game.present import NoSuchNode, practise_from

    try:
        practise_from(session, node_id)
    except NoSuchNode:
        known = session.scenario.nodes
        why = "no path of choices reaches it" if node_id in known else "there is no such node"
        return f"cannot start at '{node_id}' in {session.scenario.id}: {why}"
    return None


def _run_text(session, log, args) -> int:
    """The session in the terminal, its record written after every change, closed at the end."""
    from game.text import TextPlay

    if args.ask_every:      # a resumed attempt may be asked at every moment from here on
        session.ask_every = True
    with session:
        play = TextPlay(session, coach=args.coach or args.presenter, skills=args.skills, scaffolds=args.scaffolds)
        session.subscribe(log.update)   # after TextPlay has set how the attempt is played
        return play.run()


def _resume_text(records, learner: str, scenario_name: str | None):
    from game.records import resume

    waiting = records.unfinished(learner or None)
    if scenario_name:
        wanted = load_for_play(scenario_name)[0].id
        waiting = [a for a in waiting if a.scenario_id == wanted]
    if not waiting:
        raise CommandError("no unfinished attempt to resume")
    attempt = waiting[0]
    scenario, _ = load_for_play(attempt.scenario_path or attempt.scenario_id)
    return resume(records, attempt, scenario)


def _choose_text_scenario() -> str | None:
    """No scenario named: list the shipped ones and ask."""
    from .common import SHIPPED

    files = sorted(SHIPPED.glob("*.yaml"))
    for number, path in enumerate(files, 1):
        print(f"  {number}. {path.stem}")
    try:
        answer = input(f"Scenario (1-{len(files)}): ").strip()
    except (EOFError, KeyboardInterrupt):
        print()
        return None
    if not answer.isdigit() or not 1 <= int(answer) <= len(files):
        print(f"play: no scenario numbered '{answer}'", file=sys.stderr)
        return None
    return str(files[int(answer) - 1])
