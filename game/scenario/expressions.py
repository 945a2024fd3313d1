"""Condition expressions (`if:` on choices and branches), parsed once when the file loads.

The text is parsed with Python's `ast` in eval mode and then walked against a whitelist of node
types; it is never compiled or evaluated by Python. Names are resolved at load time, so an unknown
name is an error at the line of the `if:`, not a surprise in the middle of a class.

Ids may contain hyphens (`score.draw-out`), which Python would read as subtraction, so dotted
names are first swapped for placeholders, longest known id first.
"""
from __future__ import annotations

import ast
import difflib
import operator
import re
from dataclasses import dataclass, field
from typing import Callable, Mapping

from .diagnostics import excerpt

GROUP_VARIABLES = ("cohesion", "engagement", "avoidance", "conflict")
MEMBER_VARIABLES = ("engagement", "trust", "distress")
COUNTERS = ("turn", "leads", "follows", "safe")
# What happened, for endings that follow the path: `events.<type>` counts events so far;
# `<member>.at_risk` (an open risk of harm now), `<member>.risk_missed`, `<member>.neglected`
# (times they were being lost). An extension of format 1.
EVENT_COUNTS = ("neglect", "breakthrough", "support", "monopolizing", "hostility", "rescuing",
                "withdrawal", "risk_checked", "risk_missed", "leaders_split", "leaders_repair")
MEMBER_HISTORY = ("at_risk", "risk_missed", "neglected")

_COMPARE = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}
_CONSTANTS = {"true": True, "false": False}
_DOTTED = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*\.\s*([A-Za-z0-9_][A-Za-z0-9_-]*)")
MAX_LENGTH = 500  # an expression longer than this is surely a mistake, and keeps parsing cheap


class ExpressionError(ValueError):
    """A condition that cannot be used; `code` is the diagnostic code, `offset` 0-based."""

    def __init__(self, code: str, message: str, offset: int = 0):
        super().__init__(message)
        self.code = code
        self.offset = offset


@dataclass(frozen=True)
class Names:
    """What a condition may mention: the scenario's members, nodes and objectives."""

    members: frozenset[str] = frozenset()
    nodes: frozenset[str] = frozenset()
    objectives: frozenset[str] = frozenset()

    def ids_after(self, prefix: str) -> frozenset[str] | None:
        return {"visited": self.nodes, "score": self.objectives}.get(prefix)

    def all_names(self) -> list[str]:
        names = [f"group.{v}" for v in GROUP_VARIABLES] + list(COUNTERS)
        names += [f"{m}.{v}" for m in sorted(self.members) for v in MEMBER_VARIABLES + MEMBER_HISTORY]
        names += [f"events.{e}" for e in EVENT_COUNTS]
        names += [f"visited.{n}" for n in sorted(self.nodes)]
        names += [f"score.{o}" for o in sorted(self.objectives)]
        return names


@dataclass(frozen=True)
class Condition:
    """A parsed condition: `holds(env)` looks each name up in `env` (name -> number or bool),
    or reads it from `env` as the `read` it was parsed with says (see parse_condition)."""

    source: str
    names: tuple[str, ...]
    _test: Callable[[Mapping[str, float]], object] = field(repr=False, compare=False)

    def holds(self, env: Mapping[str, float]) -> bool:
        return bool(self._test(env))


def parse_condition(source: str, names: Names, read: Callable[[str], Callable] | None = None) -> Condition:
    """Parse `source` or raise ExpressionError with a stable code and a helpful message.

    `read`, if given, turns a name into the function that reads it from what `holds` will be
    given (by default, a mapping of names to values): the engine hands in its own readers, so
    a check reads the session straight away rather than through a lookup by name."""
    if not isinstance(source, str) or not source.strip():
        raise ExpressionError("bad-expression", "empty condition")
    if len(source) > MAX_LENGTH:
        raise ExpressionError("bad-expression", f"condition longer than {MAX_LENGTH} characters")
    _refuse_known_slips(source)
    text, placeholders = _swap_dotted_names(source, names)
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (RecursionError, MemoryError):
        raise ExpressionError("bad-expression", "condition nested too deeply")
    except SyntaxError as err:
        offset = max((err.offset or 1) - 1, 0)
        raise ExpressionError("bad-expression", f"cannot read condition {excerpt(source, 80)}{_slip_hint(source)}", offset)
    build = _Build(placeholders, names, [], read or _by_name)
    test = _build(tree.body, build)
    return Condition(source, tuple(dict.fromkeys(build.used)), test)


def _by_name(word: str) -> Callable:
    return lambda env: env[word]


@dataclass
class _Build:
    """What building a condition's closures keeps at hand: the placeholders of dotted names,
    the names a condition may use, those it used, and how a name is read."""

    placeholders: dict[str, str]
    names: Names
    used: list[str]
    read: Callable[[str], Callable]


_PERCENT = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*%")
# What people write from other languages or spreadsheets, and what the condition language says.
_SLIPS = ((re.compile(r"&&"), "'&&' is written 'and'"), (re.compile(r"\|\|"), "'||' is written 'or'"),
          (re.compile(r"=<|=>"), "write '<=' and '>=' (the '=' comes second)"),
          (re.compile(r"(?<![<>=!])=(?![=<>])"), "to compare, write '==' (one '=' is not a comparison)"),
          (re.compile(r"!(?!=)"), "'!' is written 'not'"))


