"""The play screen's input: keys, clicks and the wheel turned into commands.

`command(event, state, tools)` says what the trainee asked for, as a tuple the scene runs
(`("choose", 2)`, `("advance",)`, `("pause",)`...), or None when the event only moved the
pointer, the focus or a scroll (those it applies to the state itself). Nothing here plays or
navigates: input reads, the scene acts.
"""
from __future__ import annotations

from game.ui import input as keys
from game.ui.scenes.play import demo, focus, reload
from game.ui.scenes.play.state import Stage

ACTIONS = {"reload": ("reload",), "timeline": ("timeline",), "compare": ("compare",), "jump": ("jump",),
           "undo": ("undo",), "meters": ("toggle", "meters"), "inner": ("toggle", "inner_state")}
CONTROLS = {"next": ("advance",), "debrief": ("debrief",), "undo": ("undo",), "pause": ("pause",),
            "meters": ("toggle", "meters")}


def command(event, state, tools) -> tuple | None:
    """What the event asks of the play screen (see the module's docstring)."""
    if reload.handle_problems(event, state, tools):
        return None
    if keys.wheel(event):
        if state.layout.transcript.collidepoint(event.pos):
            state.transcript.on_wheel(keys.wheel(event))
            state.frame.dirty.add("side")
        return None
    act, number = keys.action(event), keys.number(event)
    if number is not None:
        return ("choose", number)
    if act == "activate" and demo.skip(state):
        return None
    if act == "back":
        return ("stop_demo",) if state.demo.on else ("pause",)
    if act in ACTIONS:
        return ACTIONS[act]
    if act in ("page_up", "page_down"):
        state.transcript.page(1 if act == "page_up" else -1)
        state.frame.dirty.add("side")
        return None
    if act == "activate":
        found = _activate_unfocused(state)
        if found is not False:
            return found
    return _controls(event, state, tools)


def _activate_unfocused(state):
    """Space or Enter with no control in the way: move the lines on, leave for the debrief, or
    nothing while the room answers. False: the focused control takes the key instead."""
    focused, stage = state.controls.focused, state.stage
    if stage == Stage.LINES and focused in (None, "next"):
        return ("advance",)
    if focused is not None:
        return False
    if stage == Stage.REACT:
        return None   # the room is answering: a key pressed to hurry it must not plant the ring on a tab
    if stage == Stage.ENDED or (stage == Stage.CHOOSE and not state.offered):
        return ("debrief",)
    return False


def _controls(event, state, tools) -> tuple | None:
    """The pointer and the focus ring over the screen's controls; a click on the floor moves
    the lines on, as Space does."""
    controls = state.controls
    pointed = (controls.hovered, controls.focused)
    chosen = controls.handle(event)
    if controls.changed:
        controls.changed = False
        focus.show_targets(state)
        state.frame.dirty.update(focus.regions_showing(*pointed, controls.hovered, controls.focused))
    if chosen:
        return activation(chosen, state, tools)
    if keys.is_click(event) and state.stage == Stage.LINES and state.layout.circle.collidepoint(event.pos):
        return ("advance",)
    if keys.is_click(event) and state.stage == Stage.CHOOSE and not state.offered:
        return ("debrief",)
    return None


def activation(name: str, state, tools) -> tuple | None:
    """The command of a control that was clicked, or focused and activated."""
    if name.startswith("choice:"):
        return ("choose", int(name.split(":")[1]))
    if name.startswith("mark:"):
        return ("rewind", int(name.split(":")[1]))
    if name in ("tab:transcript", "tab:inner"):
        wanted = name == "tab:inner"
        return ("toggle", "inner_state") if tools.settings.inner_state != wanted else None
    return CONTROLS.get(name)
