"""Render a composed sample play frame to a PNG, to judge the look without playing.

    python -m game.ui.preview out.png [--theme dark] [--members 12] [--text-scale large] [--t 1.5]

The frame uses made-up members and lines; it exercises every drawing piece the
play scene uses (circle, group blob, narration, bubble, transcript, cards,
meters, toast, captions) but is not a scene: nothing here reads the engine.
"""
from __future__ import annotations

import argparse
import math
import os
from dataclasses import dataclass

import pygame

from game.ui import fonts, layout, theme
from game.ui.avatar import draw_member, pose_from_state
from game.ui.third_party import draw_group, group_radius
from game.ui.widgets import (Caption, Card, Meter, SpeechBubble, Toast, Transcript, draw_name_label,
                             draw_narration, draw_panel, draw_room, draw_target_ring, draw_trainee_seat)
from game.ui.widgets.card import draw_column_header


@dataclass(frozen=True)
class SampleMember:
    name: str
    engagement: float
    trust: float
    distress: float
    tone: str | None = None


SAMPLE = [
    SampleMember("Kim", 0.25, 0.35, 0.8, "sad"),
    SampleMember("Ravi", 0.85, 0.7, 0.3, "warm"),
    SampleMember("Maya", 0.6, 0.25, 0.45, "defensive"),
    SampleMember("Tom", 0.75, 0.3, 0.5, "angry"),
    SampleMember("Aisha", 0.7, 0.6, 0.65, "anxious"),
    SampleMember("Leo", 0.2, 0.5, 0.3, "flat"),
    SampleMember("Grace", 0.8, 0.75, 0.35, "hopeful"),
    SampleMember("Sam", 0.55, 0.55, 0.4, None),
    SampleMember("Nora", 0.5, 0.65, 0.3, "neutral"),
    SampleMember("Omar", 0.35, 0.4, 0.55, "anxious"),
    SampleMember("Beth", 0.65, 0.5, 0.2, "warm"),
    SampleMember("Yusuf", 0.45, 0.3, 0.35, "defensive"),
]

NARRATION = ("Twenty minutes in. Tom has just told Maya she is 'always so careful'. "
             "The room goes quiet; Kim stares at the floor.")
SPOKEN = "I don't know why I keep coming. Nothing I say here changes anything."
TRANSCRIPT = [
    ("Grace", "Last week I finally called my sister. It went better than I feared.", "member", None),
    ("You", "What was it like to hear that from her?", "you", "follow"),
    ("Tom", "Maya, you're always so careful. Do you ever say what you think?", "member", None),
    ("", "Maya folds her arms.", "event", None),
    ("You", "Tom, say more about what you want from Maya.", "you", "lead"),
    ("Maya", "I say plenty. Just not to you.", "member", None),
    ("", "The room goes quiet.", "narration", None),
    ("Kim", SPOKEN, "member", None),
]
CHOICES = [
    ("lead", "drawing_out", "Kim, you've been quiet. What's happening for you right now?"),
    ("lead", "blocking", "Tom, let's pause there — tell Maya what you feel, rather than what she is."),
    ("follow", "silence", "Say nothing; let the silence sit and see who speaks next."),
    ("follow", "linking", "Ravi, you nodded when Kim spoke. Does that sound familiar to you?"),
]


def compose_frame(palette: theme.Palette, n_members: int = 8, t: float = 1.5) -> pygame.Surface:
    """The whole sample frame at the logical size."""
    canvas = pygame.Surface(layout.LOGICAL_SIZE)
    canvas.fill(palette.background)
    play = layout.play_layout()
    draw_narration(canvas, play.narration, NARRATION, palette, phase="working")
    _draw_meters(canvas, play.meters, palette)
    members = SAMPLE[:n_members]
    speaker = 0
    _draw_circle(canvas, play, members, palette, t, speaker=speaker, target=0)
    _draw_transcript(canvas, play.transcript, palette)
    _draw_choices(canvas, play, palette)
    Toast("Kim is being lost — distressed and unattended for 2 turns", "warning", age=1.0).draw(
        canvas, play.toast_anchor, palette, max_width=play.toast_width)
    return canvas


def _draw_meters(canvas, area: pygame.Rect, palette) -> None:
    draw_panel(canvas, area, palette)
    meters = [Meter("Cohesion", 0.62, "good", previous=0.58),
              Meter("Engagement", 0.55, "accent", previous=0.61),
              Meter("Conflict", 0.48, "warning", previous=0.35, higher_is_worse=True),
              Meter("Avoidance", 0.30, "muted", higher_is_worse=True)]
    width = (area.width - 3 * 14) // 2
    height = layout.meter_height()
    gap = (area.height - 2 * height) // 3
    for i, meter in enumerate(meters):
        col, row = i % 2, i // 2
        rect = pygame.Rect(area.x + 14 + col * (width + 14), area.y + gap + row * (height + gap), width, height)
        meter.draw(canvas, rect, palette)


