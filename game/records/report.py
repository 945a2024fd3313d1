"""Reports from the records: one attempt's debrief (HTML, Markdown) or every attempt (CSV, JSON).

HTML and Markdown are for the learner: the debrief of one attempt, as the debrief screen tells
it, and how it compares with their other attempts. CSV and JSON are for an instructor: one row
per attempt; the JSON (see exchange.py) carries each decision so a class report can be made
from students' files alone.

The CSV keeps its first columns as they always were (`fits` still counts decisions whose stance
alone matched the need) and adds, at the end, what the two-axis verdict and safety say: `safe`,
`good` (breakthrough or growth, and safe), the `met` / `partly` / `missed` counts, the missed
risks and each member's outcome, then practice: the decisions made after trying a moment again,
the first tries that met the need, the readings of the room and how many matched, and the
members' climate scales (GCQ-S, 0 to 6) at the start and the end. An instructor sorting by
`good` never sees an unsafe ending there.
"""
from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import dataclass, field
from typing import Callable
from pathlib import Path

from .attempt_view import attempt_view
from .exchange import ExportedAttempt, attempts_document, exported_attempt
from .replay import ScenarioFinder, replay
from .store import Attempt, Records

FORMATS = ("html", "md", "csv", "json")
GROUP_NUMBERS = ("cohesion", "engagement", "avoidance", "conflict")


class NothingToReport(LookupError):
    """No attempt matches; the message says what was looked for."""


@dataclass
class Report:
    text: str
    warnings: list[str] = field(default_factory=list)   # things the reader should know, one line each


def choose_attempt(records: Records, learner: str | None, scenario_id: str | None,
                   attempt_id: int | None) -> Attempt:
    """--attempt N, else the latest finished attempt matching the filters."""
    if attempt_id is not None:
        attempt = records.attempt(attempt_id)
        if attempt is None and attempt_id in records.damaged:
            raise NothingToReport(f"attempt #{attempt_id} is damaged in the records "
                                  f"({records.damaged.pop(attempt_id)}) and cannot be reported")
        if attempt is None:
            raise NothingToReport(f"there is no attempt #{attempt_id} in the records")
        return attempt
    finished = records.attempts(learner, scenario_id, finished=True)
    if not finished:
        raise NothingToReport("no finished attempt" + _filters(learner, scenario_id))
    return max(finished, key=lambda a: (a.finished_at, a.id))


def choose_attempts(records: Records, learner: str | None, scenario_id: str | None,
                    attempt_id: int | None) -> list[Attempt]:
    """Every attempt (finished or not) matching the filters, oldest first."""
    if attempt_id is not None:
        return [choose_attempt(records, learner, scenario_id, attempt_id)]
    attempts = [a for a in records.attempts(learner, scenario_id) if a.choices]
    if not attempts:
        raise NothingToReport("no attempt" + _filters(learner, scenario_id))
    return attempts


def _filters(learner: str | None, scenario_id: str | None) -> str:
    parts = []
    if learner is not None:
        parts.append(f"by '{learner}'" if learner else "without a learner name")
    if scenario_id is not None:
        parts.append(f"on scenario '{scenario_id}'")
    return (" " + " ".join(parts) if parts else "") + " in the records"


def debrief_report(records: Records, attempt: Attempt, finder: ScenarioFinder, fmt: str,
                   chart: Callable[[object, object], bytes] | None = None) -> Report:
    """One attempt as HTML or Markdown. `chart(debrief, scenario)` draws the chart's PNG for
    HTML (the window's chart, handed in by the command); without it the report has the
    chart's table and words only."""
    view = attempt_view(records, attempt, finder)
    if fmt == "md":
        from .report_markdown import markdown_report
        return Report(markdown_report(view), view.warnings)
    from .report_html import html_report
    drawn = chart is not None and view.debrief and view.debrief.decisions
    png = chart(view.debrief, view.replayed.scenario) if drawn else None
    return Report(html_report(view, png), view.warnings)


