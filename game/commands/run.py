"""`run SCENARIO --choices 1,2,1 [--seed N]`: play given choices headless, print the JSON trace.

Same input, same bytes. A number not offered at its node: exit 1 with one line naming the node
and the numbers offered there.
"""
from __future__ import annotations

import json

from game.engine import ChoiceNotOffered, Session

from .common import CommandError, fail, load_for_play, parse_choices, seed_number


def add_arguments(parser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", help="a scenario file (or a shipped scenario's id)")
    parser.add_argument("--choices", default="", help="1-based choice numbers, comma-separated: 1,2,1")
    parser.add_argument("--seed", type=seed_number, default=0, help="the model's seed (default 0)")


def run(args) -> int:
    try:
        numbers = parse_choices(args.choices)
        scenario, _ = load_for_play(args.scenario)
    except CommandError as err:
        return fail("run", str(err))
    session = Session(scenario, seed=args.seed)
    try:
        for number in numbers:  # past an ending nothing is offered: that is an error too
            session.choose(number)
    except ChoiceNotOffered as err:
        return fail("run", f"turn {session.turn + 1}: {err}")
    print(json.dumps(session.trace(), indent=2, ensure_ascii=False))
    return 0
