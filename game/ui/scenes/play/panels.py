"""The panels around the circle: narration, meters (or the session's title), the side panel
(transcript or inner state), and the bottom area (choice cards, the coach's note, the ending).

Each function draws one region onto the play screen's static layer, which is redrawn only when
that region's content changes, and returns the rects of the controls it drew (for the mouse).
"""
from __future__ import annotations

from itertools import zip_longest

import pygame

from game.ui import layout
from game.ui.scenes.base import blit_lines
from game.ui.scenes.common import draw_outcome_badge
from game.present import skill_words, thoughts_of
from game.ui.settings import skill_names_before
from game.ui.theme import mix, stance_colour
from game.ui.widgets import Button, Card, Meter, draw_focus_ring, draw_panel, draw_verdict_mark, verdict_colour
from game.ui.widgets import icons
from game.ui.widgets.card import HEADER_HINTS, card_heights, draw_column_header
from game.ui.widgets.panel import lifted

TAB_HEIGHT = 34
METERS = (("Cohesion", "cohesion", "good", False), ("Engagement", "engagement", "accent", False),
          ("Conflict", "conflict", "warning", True), ("Avoidance", "avoidance", "muted", True))


def draw_top(layer, rect, scene) -> dict[str, pygame.Rect]:
    """Meters when M is on; else the session's title, the turn, and the button that shows them."""
    palette, text = scene.palette, scene.text
    draw_panel(layer, rect, palette)
    if scene.settings.meters:
        _draw_meters(layer, rect, scene)
        badge = text.render("M hide", "tiny", palette.muted)
        layer.blit(badge, badge.get_rect(bottomright=(rect.right - 8, rect.bottom - 2)))
        return {"meters": rect}
    session = scene.session
    title = text.wrap(session.scenario.display_title, "small", rect.width - 28, bold=True, max_lines=1)[0]
    layer.blit(text.render(title, "small", palette.text, bold=True), (rect.x + 14, rect.y + 10))
    number = session.turn + (0 if scene.stage == "react" else 1)
    turn = text.render(f"Turn {number}" if not scene.node.ending else "Ended", "small", palette.muted)
    button = pygame.Rect(rect.x + 14, rect.bottom - 10 - (text.line_height("small") + 12),
                         text.width("Show meters (M)", "small", True) + 24, text.line_height("small") + 12)
    layer.blit(turn, turn.get_rect(midright=(rect.right - 14, button.centery)))
    _small_button(layer, button, "Show meters (M)", scene, "meters")
    return {"meters": button}


def _draw_meters(layer, rect, scene) -> None:
    palette = scene.palette
    room, previous = scene.room, scene.meter_previous
    width = (rect.width - 3 * 14) // 2
    height = layout.meter_height(scene.text)
    gap = (rect.height - 2 * height) // 3
    for i, (label, name, role, worse) in enumerate(METERS):
        col, row = i % 2, i // 2
        area = pygame.Rect(rect.x + 14 + col * (width + 14), rect.y + gap + row * (height + gap), width, height)
        before = getattr(previous, name) if previous is not None else None
        Meter(label, room.group(name), role, previous=before, higher_is_worse=worse).draw(layer, area, palette, scene.text)


def _small_button(layer, rect, label: str, scene, name: str, active: bool = False, enabled: bool = True) -> None:
    palette, text = scene.palette, scene.text
    hovered = scene.controls.hovered == name and enabled
    fill = mix(palette.panel, palette.accent, 0.22) if active else mix(palette.panel, palette.text, 0.06)
    if hovered:
        fill = lifted(fill, palette, 0.1)
    pygame.draw.rect(layer, fill, rect, border_radius=8)
    pygame.draw.rect(layer, palette.accent if active else palette.panel_edge, rect, 1, border_radius=8)
    words = text.render(label, "small", palette.text if enabled else palette.muted, bold=True)
    layer.blit(words, words.get_rect(center=rect.center))
    if scene.controls.focused == name:
        draw_focus_ring(layer, rect, palette, radius=8)


# -- the side panel -------------------------------------------------------------------------

