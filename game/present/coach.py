"""The coach's note after a choice: what the group needed, how the choice did, and why.

One note, one line: the window shows it in a panel and in the transcript, the terminal prints
the same line, so a trainee who moves between them reads the same verdict in the same words.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.engine import MARKS


@dataclass(frozen=True)
class CoachNote:
    """After a choice: what the group needed, how the choice did on both axes, and why.

    `verdict` is the engine's: met (the right stance, aimed where the need was, and a best or
    good move), partly (the right stance, a poor or harmful move) or missed. Only met earns a
    tick, so a tick never sits beside words that criticise the choice.
    """

    needed: str          # lead | follow
    reason: str          # "conflict is running high"
    chosen: str          # lead | follow
    met: bool
    verdict_line: str    # the engine's line: "You chose to lead, but not toward Ben."
    feedback: str
    verdict: str = "met"  # met | partly | missed
    skill: str | None = None   # the skill the choice used (named after choosing at higher levels)
    quality: str = "good"      # best | good | poor | harmful: the move itself

    @property
    def mark(self) -> str:
        return MARKS.get(self.verdict, MARKS["missed"])

    @property
    def headline(self) -> str:
        return f"The group needed you to {self.needed.upper()}"

    @property
    def short(self) -> str:
        return verdict_short(self.verdict, self.chosen, self.quality)

    def as_line(self, name_skill: bool = False) -> str:
        """The note in one line. `name_skill` adds the skill used, for a trainee whose cards did
        not name it before choosing (the window's panel names it beside the verdict instead)."""
        used = f" (You used {skill_words(self.skill)}.)" if name_skill and self.skill else ""
        text = f"Coach {self.mark} The group needed you to {self.needed}: {self.reason}. {self.verdict_line}{used}"
        return f"{text} {self.feedback}".strip()


def verdict_short(verdict: str, stance: str, quality: str) -> str:
    """The verdict in a few words beside its mark: 'met it', 'right to lead, poor move',
    'missed it'. `partly` names both axes, so the right stance never reads as praise for the move."""
    if verdict == "met":
        return "met it"
    if verdict == "partly":
        return f"right to {stance}, {'harmful' if quality == 'harmful' else 'poor'} move"
    return "missed it"


def skill_words(skill: str | None) -> str:
    """A skill's id as words ('active_listening' -> 'active listening')."""
    return (skill or "").replace("_", " ")


def coach_note(reaction) -> CoachNote:
    """The note for a Reaction, in the reaction's own words (the engine judged it)."""
    return CoachNote(reaction.need.stance, reaction.need.text(reaction.names), reaction.stance,
                     reaction.met, reaction.verdict_line, reaction.feedback, reaction.verdict,
                     reaction.offered.skill, reaction.quality)
