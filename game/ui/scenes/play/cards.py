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
from game.ui.theme import mix, readable_on, stance_colour
from game.ui.widgets import Button, Card, draw_focus_ring, draw_panel, draw_verdict_mark, verdict_colour
from game.ui.widgets import icons
from game.ui.widgets.read_room import Pointer, draw_prompt, draw_reveal
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
    if stage in (Stage.ASK, Stage.REVEAL):
        return _draw_reading(layer, rect, state, tools)
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
    model_answer = next((hint.shown for hint in state.hints if hint.shown is not None), None)
    for offered, card_rect in choice_cards(state.layout, state.offered, text, before):
        name = f"choice:{offered.shown}"
        chosen = stage == Stage.REACT and state.chosen == offered.shown
        skill = offered.skill if before or chosen else None   # else named only once chosen
        card = Card(card_rect, offered.shown, offered.choice.text, offered.stance, skill,
                    hovered=live and state.controls.hovered == name,
                    focused=(live and state.controls.focused == name) or chosen,
                    enabled=live or chosen)
        card.draw(layer, palette, text)
        if live and offered.shown == model_answer:
            _mark_model_answer(layer, card_rect, tools)
        if live:
            controls[name] = card_rect
    if live and state.session.can_retry and not state.hints:
        controls.update(_retry_link(layer, follow_column, state, tools))
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
    controls = _retry_button(layer, panel, state, tools)
    width = (controls["retry"].x if controls else panel.right) - x - 24
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
    return controls


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
    return {"debrief": button, **_retry_button(layer, panel, state, tools, above=button)}


RETRY = "Try this moment again (R)"


def _retry_button(layer, panel, state, tools, above=None) -> dict[str, pygame.Rect]:
    """After a verdict that is not met: the button that takes the choice back to choose again
    (bottom right of the coach's note, or above the debrief's button at an ending)."""
    if not state.session.can_retry:
        return {}
    text = tools.text
    width, height = text.width(RETRY, "body", True) + 40, text.line_height("body") + 22
    button = pygame.Rect(0, 0, width, height)
    if above is not None:
        button.bottomright = (above.right, above.y - 10)
    else:
        button.bottomright = (panel.right - 24, panel.bottom - 18)
    Button(button, RETRY, primary=above is None, hovered=state.controls.hovered == "retry",
           focused=state.controls.focused == "retry").draw(layer, tools.palette, text)
    return {"retry": button}


RETRY_LAST = "↺ Try the last moment again (R)"


def _retry_link(layer, column, state, tools) -> dict[str, pygame.Rect]:
    """While the next cards are open, the missed moment before them can still be tried again:
    a small button at the right of the FOLLOW header (the coach's note, with its larger
    button, has gone with the lines)."""
    palette, text = tools.palette, tools.text
    label = text.render(RETRY_LAST, "small", palette.text, bold=True)
    button = pygame.Rect(0, 0, label.get_width() + 20, label.get_height() + 6)
    button.topright = (column.right - 4, column.y - 4)
    header = 24 + text.width("FOLLOW", "small", True) + 8 + text.width(HEADER_HINTS["follow"], "small") + 16
    if button.x < column.x + header:
        word_end = column.x + 24 + text.width("FOLLOW", "small", True) + 6
        if button.x < word_end + 4:
            return {}
        # a narrow column: the button takes the hint's place (never half a hint, never FOLLOW)
        pygame.draw.rect(layer, palette.background, (word_end, button.y, column.right - word_end, button.height))
    hovered = state.controls.hovered == "retry"
    fill = mix(palette.panel, palette.text, 0.1 if hovered else 0.05)
    pygame.draw.rect(layer, fill, button, border_radius=8)
    pygame.draw.rect(layer, palette.panel_edge, button, 1, border_radius=8)
    layer.blit(label, label.get_rect(center=button.center))
    if state.controls.focused == "retry":
        draw_focus_ring(layer, button, palette, radius=8)
    return {"retry": button}


def _mark_model_answer(layer, rect, tools) -> None:
    """The card the model answer points to: ringed in the accent colour, with the star the
    hints panel puts beside "A model answer" on its corner (a ring alone could be read as
    the keyboard's focus; the star says which hint it answers, and covers no words)."""
    palette = tools.palette
    pygame.draw.rect(layer, palette.accent, rect.inflate(6, 6), 3, border_radius=14)
    radius = max(11, round(11 * tools.text.scale))
    centre = (rect.x + 2, rect.y + 2)
    pygame.draw.circle(layer, palette.accent, centre, radius)
    pygame.draw.circle(layer, palette.panel, centre, radius, 2)
    icons.star(layer, centre, round(radius * 1.3), readable_on(palette.accent))


def _draw_reading(layer, rect, state, tools) -> dict[str, pygame.Rect]:
    """Before the cards: the prompt to read the room, then the reveal of the model's reading."""
    pointer = Pointer(state.controls.hovered, state.controls.focused)
    if state.stage == Stage.ASK:
        return draw_prompt(layer, rect, state.asking.stance, state.asking.member, state.members_present,
                           pointer, tools.palette, tools.text, retry=state.session.can_retry)
    return draw_reveal(layer, rect, state.asking.reading, state.session.names, pointer, tools.palette, tools.text)
