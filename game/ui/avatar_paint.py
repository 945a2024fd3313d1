"""Painting one seated member: chair, legs, torso, head and face, arms and hands.

Coordinates are figure units with the seat's centre at (0, 0) and y down; a figure is
about 93 units from the top of the hair to the shoes. `frame` works out where the body's
parts go for a pose (the shoulders, the head, where the eyes look), so the layout can say
where a face is without painting it. Each cue of game.ui.body_language moves a part
continuously: nothing here switches between two drawings.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import pygame

from game.ui.theme import Palette, hex_to_rgb, mix, shade

BOX = (78, 108)         # the sprite's box at scale 1, in px: every pose, and the floor shadow, fit it
ORIGIN = (39, 74)       # where the seat centre sits inside the box
HEAD_SCALE = 1.3        # heads large, so faces and gaze read at presenter distance
HEAD_RADIUS = 12 * HEAD_SCALE   # the head with its hair, in figure units
HEAD_TOP = -66          # the top of an upright member's hair (a bun reaches a little higher)
FEET = 27               # the bottom of the shoes
HALF_WIDTH = 30         # the widest a member reaches either side of the seat (chair, knees, elbows)
NECK = 16               # shoulder line to the head's centre, shoulders easy
INK = (40, 32, 36)


def supersample(scale: float) -> int:
    """How much larger the scratch drawing is than the sprite: small figures need more."""
    return 3 if scale < 1.0 else 2


def _clamp(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return max(lo, min(hi, x))


def _lerp_pt(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


@dataclass(frozen=True)
class Frame:
    """Where a pose puts the body's parts, in figure units."""

    side: float        # +1 when the middle of the circle is to the right
    yaw: float         # the body's turn: -1 toward screen left .. +1 toward screen right
    sx: float          # the shoulders' centre
    sy: float
    sw: float          # half the shoulders' width
    hx: float          # the head's centre
    hy: float
    head_yaw: float    # the head's turn, which follows the eyes
    gx: float          # where the eyes look (y down)
    gy: float
    knee: float        # how far the knees point sideways


@lru_cache(maxsize=2048)     # poses are frozen: painting and the layout ask for the same frames
def frame(pose, facing: float) -> Frame:
    """The body's geometry for `pose` on a chair turned toward `facing` (-1..1)."""
    side = 1.0 if facing >= 0 else -1.0
    away = pose.turned_away
    yaw = _clamp(facing * 0.55 * (1 - away) - side * away * 0.95, -1, 1)
    sx = facing * pose.lean * 9 + yaw * 2
    sy = -30 + pose.lean * 4 - pose.hunch * 0.5
    sw = 16 * (1 - 0.25 * abs(yaw)) * (1 - 0.14 * pose.hunch)
    gx = pose.gaze[0] * (1 - pose.door) - side * pose.door
    gy = pose.gaze[1] * (1 - pose.door) - 0.05 * pose.door
    gx, gy = gx * (1 - pose.roll), gy * (1 - pose.roll) - pose.roll
    head_yaw = _clamp(0.7 * gx + 0.45 * yaw, -1, 1)
    hx = sx + head_yaw * 2.0
    hy = sy - NECK * (1 - 0.35 * pose.hunch) + pose.head_down * 8 - pose.roll * 1.2
    return Frame(side, yaw, sx, sy, sw, hx, hy, head_yaw, gx, gy, yaw * 6)


class Pen:
    """Maps figure coordinates (px at scale 1, seat centre at 0,0) onto the scratch surface."""

    def __init__(self, surface: pygame.Surface, k: float, at=(0.0, 0.0), f: float = 1.0) -> None:
        self.surface, self.k, self.at, self.f = surface, k, at, f

    def around(self, x: float, y: float, f: float) -> Pen:
        """A pen whose origin is (x, y) and whose unit is f: the head is drawn in its own frame."""
        return Pen(self.surface, self.k, (self.at[0] + x * self.f, self.at[1] + y * self.f), self.f * f)

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


_blanks: dict[tuple, pygame.Surface] = {}


def _blank(size: tuple[int, int], colour) -> pygame.Surface:
    """A transparent scratch surface whose invisible pixels have `colour`.

    Filling a surface is slow on some SDL builds (it dominated a sprite's cost);
    copying a prepared one is a plain memory copy.
    """
    key = (size, tuple(colour))
    blank = _blanks.get(key)
    if blank is None:
        if len(_blanks) > 48:
            _blanks.clear()
        blank = _blanks[key] = pygame.Surface(size, pygame.SRCALPHA)
        blank.fill((*colour, 0))
    return blank.copy()


