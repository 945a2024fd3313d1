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
from .room import Room, push_others, shift
from .state import clamp, nudge
from .world import World

IDLE = None   # what a rule's reading of the move says when the rule has nothing to do


def _addressed_by(move: Move, member_id: str, skills: tuple[str, ...]) -> bool:
    """The move uses one of `skills` on this member (or on the whole group)."""
    return move.skill in skills and (not move.targets or member_id in move.targets)


# Each rule comes in two parts. Its reading of the move (`_read_*`) depends only on the move
# and the member, so it is worked out once per move; IDLE means the rule does nothing this
# turn and is left out. Its action bends the room for the member at place `i` (id `mid`),
# given that reading and the members who did distress work (`workers`), and returns its event.

def _read_monopolizer(move: Move, mid: str):
    return _addressed_by(move, mid, BLOCKING_SKILLS)     # blocked


def _monopolizer(room: Room, i: int, mid: str, blocked: bool, workers) -> Event | None:
    if blocked or room.engagement[i] < MONOPOLIZING_ENGAGEMENT:
        room.unchecked[i] = 0
        return None
    push_others(room.engagement, i, -MONOPOLY_WITHDRAWAL)
    room.unchecked[i] += 1
    return Event("monopolizing", mid) if room.unchecked[i] >= MONOPOLY_UNCHECKED_TURNS else None


def _read_silent(move: Move, mid: str):
    drawn = _addressed_by(move, mid, DRAWING_OUT_SKILLS)
    return drawn, move.skill in PRESSURE_SKILLS and mid in move.targets    # drawn, pressed


def _silent(room: Room, i: int, mid: str, reading, workers) -> Event | None:
    drawn, pressed = reading
    if drawn:
        shift(room.engagement, i, SILENT_DRAWN_OUT_GAIN)
        return None
    was = room.start.engagement[i]   # no higher than when the turn began (min, written out)
    if was < room.engagement[i]:
        room.engagement[i] = was
    if pressed:
        shift(room.engagement, i, -SILENT_PRESSURE_COST)
    return None


def _distress_holds(room: Room, i: int) -> None:
    """The member's distress no lower than when the turn began."""
    room.distress[i] = max(room.distress[i], room.start.distress[i])


def _read_help_rejecting(move: Move, mid: str):
    return True if _addressed_by(move, mid, ADVICE_SKILLS) else IDLE


def _help_rejecting(room: Room, i: int, mid: str, advised, workers) -> Event | None:
    _distress_holds(room, i)
    return None


def _read_hostile(move: Move, mid: str):
    return True if _addressed_by(move, mid, ("confronting",)) else IDLE


def _hostile(room: Room, i: int, mid: str, confronted, workers) -> Event | None:
    if room.start.trust[i] < HOSTILE_LOW_TRUST:
        room.conflict = nudge(room.conflict, HOSTILE_CONFRONT_CONFLICT)
        return Event("hostility", mid)
    return None


def _read_rescuer(move: Move, mid: str):
    held = _addressed_by(move, mid, BLOCKING_SKILLS) or move.skill in PROTECTING_SKILLS
    return IDLE if held else True


def _rescuer(room: Room, i: int, mid: str, free, workers) -> Event | None:
    if room.engagement[i] < RESCUER_ACTIVE_ENGAGEMENT:
        return None
    cuts = []
    for worker in workers:
        w = room.place.get(worker)
        if worker == mid or w is None:
            continue
        was = room.start.distress[w]
        relief = was - room.distress[w]
        if was >= DISTRESSED and relief >= RESCUER_MIN_RELIEF:
            cuts.append((relief, worker))
            room.distress[w] = clamp(room.distress[w] + RESCUER_CUT * relief)
    return Event("rescuing", max(cuts)[1], by=mid) if cuts else None


def _read_intellectualizer(move: Move, mid: str):
    if _addressed_by(move, mid, EXPLAINING_SKILLS):
        return "explained"
    return "felt" if _addressed_by(move, mid, FEELING_SKILLS) else IDLE


def _intellectualizer(room: Room, i: int, mid: str, how: str, workers) -> Event | None:
    if how == "explained":
        _distress_holds(room, i)
    else:
        shift(room.distress, i, -INTELLECTUALIZER_FEELING_RELIEF)
    return None


def _read_newcomer(move: Move, mid: str):
    return True if _addressed_by(move, mid, WELCOMING_SKILLS) else IDLE


def _newcomer(room: Room, i: int, mid: str, welcomed, workers) -> Event | None:
    gain = max(0.0, room.trust[i] - room.start.trust[i])
    shift(room.trust, i, gain * (NEWCOMER_TRUST_GAIN_FACTOR - 1.0) + NEWCOMER_WELCOME_TRUST)
    return None


def _read_co_leader(move: Move, mid: str):
    """Only a move that names them counts: the whole group addressed is not the co-leader."""
    if mid not in move.targets:
        return IDLE
    if move.skill in COMPETING_SKILLS:
        return "split"
    return "repair" if move.skill in REPAIR_SKILLS else IDLE


def _co_leader(room: Room, i: int, mid: str, how: str, workers) -> Event | None:
    if how == "split":
        room.conflict = nudge(room.conflict, CO_LEADER_CONTEST_CONFLICT)
        push_others(room.trust, i, -CO_LEADER_CONTEST_TRUST)
        return Event("leaders-split", mid)
    room.cohesion = nudge(room.cohesion, CO_LEADER_REPAIR_COHESION)
    push_others(room.trust, i, CO_LEADER_REPAIR_TRUST)
    return Event("leaders-repair", mid)


RULES = {   # archetype -> (reading of the move, action)
    "monopolizer": (_read_monopolizer, _monopolizer),
    "hostile": (_read_hostile, _hostile),
    "rescuer": (_read_rescuer, _rescuer),
    "silent": (_read_silent, _silent),
    "help_rejecting": (_read_help_rejecting, _help_rejecting),
    "intellectualizer": (_read_intellectualizer, _intellectualizer),
    "newcomer": (_read_newcomer, _newcomer),
    "co_leader": (_read_co_leader, _co_leader),
}
ORDER = tuple(RULES)   # fixed, so the result never depends on member order


def _benders(world: World, place: dict[str, int]) -> list[tuple]:
    """(archetype, place, id) for each member in the room whose archetype has a rule, in ORDER
    (worked out once per world and circle)."""
    key = ("archetypes", tuple(place))
    found = world.memo.get(key)
    if found is None:
        found = world.memo[key] = [(kind, place[mid], mid) for kind in ORDER
                                   for mid in world.members_of(kind) if mid in place]
    return found


def actions_plan(move: Move, world: World, room: Room) -> tuple:
    """(action, place, id, reading) of every rule that may act on this move, in ORDER. A step
    keeps it in the move's plan (plan.py)."""
    actions = []
    for kind, i, mid in _benders(world, room.place):
        read, act = RULES[kind]
        reading = read(move, mid)
        if reading is not IDLE:
            actions.append((act, i, mid, reading))
    return tuple(actions)


def apply_archetypes(room: Room, move: Move, world: World, workers: tuple[str, ...],
                     actions: tuple | None = None) -> list[Event]:
    """Every member's archetype bends the room this turn; the events (`actions`:
    actions_plan)."""
    if actions is None:
        actions = actions_plan(move, world, room)
    events = []
    for act, i, mid, reading in actions:
        event = act(room, i, mid, reading, workers)
        if event is not None:
            events.append(event)
    return events
