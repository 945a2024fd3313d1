"""The panels around the circle: the meters (or the session's title), the side panel (transcript
or inner state, or the hints after a retry), and the Undo and Pause buttons on the floor. (The
cards are in cards.py.) What of the model may show now, scaffolding.py says.

Each function draws one region onto the play screen's static layer, which is redrawn only when
that region's content changes, and returns the rects of the controls it drew (for the mouse).
"""
from __future__ import annotations

from functools import lru_cache

import pygame

from game.ui import layout
from game.present import thoughts_of
from game.ui.scenes.play import scaffolding
from game.ui.scenes.play.state import Stage
from game.ui.theme import mix
from game.ui.widgets import Meter, draw_focus_ring
from game.ui.widgets.hints import draw_hints
from game.ui.widgets.panel import draw_panel_on_background, lifted

TAB_HEIGHT = 34
METERS = (("Cohesion", "cohesion", "good", False), ("Engagement", "engagement", "accent", False),
          ("Conflict", "conflict", "warning", True), ("Avoidance", "avoidance", "muted", True))


def draw_top(layer, rect, state, tools) -> dict[str, pygame.Rect]:
    """Meters when M is on; else the session's title, the turn, and the button that shows them."""
    palette, text = tools.palette, tools.text
    draw_panel_on_background(layer, rect, palette)   # the region was just cleared
    if scaffolding.meters_shown(state, tools):
        _draw_meters(layer, rect, state, tools)
        badge = text.render("M hide", "tiny", palette.muted)
        layer.blit(badge, badge.get_rect(bottomright=(rect.right - 8, rect.bottom - 2)))
        return {"meters": rect}
    session = state.session
    title = text.wrap(session.scenario.display_title, "small", rect.width - 28, bold=True, max_lines=1)[0]
    layer.blit(text.render(title, "small", palette.text, bold=True), (rect.x + 14, rect.y + 10))
    number = session.turn + (0 if state.stage == Stage.REACT else 1)
    turn = text.render(f"Turn {number}" if not state.node.ending else "Ended", "small", palette.muted)
    button = pygame.Rect(rect.x + 14, rect.bottom - 10 - (text.line_height("small") + 12),
                         text.width("Show meters (M)", "small", True) + 24, text.line_height("small") + 12)
    layer.blit(turn, turn.get_rect(midright=(rect.right - 14, button.centery)))
    _small_button(layer, button, "Show meters (M)", state, tools, "meters")
    return {"meters": button}


def _draw_meters(layer, rect, state, tools) -> None:
    palette = tools.palette
    room, previous = state.room, state.meter_previous
    width = (rect.width - 3 * 14) // 2
    height = layout.meter_height(tools.text)
    gap = (rect.height - 2 * height) // 3
    for i, (label, name, role, worse) in enumerate(METERS):
        col, row = i % 2, i // 2
        area = pygame.Rect(rect.x + 14 + col * (width + 14), rect.y + gap + row * (height + gap), width, height)
        before = getattr(previous, name) if previous is not None else None
        Meter(label, room.group(name), role, previous=before, higher_is_worse=worse).draw(layer, area, palette, tools.text)


def _small_button(layer, rect, label: str, state, tools, name: str, active: bool = False, enabled: bool = True) -> None:
    palette, text = tools.palette, tools.text
    hovered = state.controls.hovered == name and enabled
    fill = mix(palette.panel, palette.accent, 0.22) if active else mix(palette.panel, palette.text, 0.06)
    if hovered:
        fill = lifted(fill, palette, 0.1)
    pygame.draw.rect(layer, fill, rect, border_radius=8)
    pygame.draw.rect(layer, palette.accent if active else palette.panel_edge, rect, 1, border_radius=8)
    words = text.render(label, "small", palette.text if enabled else palette.muted, bold=True)
    layer.blit(words, words.get_rect(center=rect.center))
    if state.controls.focused == name:
        draw_focus_ring(layer, rect, palette, radius=8)


# -- the side panel -------------------------------------------------------------------------

def draw_side(layer, rect, state, tools) -> dict[str, pygame.Rect]:
    """Transcript or inner state, with tabs to switch and the Undo and Pause buttons."""
    palette, text = tools.palette, tools.text
    if state.hints and state.stage == Stage.CHOOSE:   # after a retry: the help, until the choice
        draw_hints(layer, rect, state.hints, len(state.session.tries_here), palette, text)
        return {}
    inner = scaffolding.thoughts_shown(state, tools)
    if inner:
        _draw_inner_state(layer, rect, state, tools)
    else:
        state.transcript.title = ""
        state.transcript.draw(layer, rect, palette)
    controls = {}
    x = rect.x + 10
    height = text.line_height("small") + 10
    y = rect.y + (TAB_HEIGHT - height) // 2 + 1
    for name, label, on in (("tab:transcript", "Transcript", not inner), ("tab:inner", "Inner state (T)", inner)):
        width = text.width(label, "small", True) + 20
        controls[name] = pygame.Rect(x, y, width, height)
        _small_button(layer, controls[name], label, state, tools, name, active=on)
        x += width + 6
    return controls


