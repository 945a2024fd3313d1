"""`class-report [FILES...] [--lrs URL [--scenario ID] [--since DATE]] [-o FILE]`: students' exports
(`report --format json`), or a learning record store's xAPI statements, as one HTML page.

A file that is not an export is named on stderr and skipped; when no file can be used the
command exits 1. From a store, the same report is built from the statements Circle sent (see
game/records/lrs_attempts.py). The page goes to stdout, or to FILE written whole or not at all.
"""
from __future__ import annotations

import sys

from .common import fail


def add_arguments(parser) -> None:
    from .lrs import lrs_address

    parser.add_argument("files", nargs="*", metavar="FILE", help="JSON files from `report --format json`")
    parser.add_argument("--lrs", type=lrs_address, metavar="URL",
                        help="also read the attempts a learning record store holds (its xAPI endpoint; "
                             "credentials from $CIRCLE_LRS_AUTH or the settings)")
    parser.add_argument("--scenario", metavar="ID", help="with --lrs: only attempts at this scenario")
    parser.add_argument("--since", type=since_date, metavar="DATE",
                        help="with --lrs: only attempts started on or after DATE (YYYY-MM-DD, or a date and time)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the HTML to FILE instead of the terminal")


def since_date(text: str):
    import argparse

    from game.records.lrs_attempts import since_date as parse
    try:
        return parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2025-03-01, got '{text[:40]}'") from None


def run(args) -> int:
    from game.records.class_report import gather, summarize
    from game.records.class_report_html import class_report_html
    from game.records.report import write_atomically

    if not args.files and not args.lrs:
        return fail("class-report", "give the students' export files, or --lrs URL to read a learning record store")
    if (args.scenario or args.since) and not args.lrs:
        return fail("class-report", "--scenario and --since choose among a store's attempts: give --lrs URL too")
    gathered = gather(args.files)
    if args.lrs:
        problem = _from_store(gathered, args)
        if problem:
            return fail("class-report", problem)
    if not gathered.attempts and len(gathered.problems) == 1 and not args.lrs:   # one file, one line: why
        return fail("class-report", f"{gathered.problems[0].removesuffix('; skipped')}; nothing to report")
    for problem in gathered.problems:
        print(f"class-report: {problem}", file=sys.stderr)
    if not gathered.attempts:
        where = "the files given" if not args.lrs else "the store" if not args.files else "the files or the store"
        return fail("class-report", f"no usable attempts in {where}; nothing to report")
    if gathered.duplicates:
        print(f"class-report: {gathered.duplicates} attempt(s) appeared in more than one file and count once",
              file=sys.stderr)
    text = class_report_html(gathered, summarize(gathered.attempts))
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        write_atomically(args.output, text)
    except OSError as err:
        return fail("class-report", f"cannot write {args.output}: {err.strerror or err}")
    print(f"class-report: wrote {args.output} ({len(gathered.attempts)} attempts)", file=sys.stderr)
    return 0


def _from_store(gathered, args) -> str | None:
    """Add the store's attempts to `gathered`; the reason, in one line, when it cannot be read."""
    from game.records import data_dir
    from game.records.class_report import gather_store
    from game.records.lrs import LrsAway, LrsRefused, fetch
    from game.records.lrs_settings import choose_lrs

    lrs, _ = choose_lrs(_settings_folder(data_dir), args.lrs)
    query = {"since": args.since.isoformat()} if args.since else {}
    try:
        statements = fetch(lrs, **query)
    except (LrsAway, LrsRefused) as err:
        return str(err)
    gather_store(gathered, lrs.shown, statements, args.scenario, args.since)
    return None


def _settings_folder(data_dir):
    """The records folder, for credentials kept in the settings; None when it cannot be named."""
    try:
        return data_dir()
    except ValueError:
        return None
