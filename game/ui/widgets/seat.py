"""What surrounds a seated member: the room's floor, the name tag under each
chair, the ring on the floor marking a targeted or focused member, and the
trainee's own seat, "You", seen from behind.
"""
from __future__ import annotations

import math

import pygame

from game.ui import fonts
from game.ui.avatar import Pose, face_rect
from game.ui.theme import Palette, mix, readable_on, shade, stance_colour
from game.ui.widgets import icons
from game.ui.widgets.panel import draw_panel, draw_pill


def draw_room(surface: pygame.Surface, area: pygame.Rect, ellipse: pygame.Rect, palette: Palette) -> None:
    """The circle area: floor panel and a round rug under the chairs."""
    draw_panel(surface, area, palette, fill=palette.floor, radius=14)
    rug = ellipse.inflate(90, 70)
    pygame.draw.ellipse(surface, palette.rug, rug)
    pygame.draw.ellipse(surface, shade(palette.rug, 0.06), rug.inflate(-26, -20), 2)
    pygame.draw.ellipse(surface, shade(palette.rug, 0.1), rug, 2)


def draw_name_label(surface: pygame.Surface, seat: tuple[float, float], name: str, palette: Palette,
                    scale: float = 1.0, *, speaking: bool = False, size: str = "small",
                    text: fonts.TextCache = fonts.default) -> pygame.Rect:
    """A name tag under the chair; the speaker's tag is filled, bold and marked with a dot."""
    label = text.render(name, size, readable_on(palette.text) if speaking else palette.text, bold=speaking)
    extra = 12 if speaking else 0
    pill = pygame.Rect(0, 0, label.get_width() + 14 + extra, label.get_height() + 2)
    pill.midtop = (round(seat[0]), round(seat[1] + 30 * scale))
    if speaking:
        draw_pill(surface, pill, palette.text)
        pygame.draw.circle(surface, palette.accent, (pill.x + 10, pill.centery), 3)
    else:
        fill = palette.panel if palette.name != "high_contrast" else palette.background
        draw_pill(surface, pill, fill, palette.panel_edge)
    surface.blit(label, (pill.x + 7 + extra, pill.y + 1))
    return pill


def clear_of_faces(tag: pygame.Rect, owner, figures, area: pygame.Rect, middle_x: float) -> pygame.Rect:
    """A name tag placed on no other member's face, bowed or upright: under the chair if it
    can, else a little to one side or lower on the floor, else over the owner's own head, else
    beside it, else further aside, else the nearest clear spot; where nothing is clear it
    stays under the chair.

    In a full circle the side seats stand one above another, and a tag under one chair would
    otherwise fall on the face of the member below: tags are drawn over every figure."""
    faces = [_face_reach(f) for f in figures if f is not owner]
    inside = area.inflate(-6, -6)
    faces.append(pygame.Rect(area.x, area.y, BUTTONS_WIDTH, fonts.default.line_height("small") + 26))
    outward = -1 if owner.seat[0] < middle_x else 1
    own = face_rect(owner.seat, owner.scale, None, owner.facing)
    above = tag.copy()
    above.midbottom = (own.centerx, own.top - 2)
    beside = []
    for side in (outward, -outward):
        place = tag.copy()
        place.centery = own.centery
        if side < 0:
            place.right = own.left - 4
        else:
            place.left = own.right + 4
        beside.append(place)
    near = [tag.move(side * step, 0) for step in range(6, 36, 6) for side in (outward, -outward)]
    lower = [tag.move(side * step, down) for down in (8, 16, 24) for step in (0, 12, 24) for side in (outward, -outward)]
    far = [tag.move(side * step, 0) for step in range(36, 120, 6) for side in (outward, -outward)]
    for place in [tag] + near + lower + [above] + beside + far:
        if inside.contains(place) and place.collidelist(faces) < 0:
            return place
    for dx, dy in _NEAREST_FIRST:      # a crowded corner: the nearest clear spot
        place = tag.move(dx, dy)
        if inside.contains(place) and place.collidelist(faces) < 0:
            return place
    return tag