def export_report(attempts: list[Attempt], finder: ScenarioFinder, fmt: str) -> Report:
    """Every attempt as CSV or JSON; attempts that do not replay are exported as stored."""
    exported, warnings = [], []
    for attempt in attempts:
        replayed = replay(attempt, finder)
        exported.append(exported_attempt(replayed))
        replayed.close()
        if not replayed.ok:
            warnings.append(f"attempt #{attempt.id} ({attempt.scenario_id}): {replayed.problem}; "
                            "exported as stored, without its decisions")
    text = attempts_document(exported) if fmt == "json" else attempts_csv(exported)
    return Report(text, warnings)


def attempts_csv(attempts: list[ExportedAttempt]) -> str:
    """One row per attempt; a column per objective seen in any attempt."""
    objectives: list[str] = []
    for attempt in attempts:
        objectives += [o for o in attempt.scores if o not in objectives]
    header = (["id", "learner", "scenario", "digest", "seed", "choices", "started", "finished", "outcome",
               "ending"] + [f"score:{o}" for o in objectives] + list(GROUP_NUMBERS)
              + ["decisions", "fits", "expert_choices", "replayed"] + SAFETY_COLUMNS + PRACTICE_COLUMNS)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(spreadsheet_safe(header))
    for a in attempts:
        decided = a.decisions if a.replayed else None
        writer.writerow(spreadsheet_safe(
            [a.id, a.learner, a.scenario, a.digest, a.seed, ",".join(map(str, a.choices)), a.started,
             a.finished or "", a.outcome or "", a.ending or ""]
            + [a.scores.get(o, "") for o in objectives]
            + [a.final_group.get(k, "") for k in GROUP_NUMBERS]
            + [len(a.choices), _count(decided, "fit"), _count(decided, "expert_chosen"),
               "yes" if a.replayed else f"no: {a.replay_problem}"]
            + _safety_cells(a, decided) + _practice_cells(a, decided)))
    return buffer.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cells: list) -> list:
    """Text that a spreadsheet would run as a formula (a learner named "=HYPERLINK(...)") gets a
    leading single quote, as spreadsheets expect, so it is shown as the text it is. Numbers
    stay numbers."""
    return ["'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell for cell in cells]


SAFETY_COLUMNS = ["safe", "good", "met", "partly", "missed", "missed_risks", "may_drop_out", "members"]


def _safety_cells(attempt: ExportedAttempt, decided) -> list:
    """The columns after the original ones: safety, good, verdict counts and who comes back."""
    verdicts = ["" if decided is None else sum(d.verdict == v for d in decided) for v in ("met", "partly", "missed")]
    dropping = [m.name or m.member for m in attempt.members if m.outcome == "may_drop_out"]
    return ([_yes_no(attempt.safety), _yes_no(attempt.good)] + verdicts
            + [" | ".join(attempt.missed_risks), ", ".join(dropping),
               "; ".join(f"{m.member}:{m.outcome}" for m in attempt.members)])


PRACTICE_COLUMNS = ["retried", "first_tries_met", "readings", "readings_matched"] + [
    f"gcq_{scale}_{end}" for scale in ("engaged", "avoiding", "conflict") for end in ("start", "end")]


def _practice_cells(attempt: ExportedAttempt, decided) -> list:
    """Moments tried again and how the first tries went; readings of the room and how many
    matched; the members' climate scales (0 to 6) at the start and the end."""
    retried = "" if decided is None else sum(1 for d in decided if d.retries)
    first_met = "" if decided is None else sum((d.first_verdict or d.verdict) == "met" for d in decided)
    climate = attempt.climate or {}
    scales = [(climate.get(end) if isinstance(climate.get(end), dict) else {}).get(scale, "")
              for scale in ("engaged", "avoiding", "conflict") for end in ("start", "end")]
    return ([retried, first_met, len(attempt.readings), sum(r.matched for r in attempt.readings)]
            + [round(v, 2) if isinstance(v, (int, float)) else "" for v in scales])


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _count(decisions, flag: str):
    return "" if decisions is None else sum(bool(getattr(d, flag)) for d in decisions)


def write_atomically(path: str | os.PathLike, text: str) -> None:
    """Write the whole file or nothing: a temporary file in the same folder, then a rename."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    try:
        os.chmod(temporary, _mode_for(target))
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """An existing file keeps its permissions; a new one gets the usual ones (not mkstemp's 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
