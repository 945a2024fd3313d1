"""The terminal's debrief: the same Debrief the window shows, in plain text.

Each function takes the TextPlay it writes through (its `say` wraps and escapes every line).
"""
from __future__ import annotations

SPARKS = "▁▂▃▄▅▆▇█"
OUTCOME_MARKS = {"returns": "+", "uncertain": "?", "may_drop_out": "!"}


def show_debrief(out, debrief) -> None:
    """The debrief in plain text; `out` is the TextPlay (its `say` and `heading`)."""
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
    out.heading(f"Your decisions: the need met in {debrief.fits} of {len(debrief.decisions)}")
    out.say("✓ met: the right stance and a good move · ~ partly: the right stance, a poor move · "
             "✗ missed: the wrong stance, aimed elsewhere, or a risk left unchecked")
    for d in debrief.decisions:
        show_decision(out, d)

def show_decision(out, d) -> None:
    """One decision: what was chosen, what the group needed, the verdict and why."""
    skill = f", {d.skill.replace('_', ' ')}" if d.skill else ""
    out.say()
    out.say(f"{d.turn}. You chose to {d.stance.upper()}{skill}: “{d.choice_text.strip()}”")
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