def _face_reach(figure) -> pygame.Rect:
    """Everywhere the member's face may be drawn: upright or bowed, leaning, turned away or to a speaker."""
    key = (figure.seat, figure.scale, figure.facing)
    reach = _reaches.get(key)
    if reach is None:
        if len(_reaches) > 256:
            _reaches.clear()
        faces = [face_rect(figure.seat, figure.scale, pose, figure.facing) for pose in _EXTREMES]
        reach = _reaches[key] = faces[0].unionall(faces[1:]).inflate(round(4 * figure.scale), round(4 * figure.scale))
    return reach


_reaches: dict[tuple, pygame.Rect] = {}
_NEAREST_FIRST = [(dx, dy) for _, dx, dy in sorted((dx * dx + dy * dy, dx, dy) for dx in range(-160, 161, 8)
                                                   for dy in range(-200, 49, 8))]


_EXTREMES = (Pose(), Pose(head_down=1.0, hunch=1.0, lean=1.0), Pose(lean=-1.0), Pose(lean=1.0),
             Pose(turned_away=1.0, door=1.0, lean=-1.0), Pose(gaze=(1.0, 0.0)), Pose(gaze=(-1.0, 0.0)))
BUTTONS_WIDTH = 240     # Undo and Pause sit in the circle's top-left corner: no tag goes there either


def draw_target_ring(surface: pygame.Surface, seat: tuple[float, float], palette: Palette,
                     scale: float = 1.0, t: float = 0.0) -> pygame.Rect:
    """A two-tone ring on the floor around the chair: this member is the one addressed.

    Draw it before the member, so they sit inside it. It pulses very slightly.
    """
    pulse = 1 + 0.04 * math.sin(t * 3)
    rect = pygame.Rect(0, 0, round(78 * scale * pulse), round(30 * scale * pulse))
    rect.center = (round(seat[0]), round(seat[1] + 24 * scale))
    pygame.draw.ellipse(surface, palette.focus, rect.inflate(8, 6), 4)
    pygame.draw.ellipse(surface, palette.text, rect, 2)
    return rect.inflate(8, 6)


def draw_trainee_seat(surface: pygame.Surface, seat: tuple[float, float], palette: Palette,
                      scale: float = 1.0, stance: str | None = None,
                      text: fonts.TextCache = fonts.default) -> pygame.Rect:
    """The trainee, from behind: head and shoulders over a chair back, tagged "You".

    With a stance, the tag carries it ("You · LEAD" and its icon) after a choice.
    """
    x, y = seat
    s = scale
    pygame.draw.ellipse(surface, shade(palette.rug, 0.12), (x - 30 * s, y + 16 * s, 60 * s, 13 * s))
    coat = mix(palette.muted, palette.rug, 0.25)
    shoulders = pygame.Rect(0, 0, round(42 * s), round(30 * s))
    shoulders.midbottom = (round(x), round(y + 4 * s))
    pygame.draw.ellipse(surface, coat, shoulders)
    pygame.draw.circle(surface, shade(coat, 0.25), (round(x), round(y - 27 * s)), round(11.5 * s))
    chair = pygame.Rect(0, 0, round(46 * s), round(22 * s))  # the chair back, in front of us
    chair.midtop = (round(x), round(y - 2 * s))
    pygame.draw.rect(surface, palette.chair, chair, border_radius=round(6 * s))
    pygame.draw.rect(surface, shade(palette.chair, 0.3), chair, 2, border_radius=round(6 * s))
    words = "You" if not stance else f"You · {stance.upper()}"
    fill = stance_colour(palette, stance) if stance else palette.text
    ink = readable_on(fill)
    label = text.render(words, "small", ink, bold=True)
    icon = 16 if stance else 0
    pill = pygame.Rect(0, 0, label.get_width() + 16 + icon, label.get_height() + 2)
    pill.midtop = (round(x), round(y + 30 * s))
    draw_pill(surface, pill, fill)
    if stance:
        icons.stance_icon(surface, stance, (pill.x + 13, pill.centery), 10, ink)
    surface.blit(label, (pill.x + 8 + icon, pill.y + 1))
    return pill.union(pygame.Rect(round(x - 23 * s), round(y - 40 * s), round(46 * s), round(60 * s)))
