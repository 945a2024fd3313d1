"""Seated group members, drawn procedurally from a few numbers.

A member's inner state reaches the screen as body language the trainee learns
to read: leaning in or back (engagement), turning away (withdrawal), crossed
arms (low trust), head down (distress), a face (the tone of what they say).
`pose_from_state` turns the model's numbers into a `Pose`; `Pose.lerp` lets a
scene animate between the pose before a choice and the pose after it.

Figures are flat illustrations about 80 px tall. Each is drawn three times
larger on a scratch surface and smoothly scaled down, which anti-aliases every
shape, thick lines included, without per-primitive tricks; the results are
cached, so a still frame costs one blit per member.
"""
from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, replace

import pygame

from game.ui.theme import LIGHT, Palette, complete_look, hex_to_rgb, mix, shade

SUPERSAMPLE = 3
BOX = (84, 100)        # the figure's box at scale 1, in px
ORIGIN = (42, 66)      # where the seat centre sits inside the box
CACHE_SIZE = 640       # a circle of 12, each seen from several gazes, poses and speaking frames
HEAD_SCALE = 1.15      # heads a little large, so faces read at 80 px

# -- expressions ---------------------------------------------------------------
# (mouth curve -1 frown..+1 smile, mouth width, inner-brow lift -1 scowl..+1 worry,
#  brow raise, eye openness, blush)
EXPRESSIONS: dict[str, tuple[float, float, float, float, float, float]] = {
    "neutral":   (0.15, 1.0, 0.0, 0.0, 1.0, 0.0),
    "anxious":   (-0.25, 0.8, 0.9, 0.6, 1.2, 0.0),
    "sad":       (-0.75, 0.9, 0.7, 0.0, 0.65, 0.0),
    "angry":     (-0.55, 1.05, -1.0, -0.2, 0.9, 0.35),
    "hopeful":   (0.6, 1.0, 0.35, 0.5, 1.1, 0.2),
    "flat":      (0.0, 0.85, 0.0, -0.4, 0.5, 0.0),
    "defensive": (-0.25, 0.75, -0.5, -0.1, 0.8, 0.0),
    "warm":      (0.95, 1.15, 0.1, 0.2, 0.85, 0.45),
}


