"""Seated group members, drawn procedurally from a few numbers.

A member's inner state reaches the screen as the body language a group leader is taught
to read (see game.ui.body_language, whose table is also the legend): lean and gaze for
engagement, head, shoulders and hands for distress, arms and the chair's turn for trust,
and a face for the tone of what they say. `pose_from_state` turns the model's numbers
into a `Pose`; `Pose.lerp` lets a scene animate between the pose before a choice and the
pose after it. The painting itself is game.ui.avatar_paint.

Figures are flat illustrations about 85 units tall, drawn at `scale` px per unit. Each is
drawn larger on a scratch surface and smoothly scaled down, which anti-aliases every
shape, thick lines included, without per-primitive tricks; the results are cached, so a
still frame costs one blit per member.
"""
from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, fields, replace
from functools import lru_cache

import pygame

from game.ui import avatar_paint as paint
from game.ui.avatar_paint import BOX, ORIGIN, Frame, frame
from game.ui.body_language import cues_from_state
from game.ui.theme import LIGHT, Palette, complete_look

CACHE_SIZE = 640       # a circle of 12, each seen from several gazes, poses and speaking frames

__all__ = ["BOX", "ORIGIN", "Frame", "Pose", "blit_member", "body_rect", "chair_sprite", "complete_look",
           "draw_member", "face_rect", "frame", "member_sprite", "mouth_phase", "pose_from_state",
           "sprite_key", "sprite_topleft", "with_speaking"]

# -- expressions ---------------------------------------------------------------
# (mouth curve -1 frown..+1 smile, mouth width, inner-brow lift -1 scowl..+1 worry,
#  brow raise, eye openness, blush)
EXPRESSIONS: dict[str, tuple[float, float, float, float, float, float]] = {
    "neutral":   (0.15, 1.0, 0.0, 0.0, 1.0, 0.0),
    "anxious":   (-0.25, 0.8, 0.9, 0.6, 1.2, 0.0),
    "sad":       (-0.75, 0.9, 0.7, 0.0, 0.65, 0.0),
    "angry":     (-0.55, 1.05, -1.0, -0.2, 0.9, 0.35),
    "hopeful":   (0.6, 1.0, 0.35, 0.5, 1.1, 0.2),
    "flat":      (0.0, 0.85, 0.0, -0.4, 0.75, 0.0),   # heavy lids, eyes still seen: where they look is a cue
    "defensive": (-0.25, 0.75, -0.5, -0.1, 0.8, 0.0),
    "warm":      (0.95, 1.15, 0.1, 0.2, 0.85, 0.45),
}