def circle_buttons(play, text) -> dict[str, pygame.Rect]:
    """Undo and Pause, small, in the circle's top-left corner (the floor there is empty)."""
    area = play.circle
    height = text.line_height("small") + 10
    x, controls = area.x + 10, {}
    for name, label in (("undo", "Undo ⌫"), ("pause", "Pause Esc")):
        width = text.width(label, "small", True) + 20
        controls[name] = pygame.Rect(x, area.y + 10, width, height)
        x += width + 6
    return controls


def draw_circle_buttons(canvas, state, tools) -> None:
    for name, rect in circle_buttons(state.layout, tools.text).items():
        label = {"undo": "Undo ⌫", "pause": "Pause Esc"}[name]
        _small_button(canvas, rect, label, state, tools, name, enabled=name != "undo" or bool(state.session.history))


def _draw_inner_state(layer, rect, state, tools) -> None:
    """Each member in the room: the three numbers in words and bars, and a first-person thought
    (a member who has not arrived yet has neither)."""
    palette, text = tools.palette, tools.text
    draw_panel_on_background(layer, rect, palette)   # the region was just cleared
    session = state.session
    top = rect.y + TAB_HEIGHT + 6
    pygame.draw.line(layer, palette.panel_edge, (rect.x + 14, top - 4), (rect.right - 14, top - 4))
    members = thoughts_of(session, state.room.now())   # late arrivals: once they come
    name_width = min(round(150 * max(1.0, text.scale)), max((text.width(m.name, "small", True) for m in members), default=0) + 12)  # names whole at larger text
    cell = (rect.right - 14 - (rect.x + 14 + name_width)) // 3
    short = text.width("distress 100", "tiny") > cell - 8   # large text: letters, explained once
    bottom = rect.bottom - 6
    if short:
        legend = text.render("E engaged · T trust · D distress", "tiny", palette.muted)
        bottom -= legend.get_height() + 2
        layer.blit(legend, legend.get_rect(bottomright=(rect.right - 14, rect.bottom - 6)))
    row = max(30, (bottom - top - 2) // max(1, len(members)))
    two_lines = row >= text.line_height("small") + text.line_height("tiny") + 2
    clip = layer.get_clip()
    layer.set_clip(pygame.Rect(rect.x, top, rect.width, bottom - top))
    room = state.room
    for i, member in enumerate(members):
        numbers = room.member(member.member_id)   # the room's numbers: in between, mid-reaction
        percents = tuple(round(100 * getattr(numbers, field)) for _, field, _ in NUMBERS)
        shape = (name_width, cell, short, two_lines, rect.width - 28, row)
        layer.blit(_member_row(member.name, member.words, percents, shape, palette, text, text.scale),
                   (rect.x + 14, top + i * row))
    layer.set_clip(clip)


NUMBERS = (("engaged", "engagement", "accent"), ("trust", "trust", "accent"), ("distress", "distress", "warning"))


@lru_cache(maxsize=256)
def _member_row(name: str, words: str, percents: tuple, shape: tuple, palette, text, scale: float) -> pygame.Surface:
    """One member's row of the inner-state panel, drawn once per name, numbers (in whole
    percents, as shown), thought and size: during a reaction the panel is redrawn every frame,
    and most rows have not changed since the last. (`scale` keys the text size.)"""
    name_width, cell, short, two_lines, width, height = shape
    row = pygame.Surface((width, height))
    row.fill(palette.panel)
    shown = text.wrap(name, "small", name_width - 8, bold=True, max_lines=1)[0]
    row.blit(text.render(shown, "small", palette.text, bold=True), (0, 0))
    x = name_width
    for (word, _, role), percent in zip(NUMBERS, percents):
        letter = word[0].upper() if short else word
        label = text.render(f"{letter} {percent}", "tiny", palette.muted)
        row.blit(label, (x, 1))
        bar = pygame.Rect(x, label.get_height() + 1, cell - 10, 4)
        pygame.draw.rect(row, mix(palette.panel, palette.text, 0.12), bar)
        pygame.draw.rect(row, palette[role], (bar.x, bar.y, round(bar.width * percent / 100), 4))
        x += cell
    if two_lines:
        line = text.wrap(f"“{words}”", "tiny", width - 12, max_lines=1)[0]
        row.blit(text.render(line, "tiny", mix(palette.muted, palette.accent, 0.25)),
                 (10, text.line_height("small") + 1))
    return row.convert() if pygame.display.get_surface() is not None else row
