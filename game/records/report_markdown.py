"""One attempt's debrief as Markdown: the HTML report's content, with a table for the chart."""
from __future__ import annotations

from .attempt_view import AttemptView, comparison, when
from .report_html import chart_columns


def markdown_report(view: AttemptView) -> str:
    attempt = view.attempt
    who = f"{_text(attempt.learner)} · " if attempt.learner else ""
    out = [f"# {_text(view.title)}", "",
           f"{who}attempt #{attempt.id} · started {when(attempt.started_at)} · {len(attempt.choices)} decisions", ""]
    out += [f"> **Note:** {_text(note)}\n" for note in view.notes]
    out += ["## Outcome", "", f"**{_text(view.outcome_words)}**", ""]
    if view.debrief and view.debrief.ending_text:
        out += [_text(view.debrief.ending_text), ""]
    if view.debrief and view.debrief.decisions:
        out += [f"{view.debrief.fits} of {len(view.debrief.decisions)} decisions met what the group needed "
                "at that moment.", ""]
    if view.objectives:
        out += ["## Objectives", "", "| Objective | Points |", "|---|---:|"]
        out += [f"| {_cell(text)} | {points} |" for _, text, points in view.objectives]
        out.append("")
    if view.debrief and view.debrief.decisions:
        out += _values(view) + _decisions(view)
    else:
        out += ["## What was stored", "", f"Choice numbers, in order: {', '.join(map(str, attempt.choices)) or 'none'}.", ""]
    out += ["## Compared with your other attempts", ""] + [_text(w) + "\n" for w in comparison(view)]
    out += ["| Attempt | Started | Outcome | Fit the need | Score |", "|---|---|---|---|---:|"]
    for row in view.history:
        fits = "?" if row.fits is None else f"{row.fits} of {row.decisions}"
        label = f"**#{row.id} (this one)**" if row.current else f"#{row.id}"
        out.append(f"| {label} | {row.started} | {row.outcome or 'unfinished'} | {fits} | {row.score} |")
    return "\n".join(out).rstrip() + "\n"


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
        verdict = "✓ Your stance met the need." if d.fit else "✗ Your stance missed the need."
        skill = f" ({d.skill.replace('_', ' ')})" if d.skill else ""
        out += [f"### Turn {d.turn} · at “{_text(d.node_id)}”", "",
                f"- You chose **{d.stance}**{skill}: *{_text(d.choice_text)}*",
                f"- The group needed you to **{d.need}**: {_text(d.need_reason)}.",
                f"- **{verdict}**"]
        if d.feedback:
            out.append(f"- {_text(d.feedback)}")
        if d.expert_text:
            more = f" {_text(d.expert_feedback)}" if d.expert_feedback else ""
            out.append(f"- The expert choice here: *{_text(d.expert_text)}*{more}")
        out += [f"- In the room: {_text(e)}" for e in d.events]
        out.append("")
    return out


def _text(value: str) -> str:
    """Scenario text inside Markdown: keep it from turning into markup or HTML."""
    text = " ".join(str(value).split())
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


def _cell(value: str) -> str:
    return _text(value)
