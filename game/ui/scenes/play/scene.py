"""The play screen: the circle, what is said, and the trainee's choices, LEAD or FOLLOW.

A node plays in stages. `lines`: the narration types out, then each member's line appears in a
bubble (Space, Enter or a click finishes a line, then moves to the next). `choose`: the cards
open, in the order drawn for this attempt (lead first, then follow, each numbered as shown);
keys 1-6, Tab/arrows + Enter, or the mouse pick the card shown under that number. `react`: the trainee's words show
for a beat, then the room moves from Reaction.before to .after over about a second, with
captions, ripples and event toasts; then the next node begins. `ended`: the ending is shown and
the debrief is one key away.

Drawing is split for speed: the panels live on a static layer redrawn region by region when
their content changes; only the circle, the toasts and the typing text are redrawn per frame.
The scene's other seams are mixins: input (play_input), drawing (play_drawing), the scenario
file read again when it changes (play_reload), and the presenter's tools: timeline, rewind,
compare, jump and the demo (play_presenter).
"""
from __future__ import annotations

import pygame

from game.engine import ChoiceNotOffered
from game.ui import layout
from game.ui.scenes.base import Controls, Scene
from game.ui.scenes.play_drawing import REGIONS, PlayDrawing
from game.ui.scenes.play_input import PlayInput
from game.ui.scenes.play_presenter import DEMO_REACT_HOLD, PlayPresenter
from game.ui.scenes.play_reload import PlayReload
from game.ui.scenes.play_classroom import ClassroomHook
from game.ui.scenes import play_panels as panels
from game.ui.scenes.play_circle import LABEL_WEIGHT, YOU, CircleView
from game.ui.scenes.play_room import Room
from game.ui.scenes.play_effects import Ripple, ToastStack
from game.ui.scenes.play_reaction import reaction_effects
from game.present import choice_entries, coach_note, transcript_of
from game.ui.widgets import Caption, SpeechBubble, Transcript
from game.ui.widgets.narration import shown_length

NARRATION_CPS = 70.0
BEAT = 0.45          # the trainee's words hang in the air before the room responds
REACT = 1.0          # the room's reaction


class PlayScene(ClassroomHook, PlayInput, PlayReload, PlayPresenter, PlayDrawing, Scene):
    def __init__(self, app, session, log=None, path: str = "", resumed: bool = False, live: bool = True):
        super().__init__(app)
        self.session, self.log, self.path, self.live = session, log, path, live
        self.demo = bool(getattr(app.args, "demo", False))
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
        self.offered = []                  # the choices on screen, in shown order (during a reaction, those just offered)
        self.clock = 0.0
        self._held = 0
        self._build()
        self._start_watch()
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
        self.play = layout.play_layout(self.text, timeline=self.settings.timeline)
        old = getattr(self, "circle", None)
        self.circle = CircleView.build(self.play, self.session.scenario.members, live=self.live)
        if old is not None:  # a relayout keeps what the circle was showing
            for name in ("room", "stance", "speaker", "speaking", "tones", "before_tones", "targets"):
                setattr(self.circle, name, getattr(old, name))
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
        scale = max(1.0, self.text.scale)
        reach = len(words) * scale * scale   # about the area the words take at this text size
        width = 300 if reach < 150 else 380 if reach < 260 else 440  # long lines: wider, so shorter
        width = round(width * scale)   # larger text: about as many lines, not a taller bubble
        bubble = SpeechBubble(words.strip(), name, anchor, self.play.circle.inflate(-16, -16), max_width=width,
                              avoid=self.circle.avoid_rects(who) + self._buttons_to_avoid())
        if not self.animations:
            bubble.finish()
        return bubble

    def _buttons_to_avoid(self) -> list:
        """Undo and Pause sit on the floor too: a bubble over them hides them (weighted as a name tag)."""
        return [(rect.inflate(6, 6), LABEL_WEIGHT) for rect in panels.circle_buttons(self).values()]

    # -- the stages -----------------------------------------------------------------------

    def _enter_node(self) -> None:
        node = self.node = self.session.node
        self.offered = list(self.session.shown_choices)
        self.stage, self.line_index, self.tones = "lines", -1, {}
        self.circle.tones, self.circle.speaker, self.bubble = self.tones, None, None
        self.narration_shown = 0.0 if self.animations and node.narration.strip() else float(len(node.narration))
        if node.narration.strip():
            self.transcript.add("", node.narration.strip(), "narration")
        self.dirty.update(REGIONS)
        if not node.narration.strip():
            self._next_line()

    def _narration_length(self) -> int:
        """The characters of narration the strip shows (the rest is in the transcript)."""
        if not self.node.narration.strip():
            return 0
        key = (self.node.narration, self.text.scale)
        if getattr(self, "_narration_key", None) != key:
            phase = "ending" if self.node.ending else (self.node.phase.value if self.node.phase else self.session.phase)
            self._narration_key = key
            self._narration_chars = shown_length(self.play.narration, self.node.narration.strip() or " ", phase, self.text)
        return self._narration_chars

    def _narration_done(self) -> bool:
        return self.narration_shown >= self._narration_length()

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
            self.narration_shown = float(self._narration_length())
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

    def choose(self, shown: int) -> None:
        """Take the card shown as `shown` (its number on screen, not its place in the file)."""
        if self.stage != "choose":
            return
        try:
            reaction = self.session.choose_shown(shown)
        except ChoiceNotOffered:
            return
        self.reaction, self.chosen, self.stage, self.react_t = reaction, shown, "react", 0.0
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
        effects = reaction_effects(reaction, self.circle, self.session.names, self.text, still=not self.animations,
                                   beat=BEAT)
        self.pending += effects.pending
        self.ripples = effects.ripples
        for text, kind, delay in effects.toasts:
            self.toasts.add(text, kind, delay, not self.animations)

    # -- commands -------------------------------------------------------------------------

    def undo(self) -> None:
        if self.session.undo():
            self._rebuild_from_history()
            self.app.sound("advance")

    def restart(self) -> None:
        """From the beginning, as a new attempt: a fresh seed (unless --seed gave one), so the
        cards are not where they were."""
        from game.ui.attempts import new_attempt

        old = self.session
        old.restart()   # the attempt left is emptied (its log hears of it): nothing to resume
        self.session, log = new_attempt(self.app, old.scenario, self.path)
        self.log = log if self.log is not None else None
        old.close()
        self.session.begin()
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
        self.offered = list(session.shown_choices)
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

    # -- time -----------------------------------------------------------------------------

    @property
    def animating(self) -> bool:
        typing = self.stage == "lines" and (not self._narration_done() or (self.bubble is not None and not self.bubble.done))
        effects = bool(self.pending or self.ripples or self.captions) or self.toasts.moving
        demo = self.demo and self.stage in ("lines", "choose", "ended")
        return typing or self.stage == "react" or effects or demo or (self.live and self.circle.bank.pending > 0)

    def update(self, dt: float) -> None:
        self.clock += dt
        self._update_text(dt)
        if self.stage == "react":
            self._update_reaction(dt)
        self._update_effects(dt)
        self._update_watch(dt)
        if self.demo:
            self._update_demo(dt)

    def _update_text(self, dt: float) -> None:
        if self.stage != "lines":
            return
        if not self._narration_done():
            self.narration_shown = min(self._narration_length(), self.narration_shown + dt * NARRATION_CPS)
            self.dirty.add("narration")
            if self._narration_done() and self.line_index < 0 and not self.demo:
                self._next_line()   # (the demo lets the narration stand first)
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
        if self.react_t >= BEAT + REACT + (DEMO_REACT_HOLD if self.demo else 0.0):
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

