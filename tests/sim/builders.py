"""Small hand-built worlds, states and moves for the model's tests."""
from __future__ import annotations

from game.sim import GroupState, MemberState, Move, World, step
from game.sim.room import Room

IDS = ("ana", "ben", "cai", "dee", "eli", "fay")


def world(kinds: dict[str, str] | None = None, ids=IDS, contagion=0.3, neglect_after=2) -> World:
    kinds = kinds or {}
    return World(archetypes=tuple((mid, kinds.get(mid, "typical")) for mid in ids),
                 contagion=contagion, neglect_after=neglect_after)


def member(engagement=0.5, trust=0.5, distress=0.3, **extra) -> MemberState:
    return MemberState(engagement=engagement, trust=trust, distress=distress, **extra)


def group(cohesion=0.4, conflict=0.2, ids=IDS, **members: MemberState) -> GroupState:
    """A circle of plain members; keyword arguments replace individual members."""
    return GroupState(cohesion=cohesion, conflict=conflict,
                      members=tuple((mid, members.get(mid, member())) for mid in ids))


def engaged_working_group(ids=IDS) -> GroupState:
    """Engaged, cohesive, calm, nobody in trouble: a group doing its own work."""
    return group(cohesion=0.7, conflict=0.1, ids=ids,
                 **{mid: member(0.75, 0.7, 0.3) for mid in ids})


def effects(**parties: dict[str, float]):
    """Move.effects from keyword arguments: effects(group={"cohesion": 0.05})."""
    return tuple((party, tuple(deltas.items())) for party, deltas in parties.items())


def play(state: GroupState, moves, w: World, seed=0):
    """Every StepResult of playing the moves in order from `state`."""
    results = []
    for turn, move in enumerate(moves, start=1):
        result = step(state, move, w, seed=seed, turn=turn)
        results.append(result)
        state = result.after
    return results


def others_mean(state: GroupState, var: str, but: str) -> float:
    values = [getattr(m, var) for mid, m in state.members if mid != but]
    return sum(values) / len(values)


def lead(skill=None, targets=(), **kw) -> Move:
    return Move("lead", skill, tuple(targets), **kw)


def follow(skill=None, targets=(), **kw) -> Move:
    return Move("follow", skill, tuple(targets), **kw)


def applied(rule, state: GroupState, *args) -> GroupState:
    """The state after one of the model's rules, which work on a Room, changed it."""
    room = Room(state)
    rule(room, *args)
    return room.frozen()
