"""The circle on the play screen: chairs on an ellipse, the members, the group in the middle.

Members are drawn from their numbers (pose_from_state) and what is happening: the speaker's
face takes the tone of the line, everyone else looks at whoever speaks (at "You" when the
trainee speaks or is awaited), heads drop with distress. After a choice, poses move from
Reaction.before to .after; the in-between poses are taken at a few fixed steps (so sprites
are reused and rendered ahead by the SpriteBank) and cross-faded, which reads as smooth motion.

The scene sets the inputs (`room`, `speaker`, `targets`...) and calls `draw` once a frame.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import pygame

from game.ui import layout
from game.ui.avatar import Pose, blit_member, complete_look, mouth_phase, pose_from_state
from game.ui.sprite_bank import SpriteBank
from game.ui.third_party import group_radius, render_group
from game.ui.widgets import draw_name_label, draw_target_ring, draw_trainee_seat
from game.ui.scenes.play_effects import draw_inner_bars

STEPS = 4                  # pose steps across a reaction (0, 1/4 .. 1)
BLOB_INTERVAL = 1 / 20     # the group's shape is redrawn at most this often while live
YOU = "you"


@dataclass
class Figure:
    member_id: str
    name: str
    index: int
    look: dict
    seat: tuple[float, float]
    scale: float
    facing: float

    def head(self) -> tuple[float, float]:
        return (self.seat[0], self.seat[1] - 62 * self.scale)

    def body_rect(self) -> pygame.Rect:
        s = self.scale
        return pygame.Rect(round(self.seat[0] - 34 * s), round(self.seat[1] - 66 * s), round(68 * s), round(112 * s))


@dataclass
class Room:
    """The numbers the circle shows: one state, or a move from one state to another."""

    before: object                 # GroupState
    after: object | None = None    # GroupState, during a reaction
    progress: float = 1.0          # 0..1 of the way from before to after

    def member(self, member_id: str):
        """The member's numbers now (interpolated during a reaction)."""
        was = self.before.member(member_id)
        if self.after is None:
            return was
        now = self.after.member(member_id)
        if self.progress >= 1:
            return now
        p = self.progress
        return replace(was, **{v: getattr(was, v) + (getattr(now, v) - getattr(was, v)) * p
                               for v in ("engagement", "trust", "distress")})

    def group(self, name: str) -> float:
        a = getattr(self.before, name)
        if self.after is None:
            return a
        return a + (getattr(self.after, name) - a) * self.progress


