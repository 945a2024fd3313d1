"""The play screen: the circle, what is said, and the trainee's choices, LEAD or FOLLOW.

A node plays in stages. `lines`: the narration types out, then each member's line appears in a
bubble (Space, Enter or a click finishes a line, then moves to the next). `choose`: the cards
open; keys 1-6, Tab/arrows + Enter, or the mouse pick one. `react`: the trainee's words show
for a beat, then the room moves from Reaction.before to .after over about a second, with
captions, ripples and event toasts; then the next node begins. `ended`: the ending is shown and
the debrief is one key away.

Drawing is split for speed: the panels live on a static layer redrawn region by region when
their content changes; only the circle, the toasts and the typing text are redrawn per frame.
"""
from __future__ import annotations

import time

import pygame

from game.engine import ChoiceNotOffered, describe_event
from game.ui import input as keys
from game.ui import layout
from game.ui.scenes import play_panels as panels
from game.ui.scenes.base import Control, Controls, Scene
from game.ui.scenes.play_circle import YOU, CircleView, Room
from game.ui.scenes.play_effects import Ripple, ToastStack
from game.ui.script import caption_member, choice_entries, coach_note, toast_kind, transcript_of
from game.ui.widgets import Button, Caption, SpeechBubble, Transcript, draw_narration, draw_room

NARRATION_CPS = 70.0
BEAT = 0.45          # the trainee's words hang in the air before the room responds
REACT = 1.0          # the room's reaction
DEMO_LINE_PAUSE = 1.8
DEMO_CHOOSE_WAIT = 4.0
REGIONS = ("choices", "narration", "side", "top")   # redrawn in this order when several changed
REGIONS_PER_FRAME = 2     # the rest wait a frame: a stage change never costs one long frame
WORK_BUDGET_S = 0.0022    # panels, sprites and the group's shape share this much of each frame


