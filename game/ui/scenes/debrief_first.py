"""What the debrief says first, and who comes back.

The first lines are the engine's `Debrief.first_lines`: any risk of harm that was missed, then
each member who may not come back. They stand above everything else, scores included, in a
band of their own: a missed risk outweighs any score, and early drop-out is the commonest way
a real group fails. The list of every member's outcome, with its reason, opens the scrolling
column beside the decisions.
"""
from __future__ import annotations

import pygame

from game.ui import fonts
from game.ui.scenes.base import blit_lines
from game.ui.theme import Palette, mix, readable_on
from game.ui.widgets import icons

FIRST_MOST = 2           # sentences in full in the band; beyond that, who may not come back by name
BAND_PAD = 10
ICON_COLUMN = 40
NAMED_MOST = 3           # names in the one-line summary of who may not come back
OUTCOME_ORDER = {"may_drop_out": 0, "uncertain": 1, "returns": 2}


def first_band_lines(debrief, names: dict, width: int, text: fonts.TextCache) -> list[tuple[str, bool]]:
    """(line, bold) rows of the band, in the order of `first_lines`: each missed risk in full
    and bold; who may not come back in full while the band stays short, else one line of
    their names that points to the reasons under WHO COMES BACK (beside it on the screen)."""
    risks = list(debrief.missed_risks)
    drops = list(debrief.first_lines[len(risks):])
    rows = [(line, True) for sentence in risks for line in text.wrap(sentence, "body", width, bold=True, max_lines=2)]
    if len(risks) + len(drops) > FIRST_MOST and drops:
        who = [names.get(o.member, o.member) for o in debrief.members if o.outcome == "may_drop_out"]
        drops = [f"{listed(who)} may not come back: the reasons are under WHO COMES BACK."]
    rows += [(line, False) for sentence in drops for line in text.wrap(sentence, "body", width, max_lines=2)]
    return rows


def listed(names: list[str]) -> str:
    """'Owen', 'Owen and Wren', 'Owen, Wren and Lena', 'Owen, Wren, Lena and 4 others'."""
    if len(names) > NAMED_MOST:
        rest = len(names) - NAMED_MOST
        return f"{', '.join(names[:NAMED_MOST])} and {rest} other{'s' if rest != 1 else ''}"
    return " and ".join(filter(None, [", ".join(names[:-1]), names[-1] if names else ""]))


def first_band_height(debrief, names: dict, width: int, text: fonts.TextCache) -> int:
    """0 when there is nothing to say first (a safe session everyone should come back from)."""
    rows = first_band_lines(debrief, names, width - ICON_COLUMN - 2 * BAND_PAD, text)
    if not rows:
        return 0
    return 2 * BAND_PAD + sum(text.line_height("body", bold) for _, bold in rows)


def draw_first_band(canvas, debrief, names: dict, rect: pygame.Rect, palette: Palette,
                    text: fonts.TextCache) -> None:
    """A warning band: a triangle, then the sentences (a missed risk first, in bold)."""
    rows = first_band_lines(debrief, names, rect.width - ICON_COLUMN - 2 * BAND_PAD, text)
    if not rows:
        return
    pygame.draw.rect(canvas, mix(palette.panel, palette.warning, 0.12), rect, border_radius=10)
    pygame.draw.rect(canvas, palette.warning, (rect.x, rect.y, 6, rect.height),
                     border_top_left_radius=10, border_bottom_left_radius=10)
    icons.warning(canvas, (rect.x + 6 + ICON_COLUMN // 2, rect.y + BAND_PAD + text.line_height("body") // 2), 22,
                  palette.warning, readable_on(palette.warning))
    y, x = rect.y + BAND_PAD, rect.x + 6 + ICON_COLUMN
    for line, bold in rows:
        y = blit_lines(canvas, text, [line], "body", palette.text, x, y, bold)


# -- who comes back ---------------------------------------------------------------------------

def ordered_outcomes(debrief) -> list:
    """Members who may not come back first, then the uncertain, then those likely back."""
    return sorted(debrief.members, key=lambda o: OUTCOME_ORDER.get(o.outcome, 1))


def outcomes_height(debrief, width: int, text: fonts.TextCache) -> int:
    """The WHO COMES BACK section's height (0 when the session did not reach an ending)."""
    if not debrief.members:
        return 0
    rows = sum(len(text.wrap(o.reason, "small", width - 28)) for o in debrief.members)
    return text.line_height("tiny", True) + 6 + rows * text.line_height("small") + 6 * len(debrief.members) + 14


def draw_outcomes(canvas, debrief, pos, width: int, palette: Palette, text: fonts.TextCache) -> int:
    """Each member's outcome with its reason, a shape per outcome; returns the y below."""
    x, y = pos
    if not debrief.members:
        return y
    canvas.blit(text.render("WHO COMES BACK", "tiny", palette.muted, bold=True), (x, y))
    y += text.line_height("tiny", True) + 6
    for outcome in ordered_outcomes(debrief):
        _outcome_icon(canvas, outcome.outcome, (x + 8, y + text.line_height("small") // 2), palette)
        lines = text.wrap(outcome.reason, "small", width - 28)
        colour = palette.text if outcome.outcome != "returns" else palette.muted
        y = blit_lines(canvas, text, lines, "small", colour, x + 24, y) + 6
    return y + 14


def _outcome_icon(canvas, outcome: str, centre, palette: Palette) -> None:
    """A triangle for may-not-come-back, a hollow ring for uncertain, a filled disc for likely
    back: shapes, not only colours, and never a tick (ticks belong to verdicts)."""
    if outcome == "may_drop_out":
        icons.warning(canvas, centre, 14, palette.warning, readable_on(palette.warning))
    elif outcome == "uncertain":
        pygame.draw.circle(canvas, palette.muted, centre, 6, 2)
    else:
        pygame.draw.circle(canvas, palette.good, centre, 6)
