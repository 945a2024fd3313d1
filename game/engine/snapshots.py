"""Where a session stood, to come back to without replaying (search tools keep thousands)."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from game.sim import GroupState

from .reaction import Reaction


@dataclass(frozen=True)
class Snapshot:
    """Where a session stood. Its history and the nodes it visited are kept as the session's
    own list and dict with how much of each was this snapshot's: a session only ever adds to
    them (restoring, replaying and starting again make new ones), so what was there stays
    there. A search keeps thousands of snapshots along paths of thousands of choices; copying
    each history would cost time and memory by the square of the path, and every copy would
    be one more thing for the garbage collector to look through."""

    node_id: str
    state: GroupState
    scores: dict
    seen: dict          # the session's visited nodes (in order), when the snapshot was taken
    places: int         # ... of which the first `places` are this snapshot's
    made: list          # the session's history list
    turns: int          # ... of which the first `turns` reactions are this snapshot's
    phase: str
    leads: int = 0      # how many of those choices led (the session counts as it goes)

    @property
    def visited(self) -> tuple[str, ...]:
        return tuple(islice(self.seen, self.places))

    def visited_again(self) -> dict:
        """The visited nodes as a new dict for a restored session to add to (copied whole in
        one go when nothing was added since: a search restores long paths many times)."""
        if len(self.seen) == self.places:
            return self.seen.copy()
        return dict.fromkeys(islice(self.seen, self.places))

    @property
    def history(self) -> tuple[Reaction, ...]:
        return tuple(self.made[:self.turns])