def _clamp(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return max(lo, min(hi, x))


@dataclass(frozen=True)
class Pose:
    """Body language as continuous numbers, so any two poses interpolate smoothly."""

    lean: float = 0.0          # -1 leaning back .. +1 leaning in
    turned_away: float = 0.0   # 0 chair and body toward the group .. 1 turned out of the circle
    arms_crossed: float = 0.0  # 0 open .. 1 crossed
    head_down: float = 0.0     # 0 up .. 1 head bowed
    hunch: float = 0.0         # 0 shoulders easy .. 1 raised and drawn in
    hands: float = 0.0         # 0 on the knees, 1/3 clasped, 2/3 wringing, 1 covering the face
    door: float = 0.0          # how far the eyes go toward the door (out of the circle)
    roll: float = 0.0          # eyes rolled up (a hostile member's reaction)
    mouth_curve: float = 0.15
    mouth_width: float = 1.0
    brow_inner: float = 0.0
    brow_raise: float = 0.0
    eye_open: float = 1.0
    blush: float = 0.0
    gaze: tuple[float, float] = (0.0, 0.2)  # where the eyes look, each -1..1 (y down), the door aside
    speaking: float = 0.0
    expression: str = "neutral"             # the nearest named expression, for captions

    def key(self) -> tuple:
        """The pose rounded to what shows at figure size: the sprite cache's key."""
        return tuple(round(getattr(self, name), 2) for name in _NUMBERS) + \
            (round(self.gaze[0], 2), round(self.gaze[1], 2))

    def lerp(self, other: Pose, t: float) -> Pose:
        """The pose t of the way from self to other (t=0 self, t=1 other)."""
        t = _clamp(t)
        mixed = {name: getattr(self, name) * (1 - t) + getattr(other, name) * t   # exact at both ends
                 for name in _NUMBERS}
        gaze = tuple(a * (1 - t) + b * t for a, b in zip(self.gaze, other.gaze))
        expression = self.expression if t < 0.5 else other.expression
        return Pose(gaze=gaze, expression=expression, **mixed)  # type: ignore[arg-type]


_NUMBERS = tuple(f.name for f in fields(Pose) if f.name not in ("gaze", "expression"))


def _expression_for(distress: float, engagement: float, trust: float, tone: str | None) -> str:
    """A tone names the face; without one, the numbers suggest it."""
    if tone in EXPRESSIONS:
        return tone
    if distress >= 0.7:
        return "sad" if engagement < 0.45 else "anxious"
    if trust < 0.3 and engagement < 0.4:
        return "defensive"
    if engagement < 0.3:
        return "flat"
    if trust >= 0.65 and engagement >= 0.6 and distress < 0.4:
        return "warm"
    return "neutral"


@lru_cache(maxsize=2048)     # the circle, its bubbles and its captions ask for the same poses
def pose_from_state(engagement: float, trust: float, distress: float, tone: str | None = None,
                    gaze: tuple[float, float] | None = None, speaking: bool = False) -> Pose:
    """The body language of a member with these numbers (each 0..1).

    `gaze` is the direction of whoever is speaking: an engaged member's head and eyes
    follow it; a disengaged one's drop to the floor or drift to the door instead.
    """
    cues = cues_from_state(engagement, trust, distress)
    expression = _expression_for(distress, engagement, trust, tone)
    curve, width, inner, raise_, eye, blush = EXPRESSIONS[expression]
    # Distress pulls any face toward worry, whatever the tone.
    curve -= 0.35 * max(0.0, distress - 0.5)
    inner = _clamp(inner + 0.6 * max(0.0, distress - 0.5), -1, 1)
    bow = _clamp(cues.bow + {"sad": 0.15, "flat": 0.1}.get(expression, 0.0) * cues.bow)
    arms = _clamp(cues.arms + {"defensive": 0.35, "angry": 0.25}.get(expression, 0.0) * (1 - cues.arms))
    return Pose(
        lean=cues.lean, turned_away=cues.turn, arms_crossed=arms, head_down=bow,
        hunch=cues.hunch, hands=cues.hands, door=cues.door,
        mouth_curve=curve, mouth_width=width, brow_inner=inner, brow_raise=raise_,
        eye_open=eye, blush=blush,
        gaze=_gaze(gaze, cues.attention, cues.floor + 0.8 * bow),
        speaking=1.0 if speaking else 0.0,
        expression=expression,
    )


def _gaze(toward: tuple[float, float] | None, attention: float, down: float) -> tuple[float, float]:
    """Eyes toward the speaker as far as attention goes; the rest, and a bowed head, drop them."""
    if toward is None:
        toward = (0.0, 0.2)
    length = math.hypot(*toward)
    if length > 1:
        toward = (toward[0] / length, toward[1] / length)
    x, y = toward[0] * attention, toward[1]
    down = _clamp(down)
    return (x * (1 - down), y + (1 - y) * down)


def with_speaking(pose: Pose, speaking: bool) -> Pose:
    """The same pose, speaking or not: scenes flip this as the transcript advances."""
    return replace(pose, speaking=1.0 if speaking else 0.0)


# -- geometry: where a drawn member's parts are, for layouts and tests -----------------------

def body_rect(seat: tuple[float, float], scale: float) -> pygame.Rect:
    """The figure on its chair, head (hair and bun) to shoes, at `scale`."""
    top, bottom, half = paint.HEAD_TOP, paint.FEET, paint.HALF_WIDTH
    return pygame.Rect(round(seat[0] - half * scale), round(seat[1] + top * scale),
                       round(2 * half * scale), round((bottom - top) * scale))


def face_rect(seat: tuple[float, float], scale: float, pose: Pose | None = None,
              facing: float = 0.0) -> pygame.Rect:
    """The head as drawn for this pose (hair included): where the member's face reads."""
    f = frame(pose or Pose(), facing)
    r = paint.HEAD_RADIUS * scale
    cx, cy = seat[0] + f.hx * scale, seat[1] + f.hy * scale
    return pygame.Rect(round(cx - r), round(cy - r), round(2 * r), round(1.95 * r))   # hair's top to chin


# -- drawing and the sprite cache -------------------------------------------------------
_cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()


def draw_member(surface: pygame.Surface, centre: tuple[float, float], look: dict | None,
                pose: Pose, scale: float = 1.0, *, facing: float = 0.0, index: int = 0,
                palette: Palette = LIGHT, t: float = 0.0) -> pygame.Rect:
    """Draw a member seated on a chair whose seat is at `centre`; returns the area drawn.

    `facing` (-1..1) is the horizontal direction toward the middle of the circle: the
    chair and body turn toward it, leaning in moves toward it, turning away turns from it.
    `t` (seconds) animates the mouth while speaking.
    """
    full = complete_look(look, index)
    sprite = member_sprite(full, pose, scale, facing, palette, mouth_phase(pose, t))
    return blit_member(surface, centre, sprite, scale, palette)


def mouth_phase(pose: Pose, t: float) -> int:
    """Which of the speaking frames shows at time t (0 when silent).

    Frames 0 and 2 look the same (mouth closed), so both map to 0 and a
    speaking member needs three sprites, not four.
    """
    if pose.speaking <= 0.5:
        return 0
    phase = int(t * 8) % 4
    return 0 if phase == 2 else phase


def sprite_key(look: dict, pose: Pose, scale: float, facing: float, palette: Palette, phase: int) -> tuple:
    """Everything that changes a member sprite's pixels; `look` must be complete."""
    return (pose.key(), tuple(sorted(look.items())), round(scale, 2), round(facing, 1), palette.name, phase)


def cached_sprite(key: tuple) -> pygame.Surface | None:
    """The sprite for `key` if it has been rendered, else None (never renders)."""
    sprite = _cache.get(key)
    if sprite is not None:
        _cache.move_to_end(key)
    return sprite


def member_sprite(look: dict, pose: Pose, scale: float, facing: float, palette: Palette,
                  phase: int = 0) -> pygame.Surface:
    """The figure on its chair as a cached surface; `look` must be complete (see complete_look)."""
    key = sprite_key(look, pose, scale, facing, palette, phase)
    sprite = cached_sprite(key)
    if sprite is None:
        sprite = _quick(paint.render_member(look, pose, scale, round(facing, 1), palette, phase))
        _cache[key] = sprite
        if len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return sprite


def chair_sprite(scale: float, palette: Palette, facing: float = 0.0) -> pygame.Surface:
    """An empty chair, as drawn under a member: the seat kept for a member not yet arrived."""
    key = ("empty-chair", round(scale, 2), palette.name, round(facing, 1))
    sprite = cached_sprite(key)
    if sprite is None:
        sprite = _cache[key] = _quick(paint.render_chair(scale, palette, round(facing, 1)))
    return sprite


def _quick(sprite: pygame.Surface) -> pygame.Surface:
    """Run-length encoded: a figure is half transparent pixels, and every frame blits it."""
    sprite.set_alpha(255, pygame.RLEACCEL)
    return sprite


def sprite_topleft(centre: tuple[float, float], scale: float) -> tuple[int, int]:
    """Where a sprite goes so that its seat sits at `centre`."""
    return (round(centre[0] - ORIGIN[0] * scale), round(centre[1] - ORIGIN[1] * scale))


def blit_member(surface: pygame.Surface, centre: tuple[float, float], sprite: pygame.Surface,
                scale: float, palette: Palette) -> pygame.Rect:
    """The sprite (its floor shadow painted in) with its seat at `centre`; returns the area covered."""
    return surface.blit(sprite, sprite_topleft(centre, scale))


def clear_cache() -> None:
    _cache.clear()

