"""One attempt's debrief as a single HTML file: readable on screen, printable, accessible.

Everything is inside the file (CSS inline, the chart a base64 PNG), so it can be mailed,
archived or printed years later. The chart has alt text and a table of the same values;
lead/follow and each verdict are said in words as well as colour and mark.

It opens as the debrief does: any missed risk of harm, then who may not come back. Each decision
is judged on both axes (did the stance fit the need; how good was the move), and only a met need
earns a tick: a poor or harmful move is never shown beside one, and an unsafe ending is never
styled as a good one.
"""
from __future__ import annotations

import base64

from .attempt_view import QUALITY_WORDS, AttemptView, comparison, when
from .html_kit import esc, page, table
from .practice_view import first_try_line, practice_lines, reading_line, skill_words

CSS = """
:root { --ink: #1d1d24; --muted: #585663; --line: #d9d4cc; --lead: #0072B2; --follow: #9a6a00;
        --good: #007a5a; --bad: #b84a00; --soft: #f6f3ee; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 2rem 1.5rem 3rem; color: var(--ink); background: #fff;
       font: 17px/1.55 "DejaVu Sans", "Segoe UI", system-ui, sans-serif; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; line-height: 1.2; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .8rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
.meta { color: var(--muted); margin: 0; }
.note { border: 2px solid var(--bad); background: #fff4ec; padding: .6rem .9rem; border-radius: 6px; margin: 1rem 0; }
.outcome { border-left: 8px solid var(--muted); background: var(--soft); padding: .9rem 1.1rem; margin: 1.4rem 0;
           border-radius: 0 6px 6px 0; }
.outcome.good { border-color: var(--good); }
.outcome.rupture, .outcome.unsafe { border-color: var(--bad); }
.first { border: 3px solid var(--bad); background: #fff4ec; padding: .5rem 1.1rem; border-radius: 6px; margin: 1.2rem 0; }
.first p { margin: .35rem 0; font-weight: bold; }
.first .risk::before { content: "⚠ "; }
.outcome p { margin: .3rem 0 0; }
.outcome .label { font-size: 1.25rem; font-weight: bold; margin: 0; }
table { border-collapse: collapse; margin: .5rem 0 1rem; width: 100%; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .6rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
table.values { font-size: .8rem; }
.wide { overflow-x: auto; }
tr.current { background: var(--soft); font-weight: bold; }
figure { margin: 1rem 0; }
figure img { width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: .3rem; }
ol.decisions { list-style: none; padding: 0; margin: 0; }
.decision { border: 1px solid var(--line); border-left: 6px solid var(--good); border-radius: 0 6px 6px 0;
            padding: .8rem 1.1rem; margin: 0 0 1rem; break-inside: avoid; }
.decision.missed { border-left-color: var(--bad); }
.decision.partly { border-left-color: var(--follow); border-left-style: dashed; }
.decision h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
.decision h3 .node { color: var(--muted); font-weight: normal; }
.decision p { margin: .35rem 0; }
.said { font-style: italic; margin: .2rem 0 .5rem 1rem; padding-left: .8rem; border-left: 3px solid var(--line); }
.skill { color: var(--muted); }
.tag { display: inline-block; font-size: .8rem; font-weight: bold; letter-spacing: .03em; text-transform: uppercase;
       padding: 0 .45rem; border-radius: 4px; border: 2px solid; }
.tag.lead { color: var(--lead); } .tag.follow { color: var(--follow); }
.verdict { font-weight: bold; color: var(--good); } .missed .verdict { color: var(--bad); }
.partly .verdict { color: var(--follow); }
.shown { color: var(--muted); font-size: .9rem; }
.quality.poor, .quality.harmful { color: var(--bad); font-weight: bold; }
.expert { background: var(--soft); padding: .4rem .8rem; border-radius: 4px; margin: .5rem 0; }
.expert .said { border-left-color: var(--muted); }
.events { margin: .3rem 0 0; padding-left: 1.3rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media print {
  body { font-size: 10.5pt; padding: 0; max-width: none; }
  h2 { break-after: avoid; }
  .decision, figure, table { break-inside: avoid; }
  .wide { overflow: visible; }
}
"""


VERDICT_LABELS = {"met": "Met", "partly": "Partly met", "missed": "Missed"}


