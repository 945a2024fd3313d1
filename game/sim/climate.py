"""The group's own view: each member answers MacKenzie's Group Climate Questionnaire.

After a session, every member present answers the twelve items of the GCQ short form (GCQ-S)
on its 0..6 scale (0 = not at all, 6 = extremely), as a real member would on paper, and the
answers are scored as the questionnaire's manual says: a scale's score is the mean of its
items. The group's score on a scale is the mean of its members' scores. A trainee then sees the
session through the members' eyes, on the instrument group leaders actually use, instead of
only through the model's meters.

Source of the items and their scales: MacKenzie, K. R. (1983), "The clinical application of a
group climate measure", in Dies & MacKenzie (eds.), Advances in Group Psychotherapy; the
short form as used by MacKenzie, Dies, Coche, Rutan & Stone (1987), Int. J. Group
Psychotherapy 37, 55-74. The item-to-scale key below is the published one, as given in the
Group Climate Questionnaire's scoring notes (Blueprint Health's GCQ page, citing MacKenzie et
al. 1987; Nova Southeastern University's GCQ-S form): Engaged = items 1, 2, 4, 8, 11;
Avoiding = 3, 5, 9; Conflict = 6, 7, 10, 12. The item texts here are short paraphrases.

How a member answers (deterministic, no chance): each item reads one signal about the group
and one about the member's own state, and the answer is

    answer = round(6 x ((1 - OWN_VIEW) x group signal + OWN_VIEW x own signal))

The group signals come from the state: cohesion, conflict, mean engagement and avoidance (the
model's GCQ-like numbers, GROUP_MODEL.md). The own signals are the member's engagement, trust
and distress: a member who trusts the room sees more care in it, one who carries distress
sees more tension. Every signal moves each scale one way only, so the scales are monotone in
the model's numbers (tests/sim/test_climate.py checks it as properties):

    Engaged   rises with cohesion, conflict held by a cohesive group (item 8), mean
              engagement, and the member's engagement and trust;
    Avoiding  rises with avoidance, with a lack of cohesion and the member's distrust;
    Conflict  rises with conflict, a lack of cohesion, the member's withdrawal, distrust and
              distress.

Pure numbers, no words beyond the item labels: what the debrief says about them is for the
presenters.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, NamedTuple, Sequence

from .state import GroupState, MemberState

# --- Constants of the climate reading (its own section, in this module) --------------------

LIKERT_TOP = 6             # the GCQ's answers run 0..6: "not at all" .. "extremely"
OWN_VIEW = 0.35            # how much a member's own state colours what they say of the group:
                           #   members describe "the members", so the group weighs more
HELD_CONFLICT_SHARE = 0.5  # item 8 (challenging each other to sort things out) is half the
                           #   group's engagement, half conflict that a cohesive group holds
WITHDRAWN_SHARE = 0.5      # item 7 (distant, withdrawn) is half missing "we" (1 - cohesion),
                           #   half the group's own withdrawal (1 - mean engagement)

ENGAGED, AVOIDING, CONFLICT = "engaged", "avoiding", "conflict"
SCALES = (ENGAGED, AVOIDING, CONFLICT)


class Signals(NamedTuple):
    """The group signals every member reads (0..1 each)."""

    cohesion: float
    conflict: float
    engagement: float
    avoidance: float


Signal = Callable[[Signals], float]
Own = Callable[[MemberState], float]


@dataclass(frozen=True)
class Item:
    """One GCQ-S item: its number, a short paraphrase, its scale, and what a member reads."""

    number: int
    label: str
    scale: str
    group: Signal
    own: Own


def _held_conflict(room: Signals) -> float:
    """Item 8: confronting each other to sort things out is work, not a fight, when the group
    is engaged and the conflict is held by a cohesive group."""
    return (1 - HELD_CONFLICT_SHARE) * room.engagement + HELD_CONFLICT_SHARE * room.conflict * room.cohesion


def _distance(room: Signals) -> float:
    """Item 7: distance between members is missing "we" and visible withdrawal."""
    return WITHDRAWN_SHARE * (1 - room.cohesion) + (1 - WITHDRAWN_SHARE) * (1 - room.engagement)


ITEMS: tuple[Item, ...] = (
    Item(1, "members liked and cared about each other", ENGAGED, lambda r: r.cohesion, lambda m: m.trust),
    Item(2, "members tried to understand why they do what they do", ENGAGED,
         lambda r: r.engagement, lambda m: m.engagement),
    Item(3, "members avoided important issues between them", AVOIDING,
         lambda r: r.avoidance, lambda m: 1 - m.trust),
    Item(4, "what happened felt important; a sense of taking part", ENGAGED,
         lambda r: r.engagement, lambda m: m.engagement),
    Item(5, "members relied on the leader for direction", AVOIDING,
         lambda r: 1 - r.cohesion, lambda m: 1 - m.trust),
    Item(6, "friction and anger between members", CONFLICT, lambda r: r.conflict, lambda m: m.distress),
    Item(7, "members were distant and withdrawn", CONFLICT, _distance, lambda m: 1 - m.engagement),
    Item(8, "members challenged each other to sort things out", ENGAGED, _held_conflict, lambda m: m.engagement),
    Item(9, "members did what they thought the group would accept", AVOIDING,
         lambda r: r.avoidance, lambda m: 1 - m.trust),
    Item(10, "members rejected and distrusted each other", CONFLICT, lambda r: r.conflict, lambda m: 1 - m.trust),
    Item(11, "members revealed sensitive personal things", ENGAGED,
         lambda r: r.cohesion, lambda m: m.trust * m.engagement),
    Item(12, "members were tense and anxious", CONFLICT, lambda r: r.conflict, lambda m: m.distress),
)


# -- answering and scoring ---------------------------------------------------------------------

class Scales(NamedTuple):
    """Scores on the GCQ-S's three scales, each 0..6 (a mean of 0..6 answers)."""

    engaged: float
    avoiding: float
    conflict: float

    def minus(self, other: "Scales") -> "Scales":
        """How far each scale moved from `other` to this."""
        return Scales(*(mine - theirs for mine, theirs in zip(self, other)))


