"""Reading the room: the prompt before the cards, and the reveal of the model's reading.

Plain drawing. The prompt asks "What does the group need now?" with two large buttons, LEAD
and FOLLOW, and an optional "Who most needs your attention?" with a button per member (their
number is the key that names them); Done confirms. The reveal sets the trainee's reading and
the model's side by side, each mark a shape (✓ or ✗), never a colour alone. Both return the
rects of the controls they drew, by name: `ask:lead`, `ask:follow`, `ask:member:<id>`,
`ask:done`, `reveal:ok`.
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.theme import mix, readable_on, stance_colour
from game.ui.widgets import icons
from game.ui.widgets.card import Button
from game.ui.widgets.panel import draw_focus_ring, draw_panel, draw_pill, lifted
from game.ui.widgets.verdict import draw_verdict_mark

QUESTION = "What does the group need now?"
WHO = "Who most needs your attention?"
LOOK = "Look before you answer: faces, hands, who turns to whom. The choices open after."
RETRY = "↺ The moment before was missed: R tries it again first."
STANCE_WORDS = {"lead": "LEAD", "follow": "FOLLOW"}
STANCE_HINTS = {"lead": "step in, shape the moment", "follow": "let the group carry it"}


@dataclass(frozen=True)
class Pointer:
    """Where the mouse and the keyboard's ring are (control names, or None)."""

    hovered: str | None = None
    focused: str | None = None


def draw_prompt(surface, rect: pygame.Rect, stance: str | None, member: str | None, members, pointer: Pointer,
                palette, text, retry: bool = False) -> dict[str, pygame.Rect]:
    """The prompt in `rect` (the cards' place); `members` are (id, name) in key order.
    `retry`: the moment before was missed, and R can still take it back (said in a line)."""
    panel = rect.inflate(0, -8)
    draw_panel(surface, panel, palette)
    pad = 24
    left = pygame.Rect(panel.x + pad, panel.y + 16, round(panel.width * 0.5) - pad, panel.height - 32)
    right = pygame.Rect(left.right + 32, left.y, panel.right - pad - left.right - 32, left.height)
    pygame.draw.line(surface, palette.panel_edge, (left.right + 16, left.y + 4), (left.right + 16, left.bottom - 4))
    controls = _stance_half(surface, left, stance, pointer, palette, text, RETRY if retry else None)
    controls.update(_member_half(surface, right, member, members, pointer, palette, text))
    done = _done_rect(right, text)
    Button(done, "Done  ▸", primary=stance is not None, hovered=pointer.hovered == "ask:done",
           focused=pointer.focused == "ask:done").draw(surface, palette, text)
    controls["ask:done"] = done
    hint = "Enter: done" if stance else "L or F, then Enter"
    words = text.render(hint, "small", palette.muted)
    surface.blit(words, words.get_rect(midright=(done.x - 14, done.centery)))
    return controls


def _stance_half(surface, area, stance, pointer, palette, text, note: str | None) -> dict[str, pygame.Rect]:
    label = text.render("READ THE ROOM FIRST", "tiny", palette.muted, bold=True)
    surface.blit(label, area.topleft)
    y = area.y + label.get_height() + 4
    question = text.render(QUESTION, "heading", palette.text, bold=True)
    surface.blit(question, (area.x, y))
    y += question.get_height() + 12
    height = max(64, text.line_height("heading") + text.line_height("small") + 22)
    height = min(height, area.bottom - y)
    width = (area.width - 16) // 2
    controls = {}
    for i, choice in enumerate(("lead", "follow")):
        button = pygame.Rect(area.x + i * (width + 16), y, width, height)
        _stance_button(surface, button, choice, stance == choice, pointer, palette, text)
        controls[f"ask:{choice}"] = button
    y = button.bottom + 12
    for words, bold in ((note, True), (LOOK, False)):   # the way back first: it is what may be missed
        lines = text.wrap(words, "small", area.width, bold=bold, max_lines=2) if words else []
        if y + len(lines) * text.line_height("small") > area.bottom:
            break
        for line in lines:
            surface.blit(text.render(line, "small", palette.text if bold else palette.muted, bold=bold), (area.x, y))
            y += text.line_height("small")
    return controls


