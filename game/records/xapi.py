"""xAPI 1.0.3 statements for an attempt: what a Learning Record Store keeps of it.

An attempt says `initialized` when it starts, `answered` at each decision and `completed` at its
ending. Each statement is built once, when the choice it reports is recorded, and kept as it was
built: its id and timestamp never change, so sending it again can never make a second copy.

The result extensions carry what an instructor asks of a decision (node, stance, skill, quality,
verdict, the need and its reason) and of an ending (outcome, safe, who comes back); the context
extensions carry what a class report needs to rebuild the attempt exactly as an export would
(see lrs_attempts.py). Each answer says whether it was the first try at its moment or a retry,
and carries the learner's own reading of the room when one was made there (as Reading.as_dict:
what they said, the model's reading, whether they matched); facts a session does not have are
left out, never invented.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import quote

# Circle has no web site of its own. `.invalid` is reserved (RFC 2606), so these identifiers can
# never collide with anyone's real pages, and they stay the same in every version.
ROOT = "https://circle-sim.invalid/xapi"
SCENARIOS = f"{ROOT}/scenarios"
LEARNERS = f"{ROOT}/learners"          # the home page of the learners' accounts
EXTENSION = f"{ROOT}/extensions"
VERSION = "1.0.3"

VERBS = {
    "initialized": "http://adlnet.gov/expapi/verbs/initialized",
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
}
VERB_NAMES = {iri: name for name, iri in VERBS.items()}
VOIDED = "http://adlnet.gov/expapi/verbs/voided"
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"


def ext(name: str) -> str:
    """The IRI of one of Circle's extensions."""
    return f"{EXTENSION}/{name}"


def scenario_iri(scenario_id: str) -> str:
    return f"{SCENARIOS}/{quote(scenario_id, safe='')}"


def node_iri(scenario_id: str, node_id: str) -> str:
    """One decision point: the same id in every attempt at that scenario."""
    return f"{scenario_iri(scenario_id)}/nodes/{quote(node_id, safe='')}"


def actor(learner: str, identify: str, secret: str) -> dict:
    """The learner as the LRS will know them: by name when they chose that (and gave one), else
    by an id that stays the same for them on this machine but tells the LRS nothing of who they
    are (derived from a secret that never leaves the records)."""
    if identify == "name" and learner.strip():
        return {"objectType": "Agent", "name": learner,
                "account": {"homePage": LEARNERS, "name": learner}}
    anonymous = uuid.uuid5(uuid.UUID(secret), f"learner:{learner}")
    return {"objectType": "Agent", "account": {"homePage": LEARNERS, "name": f"anonymous-{anonymous}"}}


def registration(secret: str, attempt_id: int) -> str:
    """The attempt's registration: unique across machines, the same each time it is asked for."""
    return str(uuid.uuid5(uuid.UUID(secret), f"attempt:{attempt_id}"))


def timestamp(moment: float) -> str:
    """ISO 8601 in UTC to the millisecond, as xAPI asks."""
    return datetime.fromtimestamp(moment, timezone.utc).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class AttemptFacts:
    """What every statement of one attempt shares."""

    attempt_id: int
    registration: str
    actor: dict
    scenario_id: str
    scenario_title: str
    started: str            # as the export writes it (local time with its offset)
    seed: int
    digest: str

    @property
    def scenario_activity(self) -> dict:
        return {"objectType": "Activity", "id": scenario_iri(self.scenario_id),
                "definition": {"type": SIMULATION, "name": {"en-US": self.scenario_title}}}

    def context(self, sequence: int, extra: dict | None = None, parent: bool = True) -> dict:
        """The attempt's context; `sequence` orders its statements (timestamps may tie)."""
        extensions = {ext("attempt"): {"id": self.attempt_id, "started": self.started,
                                       "seed": self.seed, "digest": self.digest},
                      ext("sequence"): sequence}
        extensions.update(extra or {})
        context = {"registration": self.registration, "platform": "Circle", "language": "en",
                   "extensions": extensions}
        if parent:
            context["contextActivities"] = {"parent": [self.scenario_activity]}
        return context


