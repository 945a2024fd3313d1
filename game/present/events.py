"""Events and captions in words: what happened in the room, whether it is good news, and whom
a caption is about. Good news and warnings are told apart by a kind (an icon, a mark), never by
colour alone.
"""
from __future__ import annotations

from game.engine import GOOD_EVENTS, describe_event


def event_kind(event_type: str) -> str:
    """breakthrough, good or warning: the toast's icon, the sound, the transcript's mark."""
    if event_type == "breakthrough":
        return "breakthrough"
    return "good" if event_type in GOOD_EVENTS else "warning"


def event_mark(kind: str) -> str:
    """'+' for good news, '!' for a warning (an `event_kind`): the mark a plain-text line starts with."""
    return "!" if kind == "warning" else "+"


def event_lines(reaction, names: dict[str, str]) -> list[tuple[str, str]]:
    """(kind, words) for each event a choice caused, in the order the model reported them."""
    return [(event_kind(e.type), describe_event(e, names)) for e in reaction.events]


def caption_member(caption: str, names: dict[str, str]) -> str | None:
    """The member a caption ("Kim looks away") is about; None for the group's captions."""
    for member_id, name in sorted(names.items(), key=lambda item: -len(item[1])):
        if caption.startswith(name + " "):
            return member_id
    return None
