"""Safety first: open risks of harm, checked or missed.

A member who says a `risk: true` line (a hint of suicide, self-harm, harm to others, a
dangerous relapse) has an OPEN RISK from that moment: before the trainee's choice at that node.
While it is open the judged need is to lead toward them (need.risk_need, which outranks every
other rule). A choice that `checks_risk` with them in its targets closes it (event
`risk-checked`): being asked straight out eases their distress and builds trust. Every choice
that leaves it open counts a turn; at `neglect_after` turns the event `risk-missed` fires (once
per risk) and the member's trust and engagement fall. The risk stays open, and the need stays on
it, until it is checked. A risk still open when the session ends fires `risk-missed` then, if it
had not fired already. A session with any `risk-missed` is not safe, and no unsafe ending is good.
"""
from __future__ import annotations

from .constants import (
    RISK_CHECK_RELIEF, RISK_CHECK_TRUST_GAIN, RISK_MISSED_ENGAGEMENT_COST, RISK_MISSED_TRUST_COST,
)
from .move import Event, Move
from .room import Room, shift
from .state import Risk
from .world import World


def open_risks(room: Room, move: Move) -> None:
    """The risks the lines just heard open (a member already at risk keeps the older one)."""
    for member in move.opens_risk:
        if member in room.place and not any(r.member == member for r in room.risks):
            room.risks.append(Risk(member))


def follow_risks(room: Room, move: Move, world: World, final: bool) -> list[Event]:
    """Close the risks this move checks; count a turn on the rest; the events."""
    if not room.risks:
        return []
    events: list[Event] = []
    still_open: list[Risk] = []
    for risk in room.risks:
        i = room.place[risk.member]
        if move.checks_risk and risk.member in move.targets:
            events.append(Event("risk-checked", risk.member))
            shift(room.distress, i, -RISK_CHECK_RELIEF)
            shift(room.trust, i, RISK_CHECK_TRUST_GAIN)
            continue
        risk = risk._replace(turns=risk.turns + 1)
        if not risk.missed and (risk.turns >= world.neglect_after or final):
            risk = risk._replace(missed=True)
            events.append(Event("risk-missed", risk.member))
            shift(room.trust, i, -RISK_MISSED_TRUST_COST)
            shift(room.engagement, i, -RISK_MISSED_ENGAGEMENT_COST)
        still_open.append(risk)
    room.risks = still_open
    return events