def html_report(view: AttemptView, chart_png: bytes | None) -> str:
    attempt = view.attempt
    parts = [_header(view), _first_lines(view)]
    parts += [f'<p class="note" role="note">{esc(note)}</p>' for note in view.notes]
    parts.append(_outcome(view))
    parts.append(_members(view))
    parts.append(_scores(view))
    if view.debrief and view.debrief.decisions:
        parts.append(_chart(view, chart_png))
        parts.append(_decisions(view))
    else:
        parts.append(_stored(view))
    parts.append(_comparison(view))
    choices = ",".join(map(str, attempt.choices))
    parts.append(f"<footer>Circle report of attempt #{esc(attempt.id)}, scenario “{esc(attempt.scenario_id)}”"
                 f" (seed {esc(attempt.seed)}). Replay it with: python main.py run {esc(attempt.scenario_id)}"
                 f" --seed {esc(attempt.seed)} --choices {esc(choices)}</footer>")
    body = "<main>\n" + "\n".join(p for p in parts if p) + "\n</main>"
    return page(f"{view.title} — debrief of attempt #{attempt.id}", CSS, body)


def _header(view: AttemptView) -> str:
    attempt = view.attempt
    who = f"{esc(attempt.learner)} · " if attempt.learner else ""
    finished = f" · finished {esc(when(attempt.finished_at))}" if attempt.finished else ""
    credits = "".join(f'<p class="meta">{esc(line)}</p>' for line in view.credits)
    return (f"<header><h1>{esc(view.title)}</h1><p class=\"meta\">{who}attempt #{esc(attempt.id)} · "
            f"seed {esc(attempt.seed)} · started {esc(when(attempt.started_at))}{finished} · "
            f"{len(attempt.choices)} decisions</p>{credits}</header>")


def _first_lines(view: AttemptView) -> str:
    """Before anything else, as the debrief: any missed risk, then who may not come back."""
    lines = view.first_lines
    if not lines:
        return ""
    items = "".join(f'<p class="{"risk" if line.startswith("Risk missed") else "drop"}">{esc(line)}</p>'
                    for line in lines)
    return f'<section class="first" role="alert" aria-label="First, safety and who may not come back">{items}</section>'


def _outcome(view: AttemptView) -> str:
    ending = view.debrief.ending_text if view.debrief else ""
    text = f"<p>{esc(ending)}</p>" if ending else ""
    return (f'<section class="outcome {_outcome_class(view)}" aria-label="Outcome"><p class="label">'
            f"{esc(view.outcome_words)}</p>{text}{_verdict_counts(view)}{_practice(view)}</section>")


def _practice(view: AttemptView) -> str:
    """Readings of the room, moments tried again, the members' climate: one sentence each."""
    return "".join(f'<p class="practice">{esc(line)}</p>' for line in practice_lines(view))


def _outcome_class(view: AttemptView) -> str:
    """good only for a safe breakthrough or growth; an unsafe ending is styled as unsafe, never good."""
    if view.safe is False and view.attempt.outcome:
        return "unsafe"
    if view.good:
        return "good"
    return esc(view.attempt.outcome or "unfinished")


def _verdict_counts(view: AttemptView) -> str:
    if not (view.debrief and view.debrief.decisions):
        return ""
    return f"<p>{esc(verdict_summary(view))}</p>"


def verdict_summary(view: AttemptView) -> str:
    """'2 of 5 decisions met what the group needed; 1 had the right stance but ...'."""
    counts, total = view.verdicts, len(view.debrief.decisions)
    words = f"{counts['met']} of {total} decisions met what the group needed at that moment"
    if counts["partly"]:
        words += f"; {counts['partly']} took the right stance with a poor or harmful move"
    if counts["missed"]:
        words += f"; {counts['missed']} missed it"
    return words + "."


def _members(view: AttemptView) -> str:
    rows = [(row.name, row.words, row.reason or "–") for row in view.members]
    if not rows:
        return ""
    return ("<h2>Who comes back</h2>"
            + table("Each member's outlook after this session, those who may not come back first",
                    ["Member", "Outlook", "Why"], rows, row_header=True))


def _scores(view: AttemptView) -> str:
    rows = [(text, points) for _, text, points in view.objectives]
    if not rows:
        return ""
    return "<h2>Objectives</h2>" + table("Points earned per objective", ["Objective", "Points"], rows, numeric=[1])


def _chart(view: AttemptView, png: bytes | None) -> str:
    from .chart_words import chart_alt

    debrief = view.debrief
    figure = ""
    if png:
        data = base64.b64encode(png).decode("ascii")
        figure = (f'<figure><img src="data:image/png;base64,{data}" alt="{esc(chart_alt(debrief))}">'
                  "<figcaption>Cohesion, engagement and conflict after each turn (turn 0 is the start); "
                  "thin lines are each member's engagement.</figcaption></figure>")
    return "<h2>How the group moved</h2>" + figure + values_table(view)


