"""The circle on the play screen: chairs on an ellipse, the members, the group in the middle.

Members are drawn from their numbers (pose_from_state) and what is happening: the speaker's
face takes the tone of the line, everyone else looks at whoever speaks (at "You" when the
trainee speaks or is awaited), heads drop with distress. After a choice, poses move from
Reaction.before to .after; the in-between poses are taken at a few fixed steps (so sprites
are reused and rendered ahead by the SpriteBank) and cross-faded, which reads as smooth motion.
A late arrival's chair stands empty until they join; then they fade in over it.

The scene sets the inputs (`room`, `speaker`, `targets`...) and calls `draw` once a frame.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import pygame

from game.ui import fonts, layout
from game.ui.avatar import (Pose, blit_member, body_rect, chair_sprite, complete_look, face_rect, mouth_phase,
                            pose_from_state, sprite_key, sprite_topleft)
from game.ui.gestures import gesture_for, reaction_poses
from game.ui.widgets.seat import clear_of_faces
from game.ui.sprite_bank import SpriteBank
from game.ui.third_party import group_radius, render_group
from game.ui.widgets import draw_name_label, draw_target_ring, draw_trainee_seat
from game.ui.widgets.bubble import FACE
from game.ui.scenes.play.effects import draw_inner_bars
from game.ui.scenes.play.room import RoomView

STEPS = 4                  # pose steps across a reaction (0, 1/4 .. 1)
BLOB_INTERVAL = 1 / 10     # the group's shape is redrawn at most this often while live...
BLOB_OVERDUE = 0.25        # ...and at least this often, even in a busy frame
BLOB_COST_S = 0.0006       # about what redrawing it costs
MEMOS_PER_FRAME = 3        # in a busy frame, at most this many members work out new poses
YOU = "you"
STAMP = (240, 160)          # the square a name tag or the trainee's seat is drawn on once
BARS = (96, 16)             # the inner-state bars' size (play.effects.draw_inner_bars)
LABEL_WEIGHT = 40.0         # a bubble over a name tag costs this much more than over a figure
HEAD_WEIGHT = FACE          # a face: a bubble never covers one (the member's reaction is read there)


@dataclass
class Figure:
    member_id: str
    name: str
    index: int
    look: dict
    seat: tuple[float, float]
    scale: float
    facing: float
    memo: tuple | None = None       # (inputs, poses, sprite keys): poses change only when inputs do
    archetype: str = "typical"      # a hostile member rolls their eyes where others look away

    def head(self) -> tuple[float, float]:
        return (self.seat[0], self.head_rect().top - 2)

    def body_rect(self) -> pygame.Rect:
        return body_rect(self.seat, self.scale)

    def head_rect(self) -> pygame.Rect:
        """The face as drawn now, with room for a turn of the head: where a reaction shows."""
        pose = self.memo[1][-1] if self.memo else None
        return face_rect(self.seat, self.scale, pose, self.facing).inflate(round(8 * self.scale), round(6 * self.scale))


@dataclass
class CircleView:
    area: pygame.Rect
    ellipse: pygame.Rect
    figures: list[Figure]
    you_seat: tuple[float, float]
    live: bool = True
    bank: SpriteBank = field(default_factory=SpriteBank)
    # inputs, set by the scene
    room: RoomView | None = None
    speaker: str | None = None        # member id, YOU, or None (the room waits for the trainee)
    speaking: bool = False            # the speaker's line is still being said
    tones: dict = field(default_factory=dict)
    before_tones: dict = field(default_factory=dict)
    targets: frozenset = frozenset()
    stance: str | None = None
    inner: bool = False
    _shown: dict = field(default_factory=dict)
    _blob: tuple | None = None          # (surface cropped to the blob, its corner from the centre)
    _blob_key: tuple | None = None
    _blob_time: float = -1.0
    _stamps: dict = field(default_factory=dict)
    _labels: dict = field(default_factory=dict)   # name tag rects, by member, weight, size, text scale
    _memos_left: int = 0

    @classmethod
    def build(cls, play: layout.PlayLayout, members, live: bool = True) -> "CircleView":
        ellipse = play.seat_ellipse
        seats = layout.seat_positions(len(members), ellipse)
        size = layout.member_scale(len(members), play.circle)
        figures = []
        for i, member in enumerate(members):
            seat = seats[i + 1]
            look = complete_look(member.look.model_dump() if member.look else None, i)
            figures.append(Figure(member.id, member.name, i, look, seat,
                                  layout.depth_scale(seat, ellipse) * size, layout.facing(seat, ellipse.center),
                                  archetype=getattr(member.archetype, "value", member.archetype)))
        you = (seats[0][0], seats[0][1] - 8)  # a little up, so the "You" tag stays on the floor
        view = cls(play.circle, ellipse, figures, you, live, SpriteBank(unlimited=not live))
        for figure in figures:   # tags find their places now, not in the frame a member first speaks
            view.label_rect(figure, talking=False), view.label_rect(figure, talking=True)
        return view

    def figure(self, member_id: str) -> Figure | None:
        return next((f for f in self.figures if f.member_id == member_id), None)

    def seat_of(self, who: str | None) -> tuple[float, float]:
        if who is None or who == YOU:
            return self.you_seat
        figure = self.figure(who)
        return figure.seat if figure else self.you_seat

    # -- poses ----------------------------------------------------------------------------

    def pose(self, figure: Figure, state, tone: str | None, speaker: str | None, speaking: bool) -> Pose:
        talking = speaker == figure.member_id
        gaze = None if talking else _toward(figure.seat, self.seat_of(speaker))
        return pose_from_state(state.engagement, state.trust, state.distress, tone, gaze=gaze,
                               speaking=talking and speaking)

    # -- drawing --------------------------------------------------------------------------

    def draw(self, canvas: pygame.Surface, palette, t: float, budget: float | None = None,
             bubble=None, overlays=()) -> pygame.Rect:
        """Members, group and labels over the floor already on the canvas; returns the area."""
        if self.room is None:
            return self.area
        started = time.perf_counter()
        budget = self.bank.budget_s if budget is None else budget
        self._memos_left = MEMOS_PER_FRAME if self.live and budget < self.bank.budget_s else len(self.figures)
        if self.live:
            self.bank.work(budget)
        clip = canvas.get_clip()
        canvas.set_clip(self.area)
        for figure in self.present_figures():
            if figure.member_id in self.targets:
                draw_target_ring(canvas, figure.seat, palette, figure.scale, t)
        centre = self.ellipse.center
        blob_drawn = False
        for figure in sorted(self.figures, key=lambda f: f.seat[1]):
            if not blob_drawn and figure.seat[1] > centre[1]:
                self._draw_blob(canvas, palette, t, allow=time.perf_counter() - started + BLOB_COST_S < budget)
                blob_drawn = True
            self._draw_figure(canvas, figure, palette, t)
        if not blob_drawn:
            self._draw_blob(canvas, palette, t, allow=time.perf_counter() - started + BLOB_COST_S < budget)
        you = self._stamp(("you", self.stance, palette.name), lambda layer, at: draw_trainee_seat(
            layer, at, palette, layout.member_scale(len(self.figures), self.area), stance=self.stance))
        self._blit_stamp(canvas, you, self.you_seat)
        for figure in self.present_figures():
            talking = figure.member_id == self.speaker
            label = self._name_label(canvas, figure, talking, palette, self.label_size())
            if self.inner:
                draw_inner_bars(canvas, self._bars_at(figure, label), self.room.member(figure.member_id), palette)
        for overlay in overlays:
            overlay.draw(canvas, palette, self.area.inflate(-8, -8))
        if bubble is not None:
            bubble.draw(canvas, palette)
        canvas.set_clip(clip)
        return self.area

    def _figure_poses(self, figure: Figure, palette) -> tuple[list[Pose], list[tuple]]:
        """The poses a figure shows now (one, or a reaction's steps) and their sprite keys.

        Worked out only when what they depend on changes, not every frame.
        """
        room, mid = self.room, figure.member_id
        moving = room.after is not None and room.progress < 1
        now = (room.after or room.before).member(mid) if not moving else room.after.member(mid)
        was = room.before.member(mid)
        inputs = (moving, (was.engagement, was.trust, was.distress), (now.engagement, now.trust, now.distress),
                  self.tones.get(mid), self.before_tones.get(mid) if moving else None, self.speaker,
                  self.speaking and self.speaker == mid, palette.name)
        if figure.memo is None or figure.memo[0] != inputs:
            if figure.memo is not None and self._memos_left <= 0:
                return figure.memo[1][:1], figure.memo[2][:1]  # keep the last pose: this frame has no room
            self._memos_left -= 1
            if not moving:
                poses = [self.pose(figure, now, self.tones.get(mid), self.speaker, self.speaking)]
            else:
                start = self.pose(figure, was, self.before_tones.get(mid), self.speaker, False)
                end = self.pose(figure, now, self.tones.get(mid), self.speaker, False)
                poses = reaction_poses(start, end, gesture_for(was, now, figure.archetype),
                                       _toward(figure.seat, self.you_seat), _steps(start, end))
            keys = [sprite_key(figure.look, p, figure.scale, figure.facing, palette, 0) for p in poses]
            figure.memo = (inputs, poses, keys)
            for pose, key in zip(poses[1:], keys[1:]):  # the steps ahead, rendered before they are due
                self.bank.prefetch_key(key, (figure.look, pose, figure.scale, figure.facing, palette, 0))
        return figure.memo[1], figure.memo[2]

    def present_figures(self) -> list[Figure]:
        """The members in the room now (or arriving): a late arrival is not drawn, named or
        measured until the session reaches their `joins_at` node."""
        if self.room is None:
            return list(self.figures)
        return [f for f in self.figures if self.room.presence(f.member_id) > 0]

    def _draw_figure(self, canvas, figure: Figure, palette, t: float) -> None:
        """The member on their chair; a seat kept for someone not yet here is an empty chair,
        and an arrival fades in over it as the room reacts."""
        presence = self.room.presence(figure.member_id)
        if presence < 1:
            blit_member(canvas, figure.seat, chair_sprite(figure.scale, palette, figure.facing), figure.scale, palette)
            if presence <= 0:
                return
        poses, keys = self._figure_poses(figure, palette)
        k, fade = 0, 0.0
        if len(poses) > 1:
            at = self.room.progress * (len(poses) - 1)
            k = min(len(poses) - 2, int(at))
            fade = at - k
        pose = poses[k]
        args = (figure.look, pose, figure.scale, figure.facing, palette, 0)
        phase = mouth_phase(pose, t)
        sprite = None
        if phase:
            sprite = self.bank.get(sprite_key(figure.look, pose, figure.scale, figure.facing, palette, phase),
                                   args[:5] + (phase,))
        sprite = sprite or self.bank.get(keys[k], args)
        if sprite is None:
            sprite = self._shown.get(figure.member_id) or self.bank.now(*args)
        self._shown[figure.member_id] = sprite
        if presence < 1:
            sprite.set_alpha(round(255 * presence))
            canvas.blit(sprite, sprite_topleft(figure.seat, figure.scale))
            sprite.set_alpha(255)
            return
        blit_member(canvas, figure.seat, sprite, figure.scale, palette)
        if fade > 0.04:
            ahead = self.bank.get(keys[k + 1], (figure.look, poses[k + 1], figure.scale, figure.facing, palette, 0))
            if ahead is not None:
                ahead.set_alpha(round(255 * fade))
                canvas.blit(ahead, sprite_topleft(figure.seat, figure.scale))
                ahead.set_alpha(255)

    def _draw_blob(self, canvas, palette, t: float, allow: bool) -> None:
        room = self.room
        values = tuple(round(room.group(n), 2) for n in ("cohesion", "engagement", "conflict", "avoidance"))
        scale = 0.8 if len(self.figures) > 8 else 0.95
        key = (values, palette.name, scale)
        if self._blob is None or key[1:] != self._blob_key[1:]:
            stale = overdue = True            # first drawing, a new theme or a new size: now
        else:
            due = t - self._blob_time >= BLOB_INTERVAL if self.live else key != self._blob_key
            stale, overdue = due, t - self._blob_time >= BLOB_OVERDUE
        if stale and (allow or overdue):
            self._blob = _cropped(render_group(*values, t=t if self.live else 0.0, palette=palette,
                                               scale=scale, supersample=1 if self.live else 2))
            self._blob_key, self._blob_time = key, t
        surface, (dx, dy) = self._blob
        cx, cy = self.ellipse.center
        canvas.blit(surface, (round(cx + dx), round(cy + dy)))

    def _stamp(self, key: tuple, paint) -> tuple[pygame.Surface, pygame.Rect]:
        """A drawing that does not change frame to frame, made once and cropped to what it covers.

        `paint(layer, centre)` draws around `centre` and returns the rect it drew; the result
        is (surface, rect relative to the centre).
        """
        stamp = self._stamps.get(key)
        if stamp is None:
            layer = pygame.Surface(STAMP, pygame.SRCALPHA)
            centre = (STAMP[0] // 2, STAMP[1] // 2)
            area = paint(layer, centre).inflate(24, 12).clip(layer.get_rect())
            stamp = (layer.subsurface(area).copy(), area.move(-centre[0], -centre[1]))
            self._stamps[key] = stamp
        return stamp

    def _blit_stamp(self, canvas, stamp, at) -> pygame.Rect:
        surface, rect = stamp
        return canvas.blit(surface, (round(at[0]) + rect.x, round(at[1]) + rect.y))

    def _name_label(self, canvas, figure: Figure, talking: bool, palette, size: str) -> pygame.Rect:
        stamp = self._stamp(("name", figure.member_id, talking, palette.name, size),
                            lambda layer, at: draw_name_label(layer, at, figure.name, palette, figure.scale,
                                                              speaking=talking, size=size))
        return self._blit_stamp(canvas, stamp, self._label_at(figure, talking, size)).inflate(-24, -12)

    def _bars_at(self, figure: Figure, label: pygame.Rect) -> tuple[int, int]:
        """Top centre of the inner-state bars: under the name tag, or (on the front row, where the
        floor ends) beside it, on the outer side if it fits there. Beside the tag, never above the
        head, where they would read as the bars of the member behind."""
        below = label.bottom + 3
        if below + BARS[1] + 2 < self.area.bottom:
            return (label.centerx, below)
        outer = -1 if figure.seat[0] < self.ellipse.centerx else 1
        for side in (outer, -outer):
            x = label.right + 4 + BARS[0] // 2 if side > 0 else label.left - 4 - BARS[0] // 2
            if self.area.left + 4 <= x - BARS[0] // 2 and x + BARS[0] // 2 <= self.area.right - 4:
                return (x, label.centery - BARS[1] // 2)
        return (label.centerx, label.top - BARS[1] - 3)

    def bars_rect(self, figure: Figure, label: pygame.Rect) -> pygame.Rect:
        bars = pygame.Rect((0, 0), BARS)
        bars.midtop = self._bars_at(figure, label)
        return bars

    def label_size(self) -> str:
        return "tiny" if len(self.figures) > 9 else "small"

    def label_rect(self, figure: Figure, talking: bool = False, size: str | None = None) -> pygame.Rect:
        """Where the figure's name tag sits (as draw_name_label lays it out), kept inside the area.
        Worked out once per tag: every frame asks for each several times."""
        size = size or self.label_size()
        key = (figure.member_id, talking, size, fonts.default.scale_name)
        rect = self._labels.get(key)
        if rect is None:
            rect = self._labels[key] = self._place_label(figure, talking, size)
        return rect.copy()

    def _place_label(self, figure: Figure, talking: bool, size: str) -> pygame.Rect:
        pill = pygame.Rect(0, 0, fonts.default.width(figure.name, size, bold=talking) + 14 + (12 if talking else 0),
                           fonts.default.line_height(size, talking) + 2)
        pill.midtop = (round(figure.seat[0]), round(figure.seat[1] + 30 * figure.scale))
        pill = pill.clamp(self.area.inflate(-6, 0)) if pill.width < self.area.width - 6 else pill
        return clear_of_faces(pill, figure, self.figures, self.area, self.ellipse.centerx)

    def _label_at(self, figure: Figure, talking: bool, size: str) -> tuple[float, float]:
        """The point to draw the tag from: the seat, moved if the tag would leave the area (presenter
        text on the side seats), so no name is cut off, or sit on a face (see clear_of_faces)."""
        pill = self.label_rect(figure, talking, size)
        under = round(figure.seat[1] + 30 * figure.scale)   # where draw_name_label puts its top
        return (figure.seat[0] + pill.centerx - round(figure.seat[0]), figure.seat[1] + pill.top - under)

    def label_rects(self, speaker: str | None = None) -> list[pygame.Rect]:
        """Every member's name tag, the speaker's drawn bold and marked (so a little wider)."""
        return [self.label_rect(f, talking=f.member_id == speaker) for f in self.present_figures()]

    def blob_rect(self) -> pygame.Rect:
        r = group_radius(self.room.group("engagement") if self.room else 0.5, 0.9) * 0.6
        cx, cy = self.ellipse.center
        return pygame.Rect(round(cx - r), round(cy - r * 0.8), round(2 * r), round(1.6 * r))

    def face_while(self, figure: Figure, speaker: str | None) -> pygame.Rect:
        """The figure's face as drawn while `speaker` talks, with room to move: turning to a new
        speaker moves a head less than the margin, so the pose drawn now serves if there is one."""
        if figure.memo is not None:
            pose = figure.memo[1][-1]
        elif self.room is None:
            return figure.head_rect()
        else:
            pose = self.pose(figure, self.room.member(figure.member_id), None, speaker, False)
        margin = (round(8 * figure.scale), round(6 * figure.scale))
        return face_rect(figure.seat, figure.scale, pose, figure.facing).inflate(*margin)

    def avoid_rects(self, speaker: str | None) -> list:
        """What a speech bubble should not cover: every name tag (most of all), the other
        members, and (less) the group."""
        rects: list = [(self.blob_rect(), 0.3)] + [(label, LABEL_WEIGHT) for label in self.label_rects(speaker)]
        here = self.present_figures()
        if self.inner:   # the numbers under each tag are read as closely as the name
            rects += [(self.bars_rect(f, label), LABEL_WEIGHT) for f, label in zip(here, self.label_rects(speaker))]
        rects += [f.body_rect() for f in here]   # the speaker's own too: the bubble points at them
        rects += [(self.face_while(f, speaker), HEAD_WEIGHT) for f in here]   # faces most, the speaker's too
        you = pygame.Rect(0, 0, 70, 80)
        you.midbottom = (round(self.you_seat[0]), round(self.you_seat[1] + 44))
        if speaker != YOU:
            rects.append(you)
        return rects


def _cropped(blob: pygame.Surface) -> tuple[pygame.Surface, tuple[float, float]]:
    """The blob without its empty margin (it is blended onto the circle every frame, so every
    transparent pixel costs), and where its corner sits from the blob's centre."""
    bounds = blob.get_bounding_rect()
    part = blob.subsurface(bounds).copy()
    part.set_alpha(blob.get_alpha())
    half = blob.get_width() / 2
    return part, (bounds.x - half, bounds.y - half)


def _toward(seat, other) -> tuple[float, float]:
    dx, dy = other[0] - seat[0], other[1] - seat[1]
    length = math.hypot(dx, dy) or 1.0
    return (round(dx / length, 1), round(dy / length * 0.6, 1))


def _steps(start: Pose, end: Pose) -> int:
    """How many in-between poses a move needs: one for a small change, up to STEPS for a big one."""
    a, b = start.key(), end.key()
    biggest = max(abs(x - y) for x, y in zip(a, b))
    return max(1, min(STEPS, math.ceil(biggest / 0.2)))
