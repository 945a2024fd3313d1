"""Turning pydantic's validation errors into diagnostics an instructor can act on.

Pydantic knows the shape of the format; this module knows how to say, in the instructor's
words and at the right line, what is wrong with it — with a did-you-mean where a word is
misspelt.
"""
from __future__ import annotations

import difflib
import typing
from enum import Enum

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostic, excerpt, shorten
from .yamlsource import Source

# Where the pydantic location names a union member rather than a key of the document.
_UNION_TAGS = ("str", "constrained-str", "list[Branch]")
_KIND = {
    "string": "text", "float": "a number", "int": "a whole number", "bool": "true or false",
    "dict": "a mapping (key: value)", "list": "a list", "model": "a mapping (key: value)",
}
# What a mapping is called in messages, by the model that validates it.
_WHAT = {
    "Scenario": "the scenario", "Member": "a member", "MemberStart": "a member's start",
    "Look": "look", "GroupSpec": "group", "GroupStart": "group start", "Dynamics": "dynamics",
    "Node": "a node", "Line": "a line", "Choice": "a choice", "Branch": "a branch",
    "Ending": "an ending", "Delta": "effects", "AuthoredNeed": "need", "PathTest": "a path test",
}


def did_you_mean(word: str, candidates) -> str:
    close = difflib.get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def diagnostics_from(error: ValidationError, model: type[BaseModel], base: tuple, source: Source):
    """One diagnostic per problem pydantic found in the value at `base`."""
    seen: set[tuple] = set()
    result = []
    data = _value_at(source.data, base)
    for item in error.errors():
        loc = _document_path(item["loc"], data)
        if loc is None:
            continue
        diagnostic = _one(item, model, base, loc, source)
        key = (diagnostic.code, diagnostic.line, diagnostic.col, diagnostic.message)
        if key not in seen:
            seen.add(key)
            result.append(diagnostic)
    return result


def _document_path(loc: tuple, data) -> tuple | None:
    """Drop pydantic's union tags from `loc`; None for errors of the union member not written."""
    path: list = []
    for part in loc:
        if part in _UNION_TAGS:
            value = _value_at(data, tuple(path))
            written = "list[Branch]" if isinstance(value, list) else "str"
            part = "str" if part == "constrained-str" else part
            if part != written and isinstance(value, (list, str)):
                return None
            if not isinstance(value, (list, str)):  # report the wrong type once, on 'str'
                return tuple(path) if part == "str" else None
            continue
        path.append(part)
    return tuple(path)


def _one(item: dict, model, base: tuple, loc: tuple, source: Source) -> Diagnostic:
    kind, path = item["type"], base + loc
    if loc and loc[-1] == "[key]":  # a constraint on a mapping's key: the key is the problem
        return _bad_key(item, base + loc[:-1], source)
    field = loc[-1] if loc else None
    if kind == "extra_forbidden":
        known = _fields_at(model, loc[:-1])
        line, col = source.where(path, key=True)
        where = _what(model, loc[:-1])
        return Diagnostic("unknown-key", f"unknown key {excerpt(field)} in {where}{did_you_mean(field, known)}", line, col)
    if kind == "missing":
        where = _what(model, loc[:-1])
        return Diagnostic("missing-key", f"missing required key '{field}' in {where}", *source.where(path[:-1]))
    line, col = source.where(path)
    value = _value_at(source.data, path)
    if value is None and item.get("input") is not None and not isinstance(item.get("input"), (dict, list)):
        value = item["input"]   # a value the model rewrote (a line's short form): what was written
    if kind == "literal_error" and loc == ("format",):
        return Diagnostic("unsupported-format", f"format {excerpt(repr(value))} is not supported; this program reads format 1", line, col)
    if kind == "enum":
        choices = _enum_values(model, loc)
        return Diagnostic("bad-value", f"{excerpt(value)} is not one of: {', '.join(choices)}{did_you_mean(value, choices)}", line, col)
    if kind == "string_pattern_mismatch":
        return _pattern(field, value, line, col)
    if kind == "string_too_short":
        return Diagnostic("bad-value", f"'{field}' must not be empty", line, col)
    if kind == "string_too_long":
        return Diagnostic("too-long", _too_long(_name(loc), value, item), line, col)
    if kind in ("greater_than_equal", "less_than_equal", "too_short", "too_long"):
        return Diagnostic("out-of-range", f"{_name(loc)}: {_soften(item['msg'])}", line, col)
    return Diagnostic("wrong-type", _wrong_type(field, kind, value, _short_form_name(field, path, source)), line, col)


