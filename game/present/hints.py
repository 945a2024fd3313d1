"""The hints a retry brings, stepping up with each try at the same moment.

A trainee who missed a moment and tries it again is helped a little more each time, as a
supervisor would: first where to look in the room (the cue), then the idea that names what the
moment calls for (the concept), then the model answer itself. The steps follow the session's
`hint_level` (1, 2, 3); each hint is built from what the model knows of the moment (its need,
the member it is about, that member's state) and from the choice a supervisor would point to,
never from where a choice sits on the screen.

The skills' short definitions follow Corey (Groups: Process and Practice; Theory and Practice
of Group Counseling) and Yalom and Leszcz (The Theory and Practice of Group Psychotherapy).
"""
from __future__ import annotations

from dataclasses import dataclass

from game.scenario.skill_domains import domain_of

from .coach import skill_words

CUE, CONCEPT, MODEL = "cue", "concept", "model"
TITLES = {CUE: "Look again", CONCEPT: "The idea", MODEL: "A model answer"}

SKILL_CONCEPTS = {
    "initiating": "starting the work and giving it a direction the members can take up",
    "linking": "connecting what one member says to another's concern, so members turn to each other",
    "blocking": "stopping a behaviour that harms the group (monopolizing, rescuing, gossip), not the person",
    "cutting_off": "ending a contribution that has run on, to give the time back to the group",
    "drawing_out": "inviting a quiet or withdrawn member in, so nobody is left outside the circle",
    "reflecting": "saying back what a member feels, so they know they were heard",
    "clarifying": "helping a member say more exactly what they mean and feel",
    "summarizing": "pulling the threads together so the group can see where it is",
    "questioning": "an open question that deepens the work rather than steering it",
    "supporting": "steadying a member at the moment they take a risk",
    "empathizing": "showing you understand a member's experience from inside it",
    "confronting": "naming, with care, a gap between what a member says and does",
    "interpreting": "offering a possible meaning for what is happening, to be tested by the group",
    "modeling": "showing the group, by how you act, the behaviour you hope members will take up",
    "self_disclosure": "sharing something of yourself, briefly, only when it serves the members' work",
    "protecting": "stepping in to keep a member from harm: from attack, from over-exposure, from danger",
    "goal_setting": "helping the group and its members name what they are here to work on",
    "evaluating": "looking with the group at how it is working, and what to change",
    "suggesting": "offering a possibility the group may take or leave",
    "silence": "holding back, so the members do the work and find their own way to each other",
    "terminating": "preparing the group for its ending and for carrying the work beyond it",
}


@dataclass(frozen=True)
class Hint:
    """One step of help: its kind (cue, concept, model), a title and the words. A model
    answer also names the choice it points to (`shown`, its number on screen)."""

    kind: str
    text: str
    shown: int | None = None

    @property
    def title(self) -> str:
        return TITLES[self.kind]


def hints_for(session) -> tuple[Hint, ...]:
    """The hints the session's `hint_level` has reached at this moment (none before a retry)."""
    level, need = session.hint_level, session.need_now
    if not level or need is None:
        return ()
    names = session.names
    who = names.get(need.member, need.member) if need.member else None
    recommended = session.recommended()
    hints = [Hint(CUE, cue_words(need, who, _member_state(session, need.member)))]
    if level >= 2:
        hints.append(Hint(CONCEPT, concept_words(need, recommended)))
    if level >= 3 and recommended is not None:
        hints.append(Hint(MODEL, f"“{recommended.choice.text.strip()}”", recommended.shown))
    return tuple(hints)


def need_kind(need) -> str:
    """Which of the model's rules judged this need (need.py), read from its reason."""
    reason = need.reason
    if need.risk:
        return "risk"
    for words, kind in (("holding a conflict", "held-conflict"), ("conflict", "conflict"),
                        ("taking over", "monopoly"), ("lost", "member"), ("struggling", "member"),
                        ("avoiding", "avoiding"), ("opening", "opening"), ("doing the work", "working")):
        if words in reason:
            return kind
    return "member" if need.member else "room"


def cue_words(need, who: str | None, member) -> str:
    """Where to look in the room: the body language of the members' cue legend."""
    kind = need_kind(need)
    if kind == "risk":
        return (f"Listen again to what {who} said just now, and watch {who}'s head and hands. "
                "What did that line carry that nobody has asked about?")
    if kind == "member":
        return f"Look at {who}: {_body_of(member)}. Has anyone in the circle noticed?"
    if kind == "monopoly":
        return (f"Look at who holds the floor, and at everyone else: {who} leans in and talks on, "
                "while the others' eyes go to the floor.")
    return {
        "held-conflict": "Look at the two who disagree: still turned to each other, and the circle "
                         "leaning in, not away. Is the group holding this, or fleeing it?",
        "conflict": "Look around the circle: jaws set, chairs turned away, voices rising and the "
                    "quieter members shrinking back.",
        "avoiding": "Listen to what the group is talking about, and to what it keeps away from; "
                    "watch the eyes drift to the floor and the door.",
        "opening": "Look at where the members look: at you, not at each other. Nobody is sure yet "
                   "what this group is for or whether it is safe.",
        "working": "Look at whom the members speak to: each other, not you. Who is doing the work now?",
    }.get(kind, "Look around the circle: who is struggling, who holds the floor, who has gone "
                "quiet? The room is asking something of you." if need.stance == "lead" else
                "Look at how the members sit: turning to each other, hesitantly. What would "
                "your voice do to that?")


def _body_of(member) -> str:
    """What the legend shows of a member's state: the strongest sign first."""
    if member is None:
        return "the head, the shoulders, the hands"
    if member.distress >= 0.6:
        return "the bowed head, the hunched shoulders, the hands wringing or covering the face"
    if member.engagement <= 0.3:
        return "the eyes on the floor or the door, the body turned out of the circle"
    if member.trust <= 0.3:
        return "the crossed arms and the chair turned a little away"
    return "the head, the shoulders, the hands"


def concept_words(need, recommended) -> str:
    """The idea the moment calls for: the stance, and the skill a supervisor would name."""
    stance = f"The group needs you to {need.stance.upper()} here"
    skill = recommended.skill if recommended is not None else None
    if skill is None:
        return f"{stance}."
    domain = domain_of(skill).domain.title
    return f"{stance}. {skill_words(skill).capitalize()} (ASGW: {domain}): {SKILL_CONCEPTS[skill]}."


def _member_state(session, member_id: str | None):
    if member_id is None:
        return None
    try:
        return session.state.member(member_id)
    except (KeyError, ValueError):
        return None
