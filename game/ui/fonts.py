"""Text for the pygame front end: the bundled font, a render cache, wrapping, reveal.

Rendering text is the slowest thing a frame does, and the same strings are drawn
sixty times a second, so `render` keeps an LRU-bounded cache of surfaces keyed by
everything that changes the pixels. Sizes are named by role ('body', 'title'...)
and multiplied by a text-scale setting, so a trainee can enlarge everything at
once and an instructor can switch to 'presenter' on a projector.

Whatever the text, drawing it never raises and never stalls: it passes through
`printable` first (no NUL, no invisible-only strings, bounded length), and a string
the renderer still refuses becomes an empty surface one line high.
"""
from __future__ import annotations

import weakref
from collections import OrderedDict
from pathlib import Path

import pygame

from game.ui import printable

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
REGULAR = FONT_DIR / "DejaVuSans.ttf"
BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"

# Pixel sizes at text scale 1.0 on the 1280x720 logical canvas.
SIZES: dict[str, int] = {
    "tiny": 12,      # chart ticks, name tags on 12-member circles
    "small": 14,     # speaker names, meter labels, skill tags
    "body": 16,      # transcript, card text, bubbles
    "narration": 18,
    "heading": 21,
    "title": 30,
    "display": 44,   # the menu's title
}

# The text-scale setting: at least small/normal/large, plus one for projectors.
SCALES: dict[str, float] = {
    "small": 0.9,
    "normal": 1.0,
    "large": 1.15,
    "presenter": 1.3,
}

RGB = tuple[int, int, int]


class TextCache:
    """Fonts and rendered text surfaces, both cached; the surfaces LRU-bounded."""

    def __init__(self, capacity: int = 512, scale: str = "normal") -> None:
        self.capacity = capacity
        self._surfaces: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._wraps: OrderedDict[tuple, list[str]] = OrderedDict()
        self.scale_name = scale

    # -- settings -------------------------------------------------------------
    @property
    def scale(self) -> float:
        return SCALES[self.scale_name]

    def set_scale(self, name: str) -> None:
        """Switch the text-scale setting; unknown names are refused loudly."""
        if name not in SCALES:
            raise ValueError(f"unknown text scale {name!r}; choose from {sorted(SCALES)}")
        self.scale_name = name

    # -- fonts ----------------------------------------------------------------
    def pixel_size(self, size_name: str) -> int:
        return max(8, round(SIZES[size_name] * self.scale))

    def font(self, size_name: str, bold: bool = False) -> pygame.font.Font:
        if not pygame.font.get_init():
            pygame.font.init()
        _watch_quit(self)
        key = (self.pixel_size(size_name), bold)
        if key not in self._fonts:
            path = BOLD if bold else REGULAR
            # pygame's own font (None) if the bundled one is missing, as in an install that
            # left the repository's assets/ behind: plainer, but never a crash.
            self._fonts[key] = pygame.font.Font(str(path) if path.exists() else None, key[0])
        return self._fonts[key]

    def line_height(self, size_name: str, bold: bool = False) -> int:
        return self.font(size_name, bold).get_linesize()

    def width(self, text: str, size_name: str, bold: bool = False) -> int:
        return _measure(self.font(size_name, bold), _line(text))

    # -- rendering --------------------------------------------------------------
    def render(self, text: str, size_name: str, colour: RGB, bold: bool = False) -> pygame.Surface:
        """An anti-aliased surface of `text`; the same key returns the same surface object."""
        key = (text, self.pixel_size(size_name), tuple(colour), bold)
        surface = self._surfaces.get(key)
        if surface is not None:
            self._surfaces.move_to_end(key)
            return surface
        surface = _rendered(self.font(size_name, bold), _line(text), colour)
        self._surfaces[key] = surface
        if len(self._surfaces) > self.capacity:
            self._surfaces.popitem(last=False)
        return surface

    def __len__(self) -> int:
        return len(self._surfaces)

    # -- wrapping -------------------------------------------------------------
    def wrap(self, text: str, size_name: str, width: int, bold: bool = False,
             max_lines: int | None = None) -> list[str]:
        """Break `text` into lines no wider than `width` pixels.

        Paragraph breaks ('\\n') are kept. A word longer than the width is split
        by characters. With `max_lines`, the last kept line ends in an ellipsis.
        """
        key = (text, self.pixel_size(size_name), width, bold, max_lines)
        cached = self._wraps.get(key)
        if cached is not None:
            self._wraps.move_to_end(key)
            return list(cached)
        font = self.font(size_name, bold)
        lines: list[str] = []
        for paragraph in _block(text, width, max_lines).split("\n"):
            lines.extend(_wrap_paragraph(paragraph, font, width))
        if max_lines is not None and len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = _ellipsize(lines[-1], font, width)
        self._wraps[key] = lines
        if len(self._wraps) > self.capacity:
            self._wraps.popitem(last=False)
        return list(lines)


