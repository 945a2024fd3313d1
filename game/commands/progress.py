"""`progress [--learner NAME] [--json] [--data-dir DIR]`: a learner's skills across attempts.

For each skill, how often it was tried and how often its verdict was `met`; the moments missed
most; what to practise next. Text by default; `--json` prints one object with exactly `skills`
({SKILL: {"tried", "met"}}), `reading` ({"asked", "matched"}) and `next` (a list of
{"scenario", "node", "why"}; `node` is null for a whole scenario). Without --learner: the name
given when playing, else everyone's attempts.
"""
from __future__ import annotations

import json
import sys

from .common import SHIPPED, fail
from .opening import folder_name


def add_arguments(parser) -> None:
    parser.add_argument("--learner", help="whose attempts (default: the name given when playing; "
                                          "without one, everyone's)")
    parser.add_argument("--json", action="store_true", help="one JSON object: skills, reading, next")
    parser.add_argument("--data-dir", type=folder_name,
                        help="where records are kept (default: the user data folder, or $CIRCLE_DATA_DIR)")
    parser.set_defaults(no_records=False)


def run(args) -> int:
    from game.records.progress import load_library, progress_of
    from game.records.progress_text import progress_text
    from game.records.replay import ScenarioFinder

    from .opening import try_records

    records, why = try_records(args)
    if records is None:
        return fail("progress", why or "the records could not be opened")
    if why:
        print(f"progress: {why}", file=sys.stderr)
    try:
        learner = args.learner if args.learner is not None else (records.setting("learner", kind=str) or None)
        progress = progress_of(records, learner, ScenarioFinder([SHIPPED]), load_library(SHIPPED))
    finally:
        records.close()
    for problem in progress.problems:
        print(f"progress: {problem}", file=sys.stderr)
    if args.json:
        sys.stdout.write(json.dumps(progress.as_json(), indent=2) + "\n")
    else:
        sys.stdout.write(progress_text(progress))
    return 0
