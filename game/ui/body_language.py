"""The body language the circle speaks: the model's numbers as graded nonverbal cues.

Group leaders are taught to read a room by four channels before words: posture, gaze,
orientation and hands. Each of a member's three numbers is shown through the channels
that carry it in a real group, each graded (a ramp between two named thresholds), never
an on/off switch, so a small change in the model is a small change on screen:

- engagement: the lean (back .. in) and where the eyes go (the speaker .. the floor or
  the door);
- distress: the head (bowed), the shoulders (hunched, drawn in) and the hands (resting,
  clasped, wringing, covering the face);
- trust: open or closed posture (arms crossed) and the chair and body turned away.

`CUES` is the legend: the same table is drawn on the pause screen and written in the
authoring guide, so what a trainee is told to watch is exactly what is drawn. Short
reactions (`GESTURES`) play once when the model says something changed; see
`gesture_for` and `reaction_poses` in game.ui.gestures.

Pygame-free: the numbers here are tested without a window.
"""
from __future__ import annotations

from dataclasses import dataclass


def ramp(value: float, start: float, end: float) -> float:
    """0 at `start`, 1 at `end`, linear between (either direction); a graded cue."""
    if end == start:
        return 1.0 if value >= end else 0.0
    return max(0.0, min(1.0, (value - start) / (end - start)))


# -- where each cue starts and is complete (model numbers, 0..1) ---------------------------
LEAN_SPAN = 2.2                    # engagement 0.05 leans fully back, 0.95 fully in (0.5 upright)
ATTENTION_FROM, ATTENTION_FULL = 0.12, 0.6   # engagement: eyes leave the speaker below ~0.6
BOW_FROM, BOW_FULL = 0.35, 0.85    # distress: the head starts to drop past the usual resting level (0.3)
HUNCH_FROM, HUNCH_FULL = 0.3, 0.8  # distress: shoulders rise and draw in a little earlier than the head
HANDS_FROM, HANDS_FULL = 0.3, 0.9  # distress: knees at 0.3, clasped 0.5, wringing 0.7 (the model's
                                   # "distressed" is 0.6), over the face from 0.9
ARMS_FROM, ARMS_FULL = 0.6, 0.15   # trust: arms begin to fold below 0.6, fully crossed at 0.15
TURN_FROM, TURN_FULL = 0.4, 0.8    # withdrawal (low engagement, and trust): the chair turns out of the circle
TURN_TRUST_SHARE = 0.3             # ...a third from distrust, the rest from disengagement
DOOR_SHARE = 0.5                   # how much distrust (rather than calm) sends wandering eyes to the door

# The four points the hands pass through as distress grows (see HANDS_FROM..HANDS_FULL).
HAND_STAGES = ("resting on the knees", "clasped in the lap", "wringing", "covering the face")


@dataclass(frozen=True)
class Cues:
    """One member's graded cues, each 0..1 except `lean` (-1 back .. +1 in)."""

    lean: float
    attention: float   # the eyes and head follow the speaker (1) or not (0)
    floor: float       # eyes on the floor
    door: float        # eyes toward the door, out of the circle
    bow: float         # head bowed
    hunch: float       # shoulders raised and drawn in
    hands: float       # 0 resting, 1/3 clasped, 2/3 wringing, 1 covering the face
    arms: float        # 0 open, 1 crossed
    turn: float        # 0 chair and body toward the group, 1 turned away


def cues_from_state(engagement: float, trust: float, distress: float) -> Cues:
    """The cues of a member with these numbers; every cue is monotone in its number."""
    attention = ramp(engagement, ATTENTION_FROM, ATTENTION_FULL)
    elsewhere = 1.0 - attention
    withdrawal = TURN_TRUST_SHARE * (1 - trust) + (1 - TURN_TRUST_SHARE) * (1 - engagement)
    # Eyes that leave the speaker drop to the floor when the member carries a lot, and
    # drift out of the circle, to the door, when they distrust it; otherwise half and half.
    outward = (1 - DOOR_SHARE) * (1 - ramp(distress, 0.3, 0.8)) + DOOR_SHARE * ramp(1 - trust, 0.45, 0.8)
    return Cues(
        lean=max(-1.0, min(1.0, (engagement - 0.5) * LEAN_SPAN)),
        attention=attention,
        floor=elsewhere * (1 - outward),
        door=elsewhere * outward,
        bow=ramp(distress, BOW_FROM, BOW_FULL),
        hunch=ramp(distress, HUNCH_FROM, HUNCH_FULL),
        hands=ramp(distress, HANDS_FROM, HANDS_FULL),
        arms=ramp(trust, ARMS_FROM, ARMS_FULL),
        turn=ramp(withdrawal, TURN_FROM, TURN_FULL),
    )


@dataclass(frozen=True)
class Cue:
    """One line of the legend: what to watch, what it shows, and its two ends."""

    name: str
    number: str        # the model's number it carries: engagement, trust or distress
    watch: str         # the channel: posture, gaze, orientation, hands, head
    low: str           # what it looks like at the number's low end
    high: str          # ... and at its high end
    states: tuple[tuple[float, float, float], ...]   # (engagement, trust, distress) to draw it by


CALM = (0.6, 0.65, 0.2)   # an engaged, trusting, settled member: each legend picture changes one number

CUES: tuple[Cue, ...] = (
    Cue("Lean", "engagement", "posture", "sits back, away from the group", "leans in, toward the group",
        ((0.05, 0.65, 0.2), (0.5, 0.65, 0.2), (0.95, 0.65, 0.2))),
    Cue("Gaze", "engagement", "gaze", "eyes on the floor or the door", "eyes on whoever is speaking",
        ((0.05, 0.65, 0.2), (0.35, 0.65, 0.2), (0.8, 0.65, 0.2))),
    Cue("Head and shoulders", "distress", "head", "head up, shoulders easy", "head bowed, shoulders hunched",
        ((0.6, 0.65, 0.1), (0.6, 0.65, 0.55), (0.6, 0.65, 0.95))),
    Cue("Hands", "distress", "hands", "resting on the knees", "clasped, wringing, over the face",
        ((0.6, 0.65, 0.2), (0.6, 0.65, 0.55), (0.6, 0.65, 0.8), (0.6, 0.65, 1.0))),
    Cue("Arms", "trust", "posture", "arms crossed, closed", "arms open, hands loose",
        ((0.6, 0.1, 0.2), (0.6, 0.4, 0.2), (0.6, 0.8, 0.2))),
    Cue("Chair", "engagement and trust", "orientation", "turned out of the circle", "turned toward the group",
        ((0.15, 0.1, 0.2), (0.4, 0.35, 0.2), (0.7, 0.8, 0.2))),
)


@dataclass(frozen=True)
class Gesture:
    """A short reaction, played once when the model says a member's numbers changed."""

    name: str
    when: str          # the change that plays it, in words for the legend


GESTURES: tuple[Gesture, ...] = (
    Gesture("nod", "trust or engagement rose"),
    Gesture("glance at the leader", "a withdrawn member was drawn in"),
    Gesture("flinch", "distress jumped"),
    Gesture("look away", "trust or engagement fell"),
    Gesture("roll of the eyes", "a hostile member's trust or engagement fell"),
)
