"""Text made safe for the screen and for typing: what pygame's renderer can draw, at a bounded cost.

SDL_ttf refuses some strings outright (a NUL raises, a string of only zero-width characters
"has zero width", a lone surrogate cannot be encoded) and measures any string, however long, in
one go. Text reaches the window from scenario files and from the keyboard, and neither may take
the app down or stall a frame, so every string is passed through here before it is drawn or
stored from a text field. No pygame here: these are rules about characters.
"""
from __future__ import annotations

import unicodedata

MAX_LINE = 400          # characters one rendered line may have: wider than any canvas can show
MAX_WRAPPED = 6000      # characters a wrapped block may have: more than a file may give any text (5000)
ELLIPSIS = "…"

# Categories never drawn: controls (Cc), format characters such as U+200B or the bidi override
# U+202E (Cf), lone surrogates (Cs), and the line/paragraph separators (Zl, Zp).
_HIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}
_AS_SPACE = {"\t": " ", "\u2028": " ", "\u2029": " "}


def shown(text: str, keep_newlines: bool = False) -> str:
    """`text` without the characters SDL_ttf chokes on or should not draw.

    A tab or a Unicode line separator becomes a space; newlines are kept only when asked for
    (wrapping splits on them). Ordinary text returns unchanged, and quickly.
    """
    if text.isprintable():
        return text
    return "".join(_shown_char(char, keep_newlines) for char in text)


def _shown_char(char: str, keep_newlines: bool) -> str:
    if char == "\n":
        return char if keep_newlines else " "
    if char in _AS_SPACE:
        return _AS_SPACE[char]
    return "" if unicodedata.category(char) in _HIDDEN else char


def clipped(text: str, limit: int) -> str:
    """At most `limit` characters, the last an ellipsis when something was cut."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 1)] + ELLIPSIS


def typed(text: str) -> str:
    """What a text field keeps of typed or pasted text: no controls, no invisible characters,
    no line breaks. (The field's own cap on length is the field's business.)"""
    return shown(text)


def appended(field: str, text: str, limit: int) -> str:
    """A text field after typing `text` into it: only what `typed` keeps, never past `limit`."""
    return (field + typed(text[: limit + 1]))[:limit]


def visible(text: str) -> bool:
    """True when the text has something to see: not empty, not only spaces or invisible marks."""
    return bool(shown(text).strip())
