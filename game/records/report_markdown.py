"""One attempt's debrief as Markdown: the HTML report's content, with a table for the chart.

It opens as the debrief does (any missed risk, then who may not come back), and only a met
need earns a tick.
"""
from __future__ import annotations

import re

from .attempt_view import QUALITY_WORDS, AttemptView, comparison, when
from .practice_view import first_try_line, practice_lines, reading_line, skill_words
from .report_html import SAFE_WORDS, VERDICT_LABELS, chart_columns, verdict_summary


def markdown_report(view: AttemptView) -> str:
    attempt = view.attempt
    who = f"{_text(attempt.learner)} · " if attempt.learner else ""
    out = [f"# {_text(view.title)}", "",
           f"{who}attempt #{_text(attempt.id)} · seed {_text(attempt.seed)} · started {when(attempt.started_at)} · "
           f"{len(attempt.choices)} decisions", ""]
    out += [f"{_text(line)}  " for line in view.credits] + ([""] if view.credits else [])
    out += [f"> **{_text(line)}**\n" for line in view.first_lines]
    out += [f"> **Note:** {_text(note)}\n" for note in view.notes]
    out += ["## Outcome", "", f"**{_text(view.outcome_words)}**", ""]
    if view.debrief and view.debrief.ending_text:
        out += [_text(view.debrief.ending_text), ""]
    if view.debrief and view.debrief.decisions:
        out += [verdict_summary(view), ""]
    out += [f"{_text(line)}\n" for line in practice_lines(view)]
    out += _members(view)
    if view.objectives:
        out += ["## Objectives", "", "| Objective | Points |", "|---|---:|"]
        out += [f"| {_cell(text)} | {_cell(points)} |" for _, text, points in view.objectives]
        out.append("")
    if view.debrief and view.debrief.decisions:
        out += _values(view) + _decisions(view)
    else:
        choices = _text(", ".join(map(str, attempt.choices)) or "none")
        out += ["## What was stored", "", f"Choice numbers, in order: {choices}.", ""]
    out += _comparison(view)
    return "\n".join(out).rstrip() + "\n"


def _members(view: AttemptView) -> list[str]:
    if not view.members:
        return []
    out = ["## Who comes back", "", "| Member | Outlook | Why |", "|---|---|---|"]
    out += [f"| {_cell(row.name)} | {_cell(row.words)} | {_cell(row.reason) or '–'} |" for row in view.members]
    return out + [""]


def _values(view: AttemptView) -> list[str]:
    headers, columns = chart_columns(view)
    out = ["## How the group moved", "",
           "Cohesion, engagement and conflict after each turn (turn 0 is the start), then each member's engagement.", "",
           "| " + " | ".join(_cell(h) for h in headers) + " |", "|" + "---:|" * len(headers)]
    for turn in range(len(columns[0])):
        out.append(f"| {turn} | " + " | ".join(f"{round(c[turn] * 100)}%" for c in columns) + " |")
    return out + [""]


def _decisions(view: AttemptView) -> list[str]:
    out = ["## Each decision", ""]
    for d in view.debrief.decisions:
        skill = f" ({skill_words(d.skill)})" if d.skill else ""
        shown = f" — choice {d.shown} as shown" if d.shown else ""
        reading, first = reading_line(d, view.names), first_try_line(d)
        out += [f"### Turn {d.turn} · at “{_text(d.node_id)}”", ""]
        out += [f"- {_text(reading)}"] if reading else []
        out += [f"- You chose **{_text(d.stance)}**{_text(skill)}{shown}: *{_text(d.choice_text)}*",
                f"- The group needed you to **{_text(d.need)}**: {_text(d.need_reason)}.",
                f"- **{_text(d.mark)} {_text(VERDICT_LABELS.get(d.verdict, d.verdict))}: {_text(d.verdict_line)}**",
                f"- The move itself: {_text(QUALITY_WORDS.get(d.quality, d.quality))}."]
        if d.feedback:
            out.append(f"- {_text(d.feedback)}")
        if first:
            out.append(f"- {_text(first)}")
        if d.expert_text:
            more = f" {_text(d.expert_feedback)}" if d.expert_feedback else ""
            out.append(f"- The expert choice here: *{_text(d.expert_text)}*{more}")
        out += [f"- In the room: {_text(e)}" for e in d.events]
        out.append("")
    return out


def _comparison(view: AttemptView) -> list[str]:
    out = ["## Compared with your other attempts", ""] + [_text(w) + "\n" for w in comparison(view)]
    out += ["| Attempt | Started | Outcome | Safe | Met the need | Score |", "|---|---|---|---|---|---:|"]
    for row in view.history:
        met = "?" if row.met is None else f"{row.met} of {row.decisions}"
        label = f"**#{_cell(row.id)} (this one)**" if row.current else f"#{_cell(row.id)}"
        label += " · earlier version of the file" if row.earlier else ""
        out.append(f"| {label} | {_cell(row.started)} | {_cell(row.ending_words)} | {SAFE_WORDS[row.safe]} | "
                   f"{_cell(met)} | {_cell(row.score)} |")
    return out


MARKUP = "\\`*_[]<>#|&~"   # emphasis, code, links and images ([...]), HTML, entities, tables, strike


def _text(value) -> str:
    """Text from a scenario or the records inside Markdown: kept on one line and kept from turning
    into markup, a link, an autolink or HTML (a tampered records file must not write a page)."""
    text = " ".join(str(value).split())
    for char in MARKUP:
        text = text.replace(char, "\\" + char)
    text = text.replace("://", "\\:\\/\\/").replace("www.", "www\\.").replace("@", "\\@")
    if text[:1] in ("-", "+", "="):
        text = "\\" + text    # would start a list or underline a heading at a line's start
    return re.sub(r"^(\d+)\.", r"\1\\.", text)   # "1." would start a numbered list


def _cell(value: str) -> str:
    return _text(value)
