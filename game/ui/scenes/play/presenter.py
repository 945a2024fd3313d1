"""Presenter tools on the play screen: rewind on the timeline, compare two branches, jump to a
node, and the demo that plays the expert path by itself.

A mixin of PlayScene. A rewind replays the choices before the picked decision
(`Session.replay`), so the room is exactly as it was then; the run left behind is kept as a
`Branch` for the Compare overlay (C). A jump replays the shortest path of choices to a node
(game.ui.jump); a node no path reaches is shown with the group as it starts, with a note. Every
rewind and jump is written to the attempt's record, as a choice is.
"""
from __future__ import annotations

from game.present import Branch, contains, plural

DEMO_LINE_PAUSE = 2.6     # each line, said in full, stays this long (time to talk over it)
DEMO_CHOOSE_WAIT = 6.0    # the choices stand this long; the expert's card is ringed halfway
DEMO_END_WAIT = 8.0       # the ending, before the debrief
DEMO_REACT_HOLD = 1.6     # the room's reaction stands this much longer than in play


class PlayPresenter:
    kept: Branch | None = None      # the branch the last rewind or jump left
    demo: bool = False              # --demo, until Esc stops it

    # -- the timeline --------------------------------------------------------------------

    def toggle_timeline(self) -> None:
        self.app.change_setting("timeline", not self.settings.timeline)

    def rewind_to(self, turn: int) -> None:
        """Back to just before decision `turn` (1-based), to take another choice there."""
        numbers = self.session.choice_numbers
        if not 1 <= turn <= len(numbers):
            return
        self._keep_branch()
        self.session.replay(numbers[:turn - 1])
        self.session.begin()
        self._landed()
        again = "C compares the two branches" if self.kept else "choose again"
        self.toasts.add(f"Back to just before decision {turn}: {again}.", "info", still=True)

    def jump_to(self, node_id: str) -> None:
        """To a node by the shortest path of choices that reaches it (or placed there, if none does)."""
        from game.present import move_to

        self._keep_branch()
        how = move_to(self.session, node_id)
        session = self.session
        self._landed()
        if how == "placed":
            words, kind = (f"No path of choices reaches '{node_id}': shown with the group as it starts.", "warning")
        elif how == "start":
            words, kind = "Back at the start.", "info"
        else:
            words, kind = f"At '{node_id}', {plural(session.turn, 'choice')} along the shortest path.", "info"
        self.toasts.add(words, kind, still=True)

    def _keep_branch(self) -> None:
        """Keep the run being left, unless it is only the start of the one kept already."""
        here = Branch.of(self.session)
        if here.steps and not contains(self.kept, here):
            self.kept = here

    def _landed(self) -> None:
        self._rebuild_from_history()
        self.app.sound("advance")

    # -- the overlays ----------------------------------------------------------------------

    def open_compare(self) -> None:
        if self.kept is None:
            self.toasts.add("Nothing to compare yet: go back to a decision on the timeline (L), "
                            "then choose differently.", "info", still=True)
            return
        from game.ui.scenes.compare import CompareScene
        self.app.push(CompareScene(self.app, self.kept, Branch.of(self.session)))

    def open_jump(self) -> None:
        from game.ui.scenes.jump_picker import JumpScene
        self.app.push(JumpScene(self.app, self))

    # -- the demo ----------------------------------------------------------------------------

    def demo_skip(self) -> bool:
        """Space in the demo: the pause ends now. True when the demo took the key."""
        if not self.demo or self.stage not in ("choose", "ended"):
            return False
        self.waited = 10 ** 6
        return True

    def stop_demo(self) -> None:
        self.demo = False
        self.toasts.add("Demo stopped: the controls are yours.", "info", still=True)

    def _update_demo(self, dt: float) -> None:
        """--demo: the expert path plays itself, slowly enough to talk over.

        `waited` counts the seconds since the screen last changed (the narration typed out, a
        line said in full, the choices opening, the ending); each pause is measured from there.
        """
        moment = (self.stage, self.line_index, self.bubble is None or self.bubble.done, self._narration_done())
        if moment != getattr(self, "_demo_moment", None):
            self._demo_moment, self.waited = moment, 0.0
        self.waited += dt
        if self.stage == "lines" and self._narration_done() and (self.bubble is None or self.bubble.done):
            if self.waited >= DEMO_LINE_PAUSE:
                self._next_line()
        elif self.stage == "choose" and self.offered:
            pick = demo_pick(self.session)
            if self.controls.focused != f"choice:{pick.shown}" and self.waited >= DEMO_CHOOSE_WAIT / 2:
                self.controls.focus(f"choice:{pick.shown}")
                self._show_targets()
                self.dirty.add("choices")
            if self.waited >= DEMO_CHOOSE_WAIT:
                self.choose(pick.shown)
        elif self.stage == "ended" and self.waited >= DEMO_END_WAIT:
            self.to_debrief()


def demo_pick(session):
    """The card the demo takes: the expert's, found by what it is, not where it sits (the shown
    order changes with the seed); with no expert offered, the first choice as written."""
    wanted = session.expert_choice() or session.choices[0]
    return next(c for c in session.shown_choices if c.index == wanted.index)
