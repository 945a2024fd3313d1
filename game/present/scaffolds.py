"""Scaffolds that fade: what the trainee sees of the model while choosing, by level.

A beginner plays with every support on: the group's meters, the members' thoughts and the
coach. At intermediate level the thoughts stay hidden until a choice is made (the trainee reads
faces and posture first, then checks); at advanced level the meters and thoughts stay hidden
until the debrief, and the bodies in the circle carry it all. The coach's verdict after each
choice stays at every level: practice without feedback does not teach. A setting may pick
another level's scaffolds than the scenario's own; the attempt records which were used.
"""
from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("beginner", "intermediate", "advanced")
BY_LEVEL = "by-level"                     # the setting that follows the scenario's level
SETTINGS = (BY_LEVEL, *LEVELS)
ALWAYS, AFTER_CHOICE, DEBRIEF = "always", "after-choice", "debrief"


@dataclass(frozen=True)
class Scaffolds:
    """When the meters and the thoughts may be seen, and whether the coach speaks."""

    level: str                 # whose scaffolds these are: beginner | intermediate | advanced
    chosen: bool               # picked in the settings, not by the scenario's level
    meters: str                # always | after-choice | debrief
    thoughts: str
    coach: bool = True

    def meters_shown(self, choosing: bool) -> bool:
        """May the meters be seen now (`choosing`: the choices are up, not yet answered)?"""
        return _shown(self.meters, choosing)

    def thoughts_shown(self, choosing: bool) -> bool:
        return _shown(self.thoughts, choosing)

    @property
    def words(self) -> str:
        """For the briefing and the settings: what is on and what is hidden."""
        parts = {ALWAYS: "shown", AFTER_CHOICE: "shown after each choice", DEBRIEF: "hidden until the debrief"}
        return f"meters {parts[self.meters]}; thoughts {parts[self.thoughts]}; coach {'on' if self.coach else 'off'}"

    def as_record(self) -> dict:
        """What the attempt keeps: {"level", "set_by": "scenario" | "settings"}."""
        return {"level": self.level, "set_by": "settings" if self.chosen else "scenario"}


def _shown(when: str, choosing: bool) -> bool:
    return when == ALWAYS or (when == AFTER_CHOICE and not choosing)


PLAN = {
    "beginner": (ALWAYS, ALWAYS),
    "intermediate": (ALWAYS, AFTER_CHOICE),
    "advanced": (DEBRIEF, DEBRIEF),
}


def setting_in_force(stored: str | None, given: str | None = None) -> str:
    """The scaffolds setting that holds for a run: one given for the run (`play --scaffolds`)
    when it names a level, else the stored one, else by level."""
    return given if given in LEVELS else (stored or BY_LEVEL)


def scaffolds_for(level: str, setting: str = BY_LEVEL) -> Scaffolds:
    """The scaffolds for a scenario of `level`, unless `setting` names a level of its own.
    An unknown setting follows the level (a settings file edited by hand must not stop play)."""
    chosen = setting in LEVELS
    used = setting if chosen else (level if level in LEVELS else "beginner")
    meters, thoughts = PLAN[used]
    return Scaffolds(used, chosen, meters, thoughts)