def draw_side(layer, rect, scene) -> dict[str, pygame.Rect]:
    """Transcript or inner state, with tabs to switch and the Undo and Pause buttons."""
    palette, text = scene.palette, scene.text
    inner = scene.settings.inner_state
    if inner:
        _draw_inner_state(layer, rect, scene)
    else:
        scene.transcript.title = ""
        scene.transcript.draw(layer, rect, palette)
    controls = {}
    x = rect.x + 10
    height = text.line_height("small") + 10
    y = rect.y + (TAB_HEIGHT - height) // 2 + 1
    for name, label, on in (("tab:transcript", "Transcript", not inner), ("tab:inner", "Inner state (T)", inner)):
        width = text.width(label, "small", True) + 20
        controls[name] = pygame.Rect(x, y, width, height)
        _small_button(layer, controls[name], label, scene, name, active=on)
        x += width + 6
    return controls


def circle_buttons(scene) -> dict[str, pygame.Rect]:
    """Undo and Pause, small, in the circle's top-left corner (the floor there is empty)."""
    text, area = scene.text, scene.play.circle
    height = text.line_height("small") + 10
    x, controls = area.x + 10, {}
    for name, label in (("undo", "Undo ⌫"), ("pause", "Pause Esc")):
        width = text.width(label, "small", True) + 20
        controls[name] = pygame.Rect(x, area.y + 10, width, height)
        x += width + 6
    return controls


def draw_circle_buttons(canvas, scene) -> None:
    for name, rect in circle_buttons(scene).items():
        label = {"undo": "Undo ⌫", "pause": "Pause Esc"}[name]
        _small_button(canvas, rect, label, scene, name, enabled=name != "undo" or bool(scene.session.history))


def _draw_inner_state(layer, rect, scene) -> None:
    """Each member in the room: the three numbers in words and bars, and a first-person thought
    (a member who has not arrived yet has neither)."""
    palette, text = scene.palette, scene.text
    draw_panel(layer, rect, palette)
    session = scene.session
    top = rect.y + TAB_HEIGHT + 6
    pygame.draw.line(layer, palette.panel_edge, (rect.x + 14, top - 4), (rect.right - 14, top - 4))
    members = thoughts_of(session, state_now(scene))   # late arrivals: once they come
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
    state = scene.room
    for i, member in enumerate(members):
        y = top + i * row
        numbers = state.member(member.member_id)   # the room's numbers: in between, mid-reaction
        name = text.wrap(member.name, "small", name_width - 8, bold=True, max_lines=1)[0]
        layer.blit(text.render(name, "small", palette.text, bold=True), (rect.x + 14, y))
        x = rect.x + 14 + name_width
        for word, field, role in (("engaged", "engagement", "accent"), ("trust", "trust", "accent"),
                                  ("distress", "distress", "warning")):
            value = getattr(numbers, field)
            letter = word[0].upper() if short else word
            label = text.render(f"{letter} {round(100 * value)}", "tiny", palette.muted)
            layer.blit(label, (x, y + 1))
            bar = pygame.Rect(x, y + label.get_height() + 1, cell - 10, 4)
            pygame.draw.rect(layer, mix(palette.panel, palette.text, 0.12), bar)
            pygame.draw.rect(layer, palette[role], (bar.x, bar.y, round(bar.width * value), 4))
            x += cell
        if two_lines:
            line = text.wrap(f"“{member.words}”", "tiny", rect.width - 40, max_lines=1)[0]
            layer.blit(text.render(line, "tiny", mix(palette.muted, palette.accent, 0.25)),
                       (rect.x + 24, y + text.line_height("small") + 1))
    layer.set_clip(clip)


def state_now(scene):
    room = scene.room
    return room.after if room.after is not None and room.progress >= 1 else room.before


# -- the bottom area ------------------------------------------------------------------------

def _by_stance(scene) -> tuple[list, list]:
    offered = scene.offered
    return [c for c in offered if c.stance == "lead"], [c for c in offered if c.stance != "lead"]


