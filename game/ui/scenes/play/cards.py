"""The bottom of the play screen: the choice cards in their LEAD and FOLLOW columns (live when
the trainee may choose), the coach's note after a choice, or the ending.

The cards' places depend only on the layout, the choices offered and the text size
(`choice_cards`), so the mouse, Tab and the drawing always agree on where a card is.
"""
from __future__ import annotations

from itertools import zip_longest

import pygame

from game.present import skill_words
from game.ui import layout
from game.ui.scenes.base import blit_lines
from game.ui.scenes.common import draw_outcome_badge
from game.ui.scenes.play.state import Stage
from game.ui.settings import skill_names_before
from game.ui.theme import stance_colour
from game.ui.widgets import Button, Card, draw_panel, draw_verdict_mark, verdict_colour
from game.ui.widgets import icons
from game.ui.widgets.card import HEADER_HINTS, card_heights, draw_column_header


def _by_stance(offered) -> tuple[list, list]:
    return [c for c in offered if c.stance == "lead"], [c for c in offered if c.stance != "lead"]


def skills_before(state, tools) -> bool:
    """Whether the cards name their skills before choosing (the level and the setting say)."""
    return skill_names_before(tools.settings, state.session.scenario.level.value)


def _needs(leads, follows, columns, text, skill: bool = True) -> list[tuple[int, int]]:
    """Each row's wanted heights (body, small): the taller of its two cards."""
    widths = [column.width for column in columns]
    rows = [[card_heights(c.choice.text, width, text, skill) for c, width in zip(row, widths) if c is not None]
            for row in zip_longest(leads, follows)]
    return [(max(h[0] for h in row), max(h[1] for h in row)) for row in rows]


# LEAD column shares tried, in order, when the usual split leaves a card short of room.
SHARES = (0.5, 0.58, 0.67, 0.42, 0.33)


def _card_layout(play, offered, text, skills: bool):
    """(lead share or None, needs). The columns split as `layout.choice_columns` does; when
    those cards cannot all show their words at body size, the first other split that lets
    them (else lets them all at small size, else cuts least) wins."""
    leads, follows = _by_stance(offered)
    half = layout.GAP // 2
    room = play.lead_column.height - layout.COLUMN_HEADER + half
    best = None
    for share in (None,) + (SHARES if leads and follows else ()):
        columns = layout.choice_columns(play, len(leads), len(follows), share)
        needs = _needs(leads, follows, columns, text, skills)
        body, small = (sum(need[k] + half for need in needs) for k in (0, 1))
        score = (0, 0) if body <= room else (1, 0) if small <= room else (2, small - room)
        if best is None or score < best[0]:
            best = (score, share, needs)
        if score == (0, 0):
            break
    return best[1], best[2]


def choice_columns(play, offered, text, skills: bool = True) -> tuple[pygame.Rect, pygame.Rect]:
    """The LEAD and FOLLOW columns as the choices on offer share the width."""
    leads, follows = _by_stance(offered)
    return layout.choice_columns(play, len(leads), len(follows), _card_layout(play, offered, text, skills)[0])


def choice_cards(play, offered, text, skills: bool = True) -> list[tuple[object, pygame.Rect]]:
    """(offered choice, rect) for the choices on offer, LEAD on the left, FOLLOW on the right.
    `skills`: the cards name their skills (a bare layout question assumes they do: the tags
    then take their full room)."""
    leads, follows = _by_stance(offered)
    share, needs = _card_layout(play, offered, text, skills)
    lead_rects, follow_rects = layout.choice_card_rects(play, len(leads), len(follows), needs, share)
    return list(zip(leads, lead_rects)) + list(zip(follows, follow_rects))