@dataclass
class CircleView:
    area: pygame.Rect
    ellipse: pygame.Rect
    figures: list[Figure]
    you_seat: tuple[float, float]
    live: bool = True
    bank: SpriteBank = field(default_factory=SpriteBank)
    # inputs, set by the scene
    room: Room | None = None
    speaker: str | None = None        # member id, YOU, or None (the room waits for the trainee)
    speaking: bool = False            # the speaker's line is still being said
    tones: dict = field(default_factory=dict)
    before_tones: dict = field(default_factory=dict)
    targets: frozenset = frozenset()
    stance: str | None = None
    inner: bool = False
    _shown: dict = field(default_factory=dict)
    _blob: pygame.Surface | None = None
    _blob_key: tuple | None = None
    _blob_time: float = -1.0

    @classmethod
    def build(cls, play: layout.PlayLayout, members, live: bool = True) -> "CircleView":
        ellipse = play.seat_ellipse
        seats = layout.seat_positions(len(members), ellipse)
        size = layout.member_scale(len(members))
        figures = []
        for i, member in enumerate(members):
            seat = seats[i + 1]
            look = complete_look(member.look.model_dump() if member.look else None, i)
            figures.append(Figure(member.id, member.name, i, look, seat,
                                  layout.depth_scale(seat, ellipse) * size, layout.facing(seat, ellipse.center)))
        return cls(play.circle, ellipse, figures, seats[0], live, SpriteBank(unlimited=not live))

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

    def target_pose(self, figure: Figure) -> tuple[Pose, Pose | None, float]:
        """(pose, next pose to fade toward or None, fade 0..1) for this frame."""
        room = self.room
        mid = figure.member_id
        if room.after is None or room.progress >= 1:
            state = (room.after or room.before).member(mid)
            return self.pose(figure, state, self.tones.get(mid), self.speaker, self.speaking), None, 0.0
        start = self.pose(figure, room.before.member(mid), self.before_tones.get(mid), self.speaker, False)
        end = self.pose(figure, room.after.member(mid), self.tones.get(mid), self.speaker, False)
        steps = _steps(start, end)
        at = room.progress * steps
        k = min(steps - 1, int(at))
        return start.lerp(end, k / steps), start.lerp(end, (k + 1) / steps), at - k

    def prefetch_reaction(self, before, after, palette) -> None:
        """Queue every pose a reaction will pass through, before it starts moving."""
        for figure in self.figures:
            mid = figure.member_id
            start = self.pose(figure, before.member(mid), self.before_tones.get(mid), YOU, False)
            end = self.pose(figure, after.member(mid), self.tones.get(mid), YOU, False)
            steps = _steps(start, end)
            for k in range(steps + 1):
                self.bank.prefetch(figure.look, start.lerp(end, k / steps), figure.scale, figure.facing, palette)

    def prefetch_listening(self, state, speaker: str | None, tones: dict, palette) -> None:
        """Queue the poses of everyone listening to `speaker` (the next line)."""
        for figure in self.figures:
            mid = figure.member_id
            pose = self.pose(figure, state.member(mid), tones.get(mid), speaker, speaker == mid)
            self.bank.prefetch(figure.look, pose, figure.scale, figure.facing, palette)

    # -- drawing --------------------------------------------------------------------------

    def draw(self, canvas: pygame.Surface, palette, t: float, budget: float | None = None,
             bubble=None, overlays=()) -> pygame.Rect:
        """Members, group and labels over the floor already on the canvas; returns the area."""
        if self.room is None:
            return self.area
        spent = self.bank.work(budget) if self.live else 0.0
        clip = canvas.get_clip()
        canvas.set_clip(self.area)
        for figure in self.figures:
            if figure.member_id in self.targets:
                draw_target_ring(canvas, figure.seat, palette, figure.scale, t)
        centre = self.ellipse.center
        blob_drawn = False
        for figure in sorted(self.figures, key=lambda f: f.seat[1]):
            if not blob_drawn and figure.seat[1] > centre[1]:
                self._draw_blob(canvas, palette, t, allow=spent < 0.0012)
                blob_drawn = True
            self._draw_figure(canvas, figure, palette, t)
        if not blob_drawn:
            self._draw_blob(canvas, palette, t, allow=True)
        draw_trainee_seat(canvas, self.you_seat, palette, layout.member_scale(len(self.figures)), stance=self.stance)
        small = len(self.figures) > 9
        for figure in self.figures:
            talking = figure.member_id == self.speaker
            label = draw_name_label(canvas, figure.seat, figure.name, palette, figure.scale,
                                    speaking=talking, size="tiny" if small else "small")
            if self.inner:
                draw_inner_bars(canvas, (label.centerx, label.bottom + 3), self.room.member(figure.member_id), palette)
        for overlay in overlays:
            overlay.draw(canvas, palette, self.area.inflate(-8, -8))
        if bubble is not None:
            bubble.draw(canvas, palette)
        canvas.set_clip(clip)
        return self.area

    def _draw_figure(self, canvas, figure: Figure, palette, t: float) -> None:
        pose, toward, fade = self.target_pose(figure)
        phase = mouth_phase(pose, t)
        args = (figure.look, pose, figure.scale, figure.facing, palette)
        sprite = self.bank.request(*args, phase) or (self.bank.request(*args, 0) if phase else None)
        if sprite is None:
            sprite = self._shown.get(figure.member_id) or self.bank.now(*args)
        self._shown[figure.member_id] = sprite
        blit_member(canvas, figure.seat, sprite, figure.scale, palette)
        if toward is not None and fade > 0.04:
            ahead = self.bank.request(figure.look, toward, figure.scale, figure.facing, palette)
            if ahead is not None:
                ahead.set_alpha(round(255 * fade))
                canvas.blit(ahead, sprite.get_rect(topleft=_topleft(figure)))
                ahead.set_alpha(255)

    def _draw_blob(self, canvas, palette, t: float, allow: bool) -> None:
        room = self.room
        values = tuple(round(room.group(n), 3) for n in ("cohesion", "engagement", "conflict", "avoidance"))
        scale = 0.8 if len(self.figures) > 8 else 0.95
        key = (values, palette.name, scale)
        stale = self._blob is None or key != self._blob_key or (self.live and t - self._blob_time >= BLOB_INTERVAL)
        if stale and (allow or self._blob is None or key[1:] != (self._blob_key or (None,))[1:]):
            self._blob = render_group(*values, t=t if self.live else 0.0, palette=palette, scale=scale,
                                      supersample=1 if self.live else 2)
            self._blob_key, self._blob_time = key, t
        size = self._blob.get_width()
        cx, cy = self.ellipse.center
        canvas.blit(self._blob, (round(cx - size / 2), round(cy - size / 2)))

    def blob_rect(self) -> pygame.Rect:
        r = group_radius(self.room.group("engagement") if self.room else 0.5, 0.9) * 0.6
        cx, cy = self.ellipse.center
        return pygame.Rect(round(cx - r), round(cy - r * 0.8), round(2 * r), round(1.6 * r))

    def avoid_rects(self, speaker: str | None) -> list:
        """What a speech bubble should not cover: the other members, and (less) the group."""
        rects: list = [(self.blob_rect(), 0.3)]
        rects += [f.body_rect() for f in self.figures if f.member_id != speaker]
        you = pygame.Rect(0, 0, 70, 80)
        you.midbottom = (round(self.you_seat[0]), round(self.you_seat[1] + 44))
        if speaker != YOU:
            rects.append(you)
        return rects


def _topleft(figure: Figure) -> tuple[int, int]:
    from game.ui.avatar import sprite_topleft
    return sprite_topleft(figure.seat, figure.scale)


def _toward(seat, other) -> tuple[float, float]:
    dx, dy = other[0] - seat[0], other[1] - seat[1]
    length = math.hypot(dx, dy) or 1.0
    return (round(dx / length, 1), round(dy / length * 0.6, 1))


def _steps(start: Pose, end: Pose) -> int:
    """How many in-between poses a move needs: one for a small change, up to STEPS for a big one."""
    a, b = start.key(), end.key()
    biggest = max(abs(x - y) for x, y in zip(a, b))
    return max(1, min(STEPS, math.ceil(biggest / 0.2)))
