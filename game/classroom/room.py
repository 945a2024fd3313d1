"""The classroom: one session, watched and voted on by the whole class.

The Session is not thread-safe, so it has one owner: the thread that runs the presenter's
window (or, headless, the command's main loop). That thread calls `pump()`, which applies what
the presenter asked for (take the winner, rewind), notices every change to the session however
it was made (a key on the projector, the instructor's phone), and publishes what the pages
show as finished values. The server's thread only ever reads those values, counts votes in the
thread-safe VoteBox, and queues requests for the owner.
"""
from __future__ import annotations

import queue
import secrets
import threading
from concurrent.futures import Future
from dataclasses import dataclass

from .changes import Changes
from .limits import Limits
from .moment import debrief_rows, moment_of, verdict_of
from .votes import VoteBox

CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"   # no 0/O, 1/I/L: read off a projector
CODE_LENGTH = 6


# What the pages show before the presenter's session is on screen (the window's briefing).
WAITING = {"node": None, "turn": 0, "phase": "briefing", "title": "", "narration": "The session is about to begin.",
           "lines": [], "choices": [], "ended": False, "ending": None}


def new_code() -> str:
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))


class CommandRefused(Exception):
    """The presenter's request cannot be done now; `status` for the web, `tied` when they must pick."""

    def __init__(self, status: int, reason: str, tied: list[int] | None = None):
        super().__init__(reason)
        self.status, self.reason, self.tied = status, reason, tied


@dataclass(frozen=True)
class DecisionVotes:
    """What the class voted at one decision, kept with the attempt (counts only, no voters)."""

    turn: int
    node_id: str
    taken: int                 # the shown number of the choice taken
    first: dict | None         # the first vote's tally (Tally.as_dict), None when nobody voted
    second: dict | None        # the re-opened second vote's, None when there was none
    switched: int = 0          # students whose second vote differed from their first

    def as_dict(self) -> dict:
        return dict(self.__dict__)


class SessionDriver:
    """How the owner moves a session that has no window: straight through the Session."""

    def __init__(self, session):
        self.session = session

    def take(self, shown: int) -> None:
        self.session.choose_shown(shown)

    def rewind(self) -> bool:
        return self.session.undo()


