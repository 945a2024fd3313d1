"""The debrief: what the group needed at each moment, what the trainee chose, and why it mattered.

Built from the session's history, so the screen, the terminal and the reports all tell the same
story. Also the words for events ("Maria is being lost"), which every front end shows.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.sim import Event
from game.sim.climate import ClimateChange, session_climate
from game.sim.outcomes import MemberOutcome

from .reaction import MARKS

# Event type -> sentence. {member} and {by} are display names. Kinds the model adds later
# fall back to a plain description rather than failing.
EVENT_WORDS = {
    "neglect": "{member} is being lost: too long unattended while struggling",
    "breakthrough": "Breakthrough: {member} lets something through, and the room feels it",
    "support": "{by} reaches out to {member}: the group does some of the work",
    "monopolizing": "{member} holds the floor; the others fall quiet",
    "hostility": "{member} bristles: confrontation without trust raises the heat",
    "rescuing": "{by} rushes to reassure {member}, cutting their work short",
    "withdrawal": "{member} withdraws from the circle",
    "risk-checked": "{member}'s risk of harm is checked directly: safety first",
    "risk-missed": "{member} hinted at a risk of harm and nobody checked it in time",
    "leaders-split": "You and {member} compete in front of the group; members take sides",
    "leaders-repair": "You and {member} name your difference in the open: disagreement without rupture",
}
EVENT_TITLES = {
    "neglect": "Losing a member", "breakthrough": "Breakthrough", "support": "The group steps in",
    "monopolizing": "Monopolizing", "hostility": "Hostility", "rescuing": "Rescuing",
    "withdrawal": "Withdrawal", "risk-checked": "Risk checked", "risk-missed": "Risk missed",
    "leaders-split": "Leaders split", "leaders-repair": "Leaders repair",
}
GOOD_EVENTS = frozenset({"breakthrough", "support", "risk-checked", "leaders-repair"})
OUTCOME_OF_MEMBER = {"returns": "will likely come back", "uncertain": "may or may not come back",
                     "may_drop_out": "may not come back"}
OUTCOME_WORDS = {
    "breakthrough": "Breakthrough: the group reached something real together.",
    "growth": "Growth: the group moved forward.",
    "stalled": "Stalled: the group marked time.",
    "rupture": "Rupture: the group was hurt by this session.",
}


def describe_event(event: Event, names: dict[str, str]) -> str:
    words = EVENT_WORDS.get(event.type, "{member}: " + event.type.replace("_", " "))
    return words.format(member=names.get(event.member, event.member or "the group"),
                        by=names.get(event.by, event.by or "someone"))


@dataclass(frozen=True)
class Decision:
    """One moment of the session, as the debrief shows it."""

    turn: int
    node_id: str
    choice_text: str
    stance: str
    skill: str | None
    need: str              # lead | follow
    need_reason: str       # why the group needed it
    fit: bool              # the stance was the one needed
    met: bool              # verdict == "met": the only one that earns a tick
    verdict: str           # met | partly | missed (both axes, TEACHING.md)
    verdict_line: str      # that, in words
    quality: str           # best | good | poor | harmful: the move itself
    feedback: str
    expert_text: str | None      # the recommended choice, when it differed
    expert_feedback: str | None
    events: tuple[str, ...]      # described
    shown: int = 0               # its number on screen
    retries: int = 0             # tries taken back at this moment before this choice
    first_verdict: str | None = None     # the first try's verdict, when the moment was retried
    first_choice_text: str | None = None
    reading: object = None       # the trainee's Reading made at this moment, if any

    @property
    def mark(self) -> str:
        """✓ for met, ~ for partly, ✗ for missed: a tick never sits beside a poor move."""
        return MARKS[self.verdict]

    @property
    def first_mark(self) -> str:
        """The mark of the first try at this moment (the decision's own when not retried)."""
        return MARKS[self.first_verdict or self.verdict]


@dataclass(frozen=True)
class Debrief:
    scenario_title: str
    outcome: str | None          # None when the session stopped before an ending
    ending_text: str
    scores: tuple[tuple[str, str, int], ...]   # (objective id, objective text, points)
    decisions: tuple[Decision, ...]
    fits: int                    # decisions that met the need (verdict met)
    series: dict[str, list[float]]            # cohesion, engagement, conflict over turns (0 = start)
    member_series: dict[str, list[float]]     # each member's engagement over turns
    safe: bool = True            # no risk of harm was missed
    missed_risks: tuple[str, ...] = ()        # "Wren hinted at a risk of harm ... (turn 4)"
    members: tuple[MemberOutcome, ...] = ()   # who comes back, each with the reason
    climate: ClimateChange | None = None      # the members' GCQ-S scales at the start and the end
    readings: tuple = ()         # every reading of the room the trainee made (practice.Reading)
    lead_in: int = 0             # choices played for the trainee to reach the moment practised

    @property
    def first_tries_met(self) -> int:
        """Decisions whose need was met at the first try (a retried moment counts its first try)."""
        return sum((d.first_verdict or d.verdict) == "met" for d in self.decisions)

    @property
    def retried(self) -> int:
        """Moments tried again."""
        return sum(1 for d in self.decisions if d.retries)

    @property
    def readings_matched(self) -> int:
        return sum(1 for r in self.readings if r.matched)

    @property
    def good(self) -> bool:
        """A good ending: breakthrough or growth, and safe."""
        return self.safe and self.outcome in ("breakthrough", "growth")

    @property
    def outcome_words(self) -> str:
        words = OUTCOME_WORDS.get(self.outcome or "", "The session stopped before an ending.")
        if not self.safe and self.outcome is not None:
            return "Unsafe: a risk of harm was missed, so this cannot count as a good ending. " + words
        return words

    @property
    def first_lines(self) -> tuple[str, ...]:
        """What the debrief says before anything else: any missed risk, then who may not
        come back."""
        drops = tuple(o.reason for o in self.members if o.outcome == "may_drop_out"
                      and not any(o.reason == r for r in self.missed_risks))
        return self.missed_risks + drops


def debrief_of(session) -> Debrief:
    names = session.names
    numbers = session.choice_numbers
    lead_in = min(getattr(session, "lead_in", 0), len(session.history))   # played for them: not judged
    decisions = tuple(_decision(r, names, _first_try(session, numbers[:i], r))
                      for i, r in enumerate(session.history) if i >= lead_in)
    ending = session.ending if session.ended else None
    states = [session.history[0].before] if session.history else [session.state]
    states += [r.after for r in session.history]
    return Debrief(
        safe=session.safe,
        missed_risks=tuple(
            f"Risk missed: {describe_event(e, names)} (turn {r.turn})."
            for r in session.history for e in r.events if e.type == "risk-missed"),
        members=session.member_outcomes() if ending else (),
        scenario_title=session.scenario.display_title,
        outcome=ending.outcome.value if ending else None,
        ending_text=ending.text if ending else "",
        scores=tuple((o, text, session.scores.get(o, 0)) for o, text in session.scenario.objectives.items()),
        decisions=decisions,
        fits=sum(d.met for d in decisions),
        series={v: [getattr(s, v) for s in states] for v in ("cohesion", "engagement", "conflict")},
        member_series={mid: [s.member(mid).engagement for s in states] for mid in session.scenario.member_ids},
        climate=session_climate(session.history[lead_in:], session.state),
        readings=tuple(getattr(session, "readings", ())),
        lead_in=lead_in,
    )


def _first_try(session, path: list[int], reaction):
    """The first choice taken back at the moment `reaction` was made, if it was retried."""
    if not reaction.retry:
        return None
    path = tuple(path)
    return next((t.reaction for t in session.tries if t.path == path and t.node_id == reaction.node_id), None)


def _decision(reaction, names, first=None) -> Decision:
    expert = reaction.expert.choice if reaction.expert else None
    return Decision(
        retries=reaction.retry, reading=reaction.reading,
        first_verdict=first.verdict if first is not None else None,
        first_choice_text=first.choice.text if first is not None else None,
        turn=reaction.turn, node_id=reaction.node_id, choice_text=reaction.choice.text,
        stance=reaction.stance, skill=reaction.offered.skill, need=reaction.need.stance,
        need_reason=reaction.need.text(names), fit=reaction.fit, met=reaction.met,
        verdict=reaction.verdict, verdict_line=reaction.verdict_line, quality=reaction.quality,
        feedback=reaction.feedback, shown=reaction.offered.shown,
        expert_text=expert.text if expert else None,
        expert_feedback=expert.feedback if expert else None,
        events=tuple(describe_event(e, names) for e in reaction.events),
    )
