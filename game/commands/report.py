"""`report [--learner NAME] [--scenario ID] [--attempt N] [--format html|md|csv|json] [-o FILE]`.

html/md: the debrief of one attempt (default: the learner's latest finished one). csv/json:
every attempt matching the filters, for an instructor; the JSON is what class-report reads.
Without -o the report goes to stdout; with -o the file is written whole or not at all.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .common import SHIPPED, CommandError, fail, load_for_play
from .opening import folder_name

LARGEST_ID = 2 ** 63 - 1    # SQLite's largest row id: a larger number names no attempt


def add_arguments(parser) -> None:
    parser.add_argument("--learner", help="whose attempts (default for html/md: the name given when playing; "
                                          "csv/json: everyone's)")
    parser.add_argument("--scenario", metavar="ID", help="only attempts at this scenario (an id or a scenario file)")
    parser.add_argument("--attempt", type=attempt_number, metavar="N",
                        help="the attempt numbered N (see the csv/json export)")
    parser.add_argument("--format", choices=("html", "md", "csv", "json"), default="html",
                        help="html or md: one attempt's debrief; csv or json: every matching attempt (default html)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of the terminal")
    parser.add_argument("--data-dir", type=folder_name, help="where records are kept (default: the user data folder, or $CIRCLE_DATA_DIR)")
    parser.set_defaults(no_records=False)


def run(args) -> int:
    from game.records.replay import ScenarioFinder
    from game.records.report import NothingToReport, choose_attempt, choose_attempts, debrief_report, export_report

    from .opening import try_records

    records, why = try_records(args)
    if records is None:
        return fail("report", why or "the records could not be opened")
    if why:
        print(f"report: {why}", file=sys.stderr)
    try:
        scenario_id = _scenario_id(args.scenario)
        finder = ScenarioFinder([SHIPPED])
        if args.format in ("html", "md"):
            learner = args.learner if args.learner is not None else records.setting("learner", kind=str)
            attempt = choose_attempt(records, learner, scenario_id, args.attempt)
            report = debrief_report(records, attempt, finder, args.format, chart=_chart_drawer())
        else:
            attempts = choose_attempts(records, args.learner, scenario_id, args.attempt)
            report = export_report(attempts, finder, args.format)
    except (CommandError, NothingToReport) as err:
        _tell(records.report_lines())
        return fail("report", str(err))
    finally:
        records.close()
    _tell(records.report_lines() + report.warnings)
    return _deliver(report.text, args.output)


def _chart_drawer():
    """The window's chart as a PNG for the HTML report, when pygame is there to draw it."""
    try:
        from game.ui.chart_image import chart_png
    except ImportError:
        return None
    return chart_png


def attempt_number(text: str) -> int:
    """--attempt: a whole number from 1 to SQLite's largest row id, said plainly otherwise."""
    import argparse
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text[:40]}' is not an attempt number") from None
    if not 1 <= number <= LARGEST_ID:
        raise argparse.ArgumentTypeError(f"attempt numbers run from 1 to {LARGEST_ID}")
    return number


def _tell(lines: list[str]) -> None:
    for line in lines:
        print(f"report: {line}", file=sys.stderr)


def _scenario_id(name: str | None) -> str | None:
    """--scenario takes an id as stored; a scenario file stands for the id inside it."""
    if name is None:
        return None
    if Path(name).suffix in (".yaml", ".yml"):
        return load_for_play(name)[0].id
    return name


def _deliver(text: str, output: str | None) -> int:
    if output is None:
        sys.stdout.write(text)
        return 0
    from game.records.report import write_atomically
    try:
        write_atomically(output, text)
    except OSError as err:
        return fail("report", f"cannot write {output}: {err.strerror or err}")
    print(f"report: wrote {output}", file=sys.stderr)
    return 0