class Classroom:
    def __init__(self, auto_open: bool = False, code: str | None = None, token: str | None = None):
        self.code = code or new_code()
        self.token = token or secrets.token_urlsafe(24)
        self.auto_open = auto_open        # headless: each decision's vote opens by itself
        self.votes = VoteBox()
        self.limits = Limits()
        self.changes = Changes()
        self.finished = threading.Event()
        self.decisions: list[DecisionVotes] = []
        self.recorder = None              # called on the owner thread after each move: (session, decisions)
        self.urls: dict[str, str] = {}
        self._published: dict = {"moment": WAITING, "verdict": None, "debrief": None}
        self._lock = threading.Lock()
        self._commands: queue.Queue = queue.Queue()
        self._seen: list[int] | None = None
        self._session = None

    # -- any thread -------------------------------------------------------------------------

    def is_code(self, code) -> bool:
        return isinstance(code, str) and secrets.compare_digest(code.strip().upper().encode(), self.code.encode())

    def is_token(self, token) -> bool:
        return isinstance(token, str) and secrets.compare_digest(token.encode(), self.token.encode())

    def state(self) -> dict:
        """What every phone may see: the moment, the vote's state and counts, the last verdict."""
        with self._lock:
            published = dict(self._published)
        moment, view = published["moment"], self.votes.view()
        if view.get("turn") != moment.get("turn"):
            view = {**view, "open": False, "votes": {}, "total": 0}
        return {
            **moment, "open": view["open"], "round": view["round"], "revealed": view["revealed"],
            "votes": view["votes"], "total": view["total"],
            "split": view["stances"] if view["revealed"] else None,
            "first": view["first"] if view["revealed"] else None,
            "verdict": published["verdict"], "debrief": published["debrief"],
            "version": self.changes.version,
        }

    def instructor_state(self) -> dict:
        """The phones' view, and what only the presenter sees: the split before it is revealed,
        who leads the count, and the decisions so far."""
        view = self.votes.view()
        state = self.state()
        state.update(stances=view["stances"], first_round=view["first"], leaders=view["leaders"],
                     urls=self.urls, decisions=[d.as_dict() for d in self.decisions],
                     headless=self.auto_open)
        return state

    def vote(self, voter: str, stance: str, shown: int, turn: int | None = None):
        tally = self.votes.vote(voter, stance, shown, turn)
        self.changes.bump()
        return tally

    def control(self, action: str) -> bool:
        """open, close or reveal: the vote's own state, done at once on any thread."""
        done = {"open": self.votes.open, "close": self.votes.close, "reveal": self.votes.reveal}[action]()
        if done:
            self.changes.bump()
        return done

    def ask(self, action: str, **details) -> Future:
        """take, rewind or finish: moves of the session, done by its owner on its next pump."""
        future: Future = Future()
        self._commands.put((action, details, future))
        return future

    # -- the owner's thread -----------------------------------------------------------------

    def pump(self, session, driver, wait: float = 0.0) -> None:
        """Apply waiting requests and publish any change (`wait`: seconds to wait for one)."""
        self.sync(session)
        try:
            command = self._commands.get(timeout=wait) if wait > 0 else self._commands.get_nowait()
        except queue.Empty:
            return
        while command is not None:
            self._apply(session, driver, *command)
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                command = None

    def _apply(self, session, driver, action: str, details: dict, future: Future) -> None:
        """Do one request; its answer is given only once the change is published and recorded,
        so whoever asked sees the new state at once."""
        if not future.set_running_or_notify_cancel():
            return
        result, refusal = None, None
        try:
            result = self._do(session, driver, action, details)
        except CommandRefused as refused:
            refusal = refused
        except Exception as err:   # the session refused; the presenter hears why, play goes on
            refusal = CommandRefused(409, str(err))
        self.sync(session)
        if refusal is None:
            future.set_result(result)
        else:
            future.set_exception(refusal)

    def _do(self, session, driver, action: str, details: dict) -> dict:
        if action == "take":
            return self._take(session, driver, details.get("shown"))
        if action == "rewind":
            return {"rewound": bool(driver.rewind())}
        if action == "finish":
            self.finished.set()
            return {"finished": True}
        raise CommandRefused(404, f"no such action: {action}")

    def _take(self, session, driver, shown) -> dict:
        """The class's choice: the most votes in its last round; on a tie, or with no votes,
        the presenter names one (from the tied ones, when there are votes)."""
        if session.ended:
            raise CommandRefused(409, "the session has ended")
        offered = [c.shown for c in session.shown_choices]
        leaders = self.votes.leaders()
        if shown is None:
            if len(leaders) != 1:
                why = "no votes yet: the presenter picks" if not leaders else "a tie: the presenter picks"
                raise CommandRefused(409, why, tied=leaders or offered)
            shown = leaders[0]
        if shown not in (leaders or offered):
            raise CommandRefused(422, f"choice {shown} is not among those the class chose", tied=leaders or offered)
        driver.take(shown)
        return {"taken": shown}

    def sync(self, session) -> None:
        """Notice what happened to the session since the last look, however it was moved."""
        numbers = session.choice_numbers
        if (session, numbers) == (self._session, self._seen):
            return
        if session is not self._session:   # a new attempt (the presenter restarted): nothing carries over
            self._session, self._seen = session, None
        before, self._seen = self._seen, list(numbers)
        kept = _common_prefix(before or [], numbers)
        self.decisions = [d for d in self.decisions if d.turn <= kept]
        votes = self.votes.finish() if len(numbers) > kept else None
        for reaction in session.history[kept:]:
            self.decisions.append(_decision_votes(reaction, votes))
            votes = None
        last = session.history[-1] if session.history and len(numbers) > kept else None
        verdict = verdict_of(last, self._class_votes(last.turn)) if last else None
        self.votes.start(session.turn, session.node_id, tuple(c.shown for c in session.shown_choices),
                         open_now=self.auto_open and not session.ended)
        self._publish(session, verdict)
        if self.recorder is not None:
            self.recorder(session, list(self.decisions))

    def _class_votes(self, turn: int) -> dict | None:
        decision = next((d for d in self.decisions if d.turn == turn), None)
        return decision.as_dict() if decision else None

    def _publish(self, session, verdict) -> None:
        debrief = debrief_rows(session, self.decisions) if session.ended else None
        with self._lock:
            self._published = {"moment": moment_of(session), "verdict": verdict, "debrief": debrief}
        self.changes.bump()


def _common_prefix(before: list[int], now: list[int]) -> int:
    kept = 0
    for a, b in zip(before, now):
        if a != b:
            break
        kept += 1
    return kept


def _decision_votes(reaction, votes) -> DecisionVotes:
    """The record of one decision: its tallies when the class voted on it (matched by turn and
    node, so a vote on another moment is never filed under this one)."""
    if votes is None or votes.turn != reaction.turn - 1 or votes.node_id != reaction.node_id:
        return DecisionVotes(reaction.turn, reaction.node_id, reaction.offered.shown, None, None)
    first = votes.tally(1)
    second = votes.tally(2) if votes.round > 1 and votes.rounds[1] else None
    return DecisionVotes(reaction.turn, reaction.node_id, reaction.offered.shown,
                         first.as_dict() if first.total else None,
                         second.as_dict() if second else None, votes.switched())
