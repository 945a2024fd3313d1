"""The transcript: everything said in a session, in order, as entries a front end shows.

Plain functions of the Session and its Reactions, so undo, resume and restart rebuild exactly
what live play showed.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.engine import describe_event

from .coach import coach_note

YOU = "You"


@dataclass(frozen=True)
class Entry:
    """One transcript entry: speaker, text, kind ('member', 'you', 'narration', 'event')."""

    speaker: str
    text: str
    kind: str = "member"
    stance: str | None = None


def node_entries(node, names: dict[str, str], lines: int | None = None) -> list[Entry]:
    """A node's narration and its first `lines` lines (all when None)."""
    entries = [Entry("", node.narration.strip(), "narration")] if node.narration.strip() else []
    shown = node.lines if lines is None else node.lines[:max(0, lines)]
    entries += [Entry(names.get(line.speaker, line.speaker), line.text.strip()) for line in shown]
    return entries


def choice_entries(reaction, names: dict[str, str], coach: bool) -> list[Entry]:
    """What a choice adds: the trainee's words, the events it caused, the coach's note."""
    entries = [Entry(YOU, reaction.choice.text.strip(), "you", reaction.stance)]
    entries += [Entry("", describe_event(e, names), "event") for e in reaction.events]
    if coach:
        entries.append(Entry("", coach_note(reaction).as_line(), "event"))
    return entries


def transcript_of(session, coach: bool) -> list[Entry]:
    """Everything said so far, rebuilt from the history (after undo, restart or resume)."""
    names = session.names
    entries: list[Entry] = []
    for reaction in session.history:
        entries += node_entries(session.scenario.nodes[reaction.node_id], names)
        entries += choice_entries(reaction, names, coach)
    entries += node_entries(session.node, names)
    return entries
