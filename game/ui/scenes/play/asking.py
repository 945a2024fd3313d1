"""Reading the room before the cards: the ASK and REVEAL stages of a node.

At a moment that asks (`session.asking`: the node is marked `ask: true`, or the learner plays
with "Read the room: every moment"), the cards stay closed and the trainee says what the group
needs now, LEAD or FOLLOW (L, F, or the two large buttons), and may name who most needs their
attention (a click on the member or their name tag, a number key, or a name button). Enter,
Space or Done confirms, with or without a name. The session records the reading
(`session.read_room`) and the model's reading is shown beside theirs until they dismiss it;
then the cards open. Nothing of the model (meters, thoughts) shows meanwhile (scaffolding.py).
"""
from __future__ import annotations

from game.ui.scenes.play import focus
from game.ui.scenes.play.state import Asking, REGIONS, Stage

PICK_FIRST = "First say what the group needs: LEAD (L) or FOLLOW (F)."


def begin(state, tools) -> None:
    """The lines are said at a moment that asks: the prompt opens (the cards wait)."""
    state.asking = Asking()
    state.circle.stance = None    # the last move's stance on the trainee's seat would read as a hint
    state.go(Stage.ASK)
    _changed(state, tools)
    state.controls.ring.clear()   # no ring until the keyboard asks for one (as on the cards)


def pick(state, tools, stance: str, by_key: bool = False) -> None:
    """The stance said. By its key (L, F): the ring steps aside, so the Enter that follows is
    Done, as the prompt says; by its button again once picked: that is Done too."""
    if state.stage != Stage.ASK:
        return
    if not by_key and state.asking.stance == stance:
        confirm(state, tools)
        return
    if by_key:
        state.controls.ring.clear()
    state.asking.stance = stance
    tools.sound("advance")
    _changed(state, tools)


def name(state, tools, member: str | None) -> None:
    """Name a member (again: unname them). A member not in the room is ignored."""
    if state.stage != Stage.ASK or (member is not None and member not in dict(state.members_present)):
        return
    state.asking.member = None if member == state.asking.member else member
    _changed(state, tools)


def name_by_number(state, tools, number: int) -> None:
    present = state.members_present
    if 1 <= number <= len(present):
        state.controls.ring.clear()   # (as for L and F: the next Enter is Done)
        name(state, tools, present[number - 1][0])


def member_at(state, pos) -> str | None:
    """The member whose body or name tag is under a point of the circle."""
    circle = state.circle
    for figure in reversed(sorted(circle.present_figures(), key=lambda f: f.seat[1])):
        tag = circle.label_rect(figure, talking=figure.member_id == circle.speaker)
        if figure.body_rect().collidepoint(pos) or figure.head_rect().collidepoint(pos) or tag.collidepoint(pos):
            return figure.member_id
    return None


def confirm(state, tools) -> bool:
    """Done: the reading is recorded and revealed beside the model's. False (and a notice)
    when no stance was picked yet."""
    if state.stage != Stage.ASK:
        return False
    if state.asking.stance is None:
        if all(toast.text != PICK_FIRST for toast in state.effects.toasts.toasts):
            state.effects.toasts.add(PICK_FIRST, "info", still=not tools.animations)
        return False
    state.asking.reading = state.session.read_room(state.asking.stance, state.asking.member)
    state.go(Stage.REVEAL)
    tools.sound("choose")
    _changed(state, tools)
    state.controls.focus("reveal:ok") if state.controls.focused else None
    return True


def dismiss(state, tools) -> None:
    """The reveal is read: the cards open (the ring waits for the keyboard, as always)."""
    if state.stage != Stage.REVEAL:
        return
    state.go(Stage.CHOOSE)
    state.controls.ring.clear()
    _changed(state, tools)


def open_cards(state, tools) -> None:
    """The cards open with no reading made on this screen (a classroom reads the room on its
    phones, and takes its choice from there)."""
    if state.stage in (Stage.ASK, Stage.REVEAL):
        state.go(Stage.CHOOSE)
        state.controls.ring.clear()
        _changed(state, tools)


def _changed(state, tools) -> None:
    state.frame.dirty.update(REGIONS)
    focus.set_controls(state, tools)
    focus.show_targets(state)
