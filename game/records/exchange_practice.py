"""What an export says of practice: each choice taken back to try a moment again, each reading
of the room, and per decision its retries, its first try and its reading (see exchange.py).

Every key here is optional when read, so exports made before practice was kept still read; an
old export simply has no tries and no readings, which a class report says as "no readings".
"""
from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Count = Annotated[int, Field(ge=0, lt=2 ** 63)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")     # as exchange.py: later additions never refuse a file


class ExportedTry(_Model):
    """A choice taken back to try its moment again."""

    turn: Count
    node: str
    path: list[Count] = Field(default_factory=list, description="the choice numbers that led to the moment")
    number: Count
    choice_text: str | None = None
    stance: str | None = None
    skill: str | None = None
    verdict: str | None = None
    quality: str | None = None
    expert_chosen: bool | None = None
    need: str | None = None


class ExportedReading(_Model):
    """The learner's reading of the room at one moment, beside the model's."""

    turn: Count
    node: str
    path: list[Count] = Field(default_factory=list)
    stance: str
    member: str | None = None
    model_stance: str
    model_member: str | None = None
    matched: bool


def exported_tries(replayed) -> list[ExportedTry]:
    """The tries as replayed (with the words of each choice) when they replay, else as stored."""
    session = replayed.session
    if session is not None and len(session.tries) == len(replayed.attempt.tries):
        return [ExportedTry(turn=t.turn, node=t.node_id, path=list(t.path), number=t.number,
                            choice_text=t.reaction.choice.text, stance=t.reaction.stance,
                            skill=t.reaction.offered.skill, verdict=t.reaction.verdict, quality=t.reaction.quality,
                            expert_chosen=t.reaction.choice.expert, need=t.reaction.need.stance)
                for t in session.tries]
    return [ExportedTry(turn=t.turn, node=t.node, path=list(t.path), number=t.number, stance=t.stance,
                        skill=t.skill, verdict=t.verdict, quality=t.quality, need=t.need_stance)
            for t in replayed.attempt.tries]


def exported_reading(stored) -> ExportedReading:
    return ExportedReading(turn=stored.turn, node=stored.node, path=list(stored.path), stance=stored.stance,
                           member=stored.member, model_stance=stored.model_stance,
                           model_member=stored.model_member, matched=stored.matched)


def practice_of(session, reaction, told) -> dict:
    """What the decision's moment was practised: its retries, its first try, its reading."""
    first = _first_try(session, reaction) if told.retries else None
    reading = told.reading
    return {"retries": told.retries, "first_verdict": told.first_verdict,
            "first_choice_text": told.first_choice_text,
            "first_expert_chosen": first.choice.expert if first is not None else None,
            "reading_matched": reading.matched if reading is not None else None}


def _first_try(session, reaction):
    """The reaction to the first choice taken back at this decision's moment, if any."""
    path = tuple(session.choice_numbers[:reaction.turn - 1])
    return next((t.reaction for t in getattr(session, "tries", ()) if t.path == path
                 and t.node_id == reaction.node_id), None)
