"""Where the mouse and the keyboard can go on the play screen, and where the focus ring rests.

A card's control is named by the number it shows (`choice:<shown>`), the number its key is:
the shown order is the only order the trainee ever sees. The other controls are those each
region drew last; Tab visits the cards and Next first, then the regions in a fixed order.
"""
from __future__ import annotations

import pygame

from game.ui.scenes.base import Control
from game.ui.scenes.play import cards
from game.ui.scenes.play.state import Stage

TAB_REGIONS = ("choices", "floor", "top", "side", "timeline")   # after the cards and Next, Tab visits these
OWNERS = {"meters": "top", "debrief": "choices", "undo": "floor", "pause": "floor"}
NEXT = "Next ▸"
ASK_ORDER = {"lead": 0, "follow": 1, "member": 2, "done": 3}   # the prompt: the question, who, Done


def region_of(control: str) -> str:
    """The region that draws a control (a redraw of it replaces the control's rect)."""
    if control.startswith("mark:"):
        return "timeline"
    if control.startswith(("choice:", "ask:", "reveal:")) or control == "retry":
        return "choices"
    return OWNERS.get(control, "side")


def regions_showing(*controls: str | None) -> set[str]:
    """The regions to redraw when the pointer or the ring moves between these controls: only
    those that draw them (Next is drawn with the circle, every frame). Redrawing every region
    instead would let a quick run of Tabs keep the last regions waiting behind the first."""
    return {region_of(name) for name in controls if name and name != "next"}


def next_button_rect(layout, text) -> pygame.Rect:
    """The Next button, in the circle's bottom-right corner."""
    circle = layout.circle
    width = text.width(NEXT, "body", True) + 40
    return pygame.Rect(circle.right - width - 12, circle.bottom - 12 - 40, width, 40)


def set_controls(state, tools) -> None:
    """The controls for the stage and what the regions drew; the ring stays where the learner
    left it, or goes to what the stage is about when its control went away."""
    controls = state.controls
    items = []
    if state.stage == Stage.CHOOSE:
        placed = cards.choice_cards(state.layout, state.offered, tools.text, cards.skills_before(state, tools))
        items = [Control(f"choice:{offered.shown}", rect) for offered, rect in placed]
    if state.stage == Stage.LINES:
        items.append(Control("next", next_button_rect(state.layout, tools.text), NEXT))
    drawn = [(name, rect) for name, rect in state.frame.drawn.items() if not name.startswith("choice:")]
    items += [Control(name, rect) for name, rect in sorted(drawn, key=_tab_place)]
    before = controls.focused
    controls.set(items)
    if before is not None and controls.focused == before:
        state.focus_lost = False          # the ring is where the learner left it
        return
    state.focus_lost = state.focus_lost or before is not None
    if state.focus_lost:
        _refocus(state, before)


def _tab_place(control: tuple) -> tuple:
    """Tab order by panel, then reading order: panels are redrawn in whatever order the
    frame's budget allows, and Tab must not jump about with it."""
    name, rect = control
    asked = ASK_ORDER.get(name.split(":")[1], 0) if name.startswith("ask:") else 0
    return (TAB_REGIONS.index(region_of(name)), asked, rect.y, rect.x, name)


def _refocus(state, before: str | None) -> None:
    """Put the ring on what the stage is about: Next while lines play, the debrief at the end.
    Left to itself the ring would fall on whatever control is listed first (the Transcript
    tab), where Space and Enter no longer move the lines on. When the cards open the ring
    waits: the next Space or Enter shows it on the first card, so a key pressed once too
    often through the lines never takes a card unseen."""
    ring = state.controls.ring
    main = {Stage.LINES: "next", Stage.ENDED: "debrief"}.get(state.stage)
    if main in ring.items:
        ring.focus(main)
        state.focus_lost = False
    else:
        ring.clear()
    if state.controls.focused != before:
        state.frame.dirty.update(regions_showing(before, state.controls.focused))


def reading_targets(state) -> frozenset:
    """While the room is read: the member the trainee named stays ringed; on the reveal, the
    member the model's reading is about too."""
    reading = state.asking.reading if state.stage == Stage.REVEAL else None
    named = {state.asking.member, reading.need.member if reading else None}
    return frozenset(member for member in named if member)


def show_targets(state) -> None:
    """Ring the members the pointed-at card speaks to (hover first, else the keyboard's focus)."""
    controls = state.controls
    hovered = controls.hovered or ""
    name = hovered if hovered.startswith("choice:") else controls.focused
    targets = frozenset()
    if state.stage in (Stage.ASK, Stage.REVEAL):
        state.circle.targets = reading_targets(state)
        return
    if name and name.startswith("choice:") and state.stage == Stage.CHOOSE:
        shown = int(name.split(":")[1])
        offered = next((c for c in state.offered if c.shown == shown), None)
        targets = frozenset(offered.choice.targets) if offered else frozenset()
    state.circle.targets = targets
