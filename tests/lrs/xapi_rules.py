"""The rules of an xAPI 1.0.3 statement that Circle's statements use, checked independently of
the code that makes them (the LRS tests also have Ralph's own models check every statement)."""
from __future__ import annotations

import re
import uuid
from datetime import datetime
from urllib.parse import urlsplit

TOP = {"id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority",
       "version", "attachments"}
IFIS = ("mbox", "mbox_sha1sum", "openid", "account")
INTERACTIONS = {"true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing",
                "likert", "numeric", "other"}
LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def problems_of(statement: dict) -> list[str]:
    """Every rule the statement breaks, in words; [] when it is a valid 1.0.3 statement."""
    found: list[str] = []
    unknown = set(statement) - TOP
    _check(found, not unknown, f"unknown properties {sorted(unknown)}")
    _check(found, _uuid(statement.get("id")), "id is not a UUID")
    _check(found, statement.get("version", "1.0.3") == "1.0.3", "version is not 1.0.3")
    _agent(found, statement.get("actor"))
    verb = statement.get("verb", {})
    _check(found, _iri(verb.get("id")), "verb id is not an IRI")
    _language_map(found, verb.get("display", {}), "verb display")
    _object(found, statement.get("object", {}))
    _result(found, statement.get("result"))
    _context(found, statement.get("context"))
    if statement.get("object", {}).get("objectType", "Activity") != "Activity":
        context = statement.get("context") or {}
        _check(found, "platform" not in context and "revision" not in context,
               "context platform or revision with an object that is not an Activity")
    _check(found, _time(statement.get("timestamp")), "timestamp is not ISO 8601 with a time zone")
    return found


def _agent(found: list[str], agent) -> None:
    if not isinstance(agent, dict):
        found.append("actor is not an object")
        return
    _check(found, agent.get("objectType", "Agent") == "Agent", "actor is not an Agent")
    present = [ifi for ifi in IFIS if ifi in agent]
    _check(found, len(present) == 1, f"actor has {len(present)} identifiers, not exactly one")
    account = agent.get("account")
    if account is not None:
        _check(found, _iri(account.get("homePage"), web=True), "account homePage is not a URL")
        _check(found, isinstance(account.get("name"), str) and account["name"], "account has no name")


def _object(found: list[str], target: dict) -> None:
    kind = target.get("objectType", "Activity")
    if kind == "StatementRef":
        _check(found, _uuid(target.get("id")), "StatementRef id is not a UUID")
        return
    _check(found, kind == "Activity", f"object type {kind} is not one Circle uses")
    _check(found, _iri(target.get("id")), "activity id is not an IRI")
    definition = target.get("definition", {})
    for key in ("name", "description"):
        if key in definition:
            _language_map(found, definition[key], f"activity {key}")
    if "type" in definition:
        _check(found, _iri(definition["type"]), "activity type is not an IRI")
    if "interactionType" in definition:
        _check(found, definition["interactionType"] in INTERACTIONS, "unknown interactionType")
        _check(found, definition.get("type") == "http://adlnet.gov/expapi/activities/cmi.interaction",
               "an interaction is not of type cmi.interaction")
        ids = [c.get("id") for c in definition.get("choices", [])]
        _check(found, len(ids) == len(set(ids)) and all(isinstance(i, str) and i for i in ids),
               "interaction components need distinct ids")


def _result(found: list[str], result) -> None:
    if result is None:
        return
    for key in ("success", "completion"):
        if key in result:
            _check(found, isinstance(result[key], bool), f"result {key} is not true or false")
    if "response" in result:
        _check(found, isinstance(result["response"], str), "result response is not text")
    _extensions(found, result.get("extensions", {}), "result")


def _context(found: list[str], context) -> None:
    if context is None:
        return
    if "registration" in context:
        _check(found, _uuid(context["registration"]), "registration is not a UUID")
    for kind, activities in context.get("contextActivities", {}).items():
        _check(found, kind in ("parent", "grouping", "category", "other"), f"unknown context activity {kind}")
        for activity in activities if isinstance(activities, list) else [activities]:
            _object(found, activity)
    if "language" in context:
        _check(found, bool(LANGUAGE.match(context["language"])), "context language is not a language tag")
    _extensions(found, context.get("extensions", {}), "context")


def _extensions(found: list[str], extensions: dict, where: str) -> None:
    _check(found, all(_iri(key) for key in extensions), f"{where} extension keys are not all IRIs")


def _language_map(found: list[str], value, what: str) -> None:
    _check(found, isinstance(value, dict) and all(LANGUAGE.match(k) and isinstance(v, str) for k, v in value.items()),
           f"{what} is not a language map")


def _check(found: list[str], ok, problem: str) -> None:
    if not ok:
        found.append(problem)


def _uuid(value) -> bool:
    try:
        return isinstance(value, str) and str(uuid.UUID(value)) == value.lower()
    except ValueError:
        return False


def _iri(value, web: bool = False) -> bool:
    if not isinstance(value, str) or " " in value:
        return False
    parts = urlsplit(value)
    if web:
        return parts.scheme in ("http", "https") and bool(parts.netloc)
    return bool(parts.scheme) and bool(parts.netloc or parts.path)


def _time(value) -> bool:
    try:
        return isinstance(value, str) and datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False