def _clamp(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return max(lo, min(hi, x))


@dataclass(frozen=True)
class Pose:
    """Body language as continuous numbers, so any two poses interpolate smoothly."""

    lean: float = 0.0          # -1 leaning back .. +1 leaning in
    turned_away: float = 0.0   # 0 facing the group .. 1 turned away
    arms_crossed: float = 0.0  # 0 open .. 1 crossed
    head_down: float = 0.0     # 0 up .. 1 head bowed
    mouth_curve: float = 0.15
    mouth_width: float = 1.0
    brow_inner: float = 0.0
    brow_raise: float = 0.0
    eye_open: float = 1.0
    blush: float = 0.0
    gaze: tuple[float, float] = (0.0, 0.2)  # where the eyes look, each -1..1 (y down)
    speaking: float = 0.0
    expression: str = "neutral"             # the nearest named expression, for captions

    def key(self) -> tuple:
        """The pose rounded to what shows at figure size: the sprite cache's key."""
        return (round(self.lean, 2), round(self.turned_away, 2), round(self.arms_crossed, 2),
                round(self.head_down, 2), round(self.mouth_curve, 2), round(self.mouth_width, 2),
                round(self.brow_inner, 2), round(self.brow_raise, 2), round(self.eye_open, 2),
                round(self.blush, 2), round(self.gaze[0], 2), round(self.gaze[1], 2),
                round(self.speaking, 2))

    def lerp(self, other: Pose, t: float) -> Pose:
        """The pose t of the way from self to other (t=0 self, t=1 other)."""
        t = _clamp(t)
        mixed = {}
        for name in ("lean", "turned_away", "arms_crossed", "head_down", "mouth_curve",
                     "mouth_width", "brow_inner", "brow_raise", "eye_open", "blush", "speaking"):
            a, b = getattr(self, name), getattr(other, name)
            mixed[name] = a * (1 - t) + b * t  # exact at both ends, unlike a + (b - a) * t
        gaze = tuple(a * (1 - t) + b * t for a, b in zip(self.gaze, other.gaze))
        expression = self.expression if t < 0.5 else other.expression
        return Pose(gaze=gaze, expression=expression, **mixed)  # type: ignore[arg-type]


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


def pose_from_state(engagement: float, trust: float, distress: float, tone: str | None = None,
                    gaze: tuple[float, float] | None = None, speaking: bool = False) -> Pose:
    """The body language of a member with these numbers (each 0..1)."""
    expression = _expression_for(distress, engagement, trust, tone)
    curve, width, inner, raise_, eye, blush = EXPRESSIONS[expression]
    # Distress pulls any face toward worry, whatever the tone.
    curve -= 0.35 * max(0.0, distress - 0.5)
    inner = _clamp(inner + 0.6 * max(0.0, distress - 0.5), -1, 1)
    withdrawal = 0.6 * (1 - engagement) + 0.4 * (1 - trust)
    head_down = max((distress - 0.55) / 0.35, (0.35 - engagement) / 0.3)
    head_down += {"sad": 0.25, "flat": 0.15}.get(expression, 0.0)
    arms = (0.45 - trust) / 0.3 + {"defensive": 0.45, "angry": 0.3}.get(expression, 0.0)
    head_down = _clamp(head_down)
    return Pose(
        lean=_clamp((engagement - 0.5) * 2.2, -1, 1),
        turned_away=_clamp((withdrawal - 0.5) / 0.35),
        arms_crossed=_clamp(arms),
        head_down=head_down,
        mouth_curve=curve, mouth_width=width, brow_inner=inner, brow_raise=raise_,
        eye_open=eye, blush=blush,
        gaze=_gaze(gaze, head_down),
        speaking=1.0 if speaking else 0.0,
        expression=expression,
    )


def _gaze(toward: tuple[float, float] | None, head_down: float) -> tuple[float, float]:
    """Eyes go toward the speaker, unless the head is bowed: then they drop."""
    if toward is None:
        toward = (0.0, 0.2)
    length = math.hypot(*toward)
    if length > 1:
        toward = (toward[0] / length, toward[1] / length)
    down = _clamp(head_down * 1.2)
    return (toward[0] * (1 - down), toward[1] + (1 - toward[1]) * down)


# -- drawing -------------------------------------------------------------------------
_cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()


def draw_member(surface: pygame.Surface, centre: tuple[float, float], look: dict | None,
                pose: Pose, scale: float = 1.0, *, facing: float = 0.0, index: int = 0,
                palette: Palette = LIGHT, t: float = 0.0) -> pygame.Rect:
    """Draw a member seated on a chair whose seat is at `centre`; returns the area drawn.

    `facing` (-1..1) is the horizontal direction toward the middle of the circle:
    leaning in moves toward it, turning away moves the face from it. `t` (seconds)
    animates the mouth while speaking.
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
        sprite = _render_member(look, pose, scale, facing, palette, phase)
        _cache[key] = sprite
        if len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return sprite


def chair_sprite(scale: float, palette: Palette) -> pygame.Surface:
    """An empty chair, as drawn under a member: the seat kept for a member not yet arrived."""
    key = ("empty-chair", round(scale, 2), palette.name)
    sprite = cached_sprite(key)
    if sprite is None:
        k = SUPERSAMPLE * scale
        scratch = _blank((round(BOX[0] * k), round(BOX[1] * k)), shade(palette.chair, 0.3))
        _draw_chair(_Pen(scratch, k), palette)
        sprite = _cache[key] = pygame.transform.smoothscale(scratch, (round(BOX[0] * scale), round(BOX[1] * scale)))
    return sprite


def sprite_topleft(centre: tuple[float, float], scale: float) -> tuple[int, int]:
    """Where a sprite goes so that its seat sits at `centre`."""
    return (round(centre[0] - ORIGIN[0] * scale), round(centre[1] - ORIGIN[1] * scale))


def blit_member(surface: pygame.Surface, centre: tuple[float, float], sprite: pygame.Surface,
                scale: float, palette: Palette) -> pygame.Rect:
    """The floor shadow, then the sprite over it; returns the area the sprite covers."""
    _draw_floor_shadow(surface, centre, scale, palette)
    return surface.blit(sprite, sprite_topleft(centre, scale))


def _draw_floor_shadow(surface: pygame.Surface, centre, scale: float, palette: Palette) -> None:
    shadow = _floor_shadow(round(58 * scale), round(14 * scale), palette.shadow)
    w = shadow.get_width()
    surface.blit(shadow, (round(centre[0] - w / 2), round(centre[1] + 19 * scale)))


_shadows: dict[tuple, pygame.Surface] = {}
_blanks: OrderedDict[tuple, pygame.Surface] = OrderedDict()


def _floor_shadow(w: int, h: int, colour) -> pygame.Surface:
    key = (w, h, tuple(colour))
    shadow = _shadows.get(key)
    if shadow is None:
        if len(_shadows) > 64:
            _shadows.clear()
        shadow = _shadows[key] = pygame.Surface((w, h), pygame.SRCALPHA)
        pygame.draw.ellipse(shadow, (*colour, 90), shadow.get_rect())
    return shadow


def _blank(size: tuple[int, int], colour) -> pygame.Surface:
    """A transparent scratch surface whose invisible pixels have `colour`.

    Filling a surface is slow on some SDL builds (it dominated a sprite's cost);
    copying a prepared one is a plain memory copy.
    """
    key = (size, tuple(colour))
    blank = _blanks.get(key)
    if blank is None:
        blank = pygame.Surface(size, pygame.SRCALPHA)
        blank.fill((*colour, 0))
        _blanks[key] = blank
        if len(_blanks) > 48:
            _blanks.popitem(last=False)
    return blank.copy()


class _Pen:
    """Maps figure coordinates (px at scale 1, seat centre at 0,0) onto the scratch surface."""

    def __init__(self, surface: pygame.Surface, k: float, at=(0.0, 0.0), f: float = 1.0) -> None:
        self.surface, self.k, self.at, self.f = surface, k, at, f

    def around(self, x: float, y: float, f: float) -> _Pen:
        """A pen whose origin is (x, y) and whose unit is f: the head is drawn in its own frame."""
        return _Pen(self.surface, self.k, (self.at[0] + x * self.f, self.at[1] + y * self.f), self.f * f)

    def p(self, x: float, y: float) -> tuple[int, int]:
        gx, gy = self.at[0] + x * self.f, self.at[1] + y * self.f
        return (round((ORIGIN[0] + gx) * self.k), round((ORIGIN[1] + gy) * self.k))

    def n(self, v: float) -> int:
        return max(1, round(v * self.f * self.k))

    def poly(self, colour, points, outline=None) -> None:
        pts = [self.p(*pt) for pt in points]
        pygame.draw.polygon(self.surface, colour, pts)
        if outline:
            pygame.draw.polygon(self.surface, outline, pts, self.n(1.1))

    def circle(self, colour, at, r, outline=None) -> None:
        pygame.draw.circle(self.surface, colour, self.p(*at), self.n(r))
        if outline:
            pygame.draw.circle(self.surface, outline, self.p(*at), self.n(r), self.n(1.1))

    def ellipse(self, colour, x, y, w, h, width=0) -> None:
        rect = pygame.Rect(self.p(x, y), (self.n(w), self.n(h)))
        pygame.draw.ellipse(self.surface, colour, rect, self.n(width) if width else 0)

    def rrect(self, colour, x, y, w, h, radius, outline=None) -> None:
        rect = pygame.Rect(self.p(x, y), (self.n(w), self.n(h)))
        pygame.draw.rect(self.surface, colour, rect, border_radius=self.n(radius))
        if outline:
            pygame.draw.rect(self.surface, outline, rect, self.n(1.1), border_radius=self.n(radius))

    def line(self, colour, points, width) -> None:
        """A thick polyline with round joints and caps."""
        pts = [self.p(*pt) for pt in points]
        pygame.draw.lines(self.surface, colour, False, pts, self.n(width))
        for pt in pts:
            pygame.draw.circle(self.surface, colour, pt, self.n(width) // 2)


def _render_member(look: dict, pose: Pose, scale: float, facing: float,
                   palette: Palette, phase: int) -> pygame.Surface:
    k = SUPERSAMPLE * scale
    size = (round(BOX[0] * k), round(BOX[1] * k))
    skin, hair, top, legs = (hex_to_rgb(look[n]) for n in ("skin", "hair", "top", "legs"))
    scratch = _blank(size, shade(top, 0.35))  # transparent pixels the colour of the outlines: no dark fringes
    pen = _Pen(scratch, k)
    side = 1.0 if facing >= 0 else -1.0
    # Leaning in moves the shoulders toward the middle and a little down.
    sx = facing * pose.lean * 7 - side * pose.turned_away * 2
    sy = -30 + pose.lean * 2.5
    _draw_chair(pen, palette)
    _draw_legs(pen, legs)
    sw = 16 * (1 - 0.2 * pose.turned_away)
    _draw_torso(pen, top, skin, sx, sy, sw)
    hx = sx + pose.gaze[0] * 1.2 - side * pose.turned_away * 1.5
    hy = sy - 14 + pose.head_down * 3.5
    _draw_head(pen.around(hx, hy, HEAD_SCALE), look, skin, hair, pose, side, phase)
    _draw_arms(pen, top, skin, sx, sy, sw, pose.arms_crossed)
    if pose.speaking > 0.05:
        _draw_sound(pen.around(hx, hy, HEAD_SCALE), palette, side, pose.speaking, phase)
    return pygame.transform.smoothscale(scratch, (round(BOX[0] * scale), round(BOX[1] * scale)))


def _draw_chair(pen: _Pen, palette: Palette) -> None:
    wood, edge = palette.chair, shade(palette.chair, 0.3)
    pen.rrect(wood, -19, -38, 38, 38, 6, edge)
    for x in (-17, 15):
        pen.line(edge, [(x + 1, 4), (x + 1 + (x > 0) * 2 - (x < 0) * 2, 25)], 2.2)
    pen.rrect(shade(wood, -0.12), -22, -3, 44, 9, 4, edge)


def _draw_legs(pen: _Pen, legs) -> None:
    edge = shade(legs, 0.35)
    pen.poly(legs, [(-14, -3), (14, -3), (14.5, 10), (-14.5, 10)], edge)
    for x in (-12.5, 3.5):
        pen.rrect(legs, x, 7, 9, 16, 3, edge)
    shoe = shade(legs, 0.55)
    for x in (-14, 2):
        pen.ellipse(shoe, x, 20, 12, 6)


def _draw_torso(pen: _Pen, top, skin, sx, sy, sw) -> None:
    edge = shade(top, 0.3)
    pen.rrect(skin, sx - 3.5, sy - 6, 7, 9, 2)  # neck
    pen.poly(top, [(sx - sw, sy + 5), (sx - sw + 4, sy), (sx + sw - 4, sy), (sx + sw, sy + 5),
                   (13, 0), (-13, 0)], edge)
    pen.poly(shade(top, 0.12), [(sx - 4, sy), (sx + 4, sy), (sx, sy + 4)])  # collar


def _draw_arms(pen: _Pen, top, skin, sx, sy, sw, crossed: float) -> None:
    edge = shade(top, 0.3)
    for s in (-1, 1):  # the right arm last, so crossed arms overlap
        shoulder = (sx + s * (sw - 2.5), sy + 4)
        open_elbow, open_hand = (s * (sw + 1) + sx * 0.6, sy + 17), (s * 7, -3)
        shut_elbow, shut_hand = (sx + s * (sw - 1), sy + 17), (sx - s * 8, sy + 13)
        elbow = _lerp_pt(open_elbow, shut_elbow, crossed)
        hand = _lerp_pt(open_hand, shut_hand, crossed)
        pen.line(edge, [shoulder, elbow, hand], 8.2)
        pen.line(top, [shoulder, elbow, hand], 6)
        pen.circle(skin, hand, 3.3, shade(skin, 0.25))


def _lerp_pt(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _draw_head(pen: _Pen, look, skin, hair, pose: Pose, side, phase) -> None:
    """Head, hair and face in the head's own frame: centre (0, 0), radius 11."""
    style = look.get("hair_style", "short")
    hair_edge = shade(hair, 0.3)
    if style == "long":  # hangs at the sides, leaving the neck clear
        for s in (-1, 1):
            pen.rrect(hair, s * 8.5 - 5, -6, 10, 22, 5, hair_edge)
    skin_edge = shade(skin, 0.28)
    for s in (-1, 1):
        pen.circle(skin, (s * 10.5, 1), 2.6, skin_edge)  # ears
    pen.circle(skin, (0, 0), 11, skin_edge)
    _draw_hair(pen, style, hair, hair_edge, pose.turned_away * -side)
    _draw_face(pen, pose, skin, hair, side, phase)


def _draw_hair(pen: _Pen, style, hair, edge, turn) -> None:
    if style == "bun":
        pen.circle(hair, (0, -12.5), 5, edge)
    if style == "curly":
        for i in range(8):
            a = math.pi + 0.1 + i * (math.pi - 0.2) / 7
            pen.circle(hair, (11 * math.cos(a), 10.5 * math.sin(a)), 4.2, edge)
    radius = 12 if style != "cropped" else 11.3
    fringe = {"cropped": -6.5, "side": -3.5}.get(style, -4.5)
    cap = [(radius * math.cos(a), radius * math.sin(a))
           for a in (math.pi + 0.15 + i * (math.pi - 0.3) / 12 for i in range(13))]
    tilt = 2.5 if style == "side" else 0.0
    fringe_pts = [(10.5, fringe + tilt + 1.5), (3 + turn * 3, fringe + 1),
                  (-3 + turn * 3, fringe - tilt + 0.5), (-10.5, fringe - tilt + 1.5)]
    pen.poly(hair, cap + fringe_pts, edge)


def _draw_face(pen: _Pen, pose: Pose, skin, hair, side, phase) -> None:
    fx = -side * pose.turned_away * 4 + pose.gaze[0] * 1.4
    fy = pose.head_down * 2.2 + pose.gaze[1] * 0.8
    ink = (40, 32, 36)
    if pose.blush > 0.05:
        cheek = mix(skin, (232, 120, 120), 0.35 * pose.blush)
        for s in (-1, 1):
            pen.ellipse(cheek, fx + s * 6 - 2.2, fy + 2.2, 4.4, 2.6)
    smiling_eyes = pose.mouth_curve > 0.7 and pose.eye_open < 0.95
    for s in (-1, 1):
        ex, ey = fx + s * 4.2, fy + 0.3
        if smiling_eyes:
            pen.line(ink, [(ex - 1.6, ey + 0.6), (ex, ey - 0.8), (ex + 1.6, ey + 0.6)], 1.0)
        else:
            _draw_eye(pen, ink, ex, ey, pose)
        brow_y = ey - 4 - pose.brow_raise * 1.2
        inner = (ex - s * 1.9, brow_y - pose.brow_inner * 1.3)
        outer = (ex + s * 2.2, brow_y + pose.brow_inner * 0.5)
        pen.line(shade(hair, 0.15), [inner, outer], 1.1)
    _draw_mouth(pen, pose, ink, fx, fy + 5.3, phase)


def _draw_eye(pen: _Pen, ink, ex: float, ey: float, pose: Pose) -> None:
    """White and pupil, so eyes read on every skin tone; lowered lids become a line."""
    h = 3.8 * pose.eye_open * (1 - 0.55 * pose.head_down)
    if h < 1.6:
        pen.line(ink, [(ex - 1.6, ey), (ex + 1.6, ey)], 1.0)
        return
    pen.ellipse((250, 248, 244), ex - 1.9, ey - h / 2, 3.8, h)
    px, py = ex + pose.gaze[0] * 0.6, ey + pose.gaze[1] * 0.4
    ph = min(h, 2.8)
    pen.ellipse(ink, px - 1.25, py - ph / 2, 2.5, ph)


def _draw_mouth(pen: _Pen, pose: Pose, ink, mx, my, phase) -> None:
    half = 3.1 * pose.mouth_width
    curve = pose.mouth_curve * 2.0
    if pose.speaking > 0.5 and phase % 2 == 1:
        pen.ellipse(ink, mx - half * 0.6, my - 1.2, half * 1.2, 2.8 + phase * 0.2)
        return
    pts = [(mx + half * u, my + curve * (1 - u * u) - curve * 0.5) for u in (-1, -0.5, 0, 0.5, 1)]
    pen.line(ink, pts, 1.25)


def _draw_sound(pen: _Pen, palette: Palette, side, amount, phase) -> None:
    """Two small arcs beside the mouth: this member is speaking (not colour alone)."""
    colour = palette.accent
    for i, r in enumerate((6, 10.5)):
        rect = pygame.Rect(pen.p(side * 12 - r, 3 - r), (pen.n(2 * r), pen.n(2 * r)))
        start = -0.7 if side > 0 else math.pi - 0.7
        pygame.draw.arc(pen.surface, colour, rect, start, start + 1.4, pen.n((2.4 if i == phase % 2 else 1.6) * amount))


def clear_cache() -> None:
    _cache.clear()


def with_speaking(pose: Pose, speaking: bool) -> Pose:
    """The same pose, speaking or not: scenes flip this as the transcript advances."""
    return replace(pose, speaking=1.0 if speaking else 0.0)
