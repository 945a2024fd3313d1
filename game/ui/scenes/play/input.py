"""The play screen's input: keys, clicks and the wheel turned into commands.

`command(event, state, tools)` says what the trainee asked for, as a tuple the scene runs
(`("choose", 2)`, `("advance",)`, `("ask_stance", "lead")`, `("retry",)`, `("pause",)`...), or
None when the event only moved the pointer, the focus or a scroll (those it applies to the
state itself). Nothing here plays or navigates: input reads, the scene acts.
"""
from __future__ import annotations

import pygame

from game.ui import input as keys
from game.ui.scenes.play import demo, focus, reload, scaffolding
from game.ui.scenes.play.asking import member_at as reading_member_at
from game.ui.scenes.play.state import Stage

READING = (Stage.ASK, Stage.REVEAL)

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
    if state.stage in READING:
        found = _reading(event, state)
        if found is not False:
            return found
    if _is_key(event, pygame.K_r):
        return ("retry",)
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


def _is_key(event, code: int) -> bool:
    return event.type == pygame.KEYDOWN and event.key == code


def _reading(event, state):
    """Keys and clicks while the room is read: L and F say the stance, a number or a click on
    a member names them, Enter or Space with no control focused is Done (or, on the reveal,
    opens the cards). False: the event is not the reading's (Tab, Esc, the buttons...)."""
    asking = state.stage == Stage.ASK
    if asking and (_is_key(event, pygame.K_l) or _is_key(event, pygame.K_f)):
        return ("ask_stance", "lead" if event.key == pygame.K_l else "follow", True)
    number = keys.number(event)
    if number is not None:
        return ("ask_number", number) if asking else None
    if keys.action(event) == "activate" and state.controls.focused is None:
        return ("ask_done",) if asking else ("reveal_done",)
    if keys.is_click(event) and state.controls.at(event.pos) is None:
        if not asking:
            inside = state.layout.circle.collidepoint(event.pos) or state.layout.choices.collidepoint(event.pos)
            return ("reveal_done",) if inside else None
        member = reading_member_at(state, event.pos)
        if member is not None:
            return ("ask_member", member)
    return False


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
    if name.startswith("ask:member:"):
        return ("ask_member", name.split(":", 2)[2])
    if name.startswith("ask:"):
        return ("ask_done",) if name == "ask:done" else ("ask_stance", name.split(":")[1])
    if name == "reveal:ok":
        return ("reveal_done",)
    if name == "retry":
        return ("retry",)
    if name in ("tab:transcript", "tab:inner"):
        wanted = name == "tab:inner"
        if wanted and tools.settings.inner_state and not scaffolding.thoughts_shown(state, tools):
            return ("toggle", "inner_state")   # hidden now: the scene says why instead
        return ("toggle", "inner_state") if tools.settings.inner_state != wanted else None
    return CONTROLS.get(name)
