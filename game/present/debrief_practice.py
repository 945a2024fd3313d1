"""What the debrief says about practice: first tries and retries, readings of the room, and the
members' own view of the group (the GCQ-S scales), in words both front ends show.

A retried moment must not count as met at the first try: the summary keeps the two apart, and
each retried decision names its first try with that try's own mark (a tick only when it met
the need, TEACHING.md). The climate rows say which way each scale is good, because a rising
number is good news for Engaged and bad news for Avoiding and Conflict.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.engine.reaction import MARKS
from game.scenario.skill_domains import skill_with_domain

CLIMATE_CAPTION = ("Group Climate Questionnaire, short form (MacKenzie, 1983): "
                   "the members' view, answered from the model's state; each scale 0–6")
SCALE_TOP = 6
STEADY = 0.05            # a change that rounds to 0.0 on the scale's one decimal is no change
BRIEF_CHARS = 70         # a first try is named by its opening words
GOOD_WAY = {"engaged": 1, "avoiding": -1, "conflict": -1}   # engaged up is good; the others down
SCALE_TITLES = {"engaged": "Engaged", "avoiding": "Avoiding", "conflict": "Conflict"}


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def first_try_summary(debrief) -> str | None:
    """'Need met at the first try in 5 of 9 decisions; 3 moments tried again, 2 of them met on
    a retry.' None when no moment was tried again (the plain count says it all then)."""
    retried = [d for d in debrief.decisions if d.retries]
    if not retried:
        return None
    on_retry = sum(1 for d in retried if d.verdict == "met")
    if len(retried) == 1:
        then = "met on a retry" if on_retry else "not met on a retry"
    else:
        then = f"{on_retry} of them met on a retry"
    return (f"Need met at the first try in {debrief.first_tries_met} of "
            f"{plural(len(debrief.decisions), 'decision')}; {plural(len(retried), 'moment')} tried again, {then}.")


def lead_in_summary(debrief) -> str | None:
    """'You started at a chosen moment: the 4 choices before it were played for you and are
    not judged here.' None for a session played from the start."""
    if not debrief.lead_in:
        return None
    were = "choice before it was" if debrief.lead_in == 1 else f"{debrief.lead_in} choices before it were"
    return f"You started at a chosen moment: the {were} played for you and are not judged here."


def reading_summary(debrief) -> str | None:
    """'You read the room as the model did in 4 of 6 moments.' None when no reading was made."""
    if not debrief.readings:
        return None
    made = len(debrief.readings)
    return f"You read the room as the model did in {debrief.readings_matched} of {plural(made, 'moment')}."


def brief(text: str, most: int = BRIEF_CHARS) -> str:
    """A choice's opening words, cut at a word, so a first try is recognised without its
    whole text."""
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    cut = text[:most].rsplit(" ", 1)[0].rstrip(",;:.—-")
    return cut + "…"


def first_try_words(decision) -> str:
    """'First try ✗ “Let me pull this together…”' (its own mark, never the retry's)."""
    return f"First try {decision.first_mark} “{brief(decision.first_choice_text or '')}”"


def retry_label(decision) -> str:
    """'Retry 2 ✓': which try this choice was, with its mark."""
    return f"Retry {decision.retries} {decision.mark}"


def skill_label(skill: str | None) -> str:
    """'drawing out (Implementation of group interventions)'; a skill the standards do not
    list is named by itself."""
    if not skill:
        return ""
    try:
        return skill_with_domain(skill)
    except (ValueError, KeyError):
        return skill.replace("_", " ")


# -- readings of the room --------------------------------------------------------------------

def stance_and_who(stance: str, member: str | None, names: dict) -> str:
    """'LEAD, toward Helen' or 'FOLLOW'."""
    who = f", toward {names.get(member, member)}" if member else ""
    return f"{stance.upper()}{who}"


@dataclass(frozen=True)
class ReadingWords:
    yours: str
    model: str
    matched: bool

    @property
    def mark(self) -> str:
        return MARKS["met" if self.matched else "missed"]

    def as_line(self, marked: bool = True) -> str:
        """'Your reading ✓ LEAD, toward Helen · the model's: LEAD, toward Helen' (the window
        draws the mark itself, so asks for the line without it)."""
        mark = f" {self.mark} " if marked else ": "
        return f"Your reading{mark}{self.yours} · the model's: {self.model}"


def reading_words(reading, names: dict) -> ReadingWords:
    """The trainee's reading beside the model's (who is named only when someone named anyone)."""
    need = reading.need
    return ReadingWords(stance_and_who(reading.stance, reading.member, names),
                        stance_and_who(need.stance, need.member, names), reading.matched)


# -- the members' climate --------------------------------------------------------------------

@dataclass(frozen=True)
class ClimateRow:
    """One GCQ-S scale at the start and the end, and whether its move is good news."""

    scale: str
    start: float
    end: float

    @property
    def title(self) -> str:
        return SCALE_TITLES.get(self.scale, self.scale.capitalize())

    @property
    def change(self) -> float:
        """The change as shown: between the two scores on their one decimal, so the three
        numbers on a row always add up."""
        return round(shown(self.end) - shown(self.start), 1)

    @property
    def good_way(self) -> str:
        return "up" if GOOD_WAY.get(self.scale, 1) > 0 else "down"

    @property
    def arrow(self) -> str:
        if abs(self.change) < STEADY:
            return "="      # not an arrow: "2.3 → 2.3 → 0.0" would read as a move
        return "↑" if self.change > 0 else "↓"

    @property
    def better(self) -> bool | None:
        """True when it moved the good way, False the other, None when it held."""
        if abs(self.change) < STEADY:
            return None
        return (self.change > 0) == (GOOD_WAY.get(self.scale, 1) > 0)

    @property
    def judgement(self) -> str:
        return {True: "better", False: "worse", None: "no change"}[self.better]

    @property
    def change_words(self) -> str:
        """'+1.3' / '−0.4' / '0.0', the change on the scale's one decimal."""
        if abs(self.change) < STEADY:
            return "0.0"
        return f"{'+' if self.change > 0 else '−'}{abs(self.change):.1f}"

    def as_line(self) -> str:
        """'Engaged   2.4 → 3.6  ↑ +1.3 better (up is good)'."""
        return (f"{self.title:<9} {self.start:.1f} → {self.end:.1f}  {self.arrow} {self.change_words} "
                f"{self.judgement} ({self.good_way} is good)")


def shown(score: float) -> float:
    """A scale score as the debrief prints it, on one decimal."""
    return float(f"{score:.1f}")


def climate_rows(climate) -> tuple[ClimateRow, ...]:
    """The three scales in the questionnaire's order; none without a climate."""
    if climate is None:
        return ()
    return tuple(ClimateRow(scale, start, end) for scale, start, end
                 in zip(climate.start._fields, climate.start, climate.end))