def skills_on_cards(scene) -> bool:
    """Whether the cards name their skills before choosing (the level and the setting say)."""
    settings, session = getattr(scene, "settings", None), getattr(scene, "session", None)
    if settings is None or session is None:
        return True   # a bare layout question: assume the tags take their full room
    return skill_names_before(settings, session.scenario.level.value)


def _needs(leads, follows, columns, text, skill: bool = True) -> list[tuple[int, int]]:
    """Each row's wanted heights (body, small): the taller of its two cards."""
    widths = [column.width for column in columns]
    rows = [[card_heights(c.choice.text, width, text, skill) for c, width in zip(row, widths) if c is not None]
            for row in zip_longest(leads, follows)]
    return [(max(h[0] for h in row), max(h[1] for h in row)) for row in rows]


# LEAD column shares tried, in order, when the usual split leaves a card short of room.
SHARES = (0.5, 0.58, 0.67, 0.42, 0.33)


def _card_layout(scene):
    """(lead share or None, needs). The columns split as `layout.choice_columns` does; when
    those cards cannot all show their words at body size, the first other split that lets
    them (else lets them all at small size, else cuts least) wins."""
    leads, follows = _by_stance(scene)
    play, half = scene.play, layout.GAP // 2
    room = play.lead_column.height - layout.COLUMN_HEADER + half
    best = None
    for share in (None,) + (SHARES if leads and follows else ()):
        columns = layout.choice_columns(play, len(leads), len(follows), share)
        needs = _needs(leads, follows, columns, scene.text, skills_on_cards(scene))
        body, small = (sum(need[k] + half for need in needs) for k in (0, 1))
        score = (0, 0) if body <= room else (1, 0) if small <= room else (2, small - room)
        if best is None or score < best[0]:
            best = (score, share, needs)
        if score == (0, 0):
            break
    return best[1], best[2]


def choice_columns(scene) -> tuple[pygame.Rect, pygame.Rect]:
    """The LEAD and FOLLOW columns as the choices on offer share the width."""
    leads, follows = _by_stance(scene)
    return layout.choice_columns(scene.play, len(leads), len(follows), _card_layout(scene)[0])


def choice_cards(scene) -> list[tuple[object, pygame.Rect]]:
    """(offered choice, rect) for the choices on offer, LEAD on the left, FOLLOW on the right."""
    leads, follows = _by_stance(scene)
    share, needs = _card_layout(scene)
    lead_rects, follow_rects = layout.choice_card_rects(scene.play, len(leads), len(follows), needs, share)
    return list(zip(leads, lead_rects)) + list(zip(follows, follow_rects))


def draw_choices(layer, rect, scene) -> dict[str, pygame.Rect]:
    """The cards (live when the trainee may choose), or the coach's note, or the ending."""
    stage = scene.stage
    if stage == "ended":
        return _draw_ending(layer, rect, scene)
    if stage == "lines" and scene.coach is not None:
        return _draw_coach(layer, rect, scene)
    palette = scene.palette
    lead_column, follow_column = choice_columns(scene)
    draw_column_header(layer, lead_column, "lead", palette, scene.text)
    draw_column_header(layer, follow_column, "follow", palette, scene.text)
    controls = {}
    live = stage == "choose"
    before = skills_on_cards(scene)
    for offered, card_rect in choice_cards(scene):
        name = f"choice:{offered.shown}"
        chosen = stage == "react" and scene.chosen == offered.shown
        skill = offered.skill if before or chosen else None   # else named only once chosen
        card = Card(card_rect, offered.shown, offered.choice.text, offered.stance, skill,
                    hovered=live and scene.controls.hovered == name,
                    focused=(live and scene.controls.focused == name) or chosen,
                    enabled=live or chosen)
        card.draw(layer, palette, scene.text)
        if live:
            controls[name] = card_rect
    if not scene.offered and not scene.node.ending:
        _centre_words(layer, rect, "No choice is offered here: the scenario stops. Press Enter for the debrief.", scene)
    elif stage == "lines":
        _listening_hint(layer, rect, scene)
    return controls


