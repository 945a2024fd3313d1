"""The run contract's JSON trace (SCENARIO_FORMAT.md, `run`): same input, same bytes."""
from __future__ import annotations


def _step(reaction) -> dict:
    state = reaction.after.as_dict()
    return {
        "turn": reaction.turn,
        "node": reaction.node_id,
        "choice": reaction.offered.number,
        "stance": reaction.stance,
        "skill": reaction.offered.skill,
        "need": reaction.need.stance,
        "events": [{"type": e.type, "member": e.member} for e in reaction.events],
        "group": state["group"],
        "members": state["members"],
    }


def trace_of(session) -> dict:
    """{"scenario", "seed", "initial", "steps", "ending"} for the choices made so far."""
    initial = session.history[0].before if session.history else session.state
    ending = None
    if session.ended:
        ending = {"node": session.node_id, "outcome": session.ending.outcome.value}
    return {
        "scenario": session.scenario.id,
        "seed": session.seed,
        "initial": initial.as_dict(),
        "steps": [_step(r) for r in session.history],
        "ending": ending,
    }
