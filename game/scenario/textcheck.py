"""The `bad-text` rule: every piece of text in a file, keys included, holds only characters
that are safe to draw and to print (see characters.py for which, and why).

It walks the plain data the YAML reader built, not the typed model, so no text escapes it:
not an unknown key's name, not a value in a part of the file that is otherwise invalid.
"""
from __future__ import annotations

from .characters import text_problem
from .diagnostics import Diagnostic, excerpt
from .yamlsource import Source

# Fields written as prose, where a newline or a tab is part of the text (block scalars).
# Everything else (ids, names, titles, references, words of the format) is one line.
PROSE = frozenset({"summary", "narration", "text", "feedback", "concern", "why", "if", "content_notes"})
_LINE_KEYS = frozenset({"speaker", "tone", "risk"})


def check_text(source: Source) -> list[Diagnostic]:
    """One `bad-text` error per piece of text that holds what no scenario needs."""
    found: dict[tuple, Diagnostic] = {}  # aliased text is reported once, where it is written
    for path, text, is_key in _texts(source.data, ()):
        problem = text_problem(text, multiline=not is_key and _is_prose(path))
        if problem is None:
            continue
        line, col = source.where(path, key=is_key)
        found.setdefault((line, col), Diagnostic("bad-text", f"{_name(path, is_key)} {problem}", line, col))
    return list(found.values())


def _texts(value, path: tuple):
    """(path, text, is_key) for every string in the document, keys included."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield path + (key,), key, True
            yield from _texts(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, path + (index,))
    elif isinstance(value, str):
        yield path, value, False


def _is_prose(path: tuple) -> bool:
    if len(path) == 2 and path[0] == "objectives":
        return True  # an objective's text
    if len(path) >= 3 and path[-3] == "lines" and isinstance(path[-2], int):
        return path[-1] not in _LINE_KEYS  # a line's text, long form or short (`- ana: ...`)
    field = path[-2] if path and isinstance(path[-1], int) and len(path) > 1 else (path[-1] if path else "")
    return field in PROSE


def _name(path: tuple, is_key: bool) -> str:
    last = path[-1] if path else ""
    if is_key:
        return f"the key {excerpt(last, 30)}"
    if isinstance(last, int) and len(path) > 1:
        return f"{excerpt(path[-2], 30)} item {last + 1}"
    return excerpt(last, 30)
