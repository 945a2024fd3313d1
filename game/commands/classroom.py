"""`play SCENARIO --classroom [--headless] [--port N] [--host H]`: the class votes from phones.

Starts the classroom server in this process, prints one JSON line on stdout,
`{"join": "http://HOST:PORT/j/CODE", "instructor": "http://HOST:PORT/i/TOKEN"}`, then plays:
in the window (the presenter screen shows the join code and the live tally) or, with
`--headless`, with no window at all, the instructor's page showing the room and each
decision's vote opening by itself. The attempt is recorded as a class session, votes included.
"""
from __future__ import annotations

import json
import signal
import sys

from .common import CommandError, fail, load_for_play, whole_number

port_number = whole_number(0, 65535)


def add_classroom_arguments(parser) -> None:
    group = parser.add_argument_group("classroom (the whole class votes from phones)")
    group.add_argument("--classroom", action="store_true",
                       help="serve a page where the class reads the room and votes at each decision")
    group.add_argument("--headless", action="store_true",
                       help="(classroom) no window: the vote opens by itself, the instructor's page shows the room")
    group.add_argument("--port", type=port_number, default=0, help="(classroom) the port to serve on (default: a free one)")
    group.add_argument("--host", default="127.0.0.1",
                       help="(classroom) the address to serve on (default 127.0.0.1, this computer only; "
                            "0.0.0.0 opens it to the network: see the README)")


def run_classroom(args) -> int:
    problem = _unsupported(args)
    if problem:
        return fail("play", problem)
    try:
        scenario, result = load_for_play(args.scenario)
    except CommandError as err:
        return fail("play", str(err))
    from game.classroom import Classroom, ServerProblem, build_app, start_server

    room = Classroom(auto_open=args.headless)
    try:
        server = start_server(build_app(room), args.host, args.port)
    except ServerProblem as problem:
        return fail("play", str(problem))
    room.urls = {"join": server.url(f"/j/{room.code}"), "instructor": server.url(f"/i/{room.token}")}
    try:
        if args.headless:
            return run_headless(args, room, scenario, str(result.path))
        args.classroom_room = room    # the play scene's classroom panel finds it here
        announce(room)
        from .window import run_window
        return run_window(args)
    finally:
        server.stop()


def announce(room) -> None:
    """The one JSON line tools read: printed once the class can join and vote."""
    print(json.dumps(room.urls), flush=True)


def _unsupported(args) -> str | None:
    if args.text:
        return "--classroom plays in the window, or with --headless; not with --text"
    if args.resume:
        return "--classroom starts a fresh class session; it cannot --resume"
    if not args.scenario:
        return "--classroom needs a SCENARIO to play"
    if args.demo:
        return "--classroom and --demo both drive the session; choose one"
    return None


def run_headless(args, room, scenario, path: str) -> int:
    """The session with no window: this thread owns it and does what the instructor's page asks,
    until the instructor finishes the session, or Ctrl-C or a termination signal. The first
    vote is open before the addresses are printed, so whoever reads them can vote at once."""
    from game.classroom import SessionDriver

    session, log = _headless_session(args, room, scenario, path)
    previous = signal.signal(signal.SIGTERM, lambda *_: room.finished.set())
    try:
        room.sync(session)
        announce(room)
        driver = SessionDriver(session)
        while not room.finished.is_set():
            room.pump(session, driver, wait=0.2)
    except KeyboardInterrupt:
        print("", file=sys.stderr)
    finally:
        signal.signal(signal.SIGTERM, previous)
        session.close()
        if log.records is not None:
            log.records.close()
    return 0


def _headless_session(args, room, scenario, path: str):
    """(session, attempt log): the log listens to the session, and the room hands it the
    class's votes after every move (the attempt's row exists by then: listeners hear of a
    choice before the room looks at it)."""
    from game.engine import Session
    from game.records import AttemptLog
    from game.records.class_votes import record_class_votes

    from .opening import fresh_seed, learner_name, open_records

    records = open_records(args)
    session = Session(scenario, seed=fresh_seed(args.seed))
    log = AttemptLog(records, session, learner_name(args, records, ask=False), path)
    session.subscribe(log.update)   # the attempt is kept as the window keeps it: by listening
    room.recorder = lambda played, decisions: record_class_votes(log, decisions)
    session.begin()
    return session, log