def _scratch(scale: float, fringe) -> tuple[Pen, pygame.Surface, tuple[int, int]]:
    k = supersample(scale) * scale
    scratch = _blank((round(BOX[0] * k), round(BOX[1] * k)), fringe)
    return Pen(scratch, k), scratch, (round(BOX[0] * scale), round(BOX[1] * scale))


def render_chair(scale: float, palette: Palette, facing: float = 0.0) -> pygame.Surface:
    """An empty chair turned toward the middle of the circle."""
    pen, scratch, size = _scratch(scale, shade(palette.chair, 0.3))
    draw_floor_shadow(pen, palette)
    draw_chair(pen, palette, _clamp(facing * 0.55, -1, 1))
    return pygame.transform.smoothscale(scratch, size)


def render_member(look: dict, pose, scale: float, facing: float, palette: Palette, phase: int) -> pygame.Surface:
    skin, hair, top, legs = (hex_to_rgb(look[n]) for n in ("skin", "hair", "top", "legs"))
    pen, scratch, size = _scratch(scale, shade(top, 0.35))  # invisible pixels the outline's colour: no fringes
    f = frame(pose, facing)
    draw_floor_shadow(pen, palette)
    draw_chair(pen, palette, f.yaw)
    _draw_legs(pen, legs, f.knee)
    _draw_torso(pen, top, skin, f, pose.hunch)
    head = pen.around(f.hx, f.hy, HEAD_SCALE)
    _draw_head(head, look, skin, hair, pose, f, phase)
    _draw_arms(pen, top, skin, f, pose)
    if pose.speaking > 0.05:
        _draw_sound(head, palette, f.side, pose.speaking, phase)
    return pygame.transform.smoothscale(scratch, size)


def draw_floor_shadow(pen: Pen, palette: Palette) -> None:
    """The shadow under the chair, painted into the sprite: one blit a member, not two."""
    pen.ellipse((*palette.shadow, 90), -29, 19, 58, 14)


def draw_chair(pen: Pen, palette: Palette, yaw: float = 0.0) -> None:
    """The chair turns with its sitter: its back slides behind them and narrows."""
    wood, edge = palette.chair, shade(palette.chair, 0.3)
    width = 38 * (1 - 0.3 * abs(yaw))
    pen.rrect(wood, -width / 2 - yaw * 6, -38, width, 38, 6, edge)
    for x in (-17, 15):
        pen.line(edge, [(x + 1, 4), (x + 1 + (x > 0) * 2 - (x < 0) * 2, 25)], 2.2)
    pen.rrect(shade(wood, -0.12), -22 + yaw * 2, -3, 44, 9, 4, edge)


def _draw_legs(pen: Pen, legs, knee: float) -> None:
    edge = shade(legs, 0.35)
    pen.poly(legs, [(-14, -3), (14, -3), (14.5 + knee, 10), (-14.5 + knee, 10)], edge)
    for x in (-12.5, 3.5):
        pen.rrect(legs, x + knee, 7, 9, 16, 3, edge)
    shoe = shade(legs, 0.55)
    for x in (-14, 2):
        pen.ellipse(shoe, x + knee * 1.2, 20, 12, 6)


def _draw_torso(pen: Pen, top, skin, f: Frame, hunch: float) -> None:
    """Hunched shoulders rise toward the ears and draw in; the neck all but disappears."""
    edge = shade(top, 0.3)
    sx, sy, sw = f.sx, f.sy, f.sw
    pen.rrect(skin, f.hx - 4, f.hy + 6, 8, max(1.0, sy - f.hy - 2), 2)  # neck
    lift = hunch * 4.5
    pen.poly(top, [(sx - sw, sy + 5 - lift), (sx - sw + 4, sy - lift * 0.5), (sx + sw - 4, sy - lift * 0.5),
                   (sx + sw, sy + 5 - lift), (13, 0), (-13, 0)], edge)
    pen.poly(shade(top, 0.12), [(sx - 4, sy), (sx + 4, sy), (sx, sy + 4)])  # collar


