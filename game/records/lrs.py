"""Talking to a Learning Record Store over xAPI 1.0.3 (HTTP, basic auth), with the standard library.

Sending is safe to repeat: every statement carries the id it was given when it was made, and an
LRS stores a statement id once (it answers 204 to the same statement again). A batch the LRS
will not take whole is sent again one statement at a time, so one statement it refuses never
holds back the others, and the refusal is kept with that statement, never dropped.
"""
from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlencode, urljoin, urlsplit

from .lrs_settings import Lrs

TIMEOUT = 10.0          # seconds: a slow LRS makes play wait for nothing (sending is in the background)
BATCH = 50              # statements per request
HEADERS = {"X-Experience-API-Version": "1.0.3", "Content-Type": "application/json",
           "Accept": "application/json"}
MAX_PAGES = 10_000      # a `more` link that never ends is the LRS's fault, not a reason to loop forever


class LrsAway(Exception):
    """The LRS cannot be reached or is failing now; later may work. The message names it."""


class LrsRefused(Exception):
    """The LRS answered but will not let us in (wrong credentials, or none)."""


@dataclass
class Sent:
    """What one sending did: ids the LRS now holds, and statements it refused, with why."""

    stored: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)


def send(lrs: Lrs, statements: list[dict]) -> Sent:
    """Send statements in batches; LrsAway or LrsRefused when the LRS cannot take any now."""
    sent = Sent()
    for start in range(0, len(statements), BATCH):
        batch = statements[start:start + BATCH]
        status, _ = _request(lrs, "POST", lrs.statements_url, batch)
        if status in (200, 204):
            sent.stored += [s["id"] for s in batch]
        else:
            _one_by_one(lrs, batch, sent)
    return sent


def _one_by_one(lrs: Lrs, batch: list[dict], sent: Sent) -> None:
    """PUT each statement under its own id: 204 means the LRS holds it (new, or already had it)."""
    for statement in batch:
        url = f"{lrs.statements_url}?{urlencode({'statementId': statement['id']})}"
        status, detail = _request(lrs, "PUT", url, statement)
        if status in (200, 204):
            sent.stored.append(statement["id"])
        else:
            sent.refused[statement["id"]] = f"the LRS answered {status}: {detail}"[:500]


def fetch(lrs: Lrs, **query) -> list[dict]:
    """Every statement matching the query, following the LRS's `more` links."""
    url = lrs.statements_url + (f"?{urlencode(query)}" if query else "")
    found: list[dict] = []
    for _ in range(MAX_PAGES):
        status, body = _request(lrs, "GET", url)
        if status != 200 or not isinstance(body, dict) or not isinstance(body.get("statements"), list):
            raise LrsAway(f"the LRS at {lrs.shown} did not return statements ({status}: {str(body)[:200]})")
        found += [s for s in body["statements"] if isinstance(s, dict)]
        more = body.get("more")
        if not more:
            return found
        url = _same_server(lrs, urljoin(lrs.statements_url, more))
    raise LrsAway(f"the LRS at {lrs.shown} kept offering more statements; stopped after {MAX_PAGES} pages")


def _same_server(lrs: Lrs, url: str) -> str:
    """Credentials go only to the server they were given for, wherever a `more` link points."""
    if urlsplit(url)[:2] != urlsplit(lrs.endpoint)[:2]:
        raise LrsAway(f"the LRS at {lrs.shown} pointed to another server for more statements")
    return url


def _request(lrs: Lrs, method: str, url: str, body=None) -> tuple[int, object]:
    """(status, decoded body or its text) for any answer; 401/403 raise LrsRefused and a server
    failure or no answer raises LrsAway, since nothing can be learned of single statements then."""
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=data, method=method, headers=_headers(lrs))
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, _decoded(response.read())
    except urllib.error.HTTPError as err:
        status, detail = err.code, _decoded(err.read())
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", None) or err
        raise LrsAway(f"the LRS at {lrs.shown} cannot be reached ({reason})") from None
    if status in (401, 403):
        raise LrsRefused(f"the LRS at {lrs.shown} refused the credentials ({status}); "
                         "set CIRCLE_LRS_AUTH=user:password or the password in the settings")
    if (status >= 500 and method != "POST") or status in (408, 429, 502, 503, 504):
        raise LrsAway(f"the LRS at {lrs.shown} is not answering properly now ({status})")
    return status, _detail(detail)


def _headers(lrs: Lrs) -> dict:
    headers = dict(HEADERS)
    if lrs.auth:
        headers["Authorization"] = "Basic " + base64.b64encode(lrs.auth.encode("utf-8")).decode("ascii")
    return headers


def _decoded(raw: bytes):
    if not raw:
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return raw.decode("utf-8", "replace")


def _detail(body) -> object:
    """An error answer's own words where it has them (`detail`, `message`), else the body."""
    if isinstance(body, dict):
        for key in ("detail", "message", "error"):
            if key in body:
                return body[key]
    return body
