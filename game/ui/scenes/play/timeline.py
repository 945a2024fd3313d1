"""The presenter's timeline: the session's decisions as a strip of numbered markers under the circle.

Each marker carries the decision's number, the stance chosen (its icon, as on the cards) and
its verdict (a tick only for met, a tilde for the right stance with a poor move, a cross for a
miss, each on a disc), so it reads without colour. A click, or
focus and Enter, rewinds to just before that decision. The strip ends with where the session
stands now; the pointed-at marker's words and verdict show in a tip above it. When the
decisions outgrow the strip, the markers narrow, the reminders go, and at last only the latest
decisions are shown, after a count of the earlier ones.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.present import steps_of
from game.ui.theme import mix, stance_colour
from game.ui.widgets import draw_focus_ring, draw_panel, draw_verdict_mark
from game.ui.widgets import icons

LABEL = "DECISIONS"
GAP = 8


HINT_WIDTH = 150    # the keys' reminder at the strip's right end, when there is room for it


@dataclass
class Strip:
    """Where everything on the strip goes: the markers that fit, and what made room for them."""

    placed: list = field(default_factory=list)   # [(Step, marker rect)]
    hidden: int = 0                              # earlier decisions left out (the latest are shown)
    compact: bool = False                        # markers without the stance icon
    label: bool = True                           # the DECISIONS label
    hint: bool = True                            # the keys' reminder


def marker_width(text, turn: int, compact: bool) -> int:
    number = text.width(str(turn), "small", True)
    return number + (40 if compact else 64)


def layout_strip(state, tools, rect: pygame.Rect) -> Strip:
    """Full markers if they all fit; else narrower ones, then without the reminder, then without
    the label; else the latest that fit, after a count of the earlier ones."""
    text = tools.text
    steps = steps_of(state.session.history)
    fixed = 16 + now_width(state.session, text) + GAP + 16
    label = text.width(LABEL, "tiny", True) + 14
    for compact, with_label, with_hint in ((False, True, True), (True, True, True), (True, True, False),
                                           (True, False, False)):
        widths = [marker_width(text, s.turn, compact) + GAP for s in steps]
        room = rect.width - fixed - (label if with_label else 0) - (HINT_WIDTH if with_hint else 0)
        if sum(widths) <= room:
            break
    strip = Strip(compact=compact, label=with_label, hint=with_hint)
    if sum(widths) > room:
        room -= text.width("+99 earlier", "tiny") + GAP
    shown, used = [], 0
    for step, width in zip(reversed(steps), reversed(widths)):
        if used + width > room:
            break
        shown.insert(0, step)
        used += width
    strip.hidden = len(steps) - len(shown)
    x = rect.x + 16 + (label if with_label else 0)
    x += text.width(f"+{strip.hidden} earlier", "tiny") + GAP if strip.hidden else 0
    height = rect.height - 14
    for step in shown:
        width = marker_width(text, step.turn, compact)
        strip.placed.append((step, pygame.Rect(x, rect.centery - height // 2, width, height)))
        x += width + GAP
    return strip


def now_width(session, text) -> int:
    return text.width(now_words(session), "small", True) + 24


def now_words(session) -> str:
    return "ended" if session.ended else f"now · turn {session.turn + 1}"


def draw_timeline(layer, rect: pygame.Rect, state, tools) -> dict[str, pygame.Rect]:
    palette, text = tools.palette, tools.text
    draw_panel(layer, rect, palette)
    strip = layout_strip(state, tools, rect)
    placed = strip.placed
    if strip.label:
        label = text.render(LABEL, "tiny", palette.muted, bold=True)
        layer.blit(label, label.get_rect(midleft=(rect.x + 16, rect.centery)))
    controls = {}
    if strip.hidden:
        more = text.render(f"+{strip.hidden} earlier", "tiny", palette.muted)
        first = placed[0][1].x if placed else rect.x + 120
        layer.blit(more, more.get_rect(midright=(first - GAP, rect.centery)))
    if placed:   # the thread the markers hang on
        pygame.draw.line(layer, palette.panel_edge, (placed[0][1].x, rect.centery),
                         (placed[-1][1].right + GAP + 10, rect.centery), 2)
    for step, marker in placed:
        name = f"mark:{step.turn}"
        _draw_marker(layer, marker, step, state, tools, name, strip.compact)
        controls[name] = marker
    start = rect.x + 16 + (text.width(LABEL, "tiny", True) + 14 if strip.label else 0)
    end = (placed[-1][1].right + GAP) if placed else start
    now = pygame.Rect(end, rect.y + 7, now_width(state.session, text), rect.height - 14)
    pygame.draw.rect(layer, palette.panel, now, border_radius=now.height // 2)
    pygame.draw.rect(layer, palette.muted, now, 1, border_radius=now.height // 2)
    words = text.render(now_words(state.session), "small", palette.muted, bold=True)
    layer.blit(words, words.get_rect(center=now.center))
    if strip.hint:
        _draw_hint(layer, pygame.Rect(now.right + 12, rect.y, rect.right - 16 - now.right - 12, rect.height), state, tools)
    return controls


def _draw_marker(layer, rect: pygame.Rect, step, state, tools, name: str, compact: bool) -> None:
    """Number, stance icon, and the verdict's mark (compact markers wear it as a corner badge)."""
    palette, text = tools.palette, tools.text
    colour = stance_colour(palette, step.stance)
    pointed = state.controls.hovered == name or state.controls.focused == name
    fill = mix(palette.panel, colour, 0.4 if pointed else 0.16)
    pygame.draw.rect(layer, fill, rect, border_radius=rect.height // 2)
    pygame.draw.rect(layer, colour, rect, 3 if pointed else 2, border_radius=rect.height // 2)
    number = text.render(str(step.turn), "small", palette.text, bold=True)
    icon = mix(colour, palette.text, 0.25)
    if compact:
        icons.stance_icon(layer, step.stance, (rect.x + 16, rect.centery), 12, icon)
        layer.blit(number, number.get_rect(midleft=(rect.x + 26, rect.centery)))
        draw_verdict_mark(layer, (rect.right - 3, rect.y + 3), max(7, round(text.pixel_size("small") * 0.45)),
                          step.verdict, palette)
    else:
        layer.blit(number, number.get_rect(midleft=(rect.x + 12, rect.centery)))
        icons.stance_icon(layer, step.stance, (rect.x + 12 + number.get_width() + 15, rect.centery), 14, icon)
        draw_verdict_mark(layer, (rect.right - 15, rect.centery), 9, step.verdict, palette)
    if state.controls.focused == name:
        draw_focus_ring(layer, rect, palette, radius=rect.height // 2)


def _draw_hint(layer, area: pygame.Rect, state, tools) -> None:
    """The tools' keys, in the strip's right end (the pointed-at marker has its own tip)."""
    palette, text = tools.palette, tools.text
    if pointed_step(state) is not None:
        lines = ["Click or Enter:", "back to before it"]
    elif state.session.history:
        lines = ["Click one to go back", "C compare · G jump"]
    else:
        lines = ["Your decisions", "G jump · L hide"]
    if any(text.width(line, "tiny") > area.width for line in lines):
        return   # a cut reminder helps nobody
    step_h = text.line_height("tiny")
    y = area.centery - step_h
    for line in lines:
        layer.blit(text.render(line, "tiny", palette.muted), (area.x, y))
        y += step_h


def pointed_step(state):
    """The decision whose marker the pointer or the keyboard focus is on, if any."""
    for name in (state.controls.hovered, state.controls.focused):
        if name and name.startswith("mark:"):
            turn = int(name.split(":")[1])
            return next((s for s in steps_of(state.session.history) if s.turn == turn), None)
    return None


def draw_tip(canvas, state, tools) -> None:
    """Over the circle's foot, above the pointed-at marker: the words chosen and the verdict."""
    step = pointed_step(state)
    rect = state.controls.get(f"mark:{step.turn}").rect if step is not None and state.controls.get(f"mark:{step.turn}") else None
    if rect is None or state.layout.timeline is None:
        return
    palette, text = tools.palette, tools.text
    width = min(520, state.layout.circle.width - 40)
    words = text.wrap(f"{step.turn} · {step.stance.upper()}: “{step.text}”", "small", width - 28, bold=True, max_lines=2)
    verdict = text.wrap(step.verdict_line, "small", width - 52, max_lines=1)
    height = 16 + len(words) * text.line_height("small", True) + text.line_height("small") + 4
    used = max(text.width(line, "small", True) for line in words) + 28
    used = max(used, text.width(verdict[0], "small") + 52)
    tip = pygame.Rect(0, 0, min(width, used), height)
    tip.midbottom = (rect.centerx, state.layout.circle.bottom - 6)
    tip = tip.clamp(state.layout.circle.inflate(-12, -12))
    draw_panel(canvas, tip, palette, radius=10)
    pygame.draw.rect(canvas, stance_colour(palette, step.stance), (tip.x, tip.y, 5, tip.height),
                     border_top_left_radius=10, border_bottom_left_radius=10)
    y = tip.y + 8
    for line in words:
        canvas.blit(text.render(line, "small", palette.text, bold=True), (tip.x + 14, y))
        y += text.line_height("small", True)
    draw_verdict_mark(canvas, (tip.x + 23, y + 2 + text.line_height("small") // 2), 8, step.verdict, palette)
    canvas.blit(text.render(verdict[0], "small", palette.text), (tip.x + 38, y + 2))