def values_table(view: AttemptView) -> str:
    headers, columns = chart_columns(view)
    rows = [[turn] + [f"{round(values[turn] * 100)}%" for values in columns] for turn in range(len(columns[0]))]
    return ('<div class="wide">' + table("The chart's values, turn by turn", headers, rows, css="values",
                                         row_header=True, numeric=range(1, len(headers))) + "</div>")


def chart_columns(view: AttemptView) -> tuple[list[str], list[list[float]]]:
    """Headers and value columns of the chart: group numbers, then each member's engagement."""
    debrief, names = view.debrief, view.names
    headers = ["Turn", "Cohesion", "Engagement", "Conflict"]
    columns = [debrief.series[k] for k in ("cohesion", "engagement", "conflict")]
    for member_id, values in debrief.member_series.items():
        headers.append(names.get(member_id, member_id))
        columns.append(values)
    return headers, columns


def _decisions(view: AttemptView) -> str:
    items = [_decision(d, view.names) for d in view.debrief.decisions]
    return '<h2>Each decision</h2><ol class="decisions">' + "\n".join(items) + "</ol>"


def _decision(d, names: dict[str, str]) -> str:
    """Both axes: the stance against the need, then the move itself; the mark only from the verdict.
    A reading of the room made first comes before the choice; a first try taken back, after it."""
    skill = f'<span class="skill">{esc(skill_words(d.skill))}</span>' if d.skill else ""
    shown = f' <span class="shown">(choice {d.shown} as shown)</span>' if d.shown else ""
    reading, first = reading_line(d, names), first_try_line(d)
    lines = [
        f'<h3>Turn {d.turn} <span class="node">· at “{esc(d.node_id)}”</span></h3>',
        f'<p class="reading">{esc(reading)}</p>' if reading else "",
        f"<p>You chose {_tag(d.stance)}{skill}{shown}</p>",
        f'<blockquote class="said">{esc(d.choice_text)}</blockquote>',
        f"<p>The group needed you to {_tag(d.need, colon=True)}{esc(d.need_reason)}.</p>",
        f'<p class="verdict">{esc(d.mark)} {esc(VERDICT_LABELS.get(d.verdict, d.verdict))}: {esc(d.verdict_line)}</p>',
        f'<p class="quality {esc(d.quality)}">The move itself: {esc(QUALITY_WORDS.get(d.quality, d.quality))}.</p>',
        f"<p>{esc(d.feedback)}</p>" if d.feedback else "",
        f'<p class="first-try">{esc(first)}</p>' if first else "",
    ]
    if d.expert_text:
        feedback = f" {esc(d.expert_feedback)}" if d.expert_feedback else ""
        lines.append(f'<div class="expert"><p><strong>The expert choice here:</strong></p>'
                     f'<blockquote class="said">{esc(d.expert_text)}</blockquote><p>{feedback.strip()}</p></div>')
    if d.events:
        lines.append('<p>What happened in the room:</p><ul class="events">'
                     + "".join(f"<li>{esc(e)}</li>" for e in d.events) + "</ul>")
    return f'<li class="decision {esc(d.verdict)}"><article>{"".join(lines)}</article></li>'


def _tag(stance: str, colon: bool = False) -> str:
    """The stance as a coloured, outlined word (the word carries the meaning, not the colour)."""
    return f'<span class="tag {esc(stance)}">{esc(stance)}</span>{":" if colon else ""} '


def _stored(view: AttemptView) -> str:
    attempt = view.attempt
    parts = ["<h2>What was stored</h2>",
             f"<p>Choice numbers, in order: {esc(', '.join(map(str, attempt.choices)) or 'none')}.</p>"]
    group = attempt.final_state.get("group", {})
    if group:
        parts.append(table("The group at the end", ["Measure", "Value"],
                           [(k.capitalize(), f"{round(v * 100)}%") for k, v in group.items()], numeric=[1]))
    return "".join(parts)


def _comparison(view: AttemptView) -> str:
    words = "".join(f"<p>{esc(w)}</p>" for w in comparison(view))
    rows = []
    for row in view.history:
        met = "?" if row.met is None else f"{row.met} of {row.decisions}"
        label = f"#{row.id}" + (" (this one)" if row.current else "")
        label += " · earlier version of the file" if row.earlier else ""
        rows.append((label, row.started, row.ending_words, SAFE_WORDS[row.safe], met, row.score))
    marks = ["current" if row.current else "" for row in view.history]
    return ("<h2>Compared with your other attempts</h2>" + words
            + table("Your attempts at this scenario",
                    ["Attempt", "Started", "Outcome", "Safe", "Met the need", "Score"],
                    rows, numeric=[5], row_css=marks))


SAFE_WORDS = {True: "yes", False: "no: a risk was missed", None: "not known"}