def _arm_points(f: Frame, pose, s: float) -> tuple[tuple, tuple, tuple]:
    """Shoulder, elbow and hand of one arm (s = -1 left, +1 right).

    Trust folds the arms (open on the knees .. crossed); distress then carries the hands
    along HAND_STAGES: clasped in the lap, wringing at the waist, over the face.
    """
    sx, sy, sw = f.sx, f.sy, f.sw
    shoulder = (sx + s * (sw - 2.5), sy + 4 - pose.hunch * 2.5)
    open_elbow, open_hand = (s * (sw + 1) + sx * 0.6, sy + 17), (s * 7 + f.knee * 0.6, -3)
    shut_elbow, shut_hand = (sx + s * (sw - 1), sy + 17), (sx - s * 8, sy + 13)
    elbow = _lerp_pt(open_elbow, shut_elbow, pose.arms_crossed)
    hand = _lerp_pt(open_hand, shut_hand, pose.arms_crossed)
    stages = [(elbow, hand),
              ((sx + s * (sw + 0.5), sy + 18), (sx * 0.5 + s * 2.6, -6)),
              ((sx + s * (sw + 1.5), sy + 19), (sx + s * 1.8, sy + 15)),
              ((sx + s * (sw - 2), sy + 9), (f.hx + s * 5.5, f.hy + 3))]
    at = _clamp(pose.hands) * 3
    k = min(2, int(at))
    (e0, h0), (e1, h1) = stages[k], stages[k + 1]
    return shoulder, _lerp_pt(e0, e1, at - k), _lerp_pt(h0, h1, at - k)


def _draw_arms(pen: Pen, top, skin, f: Frame, pose) -> None:
    edge, skin_edge = shade(top, 0.3), shade(skin, 0.25)
    covering = _clamp((pose.hands - 0.67) / 0.33)
    radius = 3.3 + 1.6 * covering          # hands over a face are seen whole, palms out
    hands = []
    for s in (-1, 1):  # the right arm last, so crossed arms overlap
        shoulder, elbow, hand = _arm_points(f, pose, s)
        pen.line(edge, [shoulder, elbow, hand], 8.2)
        pen.line(top, [shoulder, elbow, hand], 6)
        hands.append(hand)
    for hand in hands:
        pen.circle(skin, hand, radius, skin_edge)
    wringing = _clamp(1 - abs(pose.hands - 0.67) / 0.2)
    if wringing > 0.05:
        _draw_wringing(pen, hands, skin_edge, wringing)


def _draw_wringing(pen: Pen, hands, edge, amount: float) -> None:
    """Knuckles twisting over each other, and small marks of the restless movement."""
    cx = (hands[0][0] + hands[1][0]) / 2
    cy = (hands[0][1] + hands[1][1]) / 2
    pen.line(edge, [(cx - 2.2, cy - 1.5), (cx + 0.5, cy + 0.5), (cx + 2.2, cy - 1.2)], 0.9)
    for s in (-1, 1):
        rect = pygame.Rect(pen.p(cx + s * 7.5 - 3, cy - 3), (pen.n(6), pen.n(6)))
        start = -0.9 if s > 0 else math.pi - 0.9
        pygame.draw.arc(pen.surface, edge, rect, start, start + 1.8, pen.n(0.9 * amount + 0.3))


def _draw_head(pen: Pen, look, skin, hair, pose, f: Frame, phase) -> None:
    """Head, hair and face in the head's own frame: centre (0, 0), radius 11."""
    style = look.get("hair_style", "short")
    hair_edge = shade(hair, 0.3)
    if style == "long":  # hangs at the sides, leaving the neck clear
        for s in (-1, 1):
            pen.rrect(hair, s * 8.5 - 5, -6, 10, 22, 5, hair_edge)
    skin_edge = shade(skin, 0.28)
    for s in (-1, 1):
        if s * f.head_yaw > -0.55:      # the far ear hides as the head turns
            pen.circle(skin, (s * 10.5 - f.head_yaw * 1.5, 1), 2.6, skin_edge)
    pen.circle(skin, (0, 0), 11, skin_edge)
    _draw_back_of_head(pen, hair, hair_edge, f.head_yaw)
    _draw_hair(pen, style, hair, hair_edge, f.head_yaw, pose.head_down)
    _draw_face(pen, pose, f, skin, hair, phase)


def _draw_back_of_head(pen: Pen, hair, edge, head_yaw: float) -> None:
    """A turned head shows its side: hair covers the half the face turned from."""
    amount = _clamp((abs(head_yaw) - 0.25) / 0.75)
    if amount <= 0:
        return
    back = -1.0 if head_yaw > 0 else 1.0
    inner = back * (11 - 8 * amount)
    arc = [(back * 11 * math.cos(a), 11 * math.sin(a)) for a in (i * math.pi / 10 - math.pi / 2 for i in range(11))]
    pen.poly(hair, [(inner, -9)] + [(x, y) for x, y in arc if back * x >= back * inner - 0.01] + [(inner, 6)], edge)


