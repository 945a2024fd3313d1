"""`simulate SCENARIO [--runs N] [--policy ...] [--seed N] [--json] [--exhaustive] [--audit]`.

Many seeded headless playthroughs (see game.authoring.simulate), or with --exhaustive every
choice at every node taken once, or with --audit every policy against the expert (can the
scenario be gamed? game.authoring.audit). Exit 1 when any run got stuck or raised, or when the
audit finds an error.
"""
from __future__ import annotations

import json

from game.authoring.audit import audit
from game.authoring.exhaustive import exhaustive
from game.authoring.policies import POLICIES
from game.authoring.simulate import simulate
from game.authoring.text_report import audit_text, exhaustive_text, simulation_text

from .common import CommandError, fail, load_for_play, seed_number, whole_number


MAX_RUNS = 100_000  # about a minute of play for a large scenario; more says nothing new
def add_arguments(parser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", help="a scenario file (or a shipped scenario's id)")
    parser.add_argument("--runs", type=whole_number(1, MAX_RUNS), default=None, help="playthroughs (default 100; 200 per policy with --audit)")
    parser.add_argument("--policy", choices=tuple(POLICIES), default="random",
                        help="random prefers untried choices; lead/follow/expert take that kind when offered; "
                             "first/last/longest/keywords/labels pick by a cue, never by the group")
    parser.add_argument("--seed", type=seed_number, default=0, help="run i uses seed+i (default 0)")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of text")
    parser.add_argument("--exhaustive", action="store_true",
                        help="take every choice at every node once (ignores --runs and --policy)")
    parser.add_argument("--audit", action="store_true",
                        help="play every policy, cue players included, and report whether anything but "
                             "reading the group wins (ignores --policy)")


def run(args) -> int:
    try:
        scenario, _ = load_for_play(args.scenario)
    except CommandError as err:
        return fail("simulate", str(err))
    if args.exhaustive:
        report = exhaustive(scenario, seed=args.seed)
        text = exhaustive_text(report, args.scenario)
    elif args.audit:
        report = audit(scenario, runs=args.runs or 200, seed=args.seed)
        text = audit_text(report, args.scenario)
    else:
        report = simulate(scenario, runs=args.runs or 100, policy=args.policy, seed=args.seed)
        text = simulation_text(report, args.scenario)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(text, end="")
    return 0 if report.ok else 1