def statement(facts: AttemptFacts, verb: str, target: dict, context: dict, made_at: float,
              result: dict | None = None) -> dict:
    """One statement with its id fixed now."""
    made = {"id": str(uuid.uuid4()), "actor": facts.actor,
            "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
            "object": target, "context": context, "timestamp": timestamp(made_at), "version": VERSION}
    if result is not None:
        made["result"] = result
    return made


def initialized(facts: AttemptFacts, sequence: int, made_at: float) -> dict:
    return statement(facts, "initialized", facts.scenario_activity,
                     facts.context(sequence, parent=False), made_at)


def answered(facts: AttemptFacts, sequence: int, made_at: float, reaction, decision: dict,
             scenario) -> dict:
    """One decision. `decision` is the attempt's decision as the export writes it (kept in the
    context so the class report can be rebuilt); the result says it in xAPI's words."""
    node = scenario.nodes[reaction.node_id]
    target = {"objectType": "Activity", "id": node_iri(facts.scenario_id, reaction.node_id),
              "definition": {"type": INTERACTION, "interactionType": "choice",
                             "name": {"en-US": reaction.node_id},
                             "choices": [{"id": f"choice-{i}", "description": {"en-US": c.text}}
                                         for i, c in enumerate(node.choices)]}}
    result = {"success": reaction.verdict == "met", "response": f"choice-{reaction.offered.index}",
              "extensions": decision_extensions(reaction)}
    context = facts.context(sequence, {ext("decision"): decision})
    return statement(facts, "answered", target, context, made_at, result)


def decision_extensions(reaction) -> dict:
    """What an instructor reads of one decision; a retry and a reading of the room only when
    the session recorded them."""
    found = {ext("turn"): reaction.turn, ext("node"): reaction.node_id, ext("stance"): reaction.stance,
             ext("skill"): reaction.offered.skill, ext("quality"): reaction.quality,
             ext("verdict"): reaction.verdict, ext("need"): reaction.need.stance,
             ext("need-reason"): reaction.need.text(reaction.names)}
    if reaction.need.member:
        found[ext("need-member")] = reaction.need.member
    retry = optional(reaction, "retry", "retries")
    if retry is not None:
        found[ext("try")] = "retry" if retry else "first-try"
    reading = optional(reaction, "reading", "room_reading")
    if reading is not None:
        found[ext("reading")] = plain(reading)
    return found


def completed(facts: AttemptFacts, sequence: int, made_at: float, session, ending: dict) -> dict:
    """The ending. `ending` holds what the export keeps of it (members with reasons, missed
    risks, scores, the final group, the choices), for the class report."""
    outcome = session.ending.outcome.value
    members = {m["member"]: m["outcome"] for m in ending["members"]}
    extensions = {ext("outcome"): outcome, ext("safe"): session.safe, ext("members"): members,
                  ext("ending"): session.node_id}
    climate = optional(session, "climate", "climate_scores") or _climate(session)
    if climate is not None:
        extensions[ext("climate")] = plain(climate)
    result = {"completion": True, "success": session.good_ending, "extensions": extensions}
    context = facts.context(sequence, {ext("attempt-ending"): ending}, parent=False)
    return statement(facts, "completed", facts.scenario_activity, context, made_at, result)


def _climate(session):
    """The members' Group Climate Questionnaire scales at the start and the end, and how they
    moved (game.sim.climate), read from the session's history."""
    from game.sim.climate import session_climate

    history = getattr(session, "history", None)
    if not history:
        return None
    return session_climate(history)


def optional(thing, *names):
    """A fact the engine may or may not provide yet: the first of `names` present and not None
    (a method is called). Absent facts are left out of the statement, never invented."""
    for name in names:
        value = getattr(thing, name, None)
        if callable(value):
            value = value()
        if value is not None:
            return value
    return None


def plain(value):
    """A value as JSON can carry it: dataclasses and named tuples become objects."""
    if hasattr(value, "as_dict"):       # its own account first: a Reading's says whether it matched
        value = value.as_dict()
    elif hasattr(value, "_asdict"):
        value = value._asdict()
    elif hasattr(value, "__dataclass_fields__"):
        value = {name: getattr(value, name) for name in value.__dataclass_fields__}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
