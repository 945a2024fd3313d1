"""A node's life on the play screen, stage by stage (state.Stage).

`lines`: the narration types out, then each member's line appears in a bubble (Space, Enter or
a click finishes a line, then moves to the next). `ask` and `reveal`, where the moment asks:
the trainee reads the room, then sees the model's reading (asking.py). `choose`: the cards
open, in the order drawn for this attempt (after a retry, with the hints beside them). `react`: the trainee's words show for a beat, then the room moves from
Reaction.before to .after over about a second, with captions, ripples and toasts; then the next
node begins. `ended`: the ending is shown and the debrief is one key away.

Each function takes the screen's state and the tools the app lends, and changes the state only.
"""
from __future__ import annotations

from game.present import choice_entries, coach_note, transcript_of
from game.present.hints import hints_for
from game.ui.scenes.play import asking, focus, scaffolding, speech
from game.ui.scenes.play.reaction import reaction_effects
from game.ui.scenes.play.room import RoomView
from game.ui.scenes.play.state import REGIONS, Stage
from game.ui.scenes.play.circle import YOU
from game.ui.widgets import Transcript
from game.ui.widgets.narration import shown_length

NARRATION_CPS = 70.0
BEAT = 0.45          # the trainee's words hang in the air before the room responds
REACT = 1.0          # the room's reaction
DEMO_REACT_HOLD = 1.6     # in the demo the room's reaction stands this much longer (time to talk over it)


def narration_length(state, tools) -> int:
    """The characters of narration the strip shows (the rest is in the transcript)."""
    node = state.node
    if not node.narration.strip():
        return 0
    key = (node.narration, tools.text.scale)
    cached = state.frame.narration
    if cached is None or cached[0] != key:
        phase = "ending" if node.ending else node.phase.value
        chars = shown_length(state.layout.narration, node.narration.strip() or " ", phase, tools.text)
        state.frame.narration = cached = (key, chars)
    return cached[1]


def narration_done(state, tools) -> bool:
    return state.narration_shown >= narration_length(state, tools)


def line_said(state, tools) -> bool:
    """The narration and the line on screen are said in full: the next press moves on."""
    return narration_done(state, tools) and (state.bubble is None or state.bubble.done)


def enter_node(state, tools) -> None:
    """The session's node begins: its narration types out (or shows, without animation)."""
    node = state.node = state.session.node
    state.offered = list(state.session.shown_choices)
    state.go(Stage.LINES)
    state.line_index, state.tones = -1, {}
    state.circle.tones, state.circle.speaker, state.bubble = state.tones, None, None
    narration = node.narration.strip()
    state.narration_shown = 0.0 if tools.animations and narration else float(len(node.narration))
    if narration:
        state.transcript.add("", narration, "narration")
    state.frame.dirty.update(REGIONS)
    if not narration:
        next_line(state, tools)


def next_line(state, tools) -> None:
    """The next member's line, in a bubble and in the transcript; after the last, the choices."""
    lines = state.node.lines
    state.line_index += 1
    if state.line_index >= len(lines):
        lines_done(state, tools)
        return
    line = lines[state.line_index]
    state.tones[line.speaker] = line.tone.value
    state.circle.speaker, state.circle.speaking = line.speaker, True
    speech.say(state, tools, line.text, line.speaker)
    state.transcript.add(state.session.names.get(line.speaker, line.speaker), line.text.strip())
    state.frame.dirty.add("side")
    tools.sound("advance")


def lines_done(state, tools) -> None:
    """Everything is said: the cards open (first the room is read, at a moment that asks), or
    at an ending the debrief is offered. After a retry the hints for this moment show."""
    session = state.session
    state.circle.speaker, state.circle.speaking = None, False
    state.demo.waited = 0.0
    state.answered = False
    state.hints = () if session.ended else hints_for(session)
    if session.asking:
        asking.begin(state, tools)
        return
    state.go(Stage.ENDED if session.ended else Stage.CHOOSE)
    state.frame.dirty.update(REGIONS)
    focus.set_controls(state, tools)
    if state.stage == Stage.ENDED:
        state.controls.focus("debrief")
        tools.sound("end")


def advance(state, tools) -> None:
    """Space, Enter or a click while lines play: finish what is typing, else move on."""
    if state.stage != Stage.LINES:
        return
    if not narration_done(state, tools):
        state.narration_shown = float(narration_length(state, tools))
        state.frame.dirty.add("narration")
        if state.line_index < 0:
            next_line(state, tools)
        return
    if state.bubble is not None and not state.bubble.done:
        state.bubble.finish()
        state.circle.speaking = False
        if state.speaking_last_line:
            lines_done(state, tools)
        return
    next_line(state, tools)


