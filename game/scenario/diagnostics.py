"""Diagnostics: every problem the loader can report, with a stable code.

Codes never change meaning once shipped: editors, tests and the authoring guide rely on them.
The table below is the one place they are defined; `scenarios/README.md` documents each.
All come from loading a file, except `path-failed`, which `validate` adds when it plays the
file's path tests (game/authoring/paths.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .characters import visible

EXCERPT = 60  # characters of a value from the file quoted in a message; the rest is elided
MAX_MESSAGE = 600  # a message longer than this has quoted too much; it is cut


class Severity(str, Enum):
    error = "error"
    warning = "warning"


E, W = Severity.error, Severity.warning

# code -> (severity, what it means). Messages are built where the problem is found.
CODES: dict[str, tuple[Severity, str]] = {
    "file-unreadable": (E, "the file cannot be read"),
    "file-too-large": (E, "the file is over the size limit (1 MiB)"),
    "bad-encoding": (E, "the file is not UTF-8 text"),
    "empty-file": (E, "the file holds no scenario"),
    "yaml-syntax": (E, "the YAML cannot be parsed"),
    "bad-tag": (E, "a YAML tag other than the plain ones (no objects from files)"),
    "alias-bomb": (E, "anchors and aliases expand past the limit (100,000 nodes)"),
    "recursive-alias": (E, "an anchor used inside itself, directly or by a merge key"),
    "too-deep": (E, "the file nests deeper than any scenario needs"),
    "not-a-mapping": (E, "the file's top level is not a mapping of keys"),
    "duplicate-key": (E, "the same key twice in one mapping"),
    "unknown-key": (E, "a key the format does not know"),
    "missing-key": (E, "a required key is missing"),
    "wrong-type": (E, "a value of the wrong kind (text, number, list, mapping)"),
    "bad-value": (E, "a value that is not one of the allowed words"),
    "out-of-range": (E, "a number or a count outside its allowed range"),
    "bad-id": (E, "an id that does not follow the id pattern"),
    "bad-text": (E, "text with a control, bidi or only zero-width characters"),
    "too-long": (E, "text longer than its field allows"),
    "unsupported-format": (E, "a format version this program does not read"),
    "duplicate-scenario": (E, "two files validated together with the same scenario id"),
    "duplicate-member": (E, "two members with the same id"),
    "reserved-id": (E, "a member id that is a reserved word"),
    "member-count": (E, "fewer than 3 or more than 12 members"),
    "unknown-node": (E, "a reference to a node that does not exist"),
    "unknown-member": (E, "a reference to a member who does not exist"),
    "unknown-objective": (E, "a reference to an objective that does not exist"),
    "bad-expression": (E, "a condition that cannot be read"),
    "unknown-name": (E, "a condition that names something that does not exist"),
    "no-choices": (E, "a node that is neither an ending nor has choices"),
    "ending-with-choices": (E, "an ending node that also has choices"),
    "too-many-choices": (E, "more than 6 choices in one node"),
    "last-branch-if": (E, "a `next` list whose last branch has an `if`"),
    "two-experts": (E, "more than one `expert: true` in one node"),
    "checks-risk-no-targets": (E, "a choice that `checks_risk` but names no `targets`"),
    "risk-never-checked": (E, "a `risk: true` line whose speaker no choice ever `checks_risk`"),
    "expert-not-best": (E, "an `expert: true` choice whose `quality` is not `best`"),
    "bad-asset-path": (E, "an asset path that is absolute or leaves the scenario's folder"),
    "path-failed": (E, "a path test (`paths:`) whose expectation does not hold when `validate` plays it"),
    "member-count-advice": (W, "outside the recommended 6..10 members"),
    "unreachable-node": (W, "a node that cannot be reached from `start`"),
    "dead-end": (W, "a node from which no ending can be reached"),
    "one-stance": (W, "a decision node that does not offer both a lead and a follow choice"),
    "unscored-objective": (W, "an objective that no choice scores"),
    "silent-member": (W, "a member who never speaks and is never targeted"),
    "no-feedback": (W, "a choice without feedback"),
    "no-expert": (W, "a decision node without an expert choice"),
    "before-joining": (W, "a line or choice involving a member before their `joins_at` node can be reached"),
}


@dataclass(frozen=True)
class Diagnostic:
    """One problem, at a 1-based line and column of the file."""

    code: str
    message: str
    line: int = 1
    col: int = 1

    def __post_init__(self):
        # Messages quote the file, and the file may hold anything: keep them one harmless line
        # wherever they are shown (a terminal, the window's problem panel, JSON).
        object.__setattr__(self, "message", shorten(visible(self.message), MAX_MESSAGE))

    @property
    def severity(self) -> Severity:
        return CODES[self.code][0]

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.error

    def format_text(self, path: str) -> str:
        return f"{visible(str(path))}:{self.line}:{self.col}: {self.severity.value}: [{self.code}] {self.message}"

    def as_dict(self, path: str) -> dict:
        return {
            "path": path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }


def excerpt(value, limit: int = EXCERPT) -> str:
    """A value from the file, quoted for a message: at most `limit` characters of it."""
    return f"'{shorten(value, limit)}'"


def shorten(value, limit: int = EXCERPT) -> str:
    """At most `limit` characters of `value`, and how long it really is when that is more."""
    text = str(value)
    return f"{text[:limit]}… ({len(text):,} characters)" if len(text) > limit else text
