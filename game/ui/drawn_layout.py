"""What the play screen drew where, as plain data: `screenshot --layout FILE` writes it.

    {"size": [W, H],
     "members": [{"id": ..., "body": [x, y, w, h], "face": [x, y, w, h]}, ...],
     "bubbles": [[x, y, w, h], ...]}

In the image's own pixels (the letterboxed canvas mapped into the window), so tests and
tools can check a picture against it without knowing the logical canvas: that no bubble
meets a face, how large each figure is, where to look for a member's cues. `body` is the
figure as painted (its sprite's visible pixels, chair included); `face` is the head with
its hair in the pose it is drawn in. Members not yet in the room are left out.
"""
from __future__ import annotations

import pygame

from game.ui import avatar
from game.ui.layout import Viewport


def describe(scene, size: tuple[int, int]) -> dict:
    """The layout of `scene` (a play screen, drawn and settled) in a window of `size`."""
    view = Viewport(size)
    circle = _part(scene, "circle")
    palette = scene.palette
    members = [{"id": figure.member_id,
                "body": _box(view, drawn_body(figure, palette)),
                "face": _box(view, drawn_face(figure))}
               for figure in circle.present_figures()]
    bubble = _part(scene, "bubble")
    bubbles = [_box(view, bubble.rect())] if bubble is not None else []
    return {"size": [int(size[0]), int(size[1])], "members": members, "bubbles": bubbles}


def drawn_pose(figure) -> avatar.Pose:
    """The pose the figure shows once the room has settled (the last of its poses)."""
    return figure.memo[1][-1] if figure.memo else avatar.Pose()


def drawn_body(figure, palette) -> pygame.Rect:
    """The visible pixels of the figure's sprite, on the logical canvas."""
    sprite = avatar.member_sprite(figure.look, drawn_pose(figure), figure.scale, figure.facing, palette)
    return sprite.get_bounding_rect().move(avatar.sprite_topleft(figure.seat, figure.scale))


def drawn_face(figure) -> pygame.Rect:
    return avatar.face_rect(figure.seat, figure.scale, drawn_pose(figure), figure.facing)


def _part(scene, name: str):
    """A part of the play screen's state, wherever the scene keeps it."""
    if hasattr(scene, name):
        return getattr(scene, name)
    return getattr(getattr(scene, "state", None), name, None)


def _box(view: Viewport, rect: pygame.Rect) -> list[int]:
    x, y = view.to_window(rect.topleft)
    right, bottom = view.to_window(rect.bottomright)
    return [round(x), round(y), round(right) - round(x), round(bottom) - round(y)]
