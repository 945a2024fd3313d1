"""The words of a session as the play screen shows them: transcript entries, coach notes,
event toasts. Plain functions of the Session and its Reactions (no pygame), so undo, resume and
restart rebuild exactly what live play showed.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.engine import describe_event
from game.engine.debrief import GOOD_EVENTS
from game.engine.reaction import MARKS

YOU = "You"


@dataclass(frozen=True)
class Entry:
    """One transcript entry: speaker, text, kind ('member', 'you', 'narration', 'event')."""

    speaker: str
    text: str
    kind: str = "member"
    stance: str | None = None


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

    def as_line(self) -> str:
        text = f"Coach {self.mark} The group needed you to {self.needed}: {self.reason}. {self.verdict_line}"
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
    return (skill or "").replace("_", " ")


def coach_note(reaction) -> CoachNote:
    return CoachNote(reaction.need.stance, reaction.need.text(reaction.names), reaction.stance,
                     reaction.met, reaction.verdict_line, reaction.feedback, reaction.verdict,
                     reaction.offered.skill, reaction.quality)


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


def toast_kind(event_type: str) -> str:
    """Toasts carry an icon by kind; good news and warnings never differ by colour alone."""
    if event_type == "breakthrough":
        return "breakthrough"
    return "good" if event_type in GOOD_EVENTS else "warning"


def caption_member(caption: str, names: dict[str, str]) -> str | None:
    """The member a caption ("Kim looks away") is about; None for the group's captions."""
    for member_id, name in sorted(names.items(), key=lambda item: -len(item[1])):
        if caption.startswith(name + " "):
            return member_id
    return None


def tone_so_far(node, member_id: str, upto: int) -> str | None:
    """The tone of the member's latest line among the node's first `upto` + 1 lines."""
    tone = None
    for line in node.lines[:max(0, upto + 1)]:
        if line.speaker == member_id:
            tone = line.tone.value
    return tone
