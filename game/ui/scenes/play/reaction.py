"""What the room shows after a choice, planned the moment it is made: captions placed near
the members they describe (never on each other, a face, a name tag or the Undo and Pause
buttons), ripples from whoever moved the room to those it reached, and a toast and a sound
for each event. Timed from the choice, so the trainee's words come first and the room answers
after a beat.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.engine import describe_event
from game.ui.scenes.play.effects import Ripple
from game.present import caption_member, event_kind
from game.ui.widgets import Caption

MAX_RIPPLES = 8
RIPPLE_FLOOR = 0.05    # a member whose numbers moved less than this (in sum) gets no ripple


@dataclass
class Effects:
    pending: list = field(default_factory=list)    # (delay, Caption or sound name)
    ripples: list = field(default_factory=list)
    toasts: list = field(default_factory=list)     # (text, kind, delay)


def reaction_effects(reaction, circle, names: dict, text, still: bool, beat: float,
                     keep_clear=()) -> Effects:
    """`keep_clear`: what else on the floor no caption may cover (the Undo and Pause buttons)."""
    effects = Effects()
    # keep off faces and name tags, and off whatever else the caller keeps clear
    placed: list[pygame.Rect] = [circle.face_while(f, None) for f in circle.present_figures()]
    placed += circle.label_rects() + list(keep_clear)
    for i, words in enumerate(present_captions(reaction, names)):
        who = caption_member(words, names)
        figure = circle.figure(who) if who else None
        pos = (figure.seat[0], figure.head()[1] - 16) if figure else \
            (circle.ellipse.centerx, circle.ellipse.centery - 30)
        rise = 0.0 if still else 18.0
        pos = free_spot(words, pos, placed, text, circle.area.inflate(-8, -8), rise)
        caption = Caption(words, pos, life=3.4, rise=rise)
        effects.pending.append((0.0 if still else beat + 0.25 + 0.18 * i, caption))
    for event in reaction.events:
        effects.toasts.append((describe_event(event, names), event_kind(event.type), 0.0 if still else beat + 0.3))
    if reaction.events:
        good = all(event_kind(e.type) != "warning" for e in reaction.events)
        effects.pending.append((beat + 0.3, "good" if good else "warning"))
    if not still:
        effects.ripples = ripples(reaction, circle, beat)
    return effects


def present_captions(reaction, names: dict) -> list[str]:
    """The reaction's captions about members in the room: one who has not arrived yet shows
    no reaction (the group's own captions always stay)."""
    here = reaction.after
    return [words for words in reaction.captions
            if (who := caption_member(words, names)) is None or here.present(who)]


def free_spot(words: str, pos, placed: list[pygame.Rect], text, bounds: pygame.Rect, rise: float = 0.0):
    """Move a caption up or down until, all the way up its `rise`, it overlaps no caption
    placed before it (nor a face, nor anything else in `placed`)."""
    width, height = text.width(words, "small") + 16, text.line_height("small") + 8
    rect = path = pygame.Rect(0, 0, width, height)
    for shift in (0, -height - 4, height + 4, -2 * height - 8, 2 * height + 8, 3 * height + 12):
        rect = pygame.Rect(0, 0, width, height)
        rect.center = (round(pos[0]), round(pos[1] + shift))
        rect = rect.clamp(bounds)
        path = rect.union(rect.move(0, -round(rise)))   # where it will have been as it rose
        if not any(path.colliderect(other) for other in placed):
            break
    placed.append(path)
    return rect.center


def _floor(figure) -> tuple[float, float]:
    """Where a member's chair meets the rug: ripples land there, not on the member."""
    return (figure.seat[0], figure.seat[1] + 22 * figure.scale)


# Events after which the model moves every other member because of one member: the others
# see them lost (neglect) or see them let go (breakthrough). Ripples then start from that member.
RIPPLING_EVENTS = ("neglect", "breakthrough")


def ripples(reaction, circle, beat: float) -> list[Ripple]:
    """From whoever moved the room to the members it reached: the member of a neglect or a
    breakthrough when there is one (the model moves the others because of them), else the
    members addressed (or the middle, for the whole group); and from a supporter to the
    member they reached out to.
    """
    targets = reaction.choice.targets
    movers = [e.member for e in reaction.events if e.type in RIPPLING_EVENTS and circle.figure(e.member or "")]
    sources = [_floor(circle.figure(m)) for m in movers or targets if circle.figure(m)]
    centre = circle.ellipse.center
    found = []
    for member_id, change in reaction.deltas.items():
        figure = circle.figure(member_id)
        size = sum(abs(v) for v in change.values())
        if figure is None or member_id in (movers or targets) or size < RIPPLE_FLOOR \
                or not reaction.after.present(member_id):
            continue
        end = _floor(figure)
        start = min(sources, key=lambda s: (s[0] - end[0]) ** 2 + (s[1] - end[1]) ** 2) if sources else centre
        good = change["engagement"] + change["trust"] - change["distress"] >= 0
        found.append((size, Ripple(start, end, good)))
    for event in reaction.events:
        helper, helped = circle.figure(event.by or ""), circle.figure(event.member or "")
        if event.type == "support" and helper and helped:
            found.append((1.0, Ripple(_floor(helper), _floor(helped), True)))
    found.sort(key=lambda item: -item[0])
    chosen = [ripple for _, ripple in found[:MAX_RIPPLES]]
    for i, ripple in enumerate(chosen):
        ripple.delay = beat + 0.08 * i
    return chosen