def _listening_hint(layer, rect, scene) -> None:
    """Right of the FOLLOW header, when there is room: why the cards are not live yet."""
    palette, text = scene.palette, scene.text
    column = choice_columns(scene)[1]
    header = 24 + text.width("FOLLOW", "small", True) + 8 + text.width(HEADER_HINTS["follow"], "small") + 24
    label = text.render("Choices open after the last line", "small", palette.muted)
    spot = label.get_rect(topright=(column.right - 10, column.y))
    if spot.x > column.x + header:
        icons.info(layer, (spot.x - 12, spot.centery), 14, palette.muted, palette.background)
        layer.blit(label, spot)


def _centre_words(layer, rect, words: str, scene) -> None:
    label = scene.text.render(words, "body", scene.palette.text)
    layer.blit(label, label.get_rect(center=rect.center))


def _draw_coach(layer, rect, scene) -> dict[str, pygame.Rect]:
    """What the group needed, how the choice did on both axes (a tick only for met; a tilde
    for the right stance with a poor move; a cross for a miss, with words), and why."""
    palette, text = scene.palette, scene.text
    note = scene.coach
    panel = rect.inflate(0, -8)
    draw_panel(layer, panel, palette)
    pygame.draw.rect(layer, verdict_colour(palette, note.verdict), (panel.x, panel.y, 7, panel.height),
                     border_top_left_radius=12, border_bottom_left_radius=12)
    draw_verdict_mark(layer, (panel.x + 44, panel.y + 46), 22, note.verdict, palette)
    x = panel.x + 84
    width = panel.right - x - 24
    _coach_label(layer, (x, panel.y + 14), note, scene)
    y = panel.y + 14 + text.line_height("tiny", True)
    need = stance_colour(palette, note.needed)
    headline = text.render(note.headline, "heading", palette.text, bold=True)
    layer.blit(headline, (x, y))
    icons.stance_icon(layer, note.needed, (x + headline.get_width() + 18, y + headline.get_height() // 2), 16, need)
    y += headline.get_height() + 2
    reason = note.reason[:1].upper() + note.reason[1:] + "."
    y = blit_lines(layer, text, text.wrap(f"{reason}  {note.verdict_line}", "body", width, bold=True, max_lines=2),
                   "body", palette.text, x, y, bold=True) + 4
    room = max(1, (panel.bottom - 12 - y) // text.line_height("body"))
    blit_lines(layer, text, text.wrap(note.feedback, "body", width, max_lines=room), "body", palette.muted, x, y)
    return {}


def _coach_label(layer, pos, note, scene) -> None:
    """'COACH · MET IT · SKILL: BLOCKING': the verdict in words beside its mark, and the skill
    the choice used (at higher levels the cards named it only now)."""
    palette, text = scene.palette, scene.text
    parts = ["COACH", note.short.upper()]
    if note.skill:
        parts.append(f"SKILL: {skill_words(note.skill).upper()}")
    layer.blit(text.render("  ·  ".join(parts), "tiny", palette.muted, bold=True), pos)


def _draw_ending(layer, rect, scene) -> dict[str, pygame.Rect]:
    palette, text = scene.palette, scene.text
    panel = rect.inflate(0, -8)
    draw_panel(layer, panel, palette)
    ending = scene.session.ending
    outcome = ending.outcome.value if ending else None
    badge = draw_outcome_badge(layer, outcome, (panel.x + 28, panel.y + 22), palette, text, size="title",
                               safe=scene.session.safe)
    words = ending.text.strip() if ending else "The session stopped before an ending."
    blit_lines(layer, text, text.wrap(words, "body", panel.width - 56 - 260, max_lines=5), "body", palette.text,
               panel.x + 28, badge.bottom + 12)
    button = pygame.Rect(0, 0, 240, 48)
    button.bottomright = (panel.right - 24, panel.bottom - 22)
    Button(button, "See the debrief ▸", primary=True, hovered=scene.controls.hovered == "debrief",
           focused=scene.controls.focused == "debrief").draw(layer, palette, text)
    return {"debrief": button}