def draw_choices(layer, rect, state, tools) -> dict[str, pygame.Rect]:
    """The cards (live when the trainee may choose), or the coach's note, or the ending."""
    stage = state.stage
    if stage == Stage.ENDED:
        return _draw_ending(layer, rect, state, tools)
    if stage == Stage.LINES and state.coach is not None:
        return _draw_coach(layer, rect, state, tools)
    palette, text = tools.palette, tools.text
    before = skills_before(state, tools)
    lead_column, follow_column = choice_columns(state.layout, state.offered, text, before)
    draw_column_header(layer, lead_column, "lead", palette, text)
    draw_column_header(layer, follow_column, "follow", palette, text)
    controls = {}
    live = stage == Stage.CHOOSE
    for offered, card_rect in choice_cards(state.layout, state.offered, text, before):
        name = f"choice:{offered.shown}"
        chosen = stage == Stage.REACT and state.chosen == offered.shown
        skill = offered.skill if before or chosen else None   # else named only once chosen
        card = Card(card_rect, offered.shown, offered.choice.text, offered.stance, skill,
                    hovered=live and state.controls.hovered == name,
                    focused=(live and state.controls.focused == name) or chosen,
                    enabled=live or chosen)
        card.draw(layer, palette, text)
        if live:
            controls[name] = card_rect
    if not state.offered and not state.node.ending:
        _centre_words(layer, rect, "No choice is offered here: the scenario stops. Press Enter for the debrief.", tools)
    elif stage == Stage.LINES:
        _listening_hint(layer, follow_column, tools)
    return controls


def _listening_hint(layer, column, tools) -> None:
    """Right of the FOLLOW header, when there is room: why the cards are not live yet."""
    palette, text = tools.palette, tools.text
    header = 24 + text.width("FOLLOW", "small", True) + 8 + text.width(HEADER_HINTS["follow"], "small") + 24
    label = text.render("Choices open after the last line", "small", palette.muted)
    spot = label.get_rect(topright=(column.right - 10, column.y))
    if spot.x > column.x + header:
        icons.info(layer, (spot.x - 12, spot.centery), 14, palette.muted, palette.background)
        layer.blit(label, spot)


def _centre_words(layer, rect, words: str, tools) -> None:
    label = tools.text.render(words, "body", tools.palette.text)
    layer.blit(label, label.get_rect(center=rect.center))


def _draw_coach(layer, rect, state, tools) -> dict[str, pygame.Rect]:
    """What the group needed, how the choice did on both axes (a tick only for met; a tilde
    for the right stance with a poor move; a cross for a miss, with words), and why."""
    palette, text = tools.palette, tools.text
    note = state.coach
    panel = rect.inflate(0, -8)
    draw_panel(layer, panel, palette)
    pygame.draw.rect(layer, verdict_colour(palette, note.verdict), (panel.x, panel.y, 7, panel.height),
                     border_top_left_radius=12, border_bottom_left_radius=12)
    draw_verdict_mark(layer, (panel.x + 44, panel.y + 46), 22, note.verdict, palette)
    x = panel.x + 84
    width = panel.right - x - 24
    _coach_label(layer, (x, panel.y + 14), note, tools)
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


def _coach_label(layer, pos, note, tools) -> None:
    """'COACH · MET IT · SKILL: BLOCKING': the verdict in words beside its mark, and the skill
    the choice used (at higher levels the cards named it only now)."""
    palette, text = tools.palette, tools.text
    parts = ["COACH", note.short.upper()]
    if note.skill:
        parts.append(f"SKILL: {skill_words(note.skill).upper()}")
    layer.blit(text.render("  ·  ".join(parts), "tiny", palette.muted, bold=True), pos)


def _draw_ending(layer, rect, state, tools) -> dict[str, pygame.Rect]:
    palette, text = tools.palette, tools.text
    panel = rect.inflate(0, -8)
    draw_panel(layer, panel, palette)
    ending = state.session.ending
    outcome = ending.outcome.value if ending else None
    badge = draw_outcome_badge(layer, outcome, (panel.x + 28, panel.y + 22), palette, text, size="title",
                               safe=state.session.safe)
    words = ending.text.strip() if ending else "The session stopped before an ending."
    blit_lines(layer, text, text.wrap(words, "body", panel.width - 56 - 260, max_lines=5), "body", palette.text,
               panel.x + 28, badge.bottom + 12)
    button = pygame.Rect(0, 0, 240, 48)
    button.bottomright = (panel.right - 24, panel.bottom - 22)
    Button(button, "See the debrief ▸", primary=True, hovered=state.controls.hovered == "debrief",
           focused=state.controls.focused == "debrief").draw(layer, palette, text)
    return {"debrief": button}