def _draw_circle(canvas, play: layout.PlayLayout, members, palette, t: float, speaker: int, target: int) -> None:
    ellipse = play.seat_ellipse
    draw_room(canvas, play.circle, ellipse, palette)
    seats = layout.seat_positions(len(members), ellipse)
    centre = ellipse.center
    blob_scale = 0.8 if len(members) > 8 else 0.95
    drawn_blob = False
    small = len(members) > 9
    speaker_seat = seats[speaker + 1]
    figures: list = []
    blob = group_radius(0.55, blob_scale) * 0.6  # a bubble may cover the blob more readily than a person
    figures.append((pygame.Rect(centre[0] - blob, centre[1] - blob * 0.8, 2 * blob, 1.6 * blob), 0.3))
    for index in layout.draw_order(seats):
        seat = seats[index]
        if not drawn_blob and seat[1] > centre[1]:
            draw_group(canvas, centre, cohesion=0.62, engagement=0.55, conflict=0.48, avoidance=0.3,
                       t=t, palette=palette, scale=blob_scale)
            drawn_blob = True
        scale = layout.depth_scale(seat, ellipse) * layout.member_scale(len(members))
        if index == 0:
            figures.append(draw_trainee_seat(canvas, seat, palette, scale, stance="lead"))
            continue
        m = index - 1
        member = members[m]
        gaze = None if m == speaker else _toward(seat, speaker_seat)
        pose = pose_from_state(member.engagement, member.trust, member.distress, member.tone,
                               gaze=gaze, speaking=(m == speaker))
        if m == target:
            draw_target_ring(canvas, seat, palette, scale, t)
        body = draw_member(canvas, seat, None, pose, scale, facing=layout.facing(seat, centre), index=m,
                           palette=palette, t=t)
        label = draw_name_label(canvas, seat, member.name, palette, scale, speaking=(m == speaker),
                                size="tiny" if small else "small")
        if m != speaker:
            figures.append(body.inflate(-20, -10).union(label))
    bubble = SpeechBubble(SPOKEN, members[speaker].name, (speaker_seat[0], speaker_seat[1] - 64),
                          play.circle.inflate(-16, -16), max_width=280, avoid=figures)
    bubble.finish()
    bubble.draw(canvas, palette)
    if len(members) > 5:
        leo = seats[6]
        Caption("Leo looks away", (leo[0], leo[1] - 78), age=0.8).draw(canvas, palette, play.circle.inflate(-8, -8))


def _toward(seat, other) -> tuple[float, float]:
    dx, dy = other[0] - seat[0], other[1] - seat[1]
    length = math.hypot(dx, dy) or 1
    return (dx / length, dy / length * 0.6)


def _draw_transcript(canvas, area: pygame.Rect, palette) -> None:
    transcript = Transcript()
    for speaker, text, kind, stance in TRANSCRIPT:
        transcript.add(speaker, text, kind, stance)
    transcript.draw(canvas, area, palette)


def _draw_choices(canvas, play: layout.PlayLayout, palette) -> None:
    leads = [c for c in CHOICES if c[0] == "lead"]
    follows = [c for c in CHOICES if c[0] == "follow"]
    lead_rects, follow_rects = layout.choice_card_rects(play, len(leads), len(follows))
    draw_column_header(canvas, play.lead_column, "lead", palette)
    draw_column_header(canvas, play.follow_column, "follow", palette)
    number = 1
    for rects, choices in ((lead_rects, leads), (follow_rects, follows)):
        for rect, (stance, skill, words) in zip(rects, choices):
            card = Card(rect, number, words, stance, skill, hovered=(number == 4), focused=(number == 1))
            card.draw(canvas, palette)
            number += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render a sample play frame to a PNG.")
    parser.add_argument("out", help="where to write the PNG")
    parser.add_argument("--theme", default="light", choices=sorted(theme.PALETTES))
    parser.add_argument("--members", type=int, default=8, choices=range(3, 13), metavar="3..12")
    parser.add_argument("--text-scale", default="normal", choices=sorted(fonts.SCALES))
    parser.add_argument("--t", type=float, default=1.5, help="animation time in seconds")
    args = parser.parse_args(argv)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    pygame.init()
    fonts.set_text_scale(args.text_scale)
    frame = compose_frame(theme.get(args.theme), args.members, args.t)
    pygame.image.save(frame, args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
