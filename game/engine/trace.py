"""The run contract's JSON trace (SCENARIO_FORMAT.md, `run`; TEACHING.md): same input, same bytes.

Beyond the contract's keys each step carries `shown` (the number the choice had on screen for
the seed), `quality` and `verdict` (the two-axis verdict) and `why` (the need's reason, so an
author sees which rule fired); the ending carries `safe` and each member's outcome.
"""
from __future__ import annotations


def _step(reaction) -> dict:
    state = reaction.after.as_dict()
    return {
        "turn": reaction.turn,
        "node": reaction.node_id,
        "choice": reaction.offered.number,
        "shown": reaction.offered.shown,
        "stance": reaction.stance,
        "skill": reaction.offered.skill,
        "need": reaction.need.stance,
        "why": reaction.need.text(reaction.names),
        "quality": reaction.quality,
        "verdict": reaction.verdict,
        "events": [{"type": e.type, "member": e.member} for e in reaction.events],
        "group": state["group"],
        "members": state["members"],
    }


def trace_of(session) -> dict:
    """{"scenario", "seed", "initial", "steps", "ending"} for the choices made so far."""
    initial = session.history[0].before if session.history else session.state
    ending = None
    if session.ended:
        ending = {"node": session.node_id, "outcome": session.ending.outcome.value,
                  "safe": session.safe,
                  "members": {o.member: o.outcome for o in session.member_outcomes()}}
    return {
        "scenario": session.scenario.id,
        "seed": session.seed,
        "initial": initial.as_dict(),
        "steps": [_step(r) for r in session.history],
        "ending": ending,
    }
