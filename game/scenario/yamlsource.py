"""Reading untrusted YAML safely, keeping where every key and value was written.

The text is only *composed* (parsed into nodes with their marks), never constructed by a YAML
constructor that could build objects. We build plain dicts, lists and scalars ourselves, which
lets us refuse foreign tags, catch duplicate keys, stop alias bombs after a fixed budget of
nodes, and remember a line and column for every path in the document.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import re

import yaml

from .diagnostics import Diagnostic, excerpt, shorten

try:  # libyaml's C parser is several times faster; pure Python is the fallback. (`bench` times it too.)
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader

MAX_BYTES = 1024 * 1024  # the contract's limit: no hand-written scenario comes near it
MAX_NODES = 100_000  # nodes after alias expansion; a bomb stops here, quickly
MAX_DEPTH = 64  # scenarios nest about 8 deep; far deeper is an attack or an accident
MAX_FLOW_DEPTH = 1000  # libyaml's composer recurses in C: deep `[[[[` must never reach it
_LONGEST_NUMBER = 4000  # Python refuses to read integers of more than 4,300 digits

Path = tuple  # a path into the document: keys and list indexes
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{t}" for t in ("null", "bool", "int", "float", "str", "timestamp")}
_BRACKETS = re.compile(r"[\[\]{}]")
_SAFE = yaml.constructor.SafeConstructor()


class SourceError(Exception):
    """The document cannot be read at all; carries the one diagnostic that says why."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


@dataclass
class Source:
    """Plain data from a YAML file, plus the 1-based position of every value and key."""

    data: Any
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)

    def where(self, path: Path, key: bool = False) -> tuple[int, int]:
        """Position of `path`, or of the nearest enclosing value that has one."""
        path = tuple(path)
        table = self.keys if key else self.values
        if path in table:
            return table[path]
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return (1, 1)


