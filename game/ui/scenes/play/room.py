"""The numbers the circle shows: one group state, or a move from one to the next.

Kept apart from the drawing so panels, meters and the circle all read the same in-between
values during a reaction, and agree on who is in the room. (The group model's own room, the
place members sit in, is game.sim's `Room`: this is only what the screen shows of it.)
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RoomView:
    """The numbers the circle shows: one state, or a move from one state to another."""

    before: object                 # GroupState
    after: object | None = None    # GroupState, during a reaction
    progress: float = 1.0          # 0..1 of the way from before to after

    def member(self, member_id: str):
        """The member's numbers now (interpolated during a reaction)."""
        was = self.before.member(member_id)
        if self.after is None:
            return was
        now = self.after.member(member_id)
        if self.progress >= 1:
            return now
        p = self.progress
        return was.but(**{v: getattr(was, v) + (getattr(now, v) - getattr(was, v)) * p
                               for v in ("engagement", "trust", "distress")})

    def presence(self, member_id: str) -> float:
        """1 for a member in the room, 0 for one not yet arrived (a late arrival's `joins_at`);
        in between while the reaction that brings them in plays, so they fade in."""
        was = self.before.present(member_id)
        if self.after is None:
            return 1.0 if was else 0.0
        now = self.after.present(member_id)
        if was == now:
            return 1.0 if now else 0.0
        return self.progress if now else 1.0 - self.progress

    def now(self):
        """The group state the room has reached: `after` once a reaction has played, else `before`."""
        return self.after if self.after is not None and self.progress >= 1 else self.before

    def group(self, name: str) -> float:
        a = getattr(self.before, name)
        if self.after is None:
            return a
        return a + (getattr(self.after, name) - a) * self.progress
