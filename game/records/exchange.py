"""The attempts export: what a student sends to an instructor, and what class-report reads.

One versioned JSON document, `{"kind": "circle-attempts", "version": 1, "attempts": [...]}`.
Each attempt carries its decisions (node, choice, stance, need, the two-axis verdict and the
move's quality, the expert choice, what was on offer), whether it was safe and who may not come
back, so a class report needs no scenario files. The pydantic models below are the single
definition of the format: exporting dumps them, reading validates against them, and a file that
does not fit is refused with a message naming the file and the first problem.

Keys added since the first exports (verdict, quality, shown, safe, members, and with practice:
each attempt's tries, readings, play settings and climate, each decision's retries, first try
and reading) are optional when reading, so a class can mix old and new files; what an old file cannot tell is treated as
unknown, never as good.
"""
from __future__ import annotations

import json
import math
import os
import stat
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, computed_field, field_validator

from game.engine import Debrief, debrief_of

from .exchange_practice import ExportedReading, ExportedTry, exported_reading, exported_tries, practice_of
from .replay import Replayed

KIND = "circle-attempts"
GOOD_OUTCOMES = ("breakthrough", "growth")
VERSION = 1
MAX_BYTES = 50 * 1024 * 1024   # a class's exports are kilobytes; anything this big is not one

# Numbers as the program writes them: a 400-digit turn did not come from it, and would overflow
# the averages a class report takes.
Whole = Annotated[int, Field(ge=-(2 ** 63), lt=2 ** 63)]
Count = Annotated[int, Field(ge=0, lt=2 ** 63)]


class _Model(BaseModel):
    # Unknown keys are ignored so a later minor addition does not make old readers refuse files.
    model_config = ConfigDict(extra="ignore")


class ExportedEvent(_Model):
    type: str
    member: str | None = None
    by: str | None = None
    text: str = ""


class ExportedOption(_Model):
    """A choice that was on offer at the moment (index as written in the node)."""

    index: Count
    text: str
    stance: str
    expert: bool = False
    quality: str | None = None    # best | good | poor | harmful (absent in older exports)


class ExportedDecision(_Model):
    turn: Count
    node: str
    phase: str | None = None
    choice: Count = Field(description="index of the chosen choice in its node, as written (0-based)")
    number: Count = Field(description="the number it had on screen (1-based, among those offered)")
    choice_text: str
    stance: str
    skill: str | None = None
    need: str
    need_reason: str = ""
    fit: bool = Field(description="the stance alone matched the need (kept for older readers; see verdict)")
    verdict: str | None = Field(None, description="met | partly | missed: stance and move together")
    verdict_line: str | None = None
    quality: str | None = Field(None, description="best | good | poor | harmful: the move itself")
    shown: Count | None = Field(None, description="the number it had on screen, in the attempt's shown order")
    expert_chosen: bool = False
    expert_text: str | None = Field(None, description="the recommended choice, when another was taken")
    offered: list[ExportedOption] = Field(default_factory=list)
    events: list[ExportedEvent] = Field(default_factory=list)
    retries: Count = Field(0, description="choices taken back at this moment before this one")
    first_verdict: str | None = Field(None, description="the first try's verdict, when the moment was tried again")
    first_choice_text: str | None = None
    first_expert_chosen: bool | None = Field(None, description="the first try took the expert choice")
    reading_matched: bool | None = Field(None, description="the reading of the room made here matched the model's")

    @property
    def first_expert(self) -> bool:
        """Whether the first try at this moment took the expert choice (the decision's own
        when it was not tried again)."""
        return self.expert_chosen if self.first_expert_chosen is None else self.first_expert_chosen

    @property
    def met(self) -> bool:
        """The need was met on both axes; a decision from an older export, without a verdict,
        is never counted as met."""
        return self.verdict == "met"


class ExportedMember(_Model):
    """Whether one member is likely to come back after the session, and why."""

    member: str
    name: str = ""
    outcome: str = Field(description="returns | uncertain | may_drop_out")
    reason: str = ""


