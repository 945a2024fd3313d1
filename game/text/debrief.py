"""The terminal's debrief: the same Debrief the window shows, in plain text.

Each function takes the TextPlay it writes through (its `say` wraps and escapes every line).
Practice shows only when it happened: a moment tried again names its first try beside the
retry, and readings of the room are counted and shown beside the model's; a plain session's
debrief reads as before, with the members' own view of the group added after the room's.
"""
from __future__ import annotations

from game.present.debrief_practice import (CLIMATE_CAPTION, climate_rows, first_try_summary, first_try_words,
                                           lead_in_summary, reading_summary, reading_words, retry_label,
                                           skill_label)

SPARKS = "▁▂▃▄▅▆▇█"
OUTCOME_MARKS = {"returns": "+", "uncertain": "?", "may_drop_out": "!"}


def show_debrief(out, debrief, names: dict | None = None) -> None:
    """The debrief in plain text; `out` is the TextPlay (its `say` and `heading`)."""
    names = names if names is not None else getattr(getattr(out, "session", None), "names", {})
    out.heading("Debrief")
    for line in debrief.first_lines:   # a missed risk, then who may not come back: first
        out.say(f"! {line}")
    if debrief.first_lines:
        out.say()
    out.say(debrief.outcome_words)
    if debrief.ending_text:
        out.say(debrief.ending_text.strip())
    if debrief.members:
        out.heading("Who comes back")
        for outcome in debrief.members:
            out.say(f"{OUTCOME_MARKS[outcome.outcome]} {outcome.reason}", "  ")
    out.heading("Objectives")
    for _, text, points in debrief.scores:
        out.say(f"{points:+d}  {text}", "  ")
    out.heading("The room over time")
    for label, values in debrief.series.items():
        out.say(f"{label.capitalize():<11} {sparkline(values)}  {values[0]:.0%} → {values[-1]:.0%}", "  ")
    show_climate(out, debrief)
    show_readings(out, debrief)
    out.heading(f"Your decisions: the need met in {debrief.fits} of {len(debrief.decisions)}")
    for summary in (lead_in_summary(debrief), first_try_summary(debrief)):
        if summary:
            out.say(summary)
    out.say("✓ met: the right stance and a good move · ~ partly: the right stance, a poor move · "
             "✗ missed: the wrong stance, aimed elsewhere, or a risk left unchecked")
    for d in debrief.decisions:
        show_decision(out, d, names)


def show_climate(out, debrief) -> None:
    """The members' GCQ-S scales at the start and the end, and which way is good for each."""
    rows = climate_rows(debrief.climate)
    if not rows or not debrief.climate.turns:
        return
    out.heading("The group's own view")
    out.say(CLIMATE_CAPTION + ".")
    for row in rows:
        out.say(row.as_line(), "  ")


def show_readings(out, debrief) -> None:
    """How often the trainee's reading of the room was the model's; nothing when none was made."""
    summary = reading_summary(debrief)
    if summary:
        out.heading("Reading the room")
        out.say(summary)


def show_decision(out, d, names: dict | None = None) -> None:
    """One decision: what was chosen, what the group needed, the verdict and why. A retried
    moment shows its first try, with that try's own mark, before the retry."""
    skill = f", {skill_label(d.skill)}" if d.skill else ""
    chose = f"You chose to {d.stance.upper()}{skill}: “{d.choice_text.strip()}”"
    out.say()
    if d.retries:
        out.say(f"{d.turn}. {first_try_words(d)}")
        out.say(f"→ {retry_label(d)} {chose}", "   ")
    else:
        out.say(f"{d.turn}. {chose}")
    if d.reading is not None:
        out.say(reading_words(d.reading, names or {}).as_line(), "   ")
    out.say(f"{d.mark} The group needed you to {d.need}: {d.need_reason}. {d.verdict_line} "
             f"(The move: {d.quality}.)", "   ")
    if d.feedback:
        out.say(d.feedback.strip(), "   ")
    for event in d.events:
        out.say(f"• {event}", "   ")
    if d.expert_text:
        out.say(f"Recommended: “{d.expert_text.strip()}” {d.expert_feedback or ''}".rstrip(), "   ")


def sparkline(values: list[float]) -> str:
    """0..1 values as block characters, so a trend reads at a glance in a terminal."""
    return "".join(SPARKS[min(len(SPARKS) - 1, int(v * len(SPARKS)))] for v in values)
