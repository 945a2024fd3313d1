"""Which characters a scenario's text may hold, and how to show any character harmlessly.

Scenario files come from anyone. A control character (NUL, ESC and the rest of C0 and C1)
can rewrite a terminal or break a font renderer; a bidi override (U+202E ...) makes text read
differently from what it is; a name made only of zero-width characters draws as nothing.
The validator refuses all of them (`bad-text`), and whatever is printed from a file goes
through `visible` (messages) or `printable` (prose) first, so even text that never passed the
validator cannot act on a terminal.
"""
from __future__ import annotations

import re
import unicodedata

# Embeddings, overrides and isolates: they reorder what follows them ("Trojan Source").
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Line and paragraph separators end a line like a newline, but no terminal treats them so.
SEPARATORS = frozenset("\u2028\u2029")
# C0 and C1 controls and DEL, plus the above: never shown raw.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
# Everything `visible` escapes in a one-line message: the unsafe set plus zero-width format
# characters, which would otherwise hide in a diagnostic.
_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\u2028\u2029\ufeff]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def escape_char(char: str) -> str:
    """`\\n`, `\\x1b` for a byte-sized code point, `\\u202e` above: the way Python writes them."""
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` as one harmless line: every control, bidi and zero-width character (newlines
    too) written as an escape. For messages that quote a file, whose reader must see exactly
    what is there."""
    return _HIDDEN.sub(_escape_match, text) if _HIDDEN.search(text) else text


def printable(text: str) -> str:
    """`text` safe for a terminal: controls (ESC, NUL ...) and bidi overrides written as
    escapes; newlines and tabs kept, and zero-width joiners too (emoji and some scripts
    need them). For prose that is laid out and read, not inspected."""
    return _UNSAFE.sub(_escape_unless_layout, text) if _UNSAFE.search(text) else text


def _escape_match(match: re.Match) -> str:
    return escape_char(match.group(0))


def _escape_unless_layout(match: re.Match) -> str:
    char = match.group(0)
    return char if char in "\n\t" else escape_char(char)


def text_problem(text: str, multiline: bool) -> str | None:
    """Why `text` cannot stand in a scenario, as the end of a sentence, or None. Prose
    (`multiline`) may hold newlines and tabs; ids, names and titles may not."""
    for char in _UNSAFE.findall(text):
        if multiline and char in "\n\t":
            continue
        return f"holds {_describe(char)} ({escape_char(char)}); remove it"
    if text.strip() and not any(_shows(char) for char in text):
        hidden = ", ".join(sorted({escape_char(c) for c in text if not c.isspace()}))
        return f"has no visible character, only zero-width ones ({hidden}); give it visible text"
    return None


def _describe(char: str) -> str:
    if char in BIDI_CONTROLS:
        return "a bidi control character, which reorders the text around it"
    if char in SEPARATORS:
        return "a line separator"
    if char == "\n":
        return "a line break"
    if char == "\t":
        return "a tab"
    return "a control character"


def _shows(char: str) -> bool:
    """True for a character that draws something (not a space, not a format character)."""
    return not char.isspace() and unicodedata.category(char) not in ("Cf", "Cc", "Mn", "Me", "Zs")