def decode(raw: bytes) -> str:
    """UTF-8 text from bytes, or a SourceError at the first bad byte."""
    if len(raw) > MAX_BYTES:
        raise SourceError(
            Diagnostic("file-too-large", f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise SourceError(
            Diagnostic("bad-encoding", f"byte 0x{raw[err.start]:02x} is not UTF-8; save the file as UTF-8", line, col)
        )


def read_yaml(text: str) -> Source:
    """Compose `text` and convert it to plain data with marks; SourceError if impossible."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise SourceError(Diagnostic("file-too-large", f"text is {size:,} bytes; the limit is {MAX_BYTES:,}"))
    _check_flow_depth(text)
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as err:
        raise SourceError(_syntax_diagnostic(err, text))
    except yaml.YAMLError as err:
        raise SourceError(Diagnostic("yaml-syntax", str(err).splitlines()[0]))
    except RecursionError:
        raise SourceError(Diagnostic("too-deep", f"nesting deeper than {MAX_DEPTH} levels"))
    if root is None:
        raise SourceError(Diagnostic("empty-file", "the file is empty; a scenario starts with 'format: 1'"))
    source = Source(data=None)
    source.data = _Converter(source).convert(root, (), 0)
    return source


def _check_flow_depth(text: str) -> None:
    """Refuse absurd `[[[[...` nesting before the C composer, which would overflow its stack."""
    if text.count("[") + text.count("{") <= MAX_FLOW_DEPTH:
        return
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth = depth + 1 if match.group(0) in "[{" else max(depth - 1, 0)
        if depth > MAX_FLOW_DEPTH:
            line = text.count("\n", 0, match.start()) + 1
            raise SourceError(Diagnostic("too-deep", f"brackets nest deeper than {MAX_FLOW_DEPTH} levels", line, 1))


def _syntax_diagnostic(err: yaml.MarkedYAMLError, text: str) -> Diagnostic:
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = err.problem or err.context or "cannot parse"
    if err.context and err.problem:
        problem = f"{problem} ({err.context})"
    if problem.startswith("mapping values are not allowed"):
        problem += _colon_fix(text, line)
    return Diagnostic("yaml-syntax", problem, line, col)


_KEY_AND_TEXT = re.compile(r"^(\s*(?:- )?[A-Za-z0-9_-]+:[ \t]+)(.*?)\s*$")


def _colon_fix(text: str, line: int) -> str:
    """YAML's words for the commonest mistake in a scenario, an unquoted ': ' inside text, and
    the fix, shown on the very line when it can be (the instructor sees what to type)."""
    lines = text.splitlines()
    written = lines[line - 1] if 0 < line <= len(lines) else ""
    match = _KEY_AND_TEXT.match(written)
    if not match or match.group(2)[:1] in ('"', "'", "[", "{", "|", ">"):
        return ": text that holds ': ' must be put in double quotes (or written on the lines below '>-')"
    key, value = match.group(1).strip(), match.group(2)
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return (f": the text holds ': ', which YAML reads as another key. Put the text in double quotes: "
            f"{key} {shorten(quoted, 80)}")


class _Converter:
    """Walks composed nodes into plain data.

    A node met a second time was reached through an alias; it and everything under it count
    toward the expansion budget, so a bomb stops after MAX_NODES copies however it is built.
    """

    def __init__(self, source: Source):
        self.source = source
        self.seen: set[int] = set()
        self.open: set[int] = set()  # nodes being converted now: meeting one again is a cycle
        self.merges: dict[int, list] = {}  # a mapping's merged pairs, worked out once
        self.expanded = 0  # nodes produced by alias expansion so far
        self.aliasing = 0  # > 0 while converting under an alias

    def convert(self, node: yaml.Node, path: Path, depth: int) -> Any:
        pos = _pos(node)
        if depth > MAX_DEPTH:
            raise SourceError(Diagnostic("too-deep", f"nesting deeper than {MAX_DEPTH} levels", *pos))
        if id(node) in self.open:
            raise SourceError(_recursive(node))
        alias = id(node) in self.seen
        self.seen.add(id(node))
        self.aliasing += alias
        self.open.add(id(node))
        try:
            if self.aliasing:
                self.count(1, pos)
            self.source.values[path] = pos
            return self._value(node, path, depth)
        finally:
            self.aliasing -= alias
            self.open.discard(id(node))

    def count(self, nodes: int, pos: tuple[int, int]) -> None:
        """Charge `nodes` to the expansion budget; past it, the file is refused."""
        self.expanded += nodes
        if self.expanded > MAX_NODES:
            raise SourceError(Diagnostic("alias-bomb", f"anchors and aliases expand past {MAX_NODES:,} nodes", *pos))

    def _value(self, node: yaml.Node, path: Path, depth: int) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth) if node.tag == f"{_TAG}map" else self._bad_tag(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != f"{_TAG}seq":
                return self._bad_tag(node)
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            return self._bad_tag(node)
        if node.tag == f"{_TAG}timestamp":
            return node.value  # dates stay text: no field of the format is a date
        try:
            return _SAFE.yaml_constructors[node.tag](_SAFE, node)
        except (ValueError, KeyError, IndexError, OverflowError, yaml.YAMLError):
            # An explicit tag on a value that does not fit it (`!!int "abc"`, an empty
            # `!!float`), or a number too long for Python to read: PyYAML raises whatever
            # its converter happens to raise, so each becomes a diagnostic here.
            self.source.problems.append(_unreadable_scalar(node))
            return None

    def _bad_tag(self, node: yaml.Node) -> None:
        self.source.problems.append(Diagnostic(
            "bad-tag", f"tag '{node.tag}' is not allowed; scenario files use plain YAML only", *_pos(node)))
        return None

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict:
        result: dict = {}
        first_seen: dict = {}
        for key_node, value_node in self._merged_pairs(node):
            merged = isinstance(key_node, _MergedKey)
            key = key_node.value if merged else self._key(key_node)
            if key is None:
                continue
            pos = _pos(key_node)
            if key in first_seen:
                if first_seen[key] is not None:  # keys that came in by a merge: the first wins
                    self.source.problems.append(Diagnostic(
                        "duplicate-key", f"duplicate key '{key}' (first at line {first_seen[key][0]})", *pos))
                continue
            first_seen[key] = None if merged else pos
            self.source.keys[path + (key,)] = pos
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result

    def _key(self, key_node: yaml.Node):
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag in _SCALAR_TAGS:
            reported = len(self.source.problems)
            value = self._scalar(key_node)
            if len(self.source.problems) > reported:
                return None  # unreadable (reported): the pair is skipped, not read as 'None'
            return value if isinstance(value, str) else str(value)
        self.source.problems.append(Diagnostic("wrong-type", "a key must be plain text", *_pos(key_node)))
        return None

    def _merged_pairs(self, node: yaml.MappingNode, chain: tuple = ()) -> list:
        """The mapping's own pairs, then pairs brought in by `<<: *anchor` (YAML merge keys).

        Worked out once per mapping, and each merged key kept once (the first wins), so merges
        of merges cost what the file holds, not what it would expand to. A mapping that merges
        itself, directly or through others, is refused.
        """
        if id(node) in self.merges:
            return self.merges[id(node)]
        if not any(key.tag == f"{_TAG}merge" for key, _ in node.value):
            return node.value  # the common case: nothing merged, nothing to remember
        if len(chain) > MAX_DEPTH:
            raise SourceError(Diagnostic("too-deep", f"merges nest deeper than {MAX_DEPTH} levels", *_pos(node)))
        chain += (id(node),)
        own, merged = [], []
        for key_node, value_node in node.value:
            if key_node.tag != f"{_TAG}merge":
                own.append((key_node, value_node))
                continue
            for src in self._merge_sources(value_node, chain):
                merged.extend((_MergedKey(k), v) for k, v in self._merged_pairs(src, chain))
        pairs = own + _first_of_each(merged, {_key_identity(k) for k, _ in own})
        self.count(len(pairs) - len(own), _pos(node))
        self.merges[id(node)] = pairs
        return pairs

    def _merge_sources(self, value_node: yaml.Node, chain: tuple) -> list:
        """The mappings a `<<:` value names; a problem for anything else, or for a cycle."""
        sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        usable = []
        for src in sources:
            if not isinstance(src, yaml.MappingNode):
                self.source.problems.append(Diagnostic("wrong-type", "'<<' merges mappings only", *_pos(src)))
            elif src.tag != f"{_TAG}map":
                self._bad_tag(src)
            elif id(src) in chain:
                raise SourceError(_recursive(src))
            else:
                usable.append(src)
        return usable


def _key_identity(key_node: yaml.Node):
    """What makes two keys the same: the text of a plain key; any other key is its own."""
    return key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)


def _first_of_each(pairs: list, taken: set) -> list:
    kept = []
    for key_node, value_node in pairs:
        identity = _key_identity(key_node)
        if identity not in taken:
            taken.add(identity)
            kept.append((key_node, value_node))
    return kept


def _recursive(node: yaml.Node) -> Diagnostic:
    return Diagnostic("recursive-alias", "the anchor here is used inside itself (by an alias or a '<<' "
                      "merge), so its value would never end", *_pos(node))


def _unreadable_scalar(node: yaml.ScalarNode) -> Diagnostic:
    """Why a scalar could not become a value: too long a number, or a tag it does not fit."""
    tag = node.tag.replace(_TAG, "!!")
    if tag in ("!!int", "!!float") and len(node.value) > _LONGEST_NUMBER:
        return Diagnostic("out-of-range", f"a number of {len(node.value):,} characters; no value in a "
                          "scenario needs more than a few", *_pos(node))
    kind = {"!!int": "a whole number", "!!float": "a number", "!!bool": "true or false"}.get(tag, tag)
    shown = excerpt(node.value) if node.value else "an empty value"
    return Diagnostic("wrong-type", f"{shown} cannot be read as {kind} ({tag}); fix the value or remove the tag",
                      *_pos(node))


class _MergedKey(yaml.ScalarNode):
    """A key copied in by a merge: it keeps its position but never counts as a duplicate."""

    def __init__(self, key_node: yaml.Node):
        super().__init__("merged", key_node.value, key_node.start_mark, key_node.end_mark)


def _pos(node: yaml.Node) -> tuple[int, int]:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)