class ExportedAttempt(_Model):
    id: Whole
    learner: str = ""
    scenario: str
    scenario_title: str | None = None
    digest: str = ""
    seed: Whole = 0
    choices: list[Count] = Field(default_factory=list)
    started: str
    finished: str | None = None
    outcome: str | None = None
    ending: str | None = None
    scores: dict[str, Whole] = Field(default_factory=dict)
    final_group: dict[str, Annotated[float, Field(ge=-1e6, le=1e6)]] = Field(default_factory=dict)
    replayed: bool = Field(False, description="the decisions were rebuilt from the scenario file")
    replay_problem: str | None = None
    scenario_changed: bool = False
    safe: bool | None = Field(None, description="no risk of harm was missed (absent: not known)")
    missed_risks: list[str] = Field(default_factory=list)
    members: list[ExportedMember] = Field(default_factory=list)
    decisions: list[ExportedDecision] = Field(default_factory=list)
    tries: list[ExportedTry] = Field(default_factory=list, description="choices taken back, in the order made")
    readings: list[ExportedReading] = Field(default_factory=list, description="readings of the room, in order")
    play_settings: dict = Field(default_factory=dict, description="how it was played: scaffolds, asking")
    climate: dict | None = Field(None, description="the members' GCQ-S scales at the start and the end")

    @property
    def safety(self) -> bool | None:
        """Safe, unsafe, or None when the file cannot tell. An older export without `safe` is
        judged by its decisions' events (a missed risk is one of them)."""
        if self.safe is not None:
            return self.safe
        if self.decisions:
            return not any(e.type == "risk-missed" for d in self.decisions for e in d.events)
        return None

    @computed_field
    @property
    def good(self) -> bool:
        """Breakthrough or growth, and known to be safe: the only endings counted as good."""
        return self.outcome in GOOD_OUTCOMES and self.safety is True

    @field_validator("started", "finished")
    @classmethod
    def _iso_time(cls, value: str | None) -> str | None:
        if value is not None:
            datetime.fromisoformat(value)  # raises ValueError: pydantic reports it
        return value

    @property
    def started_instant(self) -> float:
        """Seconds since the epoch, whatever time zone the exporting machine was in."""
        moment = datetime.fromisoformat(self.started)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return moment.timestamp()

    @property
    def identity(self) -> tuple[str, str, float]:
        """The same attempt sent twice (in two files) has the same identity."""
        return (self.learner, self.scenario, round(self.started_instant, 3))


class AttemptsDocument(_Model):
    kind: str = KIND
    version: int = VERSION
    exported: str = ""
    attempts: list[ExportedAttempt] = Field(default_factory=list)


# -- writing ----------------------------------------------------------------------------------

def iso_time(timestamp: float | None) -> str | None:
    """Local time with its offset, to the millisecond: readable and unambiguous."""
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, timezone.utc).astimezone().isoformat(timespec="milliseconds")


def exported_attempt(replayed: Replayed) -> ExportedAttempt:
    """What is stored, plus the decisions when the choices replay against the scenario file."""
    attempt = replayed.attempt
    debrief = debrief_of(replayed.session) if replayed.ok else None
    return ExportedAttempt(
        id=attempt.id, learner=attempt.learner, scenario=attempt.scenario_id,
        scenario_title=replayed.scenario.display_title if replayed.scenario else None,
        digest=attempt.scenario_digest, seed=attempt.seed, choices=attempt.choices,
        started=iso_time(attempt.started_at), finished=iso_time(attempt.finished_at),
        outcome=attempt.outcome, ending=attempt.ending_node, scores=attempt.scores,
        final_group=dict(attempt.final_state.get("group", {})),
        replayed=replayed.ok, replay_problem=replayed.problem,
        scenario_changed=replayed.scenario_changed,
        decisions=_decisions(replayed, debrief) if debrief else [],
        tries=exported_tries(replayed), readings=[exported_reading(r) for r in attempt.readings],
        play_settings=attempt.play_settings,
        climate=debrief.climate.as_dict() if debrief and debrief.climate else None,
        **_safety(replayed, debrief),
    )


def _safety(replayed: Replayed, debrief: Debrief | None) -> dict:
    """safe, missed_risks and members: from the replayed debrief, else as stored."""
    attempt = replayed.attempt
    if debrief is None:
        members = [ExportedMember(member=m, name=m, outcome=o) for m, o in attempt.member_outcomes.items()]
        return {"safe": attempt.safe, "members": members}
    names = replayed.session.names
    return {"safe": debrief.safe, "missed_risks": list(debrief.missed_risks),
            "members": [ExportedMember(member=o.member, name=names.get(o.member, o.member),
                                       outcome=o.outcome, reason=o.reason) for o in debrief.members]}


def _decisions(replayed: Replayed, debrief: Debrief) -> list[ExportedDecision]:
    return decisions_of(replayed.session, debrief, replayed.offered)


