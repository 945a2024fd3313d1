"""The scenario format, version 1: YAML text in, a typed and validated Scenario out.

Knows nothing of play: the engine and the front ends build on what this package loads.
"""
from .diagnostics import CODES, Diagnostic, Severity
from .expressions import Condition, ExpressionError, Names, parse_condition
from .loader import LoadResult, load_bytes, load_path, load_text
from .model import Choice, Member, Node, Scenario

__all__ = [
    "CODES", "Choice", "Condition", "Diagnostic", "ExpressionError", "LoadResult", "Member",
    "Names", "Node", "Scenario", "Severity", "load_bytes", "load_path", "load_text", "parse_condition",
]