def _refuse_known_slips(source: str) -> None:
    """A percentage is never right (the numbers run 0..1): say what to write instead."""
    found = _PERCENT.search(source)
    if found or "%" in source:
        fixed = _PERCENT.sub(lambda m: _fraction(m.group(1)), source)
        instead = f" ({excerpt(fixed, 80)})" if "%" not in fixed else ""
        example = f"write {found.group(0).replace(' ', '')} as {_fraction(found.group(1))}" if found else "write 35% as 0.35"
        raise ExpressionError("bad-expression", f"cannot read condition {excerpt(source, 80)}: '%' is not "
                              f"understood; the numbers run from 0 to 1, so {example}{instead}",
                              source.index("%"))


def _fraction(percent: str) -> str:
    return f"{float(percent) / 100:.4f}".rstrip("0").rstrip(".") or "0"


def _slip_hint(source: str) -> str:
    """A clause naming the slip that made the condition unreadable, if it is a known one."""
    hints = [hint for pattern, hint in _SLIPS if pattern.search(source)]
    return f": {hints[0]}" if hints else ""


def _swap_dotted_names(source: str, names: Names) -> tuple[str, dict[str, str]]:
    """Replace `a.b` with `__n0` etc., so hyphenated ids survive Python's tokenizer."""
    placeholders: dict[str, str] = {}

    def swap(match: re.Match) -> str:
        prefix, rest = match.group(1), match.group(2)
        name = _longest_id(rest, names.ids_after(prefix))
        token = f"__n{len(placeholders)}"
        placeholders[token] = f"{prefix}.{name}"
        return token + rest[len(name):]

    return _DOTTED.sub(swap, source), placeholders


def _longest_id(rest: str, known: frozenset[str] | None) -> str:
    """The id at the start of `rest`: a known id may contain hyphens, others stop at one."""
    if known is not None:
        fits = [i for i in known if rest.startswith(i) and rest[len(i):len(i) + 1] in ("", "-")]
        if fits:
            return max(fits, key=len)
        return rest  # unknown either way; keep it whole so the message quotes what was written
    return re.match(r"[A-Za-z0-9_]+", rest).group(0)


def _build(node: ast.AST, build: _Build):
    """Turn a whitelisted ast node into a closure; anything else is refused."""
    if isinstance(node, ast.BoolOp):
        parts = [_build(v, build) for v in node.values]
        return _both(parts, isinstance(node.op, ast.And))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
        inner = _build(node.operand, build)
        if isinstance(node.op, ast.Not):
            return lambda env: not inner(env)
        return lambda env: -inner(env)
    if isinstance(node, ast.Compare):
        return _build_compare(node, build)
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        value = node.value
        return lambda env: value
    if isinstance(node, ast.Name):
        return _build_name(node, build)
    raise ExpressionError(
        "bad-expression",
        f"{excerpt(_restore(ast.unparse(node), build.placeholders), 80)} is not allowed in a condition "
        "(use names, numbers, true/false, comparisons, and/or/not, parentheses)",
        getattr(node, "col_offset", 0),
    )


def _both(parts: list, conjunction: bool):
    """`a and b [and ...]` (or `or`) as a closure giving True or False, as all() and any()
    would, stopping at the first part that decides. Written out, the usual two-part case on
    its own: the machine checks conditions on every choice, and a generator per check costs
    more than the comparisons themselves."""
    if len(parts) == 2:
        first, second = parts
        if conjunction:
            return lambda env: True if first(env) and second(env) else False
        return lambda env: True if first(env) or second(env) else False

    def every(env):
        for part in parts:
            if not part(env):
                return False
        return True

    def some(env):
        for part in parts:
            if part(env):
                return True
        return False
    return every if conjunction else some


def _restore(text: str, placeholders: dict[str, str]) -> str:
    """Put the dotted names back into a piece of swapped text, for messages."""
    return re.sub(r"__n[0-9]+", lambda m: placeholders.get(m.group(0), m.group(0)), text)


def _build_compare(node: ast.Compare, build: _Build):
    for op in node.ops:
        if type(op) not in _COMPARE:
            raise ExpressionError(
                "bad-expression", "only < <= > >= == != compare values", node.col_offset
            )
    terms = [_build(t, build) for t in [node.left, *node.comparators]]
    ops = [_COMPARE[type(op)] for op in node.ops]
    if len(ops) == 1:    # the usual `a < b`: no lists to build on every check
        (op,), (left, right) = ops, terms
        return lambda env: op(left(env), right(env))

    def compare(env):
        values = [t(env) for t in terms]
        return all(op(a, b) for op, a, b in zip(ops, values, values[1:]))

    return compare


def _build_name(node: ast.Name, build: _Build):
    word = build.placeholders.get(node.id, node.id)
    if word in _CONSTANTS:
        value = _CONSTANTS[word]
        return lambda env: value
    _check_name(word, build.names, node.col_offset)
    build.used.append(word)
    return build.read(word)


def _check_name(word: str, names: Names, offset: int) -> None:
    prefix, _, rest = word.partition(".")
    ok = (
        (word in COUNTERS)
        or (prefix == "group" and rest in GROUP_VARIABLES)
        or (prefix in names.members and (rest in MEMBER_VARIABLES or rest in MEMBER_HISTORY))
        or (prefix == "events" and rest in EVENT_COUNTS)
        or (prefix == "visited" and rest in names.nodes)
        or (prefix == "score" and rest in names.objectives)
    )
    if ok:
        return
    close = difflib.get_close_matches(word, names.all_names(), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise ExpressionError("unknown-name", f"unknown name '{word}' in condition{hint}", offset)
