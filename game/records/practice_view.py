"""What a report of one attempt says of practice, in words both writers (HTML, Markdown) and the
CSV share: the readings of the room and how many matched, the moments tried again and how the
first tries went, the members' climate from start to end, and each decision's first try, reading
and skill with its ASGW domain.

Sentences only, never markup: each writer escapes them as it escapes everything else.
"""
from __future__ import annotations

from game.scenario.skill_domains import skill_with_domain

from .attempt_view import AttemptView

SCALES = (("engaged", "engaged"), ("avoiding", "avoiding"), ("conflict", "conflict"))
VERDICT_WORDS = {"met": "met the group's need", "partly": "partly met it", "missed": "missed it"}


def practice_lines(view: AttemptView) -> list[str]:
    """The attempt's practice in a few sentences (none when there was none to speak of)."""
    debrief = view.debrief
    if debrief is None:
        return []
    lines = []
    if debrief.readings:
        lines.append(f"Reading the room: {debrief.readings_matched} of {_count(len(debrief.readings), 'reading')} "
                     "matched what the group needed.")
    if debrief.retried:
        lines.append(f"Moments tried again: {debrief.retried}. At the first try, {debrief.first_tries_met} of "
                     f"{_count(len(debrief.decisions), 'decision')} met the group's need; in the end, {debrief.fits}.")
    climate = climate_line(view)
    if climate:
        lines.append(climate)
    return lines


def climate_line(view: AttemptView) -> str | None:
    """'The members' climate (GCQ-S, 0 to 6): engaged 3.2 → 3.9, ...' over the replayed history."""
    climate = view.debrief.climate if view.debrief else None
    if climate is None:
        return None
    moves = ", ".join(f"{words} {getattr(climate.start, name):.1f} → {getattr(climate.end, name):.1f}"
                      for name, words in SCALES)
    return f"The members' climate (Group Climate Questionnaire, 0 to 6), start → end: {moves}."


def skill_words(skill: str | None) -> str | None:
    """The skill with its ASGW domain: 'drawing out (Implementation of group interventions)'."""
    return skill_with_domain(skill) if skill else None


def first_try_line(decision) -> str | None:
    """For a moment tried again: how the first try went, and that this choice is a retry."""
    if not decision.retries:
        return None
    first = decision.first_choice_text or "another choice"
    how = VERDICT_WORDS.get(decision.first_verdict or "", "was not met")
    again = "1 retry" if decision.retries == 1 else f"{decision.retries} retries"
    return f"First try: “{first}”, which {how}. This choice came after {again}."


def reading_line(decision, names: dict[str, str]) -> str | None:
    """The learner's reading made before this decision, beside the model's."""
    reading = decision.reading
    if reading is None:
        return None
    said = reading.stance + (f", {names.get(reading.member, reading.member)} most needing attention"
                             if reading.member else "")
    need = reading.need
    model = need.stance + (f", {names.get(need.member, need.member)}" if need.member else "")
    verdict = "matched" if reading.matched else "did not match"
    return f"Your reading first: {said}. It {verdict} the group's ({model})."


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
