"""Step 6: archetypes — Yalom's problem members bend the rules for themselves and the room.

"Addressed" below means the member is among the move's targets, or the move has no targets
(it speaks to the whole group). `start` is the state as the turn began, `now` the state after
steps 1-5, so "does not fall" means: not below where it was when the turn began.

- typical: no bending.
- monopolizer: while holding the floor (engagement >= MONOPOLIZING_ENGAGEMENT) and not blocked
  (a BLOCKING_SKILLS move that addresses them), every other member's engagement falls by
  MONOPOLY_WITHDRAWAL (the others' avoidance rises) and their `unchecked` count grows; from
  MONOPOLY_UNCHECKED_TURNS on, event `monopolizing`. Blocked, or quiet, the count returns to 0.
- silent: engagement does not rise unless a DRAWING_OUT_SKILLS move addresses them, which adds
  SILENT_DRAWN_OUT_GAIN; targeted with PRESSURE_SKILLS, engagement falls by SILENT_PRESSURE_COST.
- help_rejecting: addressed by ADVICE_SKILLS (suggesting), distress does not fall.
- hostile: addressed by `confronting` while their trust (as the turn began) is below
  HOSTILE_LOW_TRUST: conflict rises by HOSTILE_CONFRONT_CONFLICT; event `hostility`.
- rescuer: while engaged (>= RESCUER_ACTIVE_ENGAGEMENT) and neither blocked nor held off by a
  PROTECTING_SKILLS move, the members doing distress work this turn (targets and breakthroughs
  who began the turn distressed, >= DISTRESSED, and whose distress fell by RESCUER_MIN_RELIEF
  or more: real work, not just being heard) keep only 1 - RESCUER_CUT of that relief; event
  `rescuing` for the largest cut.
- intellectualizer: addressed by EXPLAINING_SKILLS, distress does not fall; addressed by
  FEELING_SKILLS, distress falls by a further INTELLECTUALIZER_FEELING_RELIEF.
- newcomer: trust starts at most NEWCOMER_START_TRUST (world.initial_state); addressed by
  WELCOMING_SKILLS, trust gains this turn count NEWCOMER_TRUST_GAIN_FACTOR times, plus
  NEWCOMER_WELCOME_TRUST.
- co_leader: the trainee's co-leader, sitting in the circle. Targeted by COMPETING_SKILLS, the
  split becomes a contest in front of the members: conflict rises by CO_LEADER_CONTEST_CONFLICT
  and every other member's trust falls by CO_LEADER_CONTEST_TRUST (event `leaders-split`).
  Targeted by REPAIR_SKILLS, the difference is named and repaired in the open, which models
  disagreement without rupture: cohesion rises by CO_LEADER_REPAIR_COHESION and every other
  member's trust by CO_LEADER_REPAIR_TRUST (event `leaders-repair`). Only a move that names
  them counts: the whole group addressed is not the co-leader addressed.
"""
from __future__ import annotations

from typing import NamedTuple

from .constants import (
    ADVICE_SKILLS, BLOCKING_SKILLS, CO_LEADER_CONTEST_CONFLICT, CO_LEADER_CONTEST_TRUST,
    CO_LEADER_REPAIR_COHESION, CO_LEADER_REPAIR_TRUST, COMPETING_SKILLS, REPAIR_SKILLS, DISTRESSED, DRAWING_OUT_SKILLS, EXPLAINING_SKILLS,
    FEELING_SKILLS,
    HOSTILE_CONFRONT_CONFLICT, HOSTILE_LOW_TRUST, INTELLECTUALIZER_FEELING_RELIEF,
    MONOPOLIZING_ENGAGEMENT, MONOPOLY_UNCHECKED_TURNS, MONOPOLY_WITHDRAWAL,
    NEWCOMER_TRUST_GAIN_FACTOR, NEWCOMER_WELCOME_TRUST, PRESSURE_SKILLS, PROTECTING_SKILLS,
    RESCUER_ACTIVE_ENGAGEMENT, RESCUER_CUT, RESCUER_MIN_RELIEF, SILENT_DRAWN_OUT_GAIN, SILENT_PRESSURE_COST,
    WELCOMING_SKILLS,
)
from .move import Event, Move
from .room import Room, shift
from .state import Columns, GroupState, clamp, nudge
from .world import World


class Turn(NamedTuple):
    """What an archetype rule may look at: the turn's start, the move, who did distress work."""

    start: GroupState
    move: Move
    workers: tuple[str, ...]
    room_start: Columns

    def addressed_by(self, member_id: str, skills: tuple[str, ...]) -> bool:
        """The move uses one of `skills` on this member (or on the whole group): Move.uses and
        Move.addresses in one, as every rule asks it on every step."""
        move = self.move
        return move.skill in skills and (not move.targets or member_id in move.targets)

    @property
    def before(self) -> Columns:
        """The members' numbers as the turn began, in the room's order (late arrivals who
        have not joined are not in it): `turn.before.trust[i]`."""
        return self.room_start


# Each rule bends the room for the member at place `i` (id `mid`) and returns its events.

