"""One decision in the debrief's list: the choice, the stance against the need (tick or cross,
in words as well), the feedback, the expert's choice when it differed, and what happened.

The tick is the engine's `met`: the right stance and, when the need was about one member, aimed
at them. A lead toward the wrong member gets a cross and the verdict saying so."""
from __future__ import annotations

import pygame

from game.ui import fonts
from game.ui.scenes.base import blit_lines
from game.ui.theme import Palette, mix, readable_on, stance_colour
from game.ui.widgets import icons

PAD = 12


def _parts(decision, width: int, text: fonts.TextCache) -> list[tuple[str, list[str], str, bool]]:
    """(kind, wrapped lines, size, bold) for each block of a decision, in order."""
    inner = width - 2 * PAD
    verdict = ("✓ met the need" if decision.met else "✗ missed the need")
    parts = [
        ("head", [f"Turn {decision.turn} · {decision.node_id.replace('_', ' ')}"], "tiny", True),
        ("choice", text.wrap(f"“{decision.choice_text.strip()}”", "body", inner), "body", False),
        ("stance", [f"You chose {decision.stance.upper()}; the group needed {decision.need.upper()} — {verdict}"], "small", True),
        ("reason", text.wrap(f"Why: {decision.need_reason}.", "small", inner), "small", False),
    ]
    if decision.fit and not decision.met:   # the right stance, aimed at the wrong member
        parts.insert(3, ("verdict", text.wrap(decision.verdict_line, "small", inner, bold=True), "small", True))
    if decision.feedback.strip():
        parts.append(("feedback", text.wrap(decision.feedback.strip(), "small", inner), "small", False))
    if decision.expert_text:
        parts.append(("expert", text.wrap(f"An expert's choice: “{decision.expert_text.strip()}”", "small", inner), "small", False))
    for event in decision.events:
        parts.append(("event", text.wrap(event, "tiny", inner - 14), "tiny", False))
    return parts


def decision_height(decision, width: int, text: fonts.TextCache) -> int:
    return 2 * PAD + sum(len(lines) * text.line_height(size, bold) + 3 for _, lines, size, bold in _parts(decision, width, text))


def draw_decision(canvas, decision, rect: pygame.Rect, palette: Palette, text: fonts.TextCache) -> None:
    role = palette.good if decision.met else palette.warning
    pygame.draw.rect(canvas, mix(palette.panel, palette.background, 0.4), rect, border_radius=10)
    pygame.draw.rect(canvas, role, (rect.x, rect.y, 5, rect.height), border_top_left_radius=10, border_bottom_left_radius=10)
    y = rect.y + PAD
    x = rect.x + PAD
    for kind, lines, size, bold in _parts(decision, rect.width, text):
        colour = {"head": palette.muted, "reason": palette.muted, "expert": mix(palette.accent, palette.text, 0.45),
                  "event": palette.muted}.get(kind, palette.text)
        if kind == "stance":
            _draw_stance_line(canvas, decision, (x, y), palette, text)
            y += text.line_height(size, bold) + 3
            continue
        indent = 14 if kind == "event" else 0
        if kind == "event":
            pygame.draw.circle(canvas, palette.muted, (x + 4, y + text.line_height("tiny") // 2), 2)
        y = blit_lines(canvas, text, lines, size, colour, x + indent, y, bold) + 3


def _draw_stance_line(canvas, decision, pos, palette: Palette, text: fonts.TextCache) -> None:
    """'[▶ LEAD] needed [◎ FOLLOW]  ✗ missed': pills with icons, a mark and words."""
    x, y = pos
    x = _stance_pill(canvas, "You", decision.stance, (x, y), palette, text) + 8
    x = _stance_pill(canvas, "Needed", decision.need, (x, y), palette, text) + 10
    role = palette.good if decision.met else palette.warning
    words = "met it" if decision.met else "missed it"
    centre = (x + 8, y + text.line_height("small", True) // 2)
    pygame.draw.circle(canvas, role, centre, 8)
    if decision.met:
        icons.check(canvas, centre, 11, readable_on(role))
    else:
        a, b = 4, readable_on(role)
        pygame.draw.line(canvas, b, (centre[0] - a, centre[1] - a), (centre[0] + a, centre[1] + a), 2)
        pygame.draw.line(canvas, b, (centre[0] - a, centre[1] + a), (centre[0] + a, centre[1] - a), 2)
    canvas.blit(text.render(words, "small", palette.text, bold=True), (x + 20, y))


def _stance_pill(canvas, label: str, stance: str, pos, palette: Palette, text: fonts.TextCache) -> int:
    colour = stance_colour(palette, stance)
    words = text.render(f"{label}: {stance.upper()}", "small", readable_on(colour), bold=True)
    rect = pygame.Rect(pos, (words.get_width() + 30, text.line_height("small", True)))
    pygame.draw.rect(canvas, colour, rect, border_radius=rect.height // 2)
    icons.stance_icon(canvas, stance, (rect.x + 11, rect.centery), 10, readable_on(colour))
    canvas.blit(words, (rect.x + 21, rect.y))
    return rect.right
