"""Deliberate practice: try a missed moment again, and read the room before choosing.

Feedback is what makes practice teach, so a session keeps two records beside its history:

- **tries**: each choice taken back to try the moment again (`Session.retry`, only after a
  verdict that is not `met`). The history then holds the choice made in its place; the debrief
  shows first tries and retries apart. A moment is known by the choices that led to it (its
  `path`), so a moment reached again by another route is a new moment.
- **readings**: the trainee's own reading of the room at a moment (`Session.read_room`): lead
  or follow, and optionally who most needs attention, set beside the model's need at that
  moment. A node marked `ask: true` asks for one before its choices are shown (every node does
  when the session was started with `ask_every`).

Both survive undo, retries and hot reload (they are what the trainee did, not where the story
stands) and are kept in saves. `Practising` is the part of `Session` that does this; it reads
the session's history, node and machine and never changes the story except through `replay`.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.sim import Need
from game.sim.need import verdict_of
from game.sim.step import need_before

from .observers import changes

STANCES = ("lead", "follow")
QUALITY_RANK = {"best": 0, "good": 1, "poor": 2, "harmful": 3}
HINT_STEPS = 3          # the cue in the room, then the concept, then the model answer


@dataclass(frozen=True)
class Reading:
    """The trainee's reading of the room at one moment, beside the model's."""

    turn: int                  # the decision it came before (1-based, as in the history)
    node_id: str
    path: tuple[int, ...]      # the choice numbers that led to the moment
    stance: str                # what the trainee said the group needs: lead | follow
    member: str | None         # who they said most needs attention, if anyone
    need: Need                 # the model's reading at that moment

    @property
    def stance_matched(self) -> bool:
        return self.stance == self.need.stance

    @property
    def member_matched(self) -> bool | None:
        """Whether they named the member the need is about; None when either named nobody."""
        if self.member is None or self.need.member is None:
            return None
        return self.member == self.need.member

    @property
    def matched(self) -> bool:
        """The stance is the model's and, when both named a member, it is the same one."""
        return self.stance_matched and self.member_matched is not False

    def as_dict(self) -> dict:
        need = self.need
        return {"turn": self.turn, "node": self.node_id, "path": list(self.path),
                "stance": self.stance, "member": self.member, "matched": self.matched,
                "model": {"stance": need.stance, "reason": need.reason, "member": need.member,
                          "risk": need.risk}}

    @classmethod
    def from_dict(cls, data: dict) -> "Reading":
        model = data["model"]
        need = Need(str(model["stance"]), str(model["reason"]), model.get("member"), bool(model.get("risk")))
        return cls(int(data["turn"]), str(data["node"]), tuple(int(n) for n in data["path"]),
                   str(data["stance"]), data.get("member"), need)


@dataclass(frozen=True)
class Try:
    """A choice taken back to try its moment again."""

    path: tuple[int, ...]      # the choice numbers that led to the moment
    reaction: object           # the Reaction to the choice taken back (its verdict, its need)

    @property
    def turn(self) -> int:
        return self.reaction.turn

    @property
    def node_id(self) -> str:
        return self.reaction.node_id

    @property
    def number(self) -> int:
        return self.reaction.offered.number