def settle(state, tools) -> None:
    """Show the whole node at once, as when its choices open (for still pictures)."""
    for _ in range(10_000):
        if state.stage == Stage.REACT:
            finish_reaction(state, tools)
        elif state.stage == Stage.LINES:
            state.narration_shown = float(len(state.node.narration))
            if state.bubble is not None:
                state.bubble.finish()
            advance(state, tools)
        else:
            return


def react(state, tools, reaction, shown: int) -> None:
    """The card shown as `shown` was taken: the trainee's words, then the room's answer."""
    names = state.session.names
    state.go(Stage.REACT)
    state.reaction, state.chosen, state.react_t = reaction, shown, 0.0
    state.answered, state.hints = True, ()
    state.meter_previous = reaction.before
    state.circle.before_tones, state.tones = dict(state.tones), {}
    state.circle.tones = state.tones
    state.room = state.circle.room = RoomView(reaction.before, reaction.after, 0.0)
    for entry in choice_entries(reaction, names, tools.settings.coach):
        state.transcript.add(entry.speaker, entry.text, entry.kind, entry.stance)
    state.coach = coach_note(reaction) if tools.settings.coach else None
    state.effects.clear()
    state.circle.speaker, state.circle.speaking, state.circle.stance = YOU, False, reaction.stance
    state.circle.targets = frozenset()
    speech.say(state, tools, reaction.choice.text, YOU).finish()
    still = not tools.animations
    buttons = [rect for rect, _ in speech.buttons_to_avoid(state, tools)]
    state.effects.queue(reaction_effects(reaction, state.circle, names, tools.text, still=still, beat=BEAT,
                                         keep_clear=buttons), still)
    tools.sound("choose")
    state.frame.dirty.update(REGIONS)
    focus.set_controls(state, tools)
    if still:
        finish_reaction(state, tools)


def update_text(state, tools, dt: float) -> None:
    """The narration types on; a bubble says its line; the last line said opens the choices."""
    if state.stage != Stage.LINES:
        return
    if not narration_done(state, tools):
        state.narration_shown = min(narration_length(state, tools), state.narration_shown + dt * NARRATION_CPS)
        state.frame.dirty.add("narration")
        if narration_done(state, tools) and state.line_index < 0 and not state.demo.on:
            next_line(state, tools)   # (the demo lets the narration stand first)
        return
    bubble = state.bubble
    if bubble is not None and not bubble.done:
        bubble.update(dt)
        if bubble.done:
            state.circle.speaking = False
            if state.speaking_last_line:
                lines_done(state, tools)


def update_reaction(state, tools, dt: float) -> None:
    """The room eases from before to after; then the next node begins."""
    state.react_t += dt
    if state.bubble is not None and state.bubble_who == YOU and state.react_t >= BEAT + 0.3:
        state.bubble = None  # the trainee's words are in the transcript; now watch the room
    progress = min(1.0, max(0.0, (state.react_t - BEAT) / REACT))
    state.room.progress = 1 - (1 - progress) ** 3   # ease out: a quick response that settles
    if scaffolding.meters_shown(state, tools):
        state.frame.dirty.add("top")
    if scaffolding.thoughts_shown(state, tools):
        state.frame.dirty.add("side")
    if state.react_t >= BEAT + REACT + (DEMO_REACT_HOLD if state.demo.on else 0.0):
        finish_reaction(state, tools)


def finish_reaction(state, tools) -> None:
    state.room = state.circle.room = RoomView(state.session.state)
    state.circle.before_tones = {}
    enter_node(state, tools)


def rebuild(state, tools) -> None:
    """The screen as it stood when the last choice was offered (undo, resume, a rewind, a jump,
    a reload): rebuilt from the session's history, never patched."""
    session = state.session
    state.effects.clear()
    state.transcript = Transcript()
    for entry in transcript_of(session, tools.settings.coach):
        state.transcript.add(entry.speaker, entry.text, entry.kind, entry.stance)
    state.room = state.circle.room = RoomView(session.state)
    last = session.history[-1] if session.history else None
    state.meter_previous, state.coach, state.reaction = (last.before if last else None), None, None
    state.circle.stance = last.stance if last else None
    node = state.node = session.node
    state.offered = list(session.shown_choices)
    state.tones = {line.speaker: line.tone.value for line in node.lines}
    state.circle.tones, state.circle.before_tones = state.tones, {}
    state.narration_shown = float(len(node.narration))
    state.line_index = len(node.lines) - 1
    state.bubble = None
    if node.lines:
        speech.say(state, tools, node.lines[-1].text, node.lines[-1].speaker).finish()
    state.go(Stage.LINES)
    lines_done(state, tools)


def start_over(state, tools, session, log) -> None:
    """A new attempt on the same screen (Restart): nothing of the old one is shown."""
    state.session, state.log = session, log
    state.effects.clear()
    state.transcript = Transcript()
    state.room = state.circle.room = RoomView(session.state)
    state.circle.stance, state.meter_previous, state.coach = None, None, None
    enter_node(state, tools)
