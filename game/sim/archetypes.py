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
"""
from __future__ import annotations

from dataclasses import dataclass

from .constants import (
    ADVICE_SKILLS, BLOCKING_SKILLS, DISTRESSED, DRAWING_OUT_SKILLS, EXPLAINING_SKILLS,
    FEELING_SKILLS,
    HOSTILE_CONFRONT_CONFLICT, HOSTILE_LOW_TRUST, INTELLECTUALIZER_FEELING_RELIEF,
    MONOPOLIZING_ENGAGEMENT, MONOPOLY_UNCHECKED_TURNS, MONOPOLY_WITHDRAWAL,
    NEWCOMER_TRUST_GAIN_FACTOR, NEWCOMER_WELCOME_TRUST, PRESSURE_SKILLS, PROTECTING_SKILLS,
    RESCUER_ACTIVE_ENGAGEMENT, RESCUER_CUT, RESCUER_MIN_RELIEF, SILENT_DRAWN_OUT_GAIN, SILENT_PRESSURE_COST,
    WELCOMING_SKILLS,
)
from .move import Event, Move
from .state import GroupState, clamp
from .world import World


@dataclass(frozen=True)
class Turn:
    """What an archetype rule may look at: the turn's start, the move, who did distress work."""

    start: GroupState
    move: Move
    workers: tuple[str, ...]

    def addressed_by(self, member_id: str, skills: tuple[str, ...]) -> bool:
        return self.move.uses(skills) and self.move.addresses(member_id)


def _monopolizer(turn: Turn, now: GroupState, mid: str):
    me = now.member(mid)
    if turn.addressed_by(mid, BLOCKING_SKILLS) or me.engagement < MONOPOLIZING_ENGAGEMENT:
        return now.with_member(mid, me.but(unchecked=0)), []
    now = now.map_members(lambda other, m: m if other == mid
                          else m.shifted(engagement=-MONOPOLY_WITHDRAWAL))
    now = now.with_member(mid, me.but(unchecked=me.unchecked + 1))
    if me.unchecked + 1 >= MONOPOLY_UNCHECKED_TURNS:
        return now, [Event("monopolizing", mid)]
    return now, []


def _silent(turn: Turn, now: GroupState, mid: str):
    me, was = now.member(mid), turn.start.member(mid)
    if turn.addressed_by(mid, DRAWING_OUT_SKILLS):
        return now.with_member(mid, me.shifted(engagement=SILENT_DRAWN_OUT_GAIN)), []
    me = me.but(engagement=min(me.engagement, was.engagement))
    if turn.move.uses(PRESSURE_SKILLS) and mid in turn.move.targets:
        me = me.shifted(engagement=-SILENT_PRESSURE_COST)
    return now.with_member(mid, me), []


def _distress_holds(turn: Turn, now: GroupState, mid: str) -> GroupState:
    """The member's distress no lower than when the turn began."""
    me, was = now.member(mid), turn.start.member(mid)
    return now.with_member(mid, me.but(distress=max(me.distress, was.distress)))


def _help_rejecting(turn: Turn, now: GroupState, mid: str):
    if turn.addressed_by(mid, ADVICE_SKILLS):
        return _distress_holds(turn, now, mid), []
    return now, []


def _hostile(turn: Turn, now: GroupState, mid: str):
    confronted = turn.addressed_by(mid, ("confronting",))
    if confronted and turn.start.member(mid).trust < HOSTILE_LOW_TRUST:
        return now.shifted(conflict=HOSTILE_CONFRONT_CONFLICT), [Event("hostility", mid)]
    return now, []


def _rescuer(turn: Turn, now: GroupState, mid: str):
    held = turn.addressed_by(mid, BLOCKING_SKILLS) or turn.move.uses(PROTECTING_SKILLS)
    if held or now.member(mid).engagement < RESCUER_ACTIVE_ENGAGEMENT:
        return now, []
    cuts = []
    for worker in turn.workers:
        if worker == mid or worker not in now.member_ids:
            continue
        me, was = now.member(worker), turn.start.member(worker)
        relief = was.distress - me.distress
        if was.distress >= DISTRESSED and relief >= RESCUER_MIN_RELIEF:
            cuts.append((relief, worker))
            undone = me.but(distress=clamp(me.distress + RESCUER_CUT * relief))
            now = now.with_member(worker, undone)
    if not cuts:
        return now, []
    return now, [Event("rescuing", max(cuts)[1], by=mid)]


def _intellectualizer(turn: Turn, now: GroupState, mid: str):
    if turn.addressed_by(mid, EXPLAINING_SKILLS):
        return _distress_holds(turn, now, mid), []
    if turn.addressed_by(mid, FEELING_SKILLS):
        me = now.member(mid).shifted(distress=-INTELLECTUALIZER_FEELING_RELIEF)
        return now.with_member(mid, me), []
    return now, []


def _newcomer(turn: Turn, now: GroupState, mid: str):
    if not turn.addressed_by(mid, WELCOMING_SKILLS):
        return now, []
    me = now.member(mid)
    gain = max(0.0, me.trust - turn.start.member(mid).trust)
    extra = gain * (NEWCOMER_TRUST_GAIN_FACTOR - 1.0) + NEWCOMER_WELCOME_TRUST
    return now.with_member(mid, me.shifted(trust=extra)), []


RULES = {
    "monopolizer": _monopolizer,
    "hostile": _hostile,
    "rescuer": _rescuer,
    "silent": _silent,
    "help_rejecting": _help_rejecting,
    "intellectualizer": _intellectualizer,
    "newcomer": _newcomer,
}
ORDER = tuple(RULES)   # fixed, so the result never depends on member order


def apply_archetypes(start: GroupState, now: GroupState, move: Move, world: World,
                     workers: tuple[str, ...]):
    """(new state, events) after every member's archetype has bent this turn."""
    turn, events = Turn(start, move, workers), []
    for kind in ORDER:
        for mid in world.members_of(kind):
            if mid in now.member_ids:
                now, found = RULES[kind](turn, now, mid)
                events.extend(found)
    return now.clamped(), events
