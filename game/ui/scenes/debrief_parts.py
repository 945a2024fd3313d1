"""One decision in the debrief's list: the choice, the stance against the need and the move
itself (a mark, in words as well), the feedback, the expert's choice when it differed, and
what happened. A moment tried again first names its first try, with that try's own mark, then
the retry; a moment where the trainee read the room shows their reading beside the model's.

The mark is the engine's verdict. A tick only for `met`: the right stance (aimed at the member
the need was about) and a good move. `partly`, the right stance with a poor or harmful move,
gets a tilde in the caution colour and words that say both; a miss gets a cross."""
from __future__ import annotations

import pygame

from game.ui import fonts
from game.ui.scenes.base import blit_lines
from game.present import verdict_short
from game.present.debrief_practice import brief, reading_words, skill_label
from game.ui.theme import Palette, mix, readable_on, stance_colour
from game.ui.widgets import icons
from game.ui.widgets.verdict import draw_verdict_mark, verdict_colour

PAD = 12
MARKED = 22              # the indent of a row that opens with a small mark (first try, retry, reading)
SMALL_MARK = 7


def _parts(decision, width: int, text: fonts.TextCache, names: dict | None = None) -> list[tuple[str, list[str], str, bool]]:
    """(kind, wrapped lines, size, bold) for each block of a decision, in the order things
    happened: the reading of the room, a first try taken back, then the choice that stood."""
    inner = width - 2 * PAD
    stance_rows = 1 if _words_beside(decision, inner, text) else 2   # drawn by _draw_stance_line
    head = f"Turn {decision.turn} · {decision.node_id.replace('_', ' ')}"
    if decision.skill:
        head += f" · skill: {skill_label(decision.skill)}"
    parts = [("head", text.wrap(head, "tiny", inner, True), "tiny", True)]
    if decision.reading is not None:
        line = reading_words(decision.reading, names or {}).as_line(marked=False)
        parts.append(("reading", text.wrap(line, "small", inner - MARKED), "small", False))
    if decision.retries:
        first = f"First try: “{brief(decision.first_choice_text or '')}”"
        parts += [("first", text.wrap(first, "small", inner - MARKED), "small", False),
                  ("retry", [f"Retry {decision.retries}, the choice that stood:"], "small", True)]
    parts += [
        ("choice", text.wrap(f"“{decision.choice_text.strip()}”", "body", inner), "body", False),
        ("stance", [""] * stance_rows, "small", True),
    ]
    if decision.fit and not decision.met:   # the right stance, but a poor move or aimed at the wrong member
        parts.append(("verdict", text.wrap(decision.verdict_line, "small", inner, bold=True), "small", True))
    parts.append(("reason", text.wrap(f"Why: {decision.need_reason}.", "small", inner), "small", False))
    if decision.feedback.strip():
        parts.append(("feedback", text.wrap(decision.feedback.strip(), "small", inner), "small", False))
    if decision.expert_text:
        parts.append(("expert", text.wrap(f"An expert's choice: “{decision.expert_text.strip()}”", "small", inner), "small", False))
    for event in decision.events:
        parts.append(("event", text.wrap(event, "tiny", inner - 14), "tiny", False))
    return parts


def decision_height(decision, width: int, text: fonts.TextCache, names: dict | None = None) -> int:
    return 2 * PAD + sum(len(lines) * text.line_height(size, bold) + 3
                         for _, lines, size, bold in _parts(decision, width, text, names))


def draw_decision(canvas, decision, rect: pygame.Rect, palette: Palette, text: fonts.TextCache,
                  names: dict | None = None) -> None:
    role = verdict_colour(palette, decision.verdict)
    pygame.draw.rect(canvas, mix(palette.panel, palette.background, 0.4), rect, border_radius=10)
    pygame.draw.rect(canvas, role, (rect.x, rect.y, 5, rect.height), border_top_left_radius=10, border_bottom_left_radius=10)
    y = rect.y + PAD
    x = rect.x + PAD
    for kind, lines, size, bold in _parts(decision, rect.width, text, names):
        colour = {"head": palette.muted, "reason": palette.muted, "expert": mix(palette.accent, palette.text, 0.45),
                  "event": palette.muted, "first": palette.muted, "reading": palette.muted}.get(kind, palette.text)
        if kind in MARKED_ROWS:
            _draw_row_mark(canvas, decision, kind, (x + SMALL_MARK + 1, y + text.line_height(size, bold) // 2), palette)
            y = blit_lines(canvas, text, lines, size, colour, x + MARKED, y, bold) + 3
            continue
        if kind == "stance":
            _draw_stance_line(canvas, decision, (x, y), rect.width - 2 * PAD, palette, text)
            y += len(lines) * text.line_height(size, bold) + 3
            continue
        indent = 14 if kind == "event" else 0
        if kind == "event":
            pygame.draw.circle(canvas, palette.muted, (x + 4, y + text.line_height("tiny") // 2), 2)
        y = blit_lines(canvas, text, lines, size, colour, x + indent, y, bold) + 3


MARKED_ROWS = ("reading", "first", "retry")


def _draw_row_mark(canvas, decision, kind: str, centre, palette: Palette) -> None:
    """The small mark that opens a row: the reading's match, the first try's own verdict (a
    tick only if it met the need) and the retry's verdict."""
    if kind == "reading":
        verdict = "met" if decision.reading.matched else "missed"
    else:
        verdict = decision.first_verdict or decision.verdict if kind == "first" else decision.verdict
    draw_verdict_mark(canvas, centre, SMALL_MARK, verdict, palette)


def _words_beside(decision, width: int, text: fonts.TextCache) -> bool:
    """Whether the verdict's mark and words fit on the line of the two stance pills."""
    pills = sum(text.width(f"{label}: {stance.upper()}", "small", True) + 30
                for label, stance in (("You", decision.stance), ("Needed", decision.need)))
    words = text.width(verdict_short(decision.verdict, decision.stance, decision.quality), "small", True)
    return pills + 8 + 10 + 20 + words <= width


def _draw_stance_line(canvas, decision, pos, width: int, palette: Palette, text: fonts.TextCache) -> None:
    """'[▶ LEAD] needed [◎ FOLLOW]  ✗ missed it': pills with icons, the verdict's mark and words
    ('~ right to lead, but a poor move' when the stance fitted and the move did not)."""
    x, y = pos
    beside = _words_beside(decision, width, text)
    x = _stance_pill(canvas, "You", decision.stance, (x, y), palette, text) + 8
    x = _stance_pill(canvas, "Needed", decision.need, (x, y), palette, text) + 10
    if not beside:   # large text: the verdict on a line of its own, under the pills
        x, y = pos[0], y + text.line_height("small", True)
    words = verdict_short(decision.verdict, decision.stance, decision.quality)
    draw_verdict_mark(canvas, (x + 8, y + text.line_height("small", True) // 2), 8, decision.verdict, palette)
    canvas.blit(text.render(words, "small", palette.text, bold=True), (x + 20, y))


def _stance_pill(canvas, label: str, stance: str, pos, palette: Palette, text: fonts.TextCache) -> int:
    colour = stance_colour(palette, stance)
    words = text.render(f"{label}: {stance.upper()}", "small", readable_on(colour), bold=True)
    rect = pygame.Rect(pos, (words.get_width() + 30, text.line_height("small", True)))
    pygame.draw.rect(canvas, colour, rect, border_radius=rect.height // 2)
    icons.stance_icon(canvas, stance, (rect.x + 11, rect.centery), 10, readable_on(colour))
    canvas.blit(words, (rect.x + 21, rect.y))
    return rect.right