class PlayScene(Scene):
    def __init__(self, app, session, log=None, path: str = "", resumed: bool = False, live: bool = True):
        super().__init__(app)
        self.session, self.log, self.path, self.live = session, log, path, live
        session.begin()
        self.controls = Controls()
        self.toasts = ToastStack()
        self.captions: list[Caption] = []
        self.pending: list[tuple[float, object]] = []   # (delay, caption or sound name)
        self.ripples: list[Ripple] = []
        self.layer = pygame.Surface(layout.LOGICAL_SIZE)
        self.dirty: set[str] = set(REGIONS)
        self.stage, self.chosen, self.coach, self.reaction = "lines", None, None, None
        self.meter_previous = None
        self.react_t = self.waited = 0.0
        self.bubble: SpeechBubble | None = None
        self.bubble_who: str | None = None
        self.line_index, self.narration_shown = -1, 0.0
        self.tones: dict[str, str] = {}
        self.node = session.node           # the node on screen (during a reaction, the one just left)
        self.offered = []                  # the choices on screen (during a reaction, those just offered)
        self.clock = 0.0
        self._held = 0
        self._build()
        if resumed or session.turn:
            self._rebuild_from_history()
        else:
            self._enter_node()

    # -- set-up ---------------------------------------------------------------------------

    @property
    def settings(self):
        return self.app.settings

    @property
    def animations(self) -> bool:
        return self.settings.animations and self.live

    def _build(self) -> None:
        self.play = layout.play_layout(self.text)
        old = getattr(self, "circle", None)
        self.circle = CircleView.build(self.play, self.session.scenario.members, live=self.live)
        if old is not None:
            self.circle.room, self.circle.stance = old.room, old.stance
            self.circle.speaker, self.circle.tones = old.speaker, old.tones
        self.circle.inner = self.settings.inner_state
        self.room = self.circle.room or Room(self.session.state)
        self.circle.room = self.room
        self.transcript = getattr(self, "transcript", None) or Transcript()
        if self.bubble is not None:
            shown = self.bubble.shown
            self.bubble = self._bubble(self.bubble.text, self.bubble_who)
            self.bubble.shown = shown
        self.needs_redraw = True

    def relayout(self) -> None:
        self._build()
        super().relayout()

    def _bubble(self, words: str, who: str | None) -> SpeechBubble:
        self.bubble_who = who
        anchor = self.circle.figure(who).head() if who and who != YOU else (self.circle.you_seat[0], self.circle.you_seat[1] - 44)
        name = "You" if who == YOU else self.session.names.get(who, who or "")
        width = 300 if len(words) < 150 else 380 if len(words) < 260 else 440  # long lines: wider, so shorter
        bubble = SpeechBubble(words.strip(), name, anchor, self.play.circle.inflate(-16, -16), max_width=width,
                              avoid=self.circle.avoid_rects(who))
        if not self.animations:
            bubble.finish()
        return bubble

    # -- the stages -----------------------------------------------------------------------

    def _enter_node(self) -> None:
        node = self.node = self.session.node
        self.offered = list(self.session.choices)
        self.stage, self.line_index, self.tones = "lines", -1, {}
        self.circle.tones, self.circle.speaker, self.bubble = self.tones, None, None
        self.narration_shown = 0.0 if self.animations and node.narration.strip() else float(len(node.narration))
        if node.narration.strip():
            self.transcript.add("", node.narration.strip(), "narration")
        self.dirty.update(REGIONS)
        if not node.narration.strip():
            self._next_line()

    def _narration_done(self) -> bool:
        return self.narration_shown >= len(self.node.narration)

    def _next_line(self) -> None:
        lines = self.node.lines
        self.line_index += 1
        if self.line_index >= len(lines):
            self._lines_done()
            return
        line = lines[self.line_index]
        self.tones[line.speaker] = line.tone.value
        self.circle.speaker, self.circle.speaking = line.speaker, True
        self.bubble = self._bubble(line.text, line.speaker)
        self.transcript.add(self.session.names.get(line.speaker, line.speaker), line.text.strip())
        self.dirty.add("side")
        self.app.sound("advance")

    def _lines_done(self) -> None:
        self.stage = "ended" if self.session.ended else "choose"
        self.circle.speaker, self.circle.speaking = None, False
        self.waited = 0.0
        self.dirty.update(REGIONS)
        self._set_controls()
        if self.stage == "ended":
            self.controls.focus("debrief")
            self.app.sound("end")

    def advance(self) -> None:
        """Space, Enter or a click while lines play: finish what is typing, else move on."""
        if self.stage != "lines":
            return
        if not self._narration_done():
            self.narration_shown = float(len(self.node.narration))
            self.dirty.add("narration")
            if self.line_index < 0:
                self._next_line()
            return
        if self.bubble is not None and not self.bubble.done:
            self.bubble.finish()
            self.circle.speaking = False
            if self.line_index == len(self.node.lines) - 1:
                self._lines_done()
            return
        self._next_line()

    def settle(self) -> None:
        """Show the whole node at once, as when its choices open (for still pictures)."""
        for _ in range(10_000):
            if self.stage == "react":
                self._finish_reaction()
            elif self.stage == "lines":
                self.narration_shown = float(len(self.node.narration))
                if self.bubble is not None:
                    self.bubble.finish()
                self.advance()
            else:
                return

    def choose(self, number: int) -> None:
        if self.stage != "choose":
            return
        try:
            reaction = self.session.choose(number)
        except ChoiceNotOffered:
            return
        if self.log is not None:
            self.log.update(self.session)
        self.reaction, self.chosen, self.stage, self.react_t = reaction, number, "react", 0.0
        self.meter_previous = reaction.before
        self.circle.before_tones, self.tones = dict(self.tones), {}
        self.circle.tones = self.tones
        self.room = self.circle.room = Room(reaction.before, reaction.after, 0.0)
        for entry in choice_entries(reaction, self.session.names, self.settings.coach):
            self.transcript.add(entry.speaker, entry.text, entry.kind, entry.stance)
        self.coach = coach_note(reaction) if self.settings.coach else None
        self._clear_effects()
        self.circle.speaker, self.circle.speaking, self.circle.stance = YOU, False, reaction.stance
        self.circle.targets = frozenset()
        self.bubble = self._bubble(reaction.choice.text, YOU)
        self.bubble.finish()
        self._queue_effects(reaction)
        self.app.sound("choose")
        self.dirty.update(REGIONS)
        self._set_controls()
        if not self.animations:
            self._finish_reaction()

    def _finish_reaction(self) -> None:
        self.room = self.circle.room = Room(self.session.state)
        self.circle.before_tones = {}
        self._enter_node()

    def _queue_effects(self, reaction) -> None:
        """Captions near the members, ripples between them, a toast per event."""
        names, still = self.session.names, not self.animations
        placed: list[pygame.Rect] = []
        for i, words in enumerate(reaction.captions):
            who = caption_member(words, names)
            figure = self.circle.figure(who) if who else None
            pos = (figure.seat[0], figure.seat[1] - 86 * figure.scale) if figure else \
                (self.circle.ellipse.centerx, self.circle.ellipse.centery - 30)
            pos = self._free_spot(words, pos, placed)
            caption = Caption(words, pos, life=3.4, rise=0.0 if still else 18.0)
            self.pending.append((0.0 if still else BEAT + 0.25 + 0.18 * i, caption))
        for event in reaction.events:
            self.toasts.add(describe_event(event, names), toast_kind(event.type), 0.0 if still else BEAT + 0.3, still)
        if reaction.events:
            good = all(toast_kind(e.type) != "warning" for e in reaction.events)
            self.pending.append((BEAT + 0.3, "good" if good else "warning"))
        if not still:
            self.ripples = self._ripples(reaction)

    def _free_spot(self, words: str, pos, placed: list[pygame.Rect]):
        """Move a caption up or down until it overlaps no caption placed before it."""
        width, height = self.text.width(words, "small") + 16, self.text.line_height("small") + 8
        bounds = self.play.circle.inflate(-8, -8)
        for shift in (0, -height - 4, height + 4, -2 * height - 8, 2 * height + 8):
            rect = pygame.Rect(0, 0, width, height)
            rect.center = (round(pos[0]), round(pos[1] + shift))
            rect = rect.clamp(bounds)
            if not any(rect.colliderect(other) for other in placed):
                placed.append(rect)
                return rect.center
        placed.append(rect)
        return rect.center

    def _ripples(self, reaction) -> list[Ripple]:
        """From the members addressed (or the middle, for the whole group) to those it reached."""
        sources = [self.circle.figure(t).seat for t in reaction.choice.targets if self.circle.figure(t)]
        centre = self.circle.ellipse.center
        found = []
        for mid, change in reaction.deltas.items():
            figure = self.circle.figure(mid)
            size = sum(abs(v) for v in change.values())
            if figure is None or mid in reaction.choice.targets or size < 0.05:
                continue
            start = min(sources, key=lambda s: (s[0] - figure.seat[0]) ** 2 + (s[1] - figure.seat[1]) ** 2) if sources else centre
            good = change["engagement"] + change["trust"] - change["distress"] >= 0
            found.append((size, Ripple(start, figure.seat, good)))
        for event in reaction.events:
            if event.type == "support" and event.by and self.circle.figure(event.by) and self.circle.figure(event.member):
                found.append((1.0, Ripple(self.circle.figure(event.by).seat, self.circle.figure(event.member).seat, True)))
        found.sort(key=lambda item: -item[0])
        ripples = [r for _, r in found[:8]]
        for i, ripple in enumerate(ripples):
            ripple.delay = BEAT + 0.08 * i
        return ripples

    # -- commands -------------------------------------------------------------------------

    def undo(self) -> None:
        if self.session.undo():
            if self.log is not None:
                self.log.update(self.session)
            self._rebuild_from_history()
            self.app.sound("advance")

    def restart(self) -> None:
        self.session.restart()
        self.session.begin()
        if self.log is not None:
            self.log.update(self.session)
        self._clear_effects()
        self.transcript = Transcript()
        self.room = self.circle.room = Room(self.session.state)
        self.circle.stance, self.meter_previous, self.coach = None, None, None
        self._enter_node()
        self.needs_redraw = True

    def _clear_effects(self) -> None:
        self.toasts.clear()
        self.captions, self.pending, self.ripples = [], [], []

    def _rebuild_from_history(self) -> None:
        """The screen as it stood when the last choice was offered (undo, resume)."""
        session = self.session
        self._clear_effects()
        self.transcript = Transcript()
        for entry in transcript_of(session, self.settings.coach):
            self.transcript.add(entry.speaker, entry.text, entry.kind, entry.stance)
        self.room = self.circle.room = Room(session.state)
        last = session.history[-1] if session.history else None
        self.meter_previous, self.coach, self.reaction = (last.before if last else None), None, None
        self.circle.stance = last.stance if last else None
        node = self.node = session.node
        self.offered = list(session.choices)
        self.tones = {line.speaker: line.tone.value for line in node.lines}
        self.circle.tones, self.circle.before_tones = self.tones, {}
        self.narration_shown = float(len(node.narration))
        self.line_index = len(node.lines) - 1
        self.bubble = None
        if node.lines:
            self.bubble = self._bubble(node.lines[-1].text, node.lines[-1].speaker)
            self.bubble.finish()
        self._lines_done()
        self.needs_redraw = True

    def toggle(self, key: str) -> None:
        self.app.change_setting(key, not getattr(self.settings, key))
        self.circle.inner = self.settings.inner_state

    def pause(self) -> None:
        from game.ui.scenes.pause import PauseScene
        self.app.push(PauseScene(self.app, self))

    def to_debrief(self) -> None:
        from game.ui.scenes.debrief import DebriefScene
        self.app.show(DebriefScene(self.app, self.session, self.log, self.path))

    # -- input ----------------------------------------------------------------------------

    def _set_controls(self) -> None:
        items = [Control(f"choice:{o.number}", r) for o, r in panels.choice_cards(self)] if self.stage == "choose" else []
        if self.stage == "lines":
            items.append(Control("next", self.next_button_rect(), "Next ▸"))
        items += [Control(name, rect) for name, rect in panels.circle_buttons(self).items()]
        for name, rect in getattr(self, "_drawn", {}).items():
            if not name.startswith("choice:"):
                items.append(Control(name, rect))
        self.controls.set(items)

    def next_button_rect(self) -> pygame.Rect:
        circle = self.play.circle
        width = self.text.width("Next ▸", "body", True) + 40
        return pygame.Rect(circle.right - width - 12, circle.bottom - 12 - 40, width, 40)

    def handle(self, event) -> None:
        if keys.wheel(event):
            if self.play.transcript.collidepoint(event.pos):
                self.transcript.on_wheel(keys.wheel(event))
                self.dirty.add("side")
            return
        act, number = keys.action(event), keys.number(event)
        if number is not None:
            self.choose(number)
            return
        if act == "back":
            self.pause()
        elif act == "undo":
            self.undo()
        elif act == "meters":
            self.toggle("meters")
        elif act == "inner":
            self.toggle("inner_state")
        elif act in ("page_up", "page_down"):
            self.transcript.page(1 if act == "page_up" else -1)
            self.dirty.add("side")
        elif act == "activate" and self.stage == "lines" and self.controls.focused in (None, "next"):
            self.advance()
        elif act == "activate" and self.controls.focused is None and (
                self.stage == "ended" or (self.stage == "choose" and not self.offered)):
            self.to_debrief()
        else:
            self._handle_controls(event)

    def _handle_controls(self, event) -> None:
        chosen = self.controls.handle(event)
        if self.controls.changed:
            self.controls.changed = False
            self._show_targets()
            self.dirty.update(("choices", "side", "top"))
        if chosen:
            self.activate(chosen)
        elif keys.is_click(event) and self.stage == "lines" and self.play.circle.collidepoint(event.pos):
            self.advance()
        elif keys.is_click(event) and self.stage == "choose" and not self.session.choices:
            self.to_debrief()

    def _show_targets(self) -> None:
        name = self.controls.hovered if (self.controls.hovered or "").startswith("choice:") else self.controls.focused
        targets = frozenset()
        if name and name.startswith("choice:") and self.stage == "choose":
            number = int(name.split(":")[1])
            offered = next((c for c in self.session.choices if c.number == number), None)
            targets = frozenset(offered.choice.targets) if offered else frozenset()
        self.circle.targets = targets

    def activate(self, name: str) -> None:
        if name.startswith("choice:"):
            self.choose(int(name.split(":")[1]))
        elif name == "next":
            self.advance()
        elif name == "debrief":
            self.to_debrief()
        elif name == "undo":
            self.undo()
        elif name == "pause":
            self.pause()
        elif name == "meters":
            self.toggle("meters")
        elif name in ("tab:transcript", "tab:inner"):
            if self.settings.inner_state != (name == "tab:inner"):
                self.toggle("inner_state")

    # -- time -----------------------------------------------------------------------------

    @property
    def animating(self) -> bool:
        typing = self.stage == "lines" and (not self._narration_done() or (self.bubble is not None and not self.bubble.done))
        effects = bool(self.pending or self.ripples or self.captions) or self.toasts.moving
        demo = bool(getattr(self.app.args, "demo", False)) and self.stage in ("lines", "choose", "ended")
        return typing or self.stage == "react" or effects or demo or (self.live and self.circle.bank.pending > 0)

    def update(self, dt: float) -> None:
        self.clock += dt
        self._update_text(dt)
        if self.stage == "react":
            self._update_reaction(dt)
        self._update_effects(dt)
        if getattr(self.app.args, "demo", False):
            self._update_demo(dt)

    def _update_text(self, dt: float) -> None:
        if self.stage != "lines":
            return
        if not self._narration_done():
            self.narration_shown = min(len(self.node.narration), self.narration_shown + dt * NARRATION_CPS)
            self.dirty.add("narration")
            if self._narration_done() and self.line_index < 0:
                self._next_line()
            return
        if self.bubble is not None and not self.bubble.done:
            self.bubble.update(dt)
            if self.bubble.done:
                self.circle.speaking = False
                if self.line_index == len(self.node.lines) - 1:
                    self._lines_done()

    def _update_reaction(self, dt: float) -> None:
        self.react_t += dt
        if self.bubble is not None and self.bubble_who == YOU and self.react_t >= BEAT + 0.3:
            self.bubble = None  # the trainee's words are in the transcript; now watch the room
        progress = min(1.0, max(0.0, (self.react_t - BEAT) / REACT))
        self.room.progress = 1 - (1 - progress) ** 3   # ease out: a quick response that settles
        if self.settings.meters:
            self.dirty.add("top")
        if self.settings.inner_state:
            self.dirty.add("side")
        if self.react_t >= BEAT + REACT:
            self._finish_reaction()

    def _update_effects(self, dt: float) -> None:
        due = [(d - dt, item) for d, item in self.pending]
        self.pending = [(d, item) for d, item in due if d > 0]
        for _, item in (x for x in due if x[0] <= 0):
            if isinstance(item, str):
                self.app.sound(item)
            else:
                self.captions.append(item)
        for effect in self.captions + self.ripples:
            effect.update(dt)
        self.captions = [c for c in self.captions if c.alive]
        self.ripples = [r for r in self.ripples if r.alive]
        self.toasts.update(dt)

    def _update_demo(self, dt: float) -> None:
        """--demo: the expert path plays itself, slowly enough to talk over."""
        self.waited += dt
        if self.stage == "lines" and self._narration_done() and (self.bubble is None or self.bubble.done):
            if self.waited >= DEMO_LINE_PAUSE:
                self.waited = 0.0
                self._next_line()
        elif self.stage == "choose" and self.session.choices:
            pick = self.session.expert_choice() or self.session.choices[0]
            if self.controls.focused != f"choice:{pick.number}" and self.waited >= DEMO_CHOOSE_WAIT / 2:
                self.controls.focus(f"choice:{pick.number}")
                self._show_targets()
                self.dirty.add("choices")
            if self.waited >= DEMO_CHOOSE_WAIT:
                self.choose(pick.number)
        elif self.stage == "ended" and self.waited >= DEMO_CHOOSE_WAIT * 2:
            self.to_debrief()
        if self.stage != "lines" or self.bubble is None or not self.bubble.done:
            self.waited = self.waited if self.stage in ("choose", "ended", "lines") else 0.0

    # -- drawing --------------------------------------------------------------------------

    def draw(self, canvas: pygame.Surface, full: bool = False):
        if full or self.needs_redraw:
            full = True
            self.needs_redraw = False
            self.layer.fill(self.palette.background)
            draw_room(self.layer, self.play.circle, self.play.seat_ellipse, self.palette)
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
            self._set_controls()
            self.dirty -= redrawn
        self._held = self._held + 1 if self.dirty else 0   # frames a changed panel has waited
        for rect in self.toasts.last_rects:
            canvas.blit(self.layer, rect.topleft, rect)
            changed.append(rect)
        canvas.blit(self.layer, self.play.circle.topleft, self.play.circle)
        changed.append(self._draw_circle(canvas, WORK_BUDGET_S - (time.perf_counter() - started)))
        changed += self.toasts.draw(canvas, self.play.toast_anchor, self.palette, self.play.toast_width)
        return None if full else changed

    def _region(self, name: str) -> pygame.Rect:
        play = self.play
        return {"narration": play.narration.inflate(8, 8), "top": play.meters.inflate(8, 8),
                "side": play.transcript.inflate(8, 8), "choices": play.choices.inflate(12, 12)}[name]

    @staticmethod
    def _belongs(control: str, region: str) -> bool:
        owner = {"meters": "top", "debrief": "choices"}.get(control)
        if owner is None:
            owner = "choices" if control.startswith("choice:") else "side"
        return owner == region

    def _draw_region(self, name: str) -> dict:
        if name == "narration":
            node = self.node
            phase = "ending" if node.ending else (node.phase.value if node.phase else self.session.phase)
            draw_narration(self.layer, self.play.narration, node.narration.strip() or " ", self.palette,
                           phase=phase, shown=int(self.narration_shown), text=self.text)
            return {}
        if name == "top":
            return panels.draw_top(self.layer, self.play.meters, self)
        if name == "side":
            return panels.draw_side(self.layer, self.play.transcript, self)
        return panels.draw_choices(self.layer, self.play.choices, self)

    def _draw_circle(self, canvas, budget: float) -> pygame.Rect:
        overlays = list(self.ripples) + list(self.captions)
        area = self.circle.draw(canvas, self.palette, self.clock if self.animations else 0.0,
                                budget=max(0.0, budget), bubble=self.bubble, overlays=overlays)
        if self.stage == "lines":
            Button(self.next_button_rect(), "Next ▸", hovered=self.controls.hovered == "next",
                   focused=self.controls.focused == "next").draw(canvas, self.palette, self.text)
        panels.draw_circle_buttons(canvas, self)
        return area