def _short_form_name(field, path: tuple, source: Source) -> str | None:
    """`- joyce: yes` has no key 'text' to point at: the message names what Joyce says."""
    parent = _value_at(source.data, path[:-1])
    if field == "text" and isinstance(parent, dict) and len(parent) == 1 and "text" not in parent:
        return f"what {shorten(next(iter(parent)), 30)} says"
    return None


def _bad_key(item: dict, path: tuple, source: Source) -> Diagnostic:
    line, col = source.where(path, key=True)
    if item["type"] == "string_too_long":
        return Diagnostic("too-long", _too_long(f"the key {excerpt(path[-1], 20)}", path[-1], item), line, col)
    return Diagnostic("wrong-type", f"the key {excerpt(path[-1])} cannot be used here", line, col)


def _too_long(name: str, value, item: dict) -> str:
    limit = item.get("ctx", {}).get("max_length")
    return f"{name} is {len(str(value)):,} characters long; the limit is {limit:,}"


def _name(loc: tuple) -> str:
    """'title', or 'targets' item 2: what an instructor would look for in the file."""
    if loc and isinstance(loc[-1], int) and len(loc) > 1:
        return f"'{loc[-2]}' item {loc[-1] + 1}"
    return f"'{loc[-1]}'" if loc and isinstance(loc[-1], str) else "this text"


def _pattern(field, value, line, col) -> Diagnostic:
    if field in ("skin", "hair", "top"):
        return Diagnostic("bad-value", f"{excerpt(value)} is not a colour like \"#3a7ca5\"", line, col)
    rule = {
        "id": "lower-case letters, digits, '_' (and '-' for scenario ids), starting with a letter or digit",
    }.get(field, "the id pattern")
    return Diagnostic("bad-id", f"{excerpt(value)} is not a valid id: use {rule}", line, col)


def _wrong_type(field, kind: str, value, name: str | None = None) -> str:
    expected = next((w for k, w in _KIND.items() if kind.startswith(k)), "another kind of value")
    got = type(value).__name__ if value is not None else "nothing"
    got = {"str": "text", "bool": "true/false", "dict": "a mapping", "list": "a list",
           "int": shorten(repr(value)), "float": shorten(repr(value))}.get(got, got)
    hint = " (put it in quotes)" if kind.startswith("string") and isinstance(value, (bool, int, float)) else ""
    if kind.startswith("string") and isinstance(value, bool):
        hint = " (YAML reads a bare yes, no, on, off, true or false as true/false: put the text in quotes)"
    name = name or (f"'{field}'" if isinstance(field, str) else "this value")
    return f"{name} should be {expected}, not {got}{hint}"


def _soften(msg: str) -> str:
    return msg.replace("Input should be", "should be").replace("Dictionary", "mapping").replace("List", "list")


def _value_at(data, path: tuple):
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _model_at(model, loc: tuple):
    """The annotation that validates the value at `loc` below `model`."""
    current = model
    for part in loc:
        current = _unwrap(current, part)
        if current is None:
            return None
    return current


def _unwrap(annotation, part):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = _field_by_name(annotation, part)
        return field.annotation if field else None
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (list, dict):
        return args[-1]
    if origin is typing.Union or str(origin) == "types.UnionType":
        for arg in args:
            if arg is type(None):
                continue
            inner = _unwrap(arg, part)
            if inner is not None:
                return inner
    return None


def _field_by_name(model: type[BaseModel], name):
    for field_name, field in model.model_fields.items():
        if name in (field_name, field.alias):
            return field
    return None


def _as_model(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _as_model(arg)
        if found:
            return found
    return None


def _fields_at(model, loc: tuple) -> list[str]:
    target = _as_model(_model_at(model, loc))
    if target is None:
        return []
    return [f.alias or name for name, f in target.model_fields.items()]


def _what(model, loc: tuple) -> str:
    target = _as_model(_model_at(model, loc))
    return _WHAT.get(target.__name__, "this mapping") if target else "this mapping"


def _enum_values(model, loc: tuple) -> list[str]:
    annotation = _model_at(model, loc)
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, Enum):
            return [e.value for e in candidate]
    return []