def _line(text: str) -> str:
    """One line as it may be drawn: printable, and no longer than any canvas can show."""
    return printable.shown(printable.clipped(text, printable.MAX_LINE))


def _block(text: str, width: int, max_lines: int | None) -> str:
    """A block to wrap, cut to what could ever be shown: with `max_lines`, as many characters
    as that many lines of the narrowest glyphs hold; else MAX_WRAPPED. A 500,000-character
    choice is measured in milliseconds, not seconds."""
    limit = printable.MAX_WRAPPED
    if max_lines is not None:
        limit = min(limit, (max_lines + 1) * (max(1, width) // 2 + 1))
    return printable.shown(printable.clipped(text, limit), keep_newlines=True)


def _measure(font: pygame.font.Font, text: str) -> int:
    try:
        return font.size(text)[0]
    except (pygame.error, ValueError, UnicodeError):
        return 0


def _rendered(font: pygame.font.Font, text: str, colour: RGB) -> pygame.Surface:
    """The text drawn; a string SDL_ttf still refuses ("zero width") is an empty line."""
    try:
        return font.render(text, True, colour)
    except (pygame.error, ValueError, UnicodeError):
        return pygame.Surface((0, font.get_linesize()), pygame.SRCALPHA)


_watched: "weakref.WeakSet[TextCache]" = weakref.WeakSet()
_quit_registered = False


def _watch_quit(cache: TextCache) -> None:
    """Forget fonts when pygame quits: a Font used after pygame.quit() crashes the process."""
    global _quit_registered
    _watched.add(cache)
    if not _quit_registered:
        pygame.register_quit(_forget_fonts)
        _quit_registered = True


def _forget_fonts() -> None:
    global _quit_registered
    _quit_registered = False
    for cache in list(_watched):
        cache._fonts.clear()


def _wrap_paragraph(paragraph: str, font: pygame.font.Font, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in paragraph.split():
        candidate = f"{current} {word}" if current else word
        if _measure(font, candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        pieces = _split_long_word(word, font, width)
        lines.extend(pieces[:-1])
        current = pieces[-1]
    lines.append(current)
    return lines


def _split_long_word(word: str, font: pygame.font.Font, width: int) -> list[str]:
    pieces, current = [], ""
    for char in word:
        if current and _measure(font, current + char) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    pieces.append(current)
    return pieces


def _ellipsize(line: str, font: pygame.font.Font, width: int) -> str:
    while line and _measure(font, line + "…") > width:
        line = line[:-1]
    return line.rstrip() + "…"


def reveal(text: str, n: int) -> str:
    """The first n characters: a line being 'spoken' as it appears."""
    return text[: max(0, n)]


def reveal_lines(lines: list[str], n: int) -> list[str]:
    """Reveal n characters across already-wrapped lines.

    Wrapping the whole text first and revealing afterwards keeps words from
    jumping to the next line half-way through being typed out.
    """
    shown: list[str] = []
    left = max(0, n)
    for line in lines:
        if left <= 0:
            break
        shown.append(line[:left])
        left -= len(line) + 1  # the space or newline the wrap consumed
    return shown


def blit_revealed(surface: pygame.Surface, cache: TextCache, lines: list[str], shown: int | None,
                  size_name: str, colour: RGB, x: int, y: int, bold: bool = False) -> int:
    """Draw wrapped `lines` with only the first `shown` characters visible; returns the next y.

    Each whole line is rendered once (and cached) and drawn clipped to the width of its
    revealed part, so typing a line out creates no new surfaces frame after frame.
    """
    step = cache.line_height(size_name, bold)
    left = len("\n".join(lines)) if shown is None else max(0, shown)
    for line in lines:
        if left <= 0:
            break
        whole = cache.render(line, size_name, colour, bold)
        if left >= len(line):
            surface.blit(whole, (x, y))
        else:
            width = cache.width(line[:left], size_name, bold)
            surface.blit(whole, (x, y), pygame.Rect(0, 0, width, whole.get_height()))
        left -= len(line) + 1
        y += step
    return y


# A shared cache: the whole front end renders through one scale setting.
default = TextCache()


def render(text: str, size_name: str, colour: RGB, bold: bool = False) -> pygame.Surface:
    return default.render(text, size_name, colour, bold)


def wrap(text: str, size_name: str, width: int, bold: bool = False,
         max_lines: int | None = None) -> list[str]:
    return default.wrap(text, size_name, width, bold, max_lines)


def line_height(size_name: str, bold: bool = False) -> int:
    return default.line_height(size_name, bold)


def set_text_scale(name: str) -> None:
    default.set_scale(name)