def _monopolizer(turn: Turn, room: Room, i: int, mid: str) -> list[Event]:
    if turn.addressed_by(mid, BLOCKING_SKILLS) or room.engagement[i] < MONOPOLIZING_ENGAGEMENT:
        room.unchecked[i] = 0
        return []
    for other in range(room.size):
        if other != i:
            shift(room.engagement, other, -MONOPOLY_WITHDRAWAL)
    room.unchecked[i] += 1
    return [Event("monopolizing", mid)] if room.unchecked[i] >= MONOPOLY_UNCHECKED_TURNS else []


def _silent(turn: Turn, room: Room, i: int, mid: str) -> list[Event]:
    if turn.addressed_by(mid, DRAWING_OUT_SKILLS):
        shift(room.engagement, i, SILENT_DRAWN_OUT_GAIN)
        return []
    room.engagement[i] = min(room.engagement[i], turn.before.engagement[i])
    if turn.move.uses(PRESSURE_SKILLS) and mid in turn.move.targets:
        shift(room.engagement, i, -SILENT_PRESSURE_COST)
    return []


def _distress_holds(turn: Turn, room: Room, i: int, mid: str) -> None:
    """The member's distress no lower than when the turn began."""
    room.distress[i] = max(room.distress[i], turn.before.distress[i])


def _help_rejecting(turn: Turn, room: Room, i: int, mid: str) -> list[Event]:
    if turn.addressed_by(mid, ADVICE_SKILLS):
        _distress_holds(turn, room, i, mid)
    return []


def _hostile(turn: Turn, room: Room, i: int, mid: str) -> list[Event]:
    confronted = turn.addressed_by(mid, ("confronting",))
    if confronted and turn.before.trust[i] < HOSTILE_LOW_TRUST:
        room.conflict = nudge(room.conflict, HOSTILE_CONFRONT_CONFLICT)
        return [Event("hostility", mid)]
    return []


def _rescuer(turn: Turn, room: Room, i: int, mid: str) -> list[Event]:
    held = turn.addressed_by(mid, BLOCKING_SKILLS) or turn.move.uses(PROTECTING_SKILLS)
    if held or room.engagement[i] < RESCUER_ACTIVE_ENGAGEMENT:
        return []
    cuts = []
    for worker in turn.workers:
        w = room.place.get(worker)
        if worker == mid or w is None:
            continue
        was = turn.before.distress[w]
        relief = was - room.distress[w]
        if was >= DISTRESSED and relief >= RESCUER_MIN_RELIEF:
            cuts.append((relief, worker))
            room.distress[w] = clamp(room.distress[w] + RESCUER_CUT * relief)
    return [Event("rescuing", max(cuts)[1], by=mid)] if cuts else []


def _intellectualizer(turn: Turn, room: Room, i: int, mid: str) -> list[Event]:
    if turn.addressed_by(mid, EXPLAINING_SKILLS):
        _distress_holds(turn, room, i, mid)
    elif turn.addressed_by(mid, FEELING_SKILLS):
        shift(room.distress, i, -INTELLECTUALIZER_FEELING_RELIEF)
    return []


def _newcomer(turn: Turn, room: Room, i: int, mid: str) -> list[Event]:
    if turn.addressed_by(mid, WELCOMING_SKILLS):
        gain = max(0.0, room.trust[i] - turn.before.trust[i])
        shift(room.trust, i, gain * (NEWCOMER_TRUST_GAIN_FACTOR - 1.0) + NEWCOMER_WELCOME_TRUST)
    return []


def _co_leader(turn: Turn, room: Room, i: int, mid: str) -> list[Event]:
    move = turn.move
    if mid not in move.targets:
        return []
    if move.uses(COMPETING_SKILLS):
        room.conflict = nudge(room.conflict, CO_LEADER_CONTEST_CONFLICT)
        _others_trust(room, i, -CO_LEADER_CONTEST_TRUST)
        return [Event("leaders-split", mid)]
    if move.uses(REPAIR_SKILLS):
        room.cohesion = nudge(room.cohesion, CO_LEADER_REPAIR_COHESION)
        _others_trust(room, i, CO_LEADER_REPAIR_TRUST)
        return [Event("leaders-repair", mid)]
    return []


def _others_trust(room: Room, i: int, delta: float) -> None:
    for other in range(room.size):
        if other != i:
            shift(room.trust, other, delta)


RULES = {
    "monopolizer": _monopolizer,
    "hostile": _hostile,
    "rescuer": _rescuer,
    "silent": _silent,
    "help_rejecting": _help_rejecting,
    "intellectualizer": _intellectualizer,
    "newcomer": _newcomer,
    "co_leader": _co_leader,
}
ORDER = tuple(RULES)   # fixed, so the result never depends on member order


def _benders(world: World, place: dict[str, int]) -> list[tuple]:
    """(rule, place, id) for each member in the room whose archetype has a rule, in ORDER
    (worked out once per world and circle)."""
    key = ("archetypes", tuple(place))
    found = world.memo.get(key)
    if found is None:
        found = world.memo[key] = [(RULES[kind], place[mid], mid) for kind in ORDER
                                   for mid in world.members_of(kind) if mid in place]
    return found


def apply_archetypes(start: GroupState, room: Room, move: Move, world: World,
                     workers: tuple[str, ...]) -> list[Event]:
    """Every member's archetype bends the room this turn; the events."""
    benders = _benders(world, room.place)
    if not benders:
        return []
    turn, events = Turn(start, move, workers, room.start), []
    for rule, i, mid in benders:
        events.extend(rule(turn, room, i, mid))
    return events
