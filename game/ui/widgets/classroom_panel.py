"""The classroom on the projector: the join QR code and address, the live tally, the verdict.

Drawn from the Classroom's published view (counts only: who voted what is never known here)
onto one cached surface, remade only when the view changes, so 60 phones voting at once cost
the frame one blit.
"""
from __future__ import annotations

from urllib.parse import urlsplit

import pygame

from game.ui.widgets.panel import draw_panel

PAD = 12
BAR_H = 14
QR_MAX = 160       # px on the 1280x720 canvas: about a tenth of the wall on a projector


def short_address(url: str) -> list[str]:
    """['192.168.1.20:8765', '/j/K7MQ4P']: what a student types, without the scheme, in two
    lines that never break inside the code."""
    parts = urlsplit(url)
    return [parts.netloc, parts.path]


def qr_surface(modules: list[list[bool]], side: int) -> pygame.Surface:
    """The code in whole pixels per module (a blurred edge is harder to read), on white."""
    count = len(modules)
    cell = max(1, side // count)
    surface = pygame.Surface((cell * count, cell * count))
    surface.fill((255, 255, 255))
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                surface.fill((0, 0, 0), (x * cell, y * cell, cell, cell))
    return surface


class ClassroomPanel:
    """Renders the view into `size`; `surface(view, palette, text)` is cached by the view."""

    def __init__(self, size: tuple[int, int]):
        self.size = size
        self._key = None
        self._surface: pygame.Surface | None = None
        self._qr: tuple[tuple, pygame.Surface] | None = None

    def surface(self, view: dict, palette, text) -> pygame.Surface:
        key = (view.get("version"), palette.name, text.scale, self.size)
        if key != self._key or self._surface is None:
            self._surface = self._render(view, palette, text)
            self._key = key
        return self._surface

    def qr(self, url: str, side: int) -> pygame.Surface:
        """Made once per address: a vote changes the bars, never the code."""
        if self._qr is None or self._qr[0] != (url, side):
            from game.classroom.qr import qr_modules
            self._qr = ((url, side), qr_surface(qr_modules(url), side))
        return self._qr[1]

    # -- drawing ------------------------------------------------------------------------------

    def _render(self, view: dict, palette, text) -> pygame.Surface:
        surface = pygame.Surface(self.size, pygame.SRCALPHA)
        rect = surface.get_rect()
        draw_panel(surface, rect.inflate(-4, -4), palette, shadow=False)
        y = self._join(surface, rect, view, palette, text)
        y = self._status(surface, rect, y, view, palette, text)
        if view.get("verdict") and not view.get("open"):
            y = self._verdict(surface, rect, y, view["verdict"], palette, text)
        if view.get("choices"):
            self._bars(surface, rect, y, view, palette, text)
        return surface

    def _join(self, surface, rect, view, palette, text) -> int:
        join = view.get("urls", {}).get("join", "")
        side = min(QR_MAX, rect.h // 2)
        qr = surface.blit(self.qr(join, side), (PAD + 2, PAD + 2))
        x, width = qr.right + PAD, rect.w - qr.right - 2 * PAD
        y = qr.y
        surface.blit(text.render("Join the class", "small", palette.muted, True), (x, y))
        y += text.line_height("small", True)
        for line in short_address(join):
            surface.blit(text.render(line, "small", palette.text), (x, y))
            y += text.line_height("small")
        y += 4
        surface.blit(text.render("code", "small", palette.muted), (x, y))
        y += text.line_height("small")
        code = join.rsplit("/", 1)[-1]
        surface.blit(text.render(" ".join(code), "heading", palette.accent, True), (x, y))
        return max(qr.bottom, y + text.line_height("heading", True)) + PAD

    def _status(self, surface, rect, y, view, palette, text) -> int:
        total = view.get("total", 0)
        votes = f"{total} vote{'s' if total != 1 else ''}"
        if view.get("ended"):
            words = "The session has ended"
        elif view.get("open"):
            words = f"{'Second vote' if view.get('round', 1) > 1 else 'Vote'} open · {votes}"
        elif view.get("choices"):
            words = f"Vote closed · {votes} · V opens"
        else:
            words = "Waiting for the first decision"
        surface.blit(text.render(words, "body", palette.text, True), (PAD + 2, y))
        y += text.line_height("body", True)
        leaders = view.get("leaders") or []
        if len(leaders) > 1 and not view.get("open") and not view.get("ended"):
            tie = f"A tie: press {' or '.join(map(str, leaders))} to take one"
            surface.blit(text.render(tie, "small", palette.warning, True), (PAD + 2, y))
            y += text.line_height("small", True)
        if view.get("revealed") and view.get("split"):
            split = view["split"]
            line = f"Read the room: lead {split['lead']} · follow {split['follow']}"
            surface.blit(text.render(line, "small", palette.muted), (PAD + 2, y))
            y += text.line_height("small")
        return y + 6

    def _verdict(self, surface, rect, y, verdict, palette, text) -> int:
        colour = {"met": palette.good, "partly": palette.caution}.get(verdict["verdict"], palette.warning)
        head = f"{verdict['mark']} The class took {verdict['shown']}"
        surface.blit(text.render(head, "body", colour, True), (PAD + 2, y))
        y += text.line_height("body", True)
        for line in text.wrap(verdict["verdict_line"], "small", rect.w - 2 * PAD - 4, max_lines=2):
            surface.blit(text.render(line, "small", palette.text), (PAD + 2, y))
            y += text.line_height("small")
        return y + 6

    def _bars(self, surface, rect, y, view, palette, text) -> None:
        """A bar per choice, as numbered on the cards: its count and its share of the most."""
        counts = {int(k): v for k, v in view.get("votes", {}).items()}
        most = max([1, *counts.values()])
        row = max(text.line_height("small", True), BAR_H) + 6
        label_w = text.width("6", "small", True) + 10
        count_w = text.width("000", "small", True) + 6
        for choice in view["choices"]:
            if y + row > rect.bottom - PAD:
                break
            count = counts.get(choice["shown"], 0)
            colour = palette.lead if choice["stance"] == "lead" else palette.follow
            surface.blit(text.render(str(choice["shown"]), "small", palette.text, True), (PAD + 4, y))
            track = pygame.Rect(PAD + 4 + label_w, y + (row - 6 - BAR_H) // 2, rect.w - 2 * PAD - label_w - count_w - 8, BAR_H)
            pygame.draw.rect(surface, palette.floor, track, border_radius=4)
            if count:
                pygame.draw.rect(surface, colour, (track.x, track.y, max(4, track.w * count // most), track.h), border_radius=4)
            number = text.render(str(count), "small", palette.text, True)
            surface.blit(number, (rect.w - PAD - 4 - number.get_width(), y))
            y += row
