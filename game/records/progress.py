"""A learner's skills over time: what they tried, what met the group's need, what to practise.

Feedback teaches only when a student can see a pattern across attempts: "you keep missing the
moment Helen goes quiet" says more than one debrief. Every attempt in the records is replayed
(the records keep only choices and seeds; replay.py), and each decision is counted under the
skill of the choice made: tried, and met when its verdict was `met` (the only verdict that
earns a tick, TEACHING.md). A choice taken back to try the moment again (a try, kept in the
records) was tried too, and so is the retry after it: both count, and the retries are counted
apart. Moments whose first try was not `met` are the moments missed, counted per scenario and
node: a retry that met the need does not hide the miss before it. The suggestions (`next`) come from them: the moments missed
most, a moment that calls for the weakest skill, then scenarios not yet played, easiest first.

Attempts that cannot be replayed (their scenario file is gone or no longer fits the choices)
are named in `problems` and left out of the counts: a guess would mislead more than a gap.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from game.scenario import Scenario, load_path
from game.scenario.model import Level, Skill
from game.scenario.skill_domains import skill_with_domain

from .readings import ReadingTally
from .replay import ScenarioFinder, replay
from .store import Attempt, Records

MET = "met"
SUGGESTIONS = 3            # how many suggestions `next` holds: a few to choose from, not a syllabus
MISSED_MOMENTS = 2         # of them, at most this many are moments to replay (the rest look wider)
WEAK_SHARE = 0.5           # a skill met less often than this, over at least WEAK_TRIES tries, is weak
WEAK_TRIES = 2
FIRST_SCENARIO = "tutorial"  # where someone with no attempts starts
LEVEL_ORDER = {level.value: rank for rank, level in enumerate(Level)}


@dataclass
class SkillTally:
    tried: int = 0
    met: int = 0
    retries: int = 0            # of the tries, how many were a moment tried again

    @property
    def share(self) -> float:
        return self.met / self.tried if self.tried else 0.0

    def as_dict(self) -> dict:
        return {"tried": self.tried, "met": self.met}


@dataclass
class MomentTally:
    """One decision node of one scenario, over all the learner's attempts."""

    scenario: str
    node: str
    reached: int = 0            # times this moment was met (its first try; retries are not counted here)
    missed: int = 0             # of them, first tries whose verdict was other than `met`
    need: str = ""              # what the group needed, the last time it was missed here
    need_stance: str = ""       # ... and the stance that was
    skill: str | None = None    # the skill of the recommended (expert) choice here, if any
    stance: str | None = None   # ... and its stance

    @property
    def key(self) -> tuple:
        """Most missed first, then the larger share missed, then by name (a stable order)."""
        return (-self.missed, -self.missed / self.reached if self.reached else 0.0, self.scenario, self.node)


@dataclass(frozen=True)
class Suggestion:
    """What to practise next: a moment to replay (`node`), or a whole scenario (`node` None)."""

    scenario: str
    node: str | None
    why: str

    def as_dict(self) -> dict:
        return {"scenario": self.scenario, "node": self.node, "why": self.why}


@dataclass
class Progress:
    learner: str | None
    attempts: int = 0
    decisions: int = 0
    retries: int = 0                 # of the decisions, how many tried a moment again
    skills: dict[str, SkillTally] = field(default_factory=lambda: {s.value: SkillTally() for s in Skill})
    moments: dict[tuple[str, str], MomentTally] = field(default_factory=dict)
    reading: ReadingTally = field(default_factory=ReadingTally)
    next: list[Suggestion] = field(default_factory=list)
    played: Counter = field(default_factory=Counter)      # scenario id -> attempts
    good: set = field(default_factory=set)                # scenarios with a good (safe) ending
    titles: dict[str, str] = field(default_factory=dict)  # scenario id -> title
    problems: list[str] = field(default_factory=list)

    def most_missed(self, limit: int = 5) -> list[MomentTally]:
        missed = [m for m in self.moments.values() if m.missed]
        return sorted(missed, key=lambda m: m.key)[:limit]

    def weak_skills(self) -> list[str]:
        """Skills met less than half the time over enough tries, the weakest first."""
        weak = [(tally.share, -tally.tried, skill) for skill, tally in self.skills.items()
                if tally.tried >= WEAK_TRIES and tally.share < WEAK_SHARE]
        return [skill for *_, skill in sorted(weak)]

    def as_json(self) -> dict:
        """The `progress --json` object: exactly `skills`, `reading` and `next`."""
        return {"skills": {skill: tally.as_dict() for skill, tally in self.skills.items()},
                "reading": self.reading.as_dict(),
                "next": [suggestion.as_dict() for suggestion in self.next]}