def decisions_of(session, debrief: Debrief, offered_each_turn: list) -> list[ExportedDecision]:
    """The session's decisions as the export writes them (the xAPI statements carry the same)."""
    decisions = []
    for reaction, told, offered in zip(session.history, debrief.decisions, offered_each_turn):
        phase = session.scenario.nodes[reaction.node_id].phase.value
        decisions.append(ExportedDecision(
            turn=reaction.turn, node=reaction.node_id, phase=phase,
            choice=reaction.offered.index, number=reaction.offered.number,
            choice_text=told.choice_text, stance=told.stance, skill=told.skill, need=told.need,
            need_reason=told.need_reason, fit=told.fit, verdict=told.verdict,
            verdict_line=told.verdict_line, quality=told.quality, shown=told.shown or None,
            expert_chosen=reaction.choice.expert, expert_text=told.expert_text,
            offered=[ExportedOption(index=o.index, text=o.choice.text, stance=o.stance,
                                    expert=o.choice.expert, quality=o.quality) for o in offered],
            events=[ExportedEvent(type=e.type, member=e.member, by=e.by, text=text)
                    for e, text in zip(reaction.events, told.events)],
            **practice_of(session, reaction, told),
        ))
    return decisions


def attempts_document(attempts: list[ExportedAttempt]) -> str:
    """The JSON text of the export."""
    document = AttemptsDocument(exported=iso_time(datetime.now(timezone.utc).timestamp()),
                                attempts=attempts)
    return json.dumps(document.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


# -- reading ----------------------------------------------------------------------------------

class ForeignFile(ValueError):
    """A file that is not a readable attempts export; the message says why, in plain words."""


def read_attempts(path: str | Path) -> tuple[list[ExportedAttempt], list[str]]:
    """The file's valid attempts and a note for each attempt that had to be skipped.

    ForeignFile when the file as a whole cannot be used.
    """
    data = _json_of(Path(path))
    if not isinstance(data, dict) or data.get("kind") != KIND:
        kind = data.get("kind") if isinstance(data, dict) else None
        what = f"its kind is {kind!r}" if isinstance(kind, str) else "it has no 'kind'"
        raise ForeignFile(f"not a Circle attempts export ({what}; expected '{KIND}')")
    version = data.get("version")
    if version != VERSION:
        newer = isinstance(version, int) and not isinstance(version, bool) and version > VERSION
        raise ForeignFile(f"export version {version!r} is not supported (this program reads version {VERSION}"
                          f"{'; it was made by a newer version of the program' if newer else ''})")
    if not isinstance(data.get("attempts"), list):
        raise ForeignFile("damaged export: 'attempts' is not a list")
    attempts, skipped = [], []
    for number, item in enumerate(data["attempts"], 1):
        try:
            attempts.append(ExportedAttempt.model_validate(item))
        except ValidationError as err:
            skipped.append(f"attempt {number} skipped ({_first_error(err)})")
    return attempts, skipped


def _json_of(path: Path):
    raw = read_regular_file(path, MAX_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ForeignFile("not a text file (expected the JSON from `report --format json`)") from None
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except (ValueError, RecursionError) as err:
        where = f" at line {err.lineno}" if isinstance(err, json.JSONDecodeError) else ""
        raise ForeignFile(f"not valid JSON{where} (expected the file from `report --format json`)") from None


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; ForeignFile for anything else.

    A device (/dev/zero) would be read without end and a FIFO would wait for a writer forever,
    so the file is opened without blocking and checked to be a regular file before it is read,
    and never more than the limit is read, whatever its size claims."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise ForeignFile("is a folder, not a file") from None
    except OSError as err:
        raise ForeignFile(f"cannot be read ({err.strerror or err})") from None
    facts = os.fstat(handle)
    if not stat.S_ISREG(facts.st_mode):
        os.close(handle)
        if stat.S_ISDIR(facts.st_mode):
            raise ForeignFile("is a folder, not a file")
        raise ForeignFile("is not a regular file (a device, a pipe or a socket); only files are read")
    with os.fdopen(handle, "rb") as file:
        try:
            raw = file.read(limit + 1)
        except OSError as err:
            raise ForeignFile(f"cannot be read ({err.strerror or err})") from None
    if len(raw) > limit:
        size = max(facts.st_size, len(raw))
        raise ForeignFile(f"too large to be an attempts export ({_size(size)}; the limit is {_size(limit)})")
    return raw


def _size(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB" if count >= 1_000_000 else f"{count:,} bytes"


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is too large a number")
    return value


def _first_error(err: ValidationError) -> str:
    first = err.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "attempt"
    more = f"; {err.error_count() - 1} more" if err.error_count() > 1 else ""
    return f"{where}: {first['msg']}{more}"