def _stance_button(surface, rect, stance: str, picked: bool, pointer, palette, text) -> None:
    colour = stance_colour(palette, stance)
    name = f"ask:{stance}"
    fill = colour if picked else mix(palette.panel, colour, 0.08)
    if pointer.hovered == name:
        fill = lifted(fill, palette, 0.1)
    pygame.draw.rect(surface, fill, rect, border_radius=12)
    pygame.draw.rect(surface, colour, rect, 3 if picked else 2, border_radius=12)
    ink = readable_on(fill) if picked else palette.text
    word = text.render(STANCE_WORDS[stance], "heading", ink, bold=True)
    key = text.render(f"key {STANCE_WORDS[stance][0]}", "small", ink if picked else palette.muted, bold=True)
    hint = text.render(STANCE_HINTS[stance], "small", ink if picked else palette.muted)
    icon = max(10, word.get_height() // 2)
    top = rect.centery - (word.get_height() + hint.get_height()) // 2
    x = rect.x + 18 + icon
    icons.stance_icon(surface, stance, (rect.x + 14 + icon // 2, top + word.get_height() // 2), icon, ink if picked else colour)
    surface.blit(word, (x, top))
    if x + word.get_width() + 12 + key.get_width() < rect.right - 12:
        surface.blit(key, key.get_rect(bottomright=(rect.right - 12, top + word.get_height() - 2)))
    if hint.get_width() < rect.width - 24:
        surface.blit(hint, (x, top + word.get_height()))
    if picked:
        icons.check(surface, (rect.right - 20, rect.bottom - 16), 14, ink)
    if pointer.focused == name:
        draw_focus_ring(surface, rect, palette)


def _member_half(surface, area, member, members, pointer, palette, text) -> dict[str, pygame.Rect]:
    title = text.render(WHO, "body", palette.text, bold=True)
    surface.blit(title, area.topleft)
    note = text.render("optional: click them in the circle, or press their number", "small", palette.muted)
    y = area.y + title.get_height() + 2
    surface.blit(note, (area.x, y))
    y += note.get_height() + 10
    height = text.line_height("small") + 14
    bottom = _done_rect(area, text).y - 8
    x, controls = area.x, {}
    for number, (member_id, name) in enumerate(members, start=1):
        words = f"{number}  {name}" if number <= 9 else name
        width = text.width(words, "small", True) + 24
        if x + width > area.right and x > area.x:
            x, y = area.x, y + height + 8
        if y + height > bottom:
            break   # (never in practice: a circle is at most twelve; their tags still take a click)
        chip = pygame.Rect(x, y, width, height)
        _member_chip(surface, chip, words, member_id == member, f"ask:member:{member_id}", pointer, palette, text)
        controls[f"ask:member:{member_id}"] = chip
        x += width + 8
    return controls


def _member_chip(surface, rect, words, picked, name, pointer, palette, text) -> None:
    fill = palette.focus if picked else mix(palette.panel, palette.text, 0.05)
    if pointer.hovered == name:
        fill = lifted(fill, palette, 0.1)
    draw_pill(surface, rect, fill, palette.text if picked else palette.panel_edge)
    label = text.render(words, "small", readable_on(fill) if picked else palette.text, bold=True)
    surface.blit(label, label.get_rect(center=rect.center))
    if pointer.focused == name:
        draw_focus_ring(surface, rect, palette, radius=rect.height // 2)


def _done_rect(area, text) -> pygame.Rect:
    width = text.width("Done  ▸", "body", True) + 56
    height = text.line_height("body") + 22
    return pygame.Rect(area.right - width, area.bottom - height, width, height)


# -- the reveal ------------------------------------------------------------------------------

def draw_reveal(surface, rect: pygame.Rect, reading, names: dict, pointer: Pointer, palette, text) -> dict[str, pygame.Rect]:
    """The trainee's reading beside the model's, and the button that opens the cards."""
    panel = rect.inflate(0, -8)
    draw_panel(surface, panel, palette)
    need = reading.need
    matched = reading.matched
    verdict = "met" if matched else "missed"
    draw_verdict_mark(surface, (panel.x + 44, panel.y + 46), 22, verdict, palette)
    x = panel.x + 84
    label = text.render("YOUR READING  ·  THE MODEL'S READING", "tiny", palette.muted, bold=True)
    surface.blit(label, (x, panel.y + 14))
    headline = "You read the room as the model does." if matched else "The model reads the room differently."
    words = text.render(headline, "heading", palette.text, bold=True)
    surface.blit(words, (x, panel.y + 14 + label.get_height() + 2))
    button = _ok_rect(panel, text)
    top = panel.y + 14 + label.get_height() + words.get_height() + 14
    width = (button.x - 24 - x - 24) // 2
    you = pygame.Rect(x, top, width, panel.bottom - 14 - top)
    model = pygame.Rect(you.right + 24, top, width, you.height)
    _side(surface, you, "You", reading.stance, _who(reading.member, names), None,
          (reading.stance_matched, reading.member_matched), palette, text)
    _side(surface, model, "The model", need.stance, _who(need.member, names), need.text(names), None, palette, text)
    Button(button, "Show the choices  ▸", primary=True, hovered=pointer.hovered == "reveal:ok",
           focused=pointer.focused == "reveal:ok").draw(surface, palette, text)
    hint = text.render("Enter", "small", palette.muted)
    surface.blit(hint, hint.get_rect(midtop=(button.centerx, button.bottom + 4)))
    return {"reveal:ok": button}


def _who(member: str | None, names: dict) -> str:
    return names.get(member, member) if member else "no one named"


def _side(surface, area, title, stance, who, reason, marks, palette, text) -> None:
    """One reading: whose, the stance as a pill, who; a ✓ or ✗ beside each part that was
    compared (`marks`: stance matched, member matched or None)."""
    heading = text.render(title, "small", palette.muted, bold=True)
    surface.blit(heading, area.topleft)
    y = area.y + heading.get_height() + 6
    colour = stance_colour(palette, stance)
    word = text.render(STANCE_WORDS[stance], "body", readable_on(colour), bold=True)
    pill = pygame.Rect(area.x, y, word.get_width() + 44, word.get_height() + 10)
    draw_pill(surface, pill, colour)
    icons.stance_icon(surface, stance, (pill.x + 16, pill.centery), 12, readable_on(colour))
    surface.blit(word, word.get_rect(midleft=(pill.x + 28, pill.centery)))
    x = pill.right + 10
    if marks is not None:
        x = _mark(surface, (x + 12, pill.centery), marks[0], palette) + 10
    person = text.render(who, "body", palette.text, bold=True)
    surface.blit(person, person.get_rect(midleft=(x, pill.centery)))
    if marks is not None and marks[1] is not None:
        _mark(surface, (x + person.get_width() + 22, pill.centery), marks[1], palette)
    if reason:
        y = pill.bottom + 8
        room = max(1, (area.bottom - y) // text.line_height("body"))
        sentence = reason[:1].upper() + reason[1:] + ("" if reason.endswith(".") else ".")
        for line in text.wrap(sentence, "body", area.width, max_lines=room):
            surface.blit(text.render(line, "body", palette.text), (area.x, y))
            y += text.line_height("body")


def _mark(surface, centre, matched: bool, palette) -> int:
    """A small ✓ (matched) or ✗ disc; returns its right edge."""
    disc = draw_verdict_mark(surface, centre, 11, "met" if matched else "missed", palette)
    return disc.right


def _ok_rect(panel, text) -> pygame.Rect:
    width = text.width("Show the choices  ▸", "body", True) + 48
    height = text.line_height("body") + 22
    return pygame.Rect(panel.right - 24 - width, panel.bottom - 30 - height, width, height)
