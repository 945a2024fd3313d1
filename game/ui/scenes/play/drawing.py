"""The play screen's drawing: a static layer of panels, redrawn region by region when their
content changes, and the circle, toasts and typing text drawn over it every frame.

A mixin of PlayScene. A frame has a small work budget (WORK_BUDGET_S) shared by panel redraws,
new member sprites and the group's shape; what does not fit waits a frame or two, so a change
of stage never costs one long frame.
"""
from __future__ import annotations

import time

import pygame

from game.ui.scenes import play_panels as panels
from game.ui.scenes.play_timeline import draw_timeline, draw_tip
from game.ui.widgets import Button, draw_narration, draw_room

ENDED = "The session is over. It ended in {outcome}; the debrief shows what the group needed at each moment."
REGIONS = ("choices", "narration", "side", "top", "floor", "timeline")   # redrawn in this order when several changed
REGIONS_PER_FRAME = 2
WORK_BUDGET_S = 0.0018   # with the rest of a frame (~1.5 ms) this keeps frames near a fifth of 60 fps


class PlayDrawing:
    def draw(self, canvas: pygame.Surface, full: bool = False):
        if full or self.needs_redraw:
            full = True
            self.needs_redraw = False
            self.layer.fill(self.palette.background)
            self.dirty.update(REGIONS)
            canvas.blit(self.layer, (0, 0))
        started = self.app.frame_started
        changed = []
        drawn = dict(getattr(self, "_drawn", {}))
        redrawn = set()
        for name in REGIONS:
            room = len(redrawn) < REGIONS_PER_FRAME and (time.perf_counter() - started < WORK_BUDGET_S or self._held > 2)
            if name in self.dirty and (full or room):
                redrawn.add(name)
                rect = self._region(name)
                self.layer.fill(self.palette.background, rect)
                drawn = {k: v for k, v in drawn.items() if not self._belongs(k, name)}
                drawn.update(self._draw_region(name))
                canvas.blit(self.layer, rect.topleft, rect)
                changed.append(rect)
        if redrawn:
            self._drawn = drawn
            self.dirty -= redrawn
            self._set_controls()   # after: a focus it moves marks its regions to draw again
        self._held = self._held + 1 if self.dirty else 0   # frames a changed panel has waited
        for rect in self.toasts.last_rects:
            canvas.blit(self.layer, rect.topleft, rect)
            changed.append(rect)
        canvas.blit(self.layer, self.play.circle.topleft, self.play.circle)
        changed.append(self._draw_circle(canvas, WORK_BUDGET_S - (time.perf_counter() - started)))
        draw_tip(canvas, self)        # over the circle, so inside the rect just redrawn
        self._draw_problems(canvas)
        changed += self.toasts.draw(canvas, self.play.toast_anchor, self.palette, self.play.toast_width)
        return None if full else changed

    def _region(self, name: str) -> pygame.Rect:
        play = self.play
        if name == "timeline":   # off: nothing to draw
            return play.timeline.inflate(8, 8) if play.timeline else pygame.Rect(0, 0, 0, 0)
        return {"narration": play.narration.inflate(8, 8), "top": play.meters.inflate(8, 8),
                "side": play.transcript.inflate(8, 8), "choices": play.choices.inflate(12, 12),
                "floor": play.circle.inflate(8, 8)}[name]

    @staticmethod
    def _belongs(control: str, region: str) -> bool:
        owner = {"meters": "top", "debrief": "choices", "undo": "floor", "pause": "floor"}.get(control)
        if control.startswith("mark:"):
            owner = "timeline"
        if owner is None:
            owner = "choices" if control.startswith("choice:") else "side"
        return owner == region

    def _draw_region(self, name: str) -> dict:
        if name == "narration":
            node = self.node
            phase = "ending" if node.ending else (node.phase.value if node.phase else self.session.phase)
            words, shown = node.narration.strip(), int(self.narration_shown)
            if not words and node.ending:  # an ending written without narration: say what it is
                words = ENDED.format(outcome=node.ending.outcome.value)
                shown = len(words)
            draw_narration(self.layer, self.play.narration, words or " ", self.palette,
                           phase=phase, shown=shown, text=self.text)
            return {}
        if name == "top":
            return panels.draw_top(self.layer, self.play.meters, self)
        if name == "timeline":
            return draw_timeline(self.layer, self.play.timeline, self) if self.play.timeline else {}
        if name == "side":
            return panels.draw_side(self.layer, self.play.transcript, self)
        if name == "floor":  # the room and the two buttons on it: restored under the circle every frame
            draw_room(self.layer, self.play.circle, self.play.seat_ellipse, self.palette)
            panels.draw_circle_buttons(self.layer, self)
            return panels.circle_buttons(self)
        return panels.draw_choices(self.layer, self.play.choices, self)

    def _draw_circle(self, canvas, budget: float) -> pygame.Rect:
        overlays = list(self.ripples) + list(self.captions)
        area = self.circle.draw(canvas, self.palette, self.clock if self.animations else 0.0,
                                budget=max(0.0, budget), bubble=self.bubble, overlays=overlays)
        if self.stage == "lines":
            button = self.next_button_rect()
            Button(button, "Next ▸", hovered=self.controls.hovered == "next",
                   focused=self.controls.focused == "next").draw(canvas, self.palette, self.text)
            hint = self.text.render("Space", "small", self.palette.muted)
            place = self.space_hint_rect(button, hint.get_size())
            if place is not None:
                canvas.blit(hint, place)
        return area

    def space_hint_rect(self, button: pygame.Rect, size: tuple[int, int]) -> pygame.Rect | None:
        """Where the quiet "Space" hint goes by the Next button: beside it, else above it, never
        over a member's name tag (or the numbers under it); None when neither place is clear."""
        beside = pygame.Rect((0, 0), size)
        beside.midright = (button.x - 8, button.centery)
        above = pygame.Rect((0, 0), size)
        above.bottomright = (button.right - 4, button.y - 4)
        below = 22 if self.circle.inner else 0    # the inner-state bars hang under each tag
        tags = [tag.inflate(6, 4).union(tag.move(0, below)) for tag in self.circle.label_rects(self.circle.speaker)]
        for place in (beside, above):
            if place.collidelist(tags) < 0 and self.play.circle.contains(place):
                return place
        return None