class Practising:
    """What a Session inherits to be practised on (see the module docstring)."""

    ask_every = False              # ask for a reading at every node, not only the marked ones

    def _start_practice(self, ask_every: bool) -> None:
        self.ask_every = ask_every
        self.tries: list[Try] = []
        self.readings: list[Reading] = []
        self.play_settings: dict = {}   # how the attempt is played (scaffolds, asking): recorded with it
        self.lead_in = 0        # choices played for the trainee to reach a moment to practise
        self._need_key = self._need = None

    # -- where the trainee stands -------------------------------------------------------------

    @property
    def path(self) -> tuple[int, ...]:
        """The choice numbers that led here: the moment's name for tries and readings."""
        return tuple(self.choice_numbers)

    @property
    def need_now(self) -> Need | None:
        """What the group needs at this moment (None at an ending): the need the verdict on
        whatever is chosen here will be judged against."""
        if self.ended or not self.choices:
            return None
        key = (self.node_id, self.history[-1] if self.history else None)
        if self._need_key is None or self._need_key[0] != key[0] or self._need_key[1] is not key[1]:
            move = self._machine.move(self.node_id, self.choices[0].index)
            self._need_key, self._need = key, need_before(self.state, move, self.world)
        return self._need

    def recommended(self):
        """The choice a supervisor would point to now (an OfferedChoice with its shown number):
        among those that would meet the need, the node's expert, else the best move; when none
        would, the expert, if offered."""
        need = self.need_now
        if need is None:
            return None
        meeting = [c for c in self.shown_choices
                   if verdict_of(self._machine.move(self.node_id, c.index), need) == "met"]
        pool = meeting or [c for c in self.shown_choices if c.choice.expert]
        if not pool:
            return None
        return min(pool, key=lambda c: (not c.choice.expert, QUALITY_RANK[c.quality], c.shown))

    # -- reading the room ---------------------------------------------------------------------

    @property
    def reading_here(self) -> Reading | None:
        """The reading made at this moment, if one was."""
        if not self.readings:
            return None
        path = self.path
        return next((r for r in reversed(self.readings) if r.path == path and r.node_id == self.node_id), None)

    @property
    def asking(self) -> bool:
        """This moment asks the trainee to read the room before the choices are shown."""
        if self.ended or self.closed or not self.choices:
            return False
        return (self.ask_every or self.node.ask) and self.reading_here is None

    @changes
    def read_room(self, stance: str, member: str | None = None) -> Reading:
        """Say what the group needs now (lead or follow) and, optionally, who most needs
        attention; returns the reading, with the model's beside it. Said once per moment: a
        second call returns the first reading (the answer was already revealed)."""
        self._require_open()
        if stance not in STANCES:
            raise ValueError(f"a reading is 'lead' or 'follow', not {stance!r}")
        if member is not None and member not in self.names:
            raise ValueError(f"there is no member {member!r} in this circle")
        need = self.need_now
        if need is None:
            raise ValueError("there is nothing to read: the session has ended")
        earlier = self.reading_here
        if earlier is not None:
            return earlier
        reading = Reading(self.turn + 1, self.node_id, self.path, stance, member, need)
        self.readings.append(reading)
        return reading

    # -- trying a moment again ----------------------------------------------------------------

    @property
    def can_retry(self) -> bool:
        """The last decision's verdict was not `met`: its moment may be tried again."""
        return bool(self.history) and not self.closed and self.history[-1].verdict != "met"

    @changes
    def retry(self):
        """Take back the last choice to try its moment again; returns the reaction taken back.
        The hints step up with each try at the same moment (`hint_level`)."""
        self._require_open()
        if not self.can_retry:
            raise ValueError("only a decision whose need was not met can be tried again")
        taken = self.history[-1]
        self.tries.append(Try(tuple(self.choice_numbers[:-1]), taken))
        self.replay(self.choice_numbers[:-1])
        return taken

    @property
    def tries_here(self) -> tuple[Try, ...]:
        """The choices already taken back at this moment, oldest first."""
        if not self.tries:
            return ()
        path = self.path
        return tuple(t for t in self.tries if t.path == path)

    @property
    def hint_level(self) -> int:
        """0 before any retry here; then 1 (the cue), 2 (the concept), 3 (the model answer)."""
        return min(len(self.tries_here), HINT_STEPS)

    # -- what the history carries ---------------------------------------------------------------

    def _mark_practice(self, reaction) -> None:
        """A choice made at a practised moment says so: how many tries came before it, and the
        reading made there (records and statements keep both)."""
        path = tuple(self.choice_numbers[:-1])
        retries = sum(1 for t in self.tries if t.path == path)
        reading = next((r for r in reversed(self.readings)
                        if r.path == path and r.node_id == reaction.node_id), None)
        if retries or reading is not None:
            reaction.__dict__.update(retry=retries, reading=reading)

    def start_at_moment(self, numbers: list[int]) -> None:
        """Play these choices for the trainee, to start practising at the moment they reach:
        they are the lead-in, never judged as the trainee's (the debrief and progress leave
        them out)."""
        self.replay(numbers)
        self.lead_in = len(numbers)

    def practice_save(self) -> dict:
        """The tries and readings, for a save (a try is kept as its path and its number)."""
        save = {"tries": [{"path": list(t.path), "number": t.number} for t in self.tries],
                "readings": [r.as_dict() for r in self.readings]}
        if self.lead_in:
            save["lead_in"] = self.lead_in
        return save

    def restore_practice(self, data: dict, session_class) -> None:
        """Tries and readings from a save: each try is made again from its path, so its
        reaction is the model's, not the file's."""
        self.readings = [Reading.from_dict(r) for r in data.get("readings", ())]
        self.lead_in = int(data.get("lead_in", 0))
        tries = []
        for item in data.get("tries", ()):
            path = [int(n) for n in item["path"]]
            with session_class(self.scenario, seed=self.seed) as again:
                again.replay(path)
                tries.append(Try(tuple(path), again.choose(int(item["number"]))))
        self.tries = tries

    def carry_practice(self, successor) -> None:
        """A reloaded file's session keeps what was practised on the old one."""
        successor.tries, successor.readings = list(self.tries), list(self.readings)
        successor.ask_every, successor.play_settings = self.ask_every, dict(self.play_settings)
        successor.lead_in = self.lead_in
