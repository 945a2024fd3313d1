"""`progress` as plain text: the learner's skills, the moments missed most, what to practise next.

For a terminal, read top to bottom: each skill named with its ASGW domain (so a student can tell
their programme which standard the practice counts toward), then the few moments worth
replaying, then the suggestions numbered so one can be picked.
"""
from __future__ import annotations

from game.scenario.skill_domains import domain_of

from .progress import Progress

MOMENTS_SHOWN = 5


def progress_text(progress: Progress) -> str:
    """The whole report, ending in a newline."""
    lines = _heading(progress)
    if not progress.attempts:
        lines += ["No attempts in the records yet."]
    else:
        lines += [""] + _skills(progress) + [""] + _reading(progress) + [""] + _moments(progress)
    lines += [""] + _next(progress)
    return "\n".join(lines) + "\n"


def _heading(progress: Progress) -> list[str]:
    who = progress.learner if progress.learner else "everyone in these records"
    scenarios = len(progress.played)
    return [f"Progress: {who}",
            f"{_count(progress.attempts, 'attempt')} at {_count(scenarios, 'scenario')}, "
            f"{_count(progress.decisions, 'decision')} counted."]


def _skills(progress: Progress) -> list[str]:
    tried = [(skill, tally) for skill, tally in progress.skills.items() if tally.tried]
    if not tried:
        return ["Skills: no decision with a named skill yet."]
    width = max(len(skill) for skill, _ in tried)
    lines = ["Skills (how often tried, and how often the move met the group's need):"]
    for skill, tally in sorted(tried, key=lambda pair: (-pair[1].tried, pair[0])):
        share = f"{round(100 * tally.share):3d}%"
        lines.append(f"  {skill.replace('_', ' '):<{width}}  {tally.met:3d} of {tally.tried:<3d} met {share}"
                     f"   {domain_of(skill).domain.title}"
                     + (f" ({tally.retries} of them {'a retry' if tally.retries == 1 else 'retries'})"
                        if tally.retries else ""))
    if progress.retries:
        lines.append(f"  Of the {_count(progress.decisions, 'decision')}, {progress.retries} "
                     f"{'was a retry' if progress.retries == 1 else 'were retries'} of a moment tried again "
                     "(each counted as tried, as it was).")
    untried = [skill.replace("_", " ") for skill, tally in progress.skills.items() if not tally.tried]
    if untried:
        lines.append(f"  Not tried yet: {', '.join(untried)}.")
    return lines


def _reading(progress: Progress) -> list[str]:
    reading = progress.reading
    if not reading.asked:
        return ["Reading the room: no readings kept yet."]
    return [f"Reading the room: asked {_count(reading.asked, 'time')}, "
            f"your reading matched the group's {reading.matched} of them."]


def _moments(progress: Progress) -> list[str]:
    missed = progress.most_missed(MOMENTS_SHOWN)
    if not missed:
        return ["Moments missed: none. Every decision so far met the group's need."]
    lines = ["Moments missed most:"]
    for moment in missed:
        title = progress.titles.get(moment.scenario, moment.scenario)
        lines.append(f"  {title} ({moment.scenario}), at '{moment.node}': not met at the first try "
                     f"{moment.missed} of {_count(moment.reached, 'time')}")
    return lines


def _next(progress: Progress) -> list[str]:
    if not progress.next:
        return ["Nothing to suggest."]
    lines = ["What to practise next:"]
    for number, suggestion in enumerate(progress.next, start=1):
        where = f"{suggestion.scenario}, the moment '{suggestion.node}'" if suggestion.node \
            else f"{suggestion.scenario}, from the start"
        lines.append(f"  {number}. {where}: {suggestion.why}")
    return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
