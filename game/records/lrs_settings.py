"""Where the Learning Record Store is, who the learner is to it, and the credentials to reach it.

Kept in `lrs.json` in the records folder (readable by its owner only, since it may hold a
password), apart from the window's settings.json, which the settings panel rewrites whole.
`CIRCLE_LRS_AUTH` ("user:password") outranks a password in the file, so a lab can keep
credentials out of every learner's folder. The password is never printed and never goes into a
report: what is shown of a store is `Lrs.shown`, its address without any credentials.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

FILE_NAME = "lrs.json"
AUTH_VARIABLE = "CIRCLE_LRS_AUTH"
IDENTIFY = ("anonymous", "name")      # the learner's choice; anonymous unless they say otherwise


class BadEndpoint(ValueError):
    """Not an http(s) address of an xAPI endpoint; the message says why in one line."""


@dataclass(frozen=True)
class Lrs:
    """One Learning Record Store: its xAPI endpoint (ending in '/') and basic-auth credentials."""

    endpoint: str
    auth: str | None = None

    @property
    def statements_url(self) -> str:
        return self.endpoint + "statements"

    @property
    def shown(self) -> str:
        """The address as it may be printed: never with credentials."""
        return self.endpoint

    def __repr__(self) -> str:   # a traceback or a log line must not show the password either
        return f"Lrs({self.endpoint!r}, auth={'set' if self.auth else 'none'})"


@dataclass(frozen=True)
class LrsSettings:
    endpoint: str | None = None
    identify: str = "anonymous"
    auth: str | None = None


def settings_path(folder: str | os.PathLike) -> Path:
    return Path(folder) / FILE_NAME


def read_settings(folder: str | os.PathLike) -> LrsSettings:
    """The stored settings; a missing, unreadable or hand-damaged file gives the defaults, and a
    bad value falls back for that value only."""
    try:
        data = json.loads(settings_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return LrsSettings()
    if not isinstance(data, dict):
        return LrsSettings()
    endpoint, auth, identify = data.get("endpoint"), data.get("auth"), data.get("identify")
    return LrsSettings(endpoint=endpoint if isinstance(endpoint, str) and endpoint.strip() else None,
                       identify=identify if identify in IDENTIFY else "anonymous",
                       auth=auth if isinstance(auth, str) and ":" in auth else None)


def write_settings(folder: str | os.PathLike, settings: LrsSettings) -> Path:
    """Write the file whole or not at all, readable by its owner only."""
    path = settings_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"endpoint": settings.endpoint, "identify": settings.identify}
    if settings.auth:
        data["auth"] = settings.auth
    handle, temporary = tempfile.mkstemp(prefix=".lrs-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=2)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    return path


def endpoint_of(url: str) -> tuple[str, str | None]:
    """(the endpoint without credentials, ending in '/'; credentials given in the address, if
    any). BadEndpoint for anything that is not an http(s) address."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadEndpoint("the LRS address must be an http:// or https:// address of its xAPI endpoint, "
                          "like http://127.0.0.1:8100/xAPI/")
    auth = None
    if parts.username is not None:
        auth = f"{parts.username}:{parts.password or ''}"
    netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    if parts.port:
        netloc += f":{parts.port}"
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((parts.scheme, netloc, path, "", "")), auth


def choose_lrs(folder: str | os.PathLike | None, url: str | None) -> tuple[Lrs | None, str]:
    """The store to use (--lrs URL, else the setting) and how the learner identifies to it.

    Credentials: $CIRCLE_LRS_AUTH, else the settings file, else any given in the address."""
    settings = read_settings(folder) if folder is not None else LrsSettings()
    chosen = url if url is not None else settings.endpoint
    if not chosen:
        return None, settings.identify
    endpoint, in_address = endpoint_of(chosen)
    auth = os.environ.get(AUTH_VARIABLE) or settings.auth or in_address
    return Lrs(endpoint, auth if auth and ":" in auth else None), settings.identify
