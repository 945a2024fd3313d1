"""A class's attempts rebuilt from a Learning Record Store's statements, as exports would give them.

Statements are grouped by registration (one per attempt) and read in the order they were made
(their sequence, since timestamps can tie). Statements an undo voided are left out. The
decisions are taken as a path: an answer for turn N replaces any earlier answer for turn N and
everything after it, so a retried moment counts once, as the attempt finally went. The ending
counts only when it was reached by that path. Every attempt is then an ExportedAttempt, so the
class report is made from the store exactly as it is from files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import unquote

from pydantic import ValidationError

from . import xapi
from .exchange import ExportedAttempt, ExportedDecision

ANSWERED, COMPLETED = xapi.VERBS["answered"], xapi.VERBS["completed"]


@dataclass
class FromStore:
    attempts: list[ExportedAttempt] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)     # attempts that could not be rebuilt, and why


def attempts_from(statements: list[dict], scenario_id: str | None = None,
                  since: datetime | None = None) -> FromStore:
    """The attempts the statements tell of, oldest first; other programs' statements are ignored."""
    voided = {s["object"].get("id") for s in statements if _verb(s) == xapi.VOIDED and isinstance(s.get("object"), dict)}
    by_attempt: dict[str, list[dict]] = {}
    for found in statements:
        registration = _attempt_key(found)
        if registration and found.get("id") not in voided and _verb(found) != xapi.VOIDED:
            by_attempt.setdefault(registration, []).append(found)
    store = FromStore()
    for registration, told in by_attempt.items():
        try:
            attempt = _attempt(sorted(told, key=_sequence))
        except (ValidationError, ValueError, KeyError, TypeError, AttributeError) as err:
            store.problems.append(f"attempt {registration} could not be read from the store ({err.__class__.__name__}); skipped")
            continue
        if (scenario_id is None or attempt.scenario == scenario_id) and (since is None or attempt.started_instant >= since.timestamp()):
            store.attempts.append(attempt)
    store.attempts.sort(key=lambda a: (a.started_instant, a.id))
    return store


def _attempt(told: list[dict]) -> ExportedAttempt:
    first = told[0]
    facts = first["context"]["extensions"][xapi.ext("attempt")]
    decisions, ending = _path(told)
    choices = [d.number for d in decisions]
    if ending is not None and ending.get("choices") != choices:
        ending = None                 # reached by a path later taken back
    scenario_id, title = _scenario(told)
    attempt = dict(id=facts["id"], learner=_learner(first["actor"]), scenario=scenario_id, scenario_title=title,
                   digest=facts.get("digest", ""), seed=facts.get("seed", 0), choices=choices,
                   started=facts["started"], replayed=True, decisions=decisions)
    if ending is not None:
        attempt.update({key: ending[key] for key in ("outcome", "finished", "safe", "missed_risks", "members",
                                                     "scores", "final_group")})
        attempt["ending"] = ending["ending"]
    else:
        attempt.update(_so_far(told, decisions))
    return ExportedAttempt.model_validate(attempt)


def _path(told: list[dict]) -> tuple[list[ExportedDecision], dict | None]:
    """The decisions as the attempt finally went, and its last ending (if any)."""
    path: list[ExportedDecision] = []
    ending = None
    for found in told:
        extensions = found["context"]["extensions"]
        if _verb(found) == ANSWERED:
            decision = ExportedDecision.model_validate(extensions[xapi.ext("decision")])
            path = path[:decision.turn - 1] + [decision]
            ending = None
        elif _verb(found) == COMPLETED:
            ending = extensions[xapi.ext("attempt-ending")]
    return path, ending


def _so_far(told: list[dict], decisions: list[ExportedDecision]) -> dict:
    """An attempt with no ending: safe unless a risk was missed on the way, as an export says."""
    missed = [f"Risk missed: {e.text} (turn {d.turn})." for d in decisions for e in d.events if e.type == "risk-missed"]
    standing = {}
    for found in told:
        standing = found["context"]["extensions"].get(xapi.ext("standing"), standing)
    return {"safe": not missed, "missed_risks": missed, "scores": standing.get("scores", {}),
            "final_group": standing.get("group", {})}


def _scenario(told: list[dict]) -> tuple[str, str | None]:
    """The scenario's id (from its activity's IRI) and title, from whichever statement names it."""
    for found in told:
        activities = [found.get("object", {})] + found["context"].get("contextActivities", {}).get("parent", [])
        for activity in activities:
            iri = activity.get("id", "")
            prefix = xapi.SCENARIOS + "/"
            if iri.startswith(prefix) and "/" not in iri[len(prefix):]:
                return unquote(iri[len(prefix):]), activity.get("definition", {}).get("name", {}).get("en-US")
    raise ValueError("no statement names the scenario")


def _learner(actor: dict) -> str:
    """The name the learner chose to give, else their anonymous id: one per learner either way."""
    return actor.get("name") or actor.get("account", {}).get("name", "")


def _attempt_key(found: dict) -> str | None:
    context = found.get("context")
    if not isinstance(context, dict) or not isinstance(context.get("extensions"), dict):
        return None
    if xapi.ext("attempt") not in context["extensions"]:
        return None
    return context.get("registration")


def _sequence(found: dict) -> tuple[int, str]:
    sequence = found["context"]["extensions"].get(xapi.ext("sequence"), 0)
    return (sequence if isinstance(sequence, int) else 0, found.get("timestamp", ""))


def _verb(found: dict) -> str | None:
    verb = found.get("verb")
    return verb.get("id") if isinstance(verb, dict) else None


def since_date(text: str) -> datetime:
    """--since: a date (YYYY-MM-DD, from its start in local time) or a date and time; ValueError."""
    text = text.strip()
    moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    if moment.tzinfo is None:
        moment = moment.astimezone()          # local time, as the learner's clock said it
    return moment.astimezone(timezone.utc)
