"""`class-report FILES... [-o FILE]`: students' exports (`report --format json`) as one HTML page.

A file that is not an export is named on stderr and skipped; when no file can be used the
command exits 1. The page goes to stdout, or to FILE written whole or not at all.
"""
from __future__ import annotations

import sys

from .common import fail


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="JSON files from `report --format json`")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the HTML to FILE instead of the terminal")


def run(args) -> int:
    from game.records.class_report import gather, summarize
    from game.records.class_report_html import class_report_html
    from game.records.report import write_atomically

    gathered = gather(args.files)
    if not gathered.attempts and len(gathered.problems) == 1:   # one file, one line: why it is no use
        return fail("class-report", f"{gathered.problems[0].removesuffix('; skipped')}; nothing to report")
    for problem in gathered.problems:
        print(f"class-report: {problem}", file=sys.stderr)
    if not gathered.attempts:
        return fail("class-report", "no usable attempts in the files given; nothing to report")
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