def signals_of(state: GroupState) -> Signals:
    """The group signals of a state, as the model defines them (engagement and avoidance are
    the means over the members present)."""
    return Signals(state.cohesion, state.conflict, state.engagement, state.avoidance)


def likert(share: float) -> int:
    """A 0..1 reading as a whole answer 0..6, halves rounded up (never banker's rounding: the
    same reading always gives the same answer, and a higher one never a lower answer)."""
    share = 0.0 if not share > 0.0 else (1.0 if share > 1.0 else share)
    return math.floor(share * LIKERT_TOP + 0.5)


def answer(item: Item, room: Signals, member: MemberState) -> int:
    """One member's answer to one item."""
    return likert((1 - OWN_VIEW) * item.group(room) + OWN_VIEW * item.own(member))


def answers(state: GroupState) -> dict[str, tuple[int, ...]]:
    """Member id -> their twelve answers, in item order, for every member present (a late
    arrival who has not joined yet answers nothing)."""
    room = signals_of(state)
    return {mid: tuple(answer(item, room, state.member(mid)) for item in ITEMS) for mid in state.present_ids}


def scale_scores(answered: Sequence[int]) -> Scales:
    """One questionnaire's twelve answers scored as the manual says: each scale is the mean
    of its items."""
    if len(answered) != len(ITEMS):
        raise ValueError(f"the GCQ-S has {len(ITEMS)} items; got {len(answered)} answers")
    return Scales(*(_mean([a for item, a in zip(ITEMS, answered) if item.scale == scale]) for scale in SCALES))


def group_scales(state: GroupState) -> Scales:
    """The group's three scale scores: the mean over the members present of each one's score."""
    each = [scale_scores(given) for given in answers(state).values()]
    if not each:
        return Scales(0.0, 0.0, 0.0)
    return Scales(*(_mean(column) for column in zip(*each)))


def _mean(values) -> float:
    """Left-to-right mean (the model's traces must be the same bytes on every Python)."""
    total = 0.0
    for value in values:
        total += value
    return total / len(values) if len(values) else 0.0


# -- over a session ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ClimateChange:
    """The group's climate at the start and at the end of a session, and how it moved."""

    start: Scales
    end: Scales
    turns: int           # choices between the two readings

    @property
    def moved(self) -> Scales:
        return self.end.minus(self.start)

    def as_dict(self) -> dict:
        """JSON-ready: {"start": {...}, "end": {...}, "moved": {...}, "turns": n}."""
        return {"start": self.start._asdict(), "end": self.end._asdict(),
                "moved": self.moved._asdict(), "turns": self.turns}


def session_climate(history: Sequence, initial: GroupState | None = None) -> ClimateChange | None:
    """The climate before the first choice and after the last, from a session's history (its
    Reactions, each with `before` and `after` states). With no choice made, `initial` (the
    state the session opened with) is both ends; without it there is nothing to read: None."""
    if history:
        return ClimateChange(group_scales(history[0].before), group_scales(history[-1].after), len(history))
    if initial is None:
        return None
    scores = group_scales(initial)
    return ClimateChange(scores, scores, 0)
