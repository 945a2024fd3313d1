"""Who comes back: each member's outcome at the end of a session, with the reason in words.

Early drop-out is the commonest failure of real groups (Yalom and Leszcz), and it follows what
happened to a member, not only where their numbers ended. Per member present at the end:

- `may_drop_out` when their risk of harm was missed; when engagement or trust ends below
  DROP_LINE; or when they were hurt (a harmful move landed on them, or they were lost) and the
  room did not win them back (engagement and trust below HARMED_RETURN_LINE);
- `returns` when engagement and trust both end at RETURN_LINE or more and nothing hurt them
  (or the room won them back past HARMED_RETURN_LINE);
- `uncertain` otherwise.

The reason names the member once and the moment that mattered most ("Nadia may not come back: a
harmful move landed on them at turn 9, and end at engagement 40%, trust 31%").
"""
from __future__ import annotations

from dataclasses import dataclass

from .constants import DROP_LINE, HARMED_RETURN_LINE, RETURN_LINE
from .state import GroupState

RETURNS, UNCERTAIN, MAY_DROP_OUT = "returns", "uncertain", "may_drop_out"


@dataclass(frozen=True)
class Moment:
    """What the outcome rules need of one step of the history."""

    turn: int
    targets: tuple[str, ...]
    quality: str
    events: tuple[tuple[str, str | None], ...]   # (event type, member)


@dataclass(frozen=True)
class MemberOutcome:
    member: str
    outcome: str     # returns | uncertain | may_drop_out
    reason: str      # in words, with the member's display name


def _first(moments, kind: str, member: str) -> int | None:
    return next((m.turn for m in moments for t, who in m.events if t == kind and who == member), None)


def _landed(moments, member: str, quality: str) -> int | None:
    return next((m.turn for m in moments if m.quality == quality and member in m.targets), None)


def _harm(moments, member: str, name: str) -> tuple[str, str] | None:
    """The worst thing that happened to the member: (kind, words), or None."""
    turn = _first(moments, "risk-missed", member)
    if turn is not None:
        return "risk", f"the risk they signalled was not checked in time (turn {turn})"
    turn = _landed(moments, member, "harmful")
    if turn is not None:
        return "harm", f"a harmful move landed on them at turn {turn}"
    turn = _first(moments, "neglect", member)
    if turn is not None:
        return "harm", f"they were being lost at turn {turn}"
    turn = _landed(moments, member, "poor")
    if turn is not None:
        return "poor", f"they were handled poorly at turn {turn}"
    return None


def outcome_of(member: str, name: str, state: GroupState, moments) -> MemberOutcome:
    numbers = state.member(member)
    engagement, trust = numbers.engagement, numbers.trust
    low = min(engagement, trust)
    figures = f"engagement {engagement:.0%}, trust {trust:.0%}"
    harm = _harm(moments, member, name)
    if harm and harm[0] == "risk":
        return MemberOutcome(member, MAY_DROP_OUT, f"{name} may not come back, and may not be safe: {harm[1]}")
    if harm and harm[0] == "harm" and low < HARMED_RETURN_LINE:
        return MemberOutcome(member, MAY_DROP_OUT, f"{name} may not come back: {harm[1]}, and end at {figures}")
    if low < DROP_LINE:
        return MemberOutcome(member, MAY_DROP_OUT, f"{name} may not come back: ends withdrawn or distrustful ({figures})")
    if low >= RETURN_LINE and (harm is None or harm[0] == "poor" or low >= HARMED_RETURN_LINE):
        return MemberOutcome(member, RETURNS, f"{name} will likely come back: ends engaged and trusting ({figures})")
    why = f"{harm[1]}; they " if harm else "they "
    return MemberOutcome(member, UNCERTAIN, f"{name} may or may not come back: {why}end at {figures}")


def member_outcomes(state: GroupState, moments, names: dict[str, str]) -> tuple[MemberOutcome, ...]:
    """Each member present at the end, in circle order (see the module docstring)."""
    return tuple(outcome_of(mid, names.get(mid, mid), state, moments) for mid in state.present_ids)
