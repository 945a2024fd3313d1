"""Loading a scenario: bytes -> YAML with marks -> typed Scenario -> the contract's rules.

Every step reports problems as diagnostics instead of raising, so one run tells an instructor
everything that is wrong with a file, each problem once, at its own line.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from . import rules
from .diagnostics import Diagnostic
from .files import FileProblem, read_regular_file
from .model import Choice, Line, Member, Node, PathTest, Scenario, inherit_phases
from .schema_errors import diagnostics_from
from .textcheck import check_text
from .yamlsource import MAX_BYTES, SourceError, decode, read_yaml


@dataclass
class LoadResult:
    """What loading a file gives: the scenario if it has no errors, and every diagnostic."""

    path: str
    scenario: Scenario | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    digest: str = ""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    @property
    def ok(self) -> bool:
        return self.scenario is not None


def load_path(path: str | Path) -> LoadResult:
    """Load a scenario file; never raises for a bad or unreadable file."""
    shown = str(path)
    try:
        raw = read_regular_file(path, MAX_BYTES)
    except FileProblem as problem:
        return LoadResult(shown, None, [Diagnostic(problem.code, str(problem))])
    return load_bytes(raw, shown)


def load_bytes(raw: bytes, path: str = "<scenario>") -> LoadResult:
    result = LoadResult(path, digest=hashlib.sha256(raw).hexdigest())
    try:
        text = decode(raw)
    except SourceError as err:
        result.diagnostics.append(err.diagnostic)
        return result
    return _load(text, result)


def load_text(text: str, path: str = "<scenario>") -> LoadResult:
    raw = text.encode("utf-8", "surrogatepass")
    return _load(text, LoadResult(path, digest=hashlib.sha256(raw).hexdigest()))


def _load(text: str, result: LoadResult) -> LoadResult:
    try:
        source = read_yaml(text)
    except SourceError as err:
        result.diagnostics.append(err.diagnostic)
        return result
    result.diagnostics.extend(source.problems)
    result.diagnostics.extend(check_text(source))
    if not isinstance(source.data, dict):
        kind = "a list" if isinstance(source.data, list) else "a single value"
        result.diagnostics.append(Diagnostic(
            "not-a-mapping", f"the file holds {kind}; a scenario is a mapping that starts with 'format: 1'"))
        return result
    scenario, complete = _typed(source, result.diagnostics)
    inherit_phases(scenario.nodes)   # a validated scenario has done it; a partial one has not
    known_nodes = set(source.data["nodes"]) if isinstance(source.data.get("nodes"), dict) else set()
    intact = {n for n, node in scenario.nodes.items() if not getattr(node, "salvaged", False)}
    sound = complete and not any(d.is_error for d in result.diagnostics)
    result.diagnostics.extend(rules.check(scenario, source, known_nodes, sound, intact))
    # One problem reached through several aliases of an anchor is one problem, at one place.
    result.diagnostics = sorted(dict.fromkeys(result.diagnostics), key=lambda d: (d.line, d.col, not d.is_error, d.code))
    if not result.errors:
        scenario._digest = result.digest
        _place_paths(scenario, source)
        result.scenario = scenario
    return result


def _place_paths(scenario: Scenario, source) -> None:
    """Each path test remembers where it is written: `validate` reports its failures there."""
    for index, test in enumerate(scenario.paths):
        test._at = source.where(("paths", index))


def _typed(source, diagnostics: list[Diagnostic]) -> tuple[Scenario, bool]:
    """The typed scenario; when parts are invalid, a partial one built from the valid parts."""
    try:
        return Scenario.model_validate(source.data), True
    except ValidationError as err:
        # A value the YAML reader could not read (a bad tag, `!!int "abc"`) is already reported
        # at its place and stands as nothing: saying it is missing or of the wrong type too
        # would report it twice.
        unreadable = {(d.line, d.col) for d in source.problems}
        diagnostics.extend(d for d in diagnostics_from(err, Scenario, (), source)
                           if (d.line, d.col) not in unreadable)
    return _partial(source.data), False


def _partial(data: dict) -> Scenario:
    """Best effort: valid members and nodes, so cross-reference rules can still run."""
    members = [m for m in _each_valid(Member, _as_list(data.get("members")))]
    raw_nodes = data.get("nodes") if isinstance(data.get("nodes"), dict) else {}
    nodes = {}
    for node_id, raw in raw_nodes.items():
        node = next(_each_valid(Node, [raw]), None)
        nodes[node_id] = node if node is not None else _salvaged_node(raw)
    objectives = data.get("objectives") if isinstance(data.get("objectives"), dict) else {}
    start = data.get("start") if isinstance(data.get("start"), str) else ""
    return Scenario.model_construct(
        format=1, id=str(data.get("id", "")), objectives={str(k): str(v) for k, v in objectives.items()},
        members=members, start=start, nodes=nodes,
        paths=list(_each_valid(PathTest, _as_list(data.get("paths")))),
    )


def _salvaged_node(raw) -> Node:
    """An invalid node's valid lines and choices, so their references are still checked."""
    raw = raw if isinstance(raw, dict) else {}
    node = Node.model_construct(
        phase=None, narration="", ending=None,
        lines=list(_each_valid(Line, _as_list(raw.get("lines")))),
        choices=list(_each_valid(Choice, _as_list(raw.get("choices")))),
    )
    object.__setattr__(node, "salvaged", True)  # its shape is already reported; skip shape rules
    return node


def _each_valid(model, items):
    for item in items:
        try:
            yield model.model_validate(item)
        except ValidationError:
            continue


def _as_list(value) -> list:
    return value if isinstance(value, list) else []