# -- counting ----------------------------------------------------------------------------------

def progress_of(records: Records, learner: str | None, finder: ScenarioFinder,
                library: list[Scenario] | None = None) -> Progress:
    """The learner's progress (everyone's when `learner` is None) over all their attempts.
    `library` holds the scenarios that may be suggested (the shipped ones)."""
    progress = Progress(learner)
    attempts = records.attempts(learner)
    for attempt in attempts:
        _count_attempt(progress, attempt, finder)
    progress.reading = ReadingTally(asked=sum(len(a.readings) for a in attempts),
                                    matched=sum(r.matched for a in attempts for r in a.readings))
    progress.problems += records.report_lines()
    progress.next = suggest(progress, library or [])
    return progress


def _count_attempt(progress: Progress, attempt: Attempt, finder: ScenarioFinder) -> None:
    progress.attempts += 1
    progress.played[attempt.scenario_id] += 1
    replayed = replay(attempt, finder)
    try:
        if not replayed.ok:
            progress.problems.append(f"attempt #{attempt.id} ({attempt.scenario_id}) could not be replayed "
                                     f"({replayed.problem}); its decisions are not counted")
            if attempt.good:
                progress.good.add(attempt.scenario_id)
            return
        progress.titles[attempt.scenario_id] = replayed.scenario.display_title
        if replayed.session.ended and _good_ending(replayed.session):
            progress.good.add(attempt.scenario_id)
        for decision in decisions_made(replayed.session, attempt.tries):
            _count_decision(progress, replayed.scenario, decision)
    finally:
        replayed.close()


def _good_ending(session) -> bool:
    return session.ending.outcome.value in ("breakthrough", "growth") and session.safe


def _count_decision(progress: Progress, scenario: Scenario, decision: Made) -> None:
    """Every decision counts for its skill, a retry as much as a first try; a moment counts
    once, by its first try, so a retry that met the need never hides the miss before it."""
    progress.decisions += 1
    progress.retries += decision.retry
    met = decision.verdict == MET
    if decision.skill is not None:
        tally = progress.skills.setdefault(decision.skill, SkillTally())
        tally.tried += 1
        tally.met += met
        tally.retries += decision.retry
    if decision.retry:
        return
    moment = progress.moments.get((scenario.id, decision.node))
    if moment is None:
        skill_there, stance_there = _expert(scenario, decision.node)
        moment = MomentTally(scenario.id, decision.node, skill=skill_there, stance=stance_there)
        progress.moments[(scenario.id, decision.node)] = moment
    moment.reached += 1
    if not met:
        moment.missed += 1
        moment.need, moment.need_stance = decision.need_text, decision.need_stance


@dataclass(frozen=True)
class Made:
    """One decision as progress counts it: a choice kept in the history, or one taken back."""

    node: str
    skill: str | None
    verdict: str
    need_text: str
    need_stance: str
    retry: bool               # not the first try at its moment


def decisions_made(session, tries) -> list[Made]:
    """The session's decisions with the tries taken back (records' StoredTry) in their places:
    at each moment, its tries in the order made, then the choice that stayed."""
    lead_in = getattr(session, "lead_in", 0)   # played for the trainee to reach a moment: not theirs
    kept = {tuple(session.choice_numbers[:i]): r for i, r in enumerate(session.history) if i >= lead_in}
    by_moment: dict[tuple, list[Made]] = {}
    for taken in tries:
        if len(taken.path) < lead_in:
            continue
        need = kept[taken.path].need_text if taken.path in kept else f"the group needed you to {taken.need_stance}"
        by_moment.setdefault(taken.path, []).append(
            Made(taken.node, taken.skill, taken.verdict, need, taken.need_stance, False))
    for path, reaction in kept.items():
        by_moment.setdefault(path, []).append(
            Made(reaction.node_id, reaction.offered.skill, reaction.verdict, reaction.need_text,
                 reaction.need.stance, False))
    made = []
    for decisions in by_moment.values():
        made += [decisions[0]] + [replace(d, retry=True) for d in decisions[1:]]
    return made


