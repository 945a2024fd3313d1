"""Reading attempt rows that may have been damaged or edited by hand.

SQLite's integrity check passes a file whose JSON columns hold random bytes, or whose table has
lost a column, yet every report, the menu and resuming read those rows. Each row is checked here
before it becomes an Attempt: a row that does not hold what the program wrote is named and
skipped (DamagedRow), so one bad attempt never hides the rest. A missing column reads as the
default its migration gave older rows; a column that never had one leaves its rows damaged.
"""
from __future__ import annotations

import json
import math
import sqlite3

COLUMNS = ("id", "learner", "scenario_id", "scenario_digest", "scenario_path", "seed", "choices",
           "started_at", "updated_at", "finished_at", "outcome", "ending_node", "scores", "final_state",
           "safe", "member_outcomes", "play_settings")
# What a missing column reads as (SQL): the schema's own default, or NULL (which damages the row).
DEFAULTS = {"learner": "''", "scenario_digest": "''", "scenario_path": "''", "seed": "0", "choices": "'[]'",
            "scores": "'{}'", "final_state": "'{}'", "member_outcomes": "'{}'",
            "play_settings": "'{}'"}
LATEST = 1e11            # seconds since 1970: past the year 5000, so later times are damage
LARGEST = 2 ** 63        # SQLite's integers; anything larger did not come from the program
GROUP_LIMIT = 1e6        # group numbers are shares of 1; this far out is damage


class DamagedRow(ValueError):
    """A row that does not hold what the program wrote; the message says which column and how."""


def present_columns(db: sqlite3.Connection) -> set[str]:
    return {row[1] for row in db.execute("PRAGMA table_info(attempts)")}


def select_list(present: set[str]) -> str:
    """Every column in the order of COLUMNS, a missing one read as its default (or NULL)."""
    return ", ".join(name if name in present else f"{DEFAULTS.get(name, 'NULL')} AS {name}" for name in COLUMNS)


def lenient_text(raw: bytes) -> str:
    """Text that is not UTF-8 is read with replacement marks instead of failing the whole query."""
    return raw.decode("utf-8", "replace")


def fields_of(row: tuple) -> dict:
    """The row's values, checked, as keyword arguments for Attempt; DamagedRow when one is wrong."""
    raw = dict(zip(COLUMNS, row))
    fields = {"id": raw["id"]}
    for name in ("learner", "scenario_id", "scenario_digest", "scenario_path"):
        fields[name] = _text(raw, name)
    fields["seed"] = _integer(raw["seed"], "seed")
    fields["choices"] = _choices(_json(raw, "choices", list))
    fields["started_at"] = _time(raw["started_at"], "started_at")
    fields["updated_at"] = _time(raw["updated_at"], "updated_at")
    fields["finished_at"] = None if raw["finished_at"] is None else _time(raw["finished_at"], "finished_at")
    fields["outcome"] = _text(raw, "outcome", optional=True)
    fields["ending_node"] = _text(raw, "ending_node", optional=True)
    fields["scores"] = _scores(_json(raw, "scores", dict))
    fields["final_state"] = _final_state(_json(raw, "final_state", dict))
    fields["safe"] = None if raw["safe"] is None else bool(_integer(raw["safe"], "safe"))
    fields["member_outcomes"] = _member_outcomes(_json(raw, "member_outcomes", dict))
    fields["play_settings"] = _json(raw, "play_settings", dict)
    return fields


def _text(raw: dict, name: str, optional: bool = False) -> str | None:
    value = raw[name]
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise DamagedRow(f"its {name} is {_kind(value)}, not text")
    return value


def _integer(value, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not -LARGEST <= value < LARGEST:
        raise DamagedRow(f"its {name} is not a whole number")
    return value


def _time(value, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < LATEST:
        raise DamagedRow(f"its {name} is not a time")
    return value


def _json(raw: dict, name: str, kind: type):
    value = raw[name]
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            raise DamagedRow(f"its {name} holds bytes that are not text") from None
    if not isinstance(value, str):
        raise DamagedRow(f"its {name} is {_kind(value)}, not JSON text")
    try:
        parsed = json.loads(value, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise DamagedRow(f"its {name} is not valid JSON") from None
    if not isinstance(parsed, kind):
        raise DamagedRow(f"its {name} is not a JSON {'list' if kind is list else 'object'}")
    return parsed


def _no_constant(name: str):
    raise ValueError(name)


def _choices(values: list) -> list[int]:
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2 ** 31:
            raise DamagedRow("its choices are not all choice numbers")
    return values


def _scores(values: dict) -> dict:
    for value in values.values():
        if isinstance(value, bool) or not isinstance(value, int) or not -LARGEST <= value < LARGEST:
            raise DamagedRow("its scores are not all whole numbers")
    return values


def _final_state(state: dict) -> dict:
    group = state.get("group", {})
    if not isinstance(group, dict) or not all(_share(v) for v in group.values()):
        raise DamagedRow("its final group numbers are not all numbers")
    return state


def _share(value) -> bool:
    return (not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value)
            and abs(value) < GROUP_LIMIT)


def _member_outcomes(values: dict) -> dict:
    if not all(isinstance(v, str) for v in values.values()):
        raise DamagedRow("its member outcomes are not all words")
    return values


def _kind(value) -> str:
    if value is None:
        return "empty"
    return {bytes: "bytes", str: "text", float: "a fractional number", int: "a number"}.get(type(value), "unreadable")
