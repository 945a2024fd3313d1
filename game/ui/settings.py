"""The front end's settings: what the learner chose on the settings panel, kept between runs.

They live in one small JSON file in the data folder, next to the records. It is written
atomically (a temporary file, then `os.replace`), so a crash mid-write leaves the old file,
never half a file. A missing, unreadable or hand-damaged file gives the defaults; a bad value
for one setting falls back for that setting only.

`--presenter` changes what is shown (fullscreen, large text, coach, inner state and the
decisions' timeline on) without
changing what is stored: the store keeps the learner's own choices, and only a setting changed
on the panel is written.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from game.present.scaffolds import SETTINGS as SCAFFOLD_SETTINGS
from game.ui import fonts, theme

FILE_NAME = "settings.json"
TEXT_SIZES = list(fonts.SCALES)            # small, normal, large, presenter
THEMES = list(theme.PALETTES)              # light, dark, high_contrast
THEME_WORDS = {"light": "Light", "dark": "Dark", "high_contrast": "High contrast"}


@dataclass(frozen=True)
class Settings:
    text_size: str = "normal"
    theme: str = "light"
    animations: bool = True
    coach: bool = True          # after each choice: what the group needed, and whether it was met
    fullscreen: bool = False
    sound: bool = True
    meters: bool = False        # the M toggle: the group's numbers as labelled bars
    inner_state: bool = False   # the T toggle: each member's numbers and thoughts
    timeline: bool = False      # the L toggle: the session's decisions, to rewind to (presenter tools)
    skill_names: str = "by_level"   # on the cards before choosing: by_level, before or after
    scaffolds: str = "by-level"     # what shows while choosing: the scenario's level, or one picked
    ask: str = "marked"             # read the room first: at the moments marked for it, or every moment

    def with_value(self, key: str, value) -> "Settings":
        return replace(self, **{key: value})

    def presenter(self) -> "Settings":
        """What a classroom projector needs: big, fullscreen, everything explained."""
        return replace(self, text_size="presenter", fullscreen=True, coach=True, inner_state=True, timeline=True)


CHOICES: dict[str, list] = {
    "text_size": TEXT_SIZES,
    "theme": THEMES,
    "animations": [True, False],
    "coach": [True, False],
    "fullscreen": [False, True],
    "sound": [True, False],
    "meters": [False, True],
    "inner_state": [False, True],
    "timeline": [False, True],
    "skill_names": ["by_level", "before", "after"],
    "scaffolds": list(SCAFFOLD_SETTINGS),
    "ask": ["marked", "every"],
}
SKILL_NAME_WORDS = {"by_level": "By level", "before": "Before choosing", "after": "After choosing"}
ASK_WORDS = {"marked": "Marked moments", "every": "Every moment"}
SCAFFOLD_WORDS = {"by-level": "By level"}


def skill_names_before(settings: Settings, level: str) -> bool:
    """Whether the cards name each choice's skill before the trainee chooses. By level (the
    default): at beginner level yes, as scaffolding; at intermediate and advanced the name
    comes only after the choice, so a pleasant skill name is never a cue to pick by."""
    if settings.skill_names == "before":
        return True
    if settings.skill_names == "after":
        return False
    return level == "beginner"


def cycle(settings: Settings, key: str, step: int = 1) -> Settings:
    """The next (or previous) value of one setting, wrapping round."""
    options = CHOICES[key]
    current = getattr(settings, key)
    index = options.index(current) if current in options else 0
    return settings.with_value(key, options[(index + step) % len(options)])


def words(key: str, value) -> str:
    """A setting's value as the panel shows it."""
    if isinstance(value, bool):
        return "On" if value else "Off"
    if key == "theme":
        return THEME_WORDS.get(value, value)
    if key == "skill_names":
        return SKILL_NAME_WORDS.get(value, value)
    if key == "ask":
        return ASK_WORDS.get(value, value)
    if key == "scaffolds":
        return SCAFFOLD_WORDS.get(value, str(value).capitalize())
    return str(value).replace("_", " ").capitalize()


def parse(data) -> Settings:
    """Settings from a decoded JSON object; anything unknown or invalid is ignored."""
    if not isinstance(data, dict):
        return Settings()
    good = {}
    for field in fields(Settings):
        value = data.get(field.name)
        if value in CHOICES[field.name] and type(value) is type(CHOICES[field.name][0]):
            good[field.name] = value
    return Settings(**good)


class SettingsStore:
    """The stored settings of one data folder, and the active ones (maybe overridden)."""

    def __init__(self, folder: str | os.PathLike | None, presenter: bool = False):
        self.path = Path(folder) / FILE_NAME if folder is not None else None
        self.stored = self._read()
        self.active = self.stored.presenter() if presenter else self.stored
        self.problem: str | None = None

    def _read(self) -> Settings:
        if self.path is None:
            return Settings()
        try:
            return parse(json.loads(self.path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return Settings()

    def change(self, key: str, value) -> Settings:
        """Apply one change now and store it; a disk problem is remembered, never raised."""
        self.active = self.active.with_value(key, value)
        self.stored = self.stored.with_value(key, value)
        self._write()
        return self.active

    def _write(self) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=self.path.parent)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(asdict(self.stored), out, indent=2)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path)
        except OSError as err:
            self.problem = f"settings could not be saved ({err})"
            try:
                os.unlink(temporary)  # type: ignore[possibly-undefined]
            except (OSError, NameError):
                pass
