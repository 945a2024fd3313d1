"""The class's votes at one decision: peer instruction's think, vote, discuss, vote again.

Each decision has up to two rounds: the first vote, and the second vote when the presenter
re-opens it after the class has discussed. In each round a student answers the read-the-room
question (lead or follow?) and picks one of the choices on offer; a student who votes again in
the same round replaces their vote, so a vote sent twice (a double tap, a replayed request)
counts once. Who voted what is never shown: only counts leave this module.

Thread-safe: votes arrive on the server's thread while the presenter's side reads the tally.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

STANCES = ("lead", "follow")
ROUNDS = 2            # the first vote and the re-opened second vote
MAX_VOTERS = 2000     # per round: bounds the memory one decision can take, far above any class


class VoteRefused(Exception):
    """A vote that cannot be counted; `status` is the HTTP status that says why."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


@dataclass(frozen=True)
class Ballot:
    stance: str      # the read-the-room answer
    shown: int       # the choice, by its number on the projector


@dataclass(frozen=True)
class Tally:
    """One round's counts, with nobody's name attached."""

    votes: dict[int, int]          # shown number -> votes (every offered number, zeros included)
    stances: dict[str, int]        # lead / follow -> votes

    @property
    def total(self) -> int:
        return sum(self.votes.values())

    def leaders(self) -> list[int]:
        """The shown numbers with the most votes (several when tied; none without votes)."""
        top = max(self.votes.values(), default=0)
        return [shown for shown, count in self.votes.items() if count == top and top > 0]

    def as_dict(self) -> dict:
        return {"votes": {str(k): v for k, v in self.votes.items()}, "stances": dict(self.stances),
                "total": self.total}


@dataclass
class Decision:
    """The votes at one node of the session, keyed by the turn it was offered at."""

    turn: int
    node_id: str
    offered: tuple[int, ...]                 # the shown numbers on offer
    rounds: list[dict[str, Ballot]] = field(default_factory=lambda: [{}])
    open: bool = False
    revealed: bool = False

    @property
    def round(self) -> int:
        return len(self.rounds)

    def tally(self, round_number: int | None = None) -> Tally:
        ballots = self.rounds[(round_number or self.round) - 1].values()
        votes = {shown: 0 for shown in self.offered}
        stances = {stance: 0 for stance in STANCES}
        for ballot in ballots:
            votes[ballot.shown] += 1
            stances[ballot.stance] += 1
        return Tally(votes, stances)

    def deciding_tally(self) -> Tally:
        """The second vote if the class cast one, else the first: the class's last word."""
        if self.round > 1 and self.rounds[-1]:
            return self.tally(self.round)
        return self.tally(1)

    def switched(self) -> int:
        """Students whose second vote differs from their first (peer instruction's measure)."""
        if self.round < 2:
            return 0
        first, second = self.rounds
        return sum(1 for voter, ballot in second.items() if voter in first and first[voter].shown != ballot.shown)


class VoteBox:
    """The decision being voted on now, and the rules for voting on it."""

    def __init__(self):
        self._lock = threading.Lock()
        self._decision: Decision | None = None
        self.changes = 0      # bumped on every change, so views can tell when to redraw

    def start(self, turn: int, node_id: str, offered: tuple[int, ...], open_now: bool = False) -> None:
        """A new decision is on screen: its votes start empty (closed unless `open_now`)."""
        with self._lock:
            self._decision = Decision(turn, node_id, tuple(offered), open=open_now and bool(offered))
            self.changes += 1

    def finish(self) -> Decision | None:
        """The decision was taken: voting on it ends, and its record is handed back."""
        with self._lock:
            decision, self._decision = self._decision, None
            if decision is not None:
                decision.open = False
            self.changes += 1
            return decision

    def vote(self, voter: str, stance: str, shown: int, turn: int | None = None) -> Tally:
        """Count (or replace) `voter`'s vote in the open round; VoteRefused when it cannot be."""
        with self._lock:
            decision = self._decision
            if decision is None or not decision.open:
                raise VoteRefused(422, "the vote is closed")
            if turn is not None and turn != decision.turn:
                raise VoteRefused(422, "that vote was for an earlier moment")
            if shown not in decision.offered:
                raise VoteRefused(422, f"choice {shown} is not offered now")
            ballots = decision.rounds[-1]
            if voter not in ballots and len(ballots) >= MAX_VOTERS:
                raise VoteRefused(429, "the room is full")
            ballots[voter] = Ballot(stance, shown)
            self.changes += 1
            return decision.tally()

    def open(self) -> bool:
        """Open the vote; after a close, this is the second vote (its ballots start empty)."""
        with self._lock:
            decision = self._decision
            if decision is None or decision.open or not decision.offered:
                return False
            if decision.rounds[-1] and decision.round < ROUNDS:
                decision.rounds.append({})
                decision.revealed = False
            decision.open = True
            self.changes += 1
            return True

    def close(self) -> bool:
        with self._lock:
            if self._decision is None or not self._decision.open:
                return False
            self._decision.open = False
            self.changes += 1
            return True

    def reveal(self) -> bool:
        """Show the class how it split (lead or follow, and per choice) on every phone."""
        with self._lock:
            if self._decision is None:
                return False
            self._decision.revealed = True
            self.changes += 1
            return True

    def view(self) -> dict:
        """What anyone may see of the vote now: the state, and counts only."""
        with self._lock:
            decision = self._decision
            if decision is None:
                return {"open": False, "round": 0, "revealed": False, "votes": {}, "stances": {},
                        "total": 0, "first": None, "leaders": []}
            tally = decision.tally()
            first = decision.tally(1).as_dict() if decision.round > 1 else None
            return {"open": decision.open, "round": decision.round, "revealed": decision.revealed,
                    **tally.as_dict(), "first": first, "leaders": decision.deciding_tally().leaders(),
                    "turn": decision.turn}

    def leaders(self) -> list[int]:
        with self._lock:
            return self._decision.deciding_tally().leaders() if self._decision else []
