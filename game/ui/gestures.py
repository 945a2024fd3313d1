"""Short reactions: a member answers a choice with a gesture before settling in their new pose.

The model says what changed (a member's numbers before and after a choice); a gesture makes
the change easy to catch as it happens, as a real member's nod or flinch is: a nod when
trust or engagement rises, a glance at the leader from a withdrawn member who is drawn in, a
flinch when distress jumps, a look away when trust or engagement falls, and a roll of the
eyes from a hostile member. Each member plays at most one, the one their largest change
calls for; the pose then settles where the numbers say (see body_language.GESTURES).

A gesture is a few poses placed along the reaction's in-between steps, so it uses the same
cached, cross-faded sprites as any pose change and costs no more to draw.
"""
from __future__ import annotations

from dataclasses import replace

from game.ui.avatar import Pose

CHANGE = 0.03       # the smallest change worth a gesture (the model's captions ignore less too)
BLOW = 0.06         # distress rising this much in one choice makes a member flinch
DRAWN_IN = 0.35     # a member below this engagement who is drawn in glances at the leader, not nods
HOSTILE = "hostile"

NOD, GLANCE, FLINCH, LOOK_AWAY, EYE_ROLL = "nod", "glance at the leader", "flinch", "look away", "roll of the eyes"
SHAPE = (0.0, 0.7, 1.0, 0.45, 0.0)    # how much of the gesture shows at each step of the reaction


def gesture_for(was, now, archetype: str | None = None) -> str | None:
    """The gesture a member plays for the change from `was` to `now` (engagement, trust,
    distress), or None when nothing changed enough to show."""
    engagement = now.engagement - was.engagement
    trust = now.trust - was.trust
    distress = now.distress - was.distress
    if distress >= BLOW:
        return FLINCH
    fell = min(engagement, trust) <= -CHANGE
    if fell:
        return EYE_ROLL if archetype == HOSTILE else LOOK_AWAY
    if max(engagement, trust) >= CHANGE or distress <= -BLOW:
        return GLANCE if was.engagement < DRAWN_IN else NOD
    return None


def gesture_pose(pose: Pose, gesture: str | None, leader: tuple[float, float], amount: float) -> Pose:
    """`pose` with `amount` (0..1) of the gesture played over it."""
    w = max(0.0, min(1.0, amount))
    if gesture is None or w == 0:
        return pose
    if gesture == NOD:
        return replace(pose, head_down=min(1.0, pose.head_down + 0.55 * w),
                       gaze=(pose.gaze[0], min(1.0, pose.gaze[1] + 0.4 * w)))
    if gesture == GLANCE:
        gaze = tuple(a * (1 - w) + b * w for a, b in zip(pose.gaze, leader))
        return replace(pose, gaze=gaze, door=pose.door * (1 - w), head_down=pose.head_down * (1 - 0.6 * w))
    if gesture == FLINCH:
        return replace(pose, lean=max(-1.0, pose.lean - 0.8 * w), hunch=min(1.0, pose.hunch + 0.6 * w),
                       eye_open=pose.eye_open + 0.35 * w, brow_inner=min(1.0, pose.brow_inner + 0.6 * w),
                       brow_raise=pose.brow_raise + 0.6 * w)
    if gesture == LOOK_AWAY:
        return replace(pose, door=max(pose.door, w))
    if gesture == EYE_ROLL:
        return replace(pose, roll=w, mouth_curve=pose.mouth_curve - 0.3 * w)
    return pose


def reaction_poses(start: Pose, end: Pose, gesture: str | None, leader: tuple[float, float],
                   steps: int) -> list[Pose]:
    """The poses a reaction passes through, start to end: with a gesture, five poses
    (the gesture rises and falls while the body moves); without, `steps` + 1 even steps."""
    if gesture is None:
        return [start.lerp(end, k / steps) for k in range(steps + 1)]
    last = len(SHAPE) - 1
    return [gesture_pose(start.lerp(end, k / last), gesture, leader, SHAPE[k]) for k in range(last + 1)]
