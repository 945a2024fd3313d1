"""The play screen's drawing: a static layer of panels, redrawn region by region when their
content changes, and the circle, toasts and typing text drawn over it every frame.

A frame has a small work budget (WORK_BUDGET_S) shared by panel redraws, new member sprites
and the group's shape; what does not fit waits a frame or two, so a change of stage never
costs one long frame.
"""
from __future__ import annotations

import time

import pygame

from game.ui.scenes.play import cards, focus, panels, reload, timeline
from game.ui.scenes.play.state import REGIONS, Stage
from game.ui.widgets import Button, draw_narration, draw_room

ENDED = "The session is over. It ended in {outcome}; the debrief shows what the group needed at each moment."
REGIONS_PER_FRAME = 2
WORK_BUDGET_S = 0.0018   # with the rest of a frame (~1.5 ms) this keeps frames near a fifth of 60 fps


def draw(canvas: pygame.Surface, full: bool, state, tools) -> list | None:
    """Draw what changed; the rects changed, or None when the whole canvas was drawn."""
    frame, palette = state.frame, tools.palette
    if full:
        frame.layer.fill(palette.background)
        frame.dirty.update(REGIONS)
        canvas.blit(frame.layer, (0, 0))
    started = tools.frame_started
    changed = _draw_regions(canvas, full, state, tools)
    for rect in state.effects.toasts.last_rects:
        canvas.blit(frame.layer, rect.topleft, rect)
        changed.append(rect)
    circle = state.layout.circle
    canvas.blit(frame.layer, circle.topleft, circle)
    changed.append(_draw_circle(canvas, state, tools, WORK_BUDGET_S - (time.perf_counter() - started)))
    timeline.draw_tip(canvas, state, tools)        # over the circle, so inside the rect just redrawn
    reload.draw_problems(canvas, state, tools)
    changed += state.effects.toasts.draw(canvas, state.layout.toast_anchor, palette, state.layout.toast_width)
    return None if full else changed


def _draw_regions(canvas, full: bool, state, tools) -> list:
    """The changed regions that fit this frame (all of them when drawing everything)."""
    frame = state.frame
    drawn, redrawn, changed = dict(frame.drawn), set(), []
    for name in REGIONS:
        room = len(redrawn) < REGIONS_PER_FRAME and (
            time.perf_counter() - tools.frame_started < WORK_BUDGET_S or frame.held > 2)
        if name in frame.dirty and (full or room):
            redrawn.add(name)
            rect = region_rect(state.layout, name)
            frame.layer.fill(tools.palette.background, rect)
            drawn = {k: v for k, v in drawn.items() if focus.region_of(k) != name}
            drawn.update(_draw_region(name, state, tools))
            canvas.blit(frame.layer, rect.topleft, rect)
            changed.append(rect)
    if redrawn:
        frame.drawn = drawn
        frame.dirty -= redrawn
        focus.set_controls(state, tools)   # after: a focus it moves marks its regions to draw again
    frame.held = frame.held + 1 if frame.dirty else 0   # frames a changed panel has waited
    return changed


def region_rect(play, name: str) -> pygame.Rect:
    if name == "timeline":   # off: nothing to draw
        return play.timeline.inflate(8, 8) if play.timeline else pygame.Rect(0, 0, 0, 0)
    return {"narration": play.narration.inflate(8, 8), "top": play.meters.inflate(8, 8),
            "side": play.transcript.inflate(8, 8), "choices": play.choices.inflate(12, 12),
            "floor": play.circle.inflate(8, 8)}[name]


def _draw_region(name: str, state, tools) -> dict:
    """One region on the layer; the controls it drew."""
    layer, play = state.frame.layer, state.layout
    if name == "narration":
        _draw_narration(layer, state, tools)
        return {}
    if name == "top":
        return panels.draw_top(layer, play.meters, state, tools)
    if name == "timeline":
        return timeline.draw_timeline(layer, play.timeline, state, tools) if play.timeline else {}
    if name == "side":
        return panels.draw_side(layer, play.transcript, state, tools)
    if name == "floor":  # the room and the two buttons on it: restored under the circle every frame
        draw_room(layer, play.circle, play.seat_ellipse, tools.palette)
        panels.draw_circle_buttons(layer, state, tools)
        return panels.circle_buttons(play, tools.text)
    return cards.draw_choices(layer, play.choices, state, tools)


def _draw_narration(layer, state, tools) -> None:
    node = state.node
    phase = "ending" if node.ending else node.phase.value
    words, shown = node.narration.strip(), int(state.narration_shown)
    if not words and node.ending:  # an ending written without narration: say what it is
        words = ENDED.format(outcome=node.ending.outcome.value)
        shown = len(words)
    draw_narration(layer, state.layout.narration, words or " ", tools.palette, phase=phase, shown=shown,
                   text=tools.text)


def _draw_circle(canvas, state, tools, budget: float) -> pygame.Rect:
    area = state.circle.draw(canvas, tools.palette, state.clock if tools.animations else 0.0,
                             budget=max(0.0, budget), bubble=state.bubble, overlays=state.effects.overlays)
    if state.stage == Stage.LINES:
        controls, text = state.controls, tools.text
        button = focus.next_button_rect(state.layout, text)
        Button(button, focus.NEXT, hovered=controls.hovered == "next",
               focused=controls.focused == "next").draw(canvas, tools.palette, text)
        hint = text.render("Space", "small", tools.palette.muted)
        place = space_hint_rect(state, button, hint.get_size())
        if place is not None:
            canvas.blit(hint, place)
    return area


def space_hint_rect(state, button: pygame.Rect, size: tuple[int, int]) -> pygame.Rect | None:
    """Where the quiet "Space" hint goes by the Next button: beside it, else above it, never
    over a member's name tag (or the numbers under it); None when neither place is clear."""
    beside = pygame.Rect((0, 0), size)
    beside.midright = (button.x - 8, button.centery)
    above = pygame.Rect((0, 0), size)
    above.bottomright = (button.right - 4, button.y - 4)
    circle = state.circle
    below = 22 if circle.inner else 0    # the inner-state bars hang under each tag
    tags = [tag.inflate(6, 4).union(tag.move(0, below)) for tag in circle.label_rects(circle.speaker)]
    for place in (beside, above):
        if place.collidelist(tags) < 0 and state.layout.circle.contains(place):
            return place
    return None