def _expert(scenario: Scenario, node_id: str) -> tuple[str | None, str | None]:
    """(skill, stance) of the node's recommended choice; Nones where it names none."""
    node = scenario.nodes.get(node_id)
    expert = next((c for c in node.choices if c.expert), None) if node else None
    if expert is None:
        return None, None
    return (expert.skill.value if expert.skill else None), expert.stance.value


# -- what to practise next ---------------------------------------------------------------------

def suggest(progress: Progress, library: list[Scenario], limit: int = SUGGESTIONS) -> list[Suggestion]:
    """Up to `limit` suggestions, each a different scenario or moment: the moments missed most;
    a moment that calls for the weakest skill; scenarios never played, easiest first; then a
    played one never yet ended well."""
    found: list[Suggestion] = []
    for rule in (_missed_moments, _weak_skill_moments, _unplayed, _not_yet_good):
        for suggestion in rule(progress, library):
            if len(found) < limit and not any(_same(suggestion, s) for s in found):
                found.append(suggestion)
    return found


def _same(one: Suggestion, other: Suggestion) -> bool:
    return one.scenario == other.scenario and (one.node == other.node or None in (one.node, other.node))


def _missed_moments(progress: Progress, library: list[Scenario]):
    """The moments missed most. The recommended move's skill is named only when it answers the
    need the trainee last missed here (the model's need follows the room, which differs from
    one attempt to the next)."""
    for moment in progress.most_missed(MISSED_MOMENTS):
        why = f"Not met at the first try {moment.missed} of {moment.reached} time{'s' if moment.reached > 1 else ''} here."
        if moment.need:
            why += f" Last time, {moment.need}."
        if moment.skill and moment.stance == moment.need_stance:
            why += f" The recommended move is {skill_with_domain(moment.skill)}."
        yield Suggestion(moment.scenario, moment.node, why)


def _weak_skill_moments(progress: Progress, library: list[Scenario]):
    """For each weak skill, a node whose recommended move uses it, in the scenario played least."""
    for skill in progress.weak_skills():
        tally = progress.skills[skill]
        for scenario in sorted(library, key=lambda s: (progress.played[s.id], _level(s), s.id)):
            node = next((node_id for node_id, node in scenario.nodes.items()
                         if any(c.expert and c.skill is not None and c.skill.value == skill for c in node.choices)), None)
            if node is not None:
                yield Suggestion(scenario.id, node, f"{_sentence(skill_with_domain(skill))} met the group's need "
                                 f"{tally.met} of {tally.tried} times; this moment calls for it.")
                break


def _unplayed(progress: Progress, library: list[Scenario]):
    first = [s for s in library if s.id == FIRST_SCENARIO]
    rest = sorted((s for s in library if s.id != FIRST_SCENARIO), key=lambda s: (_level(s), s.id))
    for scenario in first + rest:
        if not progress.played[scenario.id]:
            why = "Start here: the screen, the controls, and when to lead or follow." \
                if scenario.id == FIRST_SCENARIO and not progress.attempts \
                else f"Not played yet ({scenario.level.value})."
            yield Suggestion(scenario.id, None, why)


def _not_yet_good(progress: Progress, library: list[Scenario]):
    for scenario_id, count in sorted(progress.played.items()):
        if scenario_id not in progress.good:
            yield Suggestion(scenario_id, None, f"Played {count} time{'s' if count > 1 else ''}, "
                             "never yet to a safe breakthrough or growth.")


def _sentence(text: str) -> str:
    """The text with a capital first letter (and nothing else changed, unlike str.capitalize)."""
    return text[:1].upper() + text[1:]


def _level(scenario: Scenario) -> int:
    return LEVEL_ORDER.get(scenario.level.value, len(LEVEL_ORDER))


def load_library(folder: Path) -> list[Scenario]:
    """The scenarios in a folder that load without errors, in file order."""
    found = []
    for path in sorted(folder.glob("*.yaml")):
        scenario = load_path(path).scenario
        if scenario is not None:
            found.append(scenario)
    return found
