"""The play screen: the circle, what is said, and the trainee's choices, LEAD or FOLLOW.

The scene holds one `PlayState` and hands it, with the tools the app lends, to its parts:
stages (a node's life), input (events into commands), drawing (regions on a static layer),
presenter (rewind, jump), demo, reload (the file read again when it changes) and the classroom.
Input says what to do; the scene does it, through the Session, and tells the parts.
"""
from __future__ import annotations

import pygame

from game.engine import ChoiceNotOffered
from game.present import Branch
from game.ui import layout
from game.ui.scenes.base import Controls, Scene, close_unless_kept
from game.ui.scenes.play import asking, demo, drawing, input as play_input, presenter, reload, scaffolding
from game.ui.scenes.play import speech, stages
from game.ui.scenes.play.classroom import ClassroomPart
from game.ui.scenes.play.effects import Effects
from game.ui.scenes.play.room import RoomView
from game.ui.scenes.play.state import REGIONS, Demo, Frame, PlayState, Stage, Tools
from game.ui.scenes.play.circle import CircleView
from game.ui.widgets import Transcript

KEPT_BY_THE_CIRCLE = ("room", "stance", "speaker", "speaking", "tones", "before_tones", "targets")


class PlayScene(Scene):
    def __init__(self, app, session, log=None, path: str = "", resumed: bool = False, live: bool = True):
        super().__init__(app)
        session.begin()
        play = layout.play_layout(self.text, timeline=self.settings.timeline)
        circle = CircleView.build(play, session.scenario.members, live=live)
        circle.room = room = RoomView(session.state)
        circle.inner = self.settings.inner_state
        self.state = PlayState(
            session=session, log=log, path=path, live=live, layout=play, circle=circle, controls=Controls(),
            frame=Frame(pygame.Surface(layout.LOGICAL_SIZE), set(REGIONS)), room=room, transcript=Transcript(),
            effects=Effects(), node=session.node, demo=Demo(on=bool(getattr(app.args, "demo", False))))
        self.commands = {
            "choose": self.choose, "advance": self.advance, "undo": self.undo, "rewind": self.rewind_to,
            "reload": self.reload, "toggle": self.toggle, "timeline": self.toggle_timeline,
            "compare": self.open_compare, "jump": self.open_jump, "pause": self.pause,
            "debrief": self.to_debrief, "stop_demo": self.stop_demo, "retry": self.retry,
            "ask_stance": self.ask_stance, "ask_member": self.ask_member, "ask_number": self.ask_number,
            "ask_done": self.ask_done, "reveal_done": self.reveal_done,
        }
        self._classroom: ClassroomPart | None = None
        self._scaffold()
        if live and not (resumed or session.turn):
            scaffolding.open_for_beginner(app, self.state)
        reload.start_watch(self.state)
        if resumed or session.turn:
            self._rebuild()
        else:
            stages.enter_node(self.state, self.tools())

    # -- what the screen lends its parts, and what others read ------------------------------

    @property
    def settings(self):
        return self.app.settings

    @property
    def animations(self) -> bool:
        return self.settings.animations and self.state.live

    def tools(self) -> Tools:
        return Tools(self.text, self.palette, self.settings, self.animations, self.app.sound,
                     self.app.frame_started)

    @property
    def session(self):
        return self.state.session

    @property
    def log(self):
        return self.state.log

    @property
    def stage(self) -> Stage:
        return self.state.stage

    @property
    def offered(self) -> list:
        return self.state.offered

    @property
    def controls(self) -> Controls:
        return self.state.controls

    @property
    def layout(self):
        return self.state.layout

    @property
    def play(self):
        """The layout (the name the classroom's tests know it by)."""
        return self.state.layout

    @property
    def ready_for_next(self) -> bool:
        """Lines are playing and the one on screen is said in full: Space moves on."""
        return self.stage == Stage.LINES and stages.line_said(self.state, self.tools())

    # -- laying out -------------------------------------------------------------------------

    def relayout(self) -> None:
        self._lay_out()
        self._scaffold()
        super().relayout()

    def _scaffold(self) -> None:
        """The scaffolds for this scenario under the setting now; the attempt records them (a
        setting changed mid-attempt: the record keeps the last)."""
        state = self.state
        given = getattr(self.app.args, "scaffolds", None)     # play --scaffolds, for this run
        state.scaffolds = scaffolding.scaffolds_of(state.session, self.settings, given)
        state.session.play_settings = scaffolding.play_settings(state.scaffolds, state.session)
        scaffolding.refresh(state, self.tools())

    def _lay_out(self, keep_circle: bool = True) -> None:
        """The regions and the circle for the settings and text size now; the circle keeps what
        it was showing (a reloaded file starts a fresh one)."""
        state, tools = self.state, self.tools()
        state.layout = layout.play_layout(self.text, timeline=self.settings.timeline)
        old = state.circle if keep_circle else None
        state.circle = CircleView.build(state.layout, state.session.scenario.members, live=state.live)
        if old is not None:
            for name in KEPT_BY_THE_CIRCLE:
                setattr(state.circle, name, getattr(old, name))
        state.circle.inner = self.settings.inner_state
        state.room = state.circle.room or RoomView(state.session.state)
        state.circle.room = state.room
        if state.bubble is not None:
            said = state.bubble.shown
            speech.say(state, tools, state.bubble.text, state.bubble_who).shown = said
        self.needs_redraw = True

    # -- commands ---------------------------------------------------------------------------

    def run(self, command: tuple) -> None:
        name, *args = command
        self.commands[name](*args)

    def advance(self) -> None:
        stages.advance(self.state, self.tools())

    def settle(self) -> None:
        """Show the whole node at once, as when its choices open (for still pictures)."""
        stages.settle(self.state, self.tools())

    def choose(self, shown: int) -> None:
        """Take the card shown as `shown` (its number on screen, not its place in the file)."""
        if self.state.stage != Stage.CHOOSE:
            return
        try:
            reaction = self.state.session.choose_shown(shown)
        except ChoiceNotOffered:
            return
        stages.react(self.state, self.tools(), reaction, shown)

    def retry(self) -> None:
        """Take back the last choice, whose need was not met, and choose again at its moment,
        with a hint more each time (R, or the coach's button)."""
        session = self.state.session
        if not session.can_retry or self.state.stage == Stage.REACT:
            return
        session.retry()
        self._rebuild()
        self.app.sound("advance")

    def ask_stance(self, stance: str, by_key: bool = False) -> None:
        asking.pick(self.state, self.tools(), stance, by_key)

    def ask_member(self, member: str) -> None:
        asking.name(self.state, self.tools(), member)

    def ask_number(self, number: int) -> None:
        asking.name_by_number(self.state, self.tools(), number)

    def ask_done(self) -> None:
        asking.confirm(self.state, self.tools())

    def reveal_done(self) -> None:
        asking.dismiss(self.state, self.tools())

    def undo(self) -> None:
        if self.state.session.undo():
            self._rebuild()
            self.app.sound("advance")

    def restart(self) -> None:
        """From the beginning, as a new attempt: a fresh seed (unless --seed gave one), so the
        cards are not where they were."""
        from game.ui.attempts import new_attempt

        state, old = self.state, self.state.session
        old.restart()   # the attempt left is emptied (its log hears of it): nothing to resume
        session, log = new_attempt(self.app, old.scenario, state.path)
        old.close()
        session.begin()
        stages.start_over(state, self.tools(), session, log if state.log is not None else None)
        self.needs_redraw = True

    def rewind_to(self, turn: int) -> None:
        """Back to just before decision `turn` (1-based), to take another choice there."""
        self._landed(presenter.rewind(self.state, turn))

    def jump_to(self, node_id: str) -> None:
        """To a node by the shortest path of choices that reaches it (or placed there, if none does)."""
        self._landed(presenter.jump(self.state, node_id))

    def _landed(self, toast: tuple[str, str] | None) -> None:
        if toast is None:
            return
        self._rebuild()
        self.app.sound("advance")
        self.state.effects.toasts.add(*toast, still=True)

    def reload(self, auto: bool = False) -> None:
        """Load the scenario file again and replay the choices on it (F5, or a save on disk)."""
        toast = reload.load_again(self.state, self.tools(), auto)
        if toast is None:
            return
        self._lay_out(keep_circle=False)
        self._rebuild()
        self.state.effects.toasts.add(*toast, still=True)
        self.state.frame.dirty.update(REGIONS)

    def _rebuild(self) -> None:
        stages.rebuild(self.state, self.tools())
        self.needs_redraw = True

    def toggle(self, key: str) -> None:
        """M or T: the meters or the thoughts on or off, unless they are hidden now (reading
        the room, or by the scaffolds): then a notice says why, and where to change it."""
        notice = scaffolding.hidden_notice(self.state, key)
        if notice is not None:
            self.state.effects.toasts.add(notice, "info", still=not self.animations)
            return
        self.app.change_setting(key, not getattr(self.settings, key))
        self.state.circle.inner = self.settings.inner_state

    def toggle_timeline(self) -> None:
        self.app.change_setting("timeline", not self.settings.timeline)

    def stop_demo(self) -> None:
        self.state.demo.on = False
        self.state.effects.toasts.add("Demo stopped: the controls are yours.", "info", still=True)

    # -- other screens ------------------------------------------------------------------------

    def pause(self) -> None:
        self.app.navigator.push("pause", self)

    def to_debrief(self) -> None:
        state = self.state
        self.app.navigator.show("debrief", state.session, state.log, state.path)

    def open_compare(self) -> None:
        state = self.state
        if state.kept is None:
            state.effects.toasts.add(presenter.NOTHING_TO_COMPARE, "info", still=True)
            return
        self.app.navigator.push("compare", state.kept, Branch.of(state.session))

    def open_jump(self) -> None:
        self.app.navigator.push("jump", self)

    # -- the scene protocol -----------------------------------------------------------------

    def leave(self, following) -> None:
        close_unless_kept(self.state.session, following)

    def handle(self, event) -> None:
        classroom = self.classroom()
        if classroom is not None and classroom.handle(event):
            return
        command = play_input.command(event, self.state, self.tools())
        if command is not None:
            self.run(command)

    @property
    def animating(self) -> bool:
        state = self.state
        typing = state.stage == Stage.LINES and not stages.line_said(state, self.tools())
        showing_demo = state.demo.on and state.stage != Stage.REACT
        return (typing or state.stage == Stage.REACT or state.effects.moving or showing_demo
                or (state.live and state.circle.bank.pending > 0))

    def update(self, dt: float) -> None:
        state, tools = self.state, self.tools()
        state.clock += dt
        stages.update_text(state, tools, dt)
        scaffolding.refresh(state, tools)
        if state.stage == Stage.REACT:
            stages.update_reaction(state, tools, dt)
        state.effects.update(dt, self.app.sound)
        if reload.changed_on_disk(state, dt):
            self.reload(auto=True)
        if state.demo.on:
            command = demo.update(state, self.tools(), dt)
            if command is not None:
                self.run(command)

    def draw(self, canvas: pygame.Surface, full: bool = False):
        classroom = self.classroom()
        if classroom is not None:
            classroom.pump(self)
        full = full or self.needs_redraw
        self.needs_redraw = False
        scaffolding.refresh(self.state, self.tools())   # (a still picture is drawn with no update)
        changed = drawing.draw(canvas, full, self.state, self.tools())
        if classroom is not None:
            changed = classroom.draw(canvas, changed, self.state.layout.transcript, self.tools())
        return changed

    def classroom(self) -> ClassroomPart | None:
        """The classroom's part when the command started one (else nothing changes)."""
        room = getattr(self.app.args, "classroom_room", None)
        if room is None:
            return None
        if self._classroom is None or self._classroom.room is not room:
            self._classroom = ClassroomPart(room)
        return self._classroom