def _draw_hair(pen: Pen, style, hair, edge, turn, bow: float = 0.0) -> None:
    """A bowed head shows more of its crown: the hairline comes down over the forehead."""
    if style == "bun":
        pen.circle(hair, (-turn * 3, -12.5), 5, edge)
    if style == "curly":
        for i in range(8):
            a = math.pi + 0.1 + i * (math.pi - 0.2) / 7
            pen.circle(hair, (11 * math.cos(a), 10.5 * math.sin(a)), 4.2, edge)
    radius = 12 if style != "cropped" else 11.3
    fringe = {"cropped": -6.5, "side": -3.5}.get(style, -4.5) + bow * 3.5
    cap = [(radius * math.cos(a), radius * math.sin(a))
           for a in (math.pi + 0.15 + i * (math.pi - 0.3) / 12 for i in range(13))]
    tilt = 2.5 if style == "side" else 0.0
    fringe_pts = [(10.5, fringe + tilt + 1.5), (3 + turn * 3, fringe + 1),
                  (-3 + turn * 3, fringe - tilt + 0.5), (-10.5, fringe - tilt + 1.5)]
    pen.poly(hair, cap + fringe_pts, edge)


def _draw_face(pen: Pen, pose, f: Frame, skin, hair, phase) -> None:
    """Features slide toward where the head turns and drop as it bows; the eyes follow the gaze."""
    turn = f.head_yaw
    fx = turn * 4.8
    fy = pose.head_down * 3.6 + max(0.0, f.gy) * 1.6 - pose.roll * 0.6
    spread = 4.2 * (1 - 0.22 * abs(turn))
    if pose.blush > 0.05:
        cheek = mix(skin, (232, 120, 120), 0.35 * pose.blush)
        for s in (-1, 1):
            pen.ellipse(cheek, fx + s * 6 - 2.2, fy + 2.2, 4.4, 2.6)
    smiling_eyes = pose.mouth_curve > 0.7 and pose.eye_open < 0.95 and pose.speaking > 0.5  # else: show the gaze
    for s in (-1, 1):
        ex, ey = fx + s * spread, fy + 0.3
        if smiling_eyes:
            pen.line(INK, [(ex - 1.6, ey + 0.6), (ex, ey - 0.8), (ex + 1.6, ey + 0.6)], 1.0)
        else:
            _draw_eye(pen, ex, ey, pose, f)
        brow_y = ey - 4 - (pose.brow_raise + pose.roll * 0.8) * 1.2
        inner = (ex - s * 1.9, brow_y - pose.brow_inner * 1.3)
        outer = (ex + s * 2.2, brow_y + pose.brow_inner * 0.5)
        pen.line(shade(hair, 0.15), [inner, outer], 1.2)
    if abs(turn) > 0.12:   # the nose points where the head turns
        pen.line(shade(skin, 0.3), [(fx + turn * 0.8, fy + 1.0), (fx + turn * 2.4, fy + 3.4)], 1.0)
    _draw_mouth(pen, pose, fx, fy + 5.6, phase)


def _draw_eye(pen: Pen, ex: float, ey: float, pose, f: Frame) -> None:
    """White and pupil, so eyes read on every skin tone; lowered lids become a line."""
    lowered = max(0.55 * pose.head_down, 0.45 * max(0.0, f.gy - 0.3))
    h = 4.0 * pose.eye_open * (1 - lowered)
    if h < 1.6:
        pen.line(INK, [(ex - 1.7, ey), (ex + 1.7, ey)], 1.1)
        return
    pen.ellipse((250, 248, 244), ex - 2.0, ey - h / 2, 4.0, h)
    px, py = ex + f.gx * 0.8, ey + f.gy * (h / 2 - 1.2)
    ph = min(h, 2.9)
    pen.ellipse(INK, px - 1.3, py - ph / 2, 2.6, ph)


def _draw_mouth(pen: Pen, pose, mx, my, phase) -> None:
    half = 3.1 * pose.mouth_width
    curve = pose.mouth_curve * 2.0
    if pose.speaking > 0.5 and phase % 2 == 1:
        pen.ellipse(INK, mx - half * 0.6, my - 1.2, half * 1.2, 2.8 + phase * 0.2)
        return
    pts = [(mx + half * u, my + curve * (1 - u * u) - curve * 0.5) for u in (-1, -0.5, 0, 0.5, 1)]
    pen.line(INK, pts, 1.3)


def _draw_sound(pen: Pen, palette: Palette, side, amount, phase) -> None:
    """Two small arcs beside the mouth: this member is speaking (not colour alone)."""
    colour = palette.accent
    for i, r in enumerate((6, 10.5)):
        rect = pygame.Rect(pen.p(side * 12 - r, 3 - r), (pen.n(2 * r), pen.n(2 * r)))
        start = -0.7 if side > 0 else math.pi - 0.7
        pygame.draw.arc(pen.surface, colour, rect, start, start + 1.4, pen.n((2.4 if i == phase % 2 else 1.6) * amount))
