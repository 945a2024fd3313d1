"""`run SCENARIO --choices 1,2,1 [--seed N]`: play given choices headless, print the JSON trace.

Same input, same bytes. A number not offered at its node: exit 1 with one line naming the node
and the numbers offered there. Choices left over once an ending is reached: the trace up to the
ending is printed all the same (it is what an author needs to see), and exit 1 with a line
naming the first choice not used. `--path NAME` plays one of the file's path tests instead.
"""
from __future__ import annotations

import json

from game.engine import ChoiceNotOffered, Session
from game.scenario.characters import visible
from game.scenario.diagnostics import excerpt

from .common import CommandError, fail, load_for_play, parse_choices, seed_number


def add_arguments(parser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", help="a scenario file (or a shipped scenario's id)")
    parser.add_argument("--choices", default="", help="1-based choice numbers, comma-separated: 1,2,1")
    parser.add_argument("--seed", type=seed_number, default=None, help="the model's seed (default 0)")
    parser.add_argument("--path", metavar="NAME", default=None,
                        help="play the file's path test of this name (its choices and seed)")


def run(args) -> int:
    try:
        scenario, _ = load_for_play(args.scenario)
        numbers, seed = _what_to_play(scenario, args)
    except CommandError as err:
        return fail("run", str(err))
    session = Session(scenario, seed=seed)
    for place, number in enumerate(numbers, 1):
        if session.ended:
            print(json.dumps(session.trace(), indent=2, ensure_ascii=False))
            return fail("run", f"the session ended at '{session.node_id}' ({session.ending.outcome.value}) after "
                               f"{place - 1} choices; choice {place} of --choices ({number}) and any after it "
                               "were not used")
        try:
            session.choose(number)
        except ChoiceNotOffered as err:
            return fail("run", f"turn {session.turn + 1}: {err}")
    print(json.dumps(session.trace(), indent=2, ensure_ascii=False))
    return 0


def _what_to_play(scenario, args) -> tuple[list[int], int]:
    """(choices, seed): from --choices and --seed, or from the path test named by --path."""
    if args.path is None:
        return parse_choices(args.choices), args.seed or 0
    if args.choices.strip():
        raise CommandError("give --choices or --path, not both")
    test = next((t for t in scenario.paths if t.name == args.path), None)
    if test is None:
        names = ", ".join(f"'{t.name}'" for t in scenario.paths) or "none"
        raise CommandError(f"no path test named {visible(excerpt(args.path))} in this file (its paths: {names})")
    return list(test.choices), test.seed if args.seed is None else args.seed
