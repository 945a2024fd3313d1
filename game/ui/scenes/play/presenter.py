"""Presenter tools on the play screen: rewind on the timeline, jump to a node, and the branch a
rewind or jump leaves behind, for the Compare overlay (C).

A rewind replays the choices before the picked decision (`Session.replay`), so the room is
exactly as it was then; the run left behind is kept as a `Branch`. A jump plays the shortest
path of choices to a node (game.present.jump); a node no path reaches is shown with the group as
it starts, with a note. The records hear of every rewind and jump from the session, as of a
choice. Each function changes the session and says, in a toast's words, what happened; the
screen then rebuilds itself from the session.
"""
from __future__ import annotations

from game.present import Branch, contains, move_to, plural


def rewind(state, turn: int) -> tuple[str, str] | None:
    """Back to just before decision `turn` (1-based), to take another choice there."""
    session = state.session
    numbers = session.choice_numbers
    if not 1 <= turn <= len(numbers):
        return None
    keep_branch(state)
    session.replay(numbers[:turn - 1])
    session.begin()
    again = "C compares the two branches" if state.kept else "choose again"
    return f"Back to just before decision {turn}: {again}.", "info"


def jump(state, node_id: str) -> tuple[str, str]:
    """To a node by the shortest path of choices that reaches it (or placed there, if none does)."""
    keep_branch(state)
    how = move_to(state.session, node_id)
    if how == "placed":
        return f"No path of choices reaches '{node_id}': shown with the group as it starts.", "warning"
    if how == "start":
        return "Back at the start.", "info"
    return f"At '{node_id}', {plural(state.session.turn, 'choice')} along the shortest path.", "info"


def keep_branch(state) -> None:
    """Keep the run being left, unless it is only the start of the one kept already."""
    here = Branch.of(state.session)
    if here.steps and not contains(state.kept, here):
        state.kept = here


NOTHING_TO_COMPARE = ("Nothing to compare yet: go back to a decision on the timeline (L), "
                      "then choose differently.")
