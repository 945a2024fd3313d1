"""Compare (C): the branch a rewind left beside the one played now, each with its chart.

Over the play screen. Each side is titled with its choice at the decision where the two parted
and with where it got to (the ending, or the node it stands at), and shows how cohesion,
engagement and conflict moved turn by turn on the same scale as the other side; a dashed line
marks where they parted. Esc or C closes it.
"""
from __future__ import annotations

import pygame

from game.ui import input as keys
from game.present import parting, plural
from game.ui.layout import LOGICAL_SIZE
from game.ui.scenes.base import Scene, blit_lines, key_hint
from game.ui.scenes.common import draw_outcome_badge
from game.ui.theme import mix, stance_colour
from game.ui.widgets import draw_line_chart, draw_panel, draw_verdict_mark
from game.ui.widgets import icons

MARGIN = 36
SERIES = (("Cohesion", "cohesion", "good"), ("Engagement", "engagement", "lead"), ("Conflict", "conflict", "warning"))


class CompareScene(Scene):
    modal = True

    def __init__(self, app, left, right):
        super().__init__(app)
        self.left, self.right = left, right          # the branch left behind, the one played now
        self.shared = parting(left, right)           # decisions both made before they parted

    def handle(self, event) -> None:
        if keys.action(event) in ("back", "compare", "activate") or keys.is_click(event):
            self.app.pop()

    def panel_rect(self) -> pygame.Rect:
        return pygame.Rect(MARGIN, MARGIN - 8, LOGICAL_SIZE[0] - 2 * MARGIN, LOGICAL_SIZE[1] - 2 * MARGIN + 16)

    def draw_full(self, canvas: pygame.Surface) -> None:
        palette, text = self.palette, self.text
        panel = self.panel_rect()
        draw_panel(canvas, panel, palette, radius=16)
        x, y = panel.x + 28, panel.y + 20
        canvas.blit(text.render("Two branches, side by side", "title", palette.text, bold=True), (x, y))
        y += text.line_height("title", True) + 2
        canvas.blit(text.render(self._since(), "body", palette.muted), (x, y))
        y += text.line_height("body") + 14
        turns = max(len(self.left.steps), len(self.right.steps)) + 1
        width = (panel.width - 56 - 24) // 2
        bottom = panel.bottom - 40
        for i, (label, branch) in enumerate((("THE BRANCH YOU LEFT", self.left), ("THIS BRANCH, NOW", self.right))):
            column = pygame.Rect(x + i * (width + 24), y, width, bottom - y)
            self._draw_branch(canvas, column, label, branch, turns)
        key_hint(canvas, text, palette, "Esc or C close", (x, panel.bottom - 14))

    def _since(self) -> str:
        if not self.shared:
            return "They part at the first decision."
        return f"The same {plural(self.shared, 'decision')}; they part at decision {self.shared + 1}."

    def _draw_branch(self, canvas, column: pygame.Rect, label: str, branch, turns: int) -> None:
        palette, text = self.palette, self.text
        box = column.copy()
        pygame.draw.rect(canvas, mix(palette.panel, palette.background, 0.45), box, border_radius=12)
        x, y, inner = box.x + 18, box.y + 14, box.width - 36
        canvas.blit(text.render(label, "tiny", palette.muted, bold=True), (x, y))
        y += text.line_height("tiny", True) + 4
        self._draw_title(canvas, branch, (x, y), inner)
        y += 2 * text.line_height("body", True) + 4
        self._draw_place(canvas, branch, (x, y), inner)
        y += 2 * text.line_height("small") + 6          # the same room on both sides: the charts align
        chart = pygame.Rect(box.x + 8, y, box.width - 16, box.bottom - 10 - y)
        series = {name: branch.series[key] for name, key, _ in SERIES}
        colours = {name: palette[role] for name, _, role in SERIES}
        plot = draw_line_chart(canvas, chart, series, colours, palette=palette, text=text, turns=turns,
                               legend=False)   # each line is named at its end
        self._mark_parting(canvas, plot, turns)

    def _draw_title(self, canvas, branch, pos, width: int) -> int:
        """The choice that differed: its verdict's mark, its stance icon and its words (two
        lines at most)."""
        palette, text = self.palette, self.text
        x, y = pos
        words = branch.differed(self.shared)
        step = branch.steps[self.shared] if self.shared < len(branch.steps) else None
        if step is not None:
            colour = stance_colour(palette, step.stance)
            middle = y + text.line_height("body", True) // 2
            draw_verdict_mark(canvas, (x + 8, middle), 9, step.verdict, palette)
            icons.stance_icon(canvas, step.stance, (x + 30, middle), 14, colour)
            x, width = x + 44, width - 44
        lines = text.wrap(words, "body", width, bold=True, max_lines=2)
        return blit_lines(canvas, text, lines, "body", palette.text if step else palette.muted, x, y, bold=True) + 4

    def _draw_place(self, canvas, branch, pos, width: int) -> int:
        """Where the branch got to: the outcome's badge, or the node; and the needs it met."""
        palette, text = self.palette, self.text
        x, y = pos
        tally = needs_tally(branch)
        if branch.outcome:
            badge = draw_outcome_badge(canvas, branch.outcome, (x, y), palette, text, safe=branch.safe)
            rest = text.wrap(f"after {plural(len(branch.steps), 'choice')} · {tally}", "small",
                             width - badge.width - 10, max_lines=2)
            end = blit_lines(canvas, text, rest, "small", palette.muted, badge.right + 10, y)
            return max(badge.bottom, end)
        lines = text.wrap(f"{branch.place()} · {tally}", "small", width, max_lines=2)
        return blit_lines(canvas, text, lines, "small", palette.muted, x, y)

    def _mark_parting(self, canvas, plot: pygame.Rect, turns: int) -> None:
        """A dashed upright where the branches part: the state before the differing decision."""
        span = max(1, turns - 1)
        x = round(plot.x + plot.width * self.shared / span)
        colour = self.palette.muted
        for top in range(plot.y, plot.bottom, 10):
            pygame.draw.line(canvas, colour, (x, top), (x, min(plot.bottom, top + 5)), 2)
        words = self.text.render("parted", "tiny", colour)
        canvas.blit(words, words.get_rect(midbottom=(x, plot.y - 2)))


def needs_tally(branch) -> str:
    """'3 of 5 needs met · 1 partly': a right stance with a poor move is not counted as met."""
    steps = branch.steps
    met = sum(1 for s in steps if s.verdict == "met")
    partly = sum(1 for s in steps if s.verdict == "partly")
    return f"{met} of {len(steps)} needs met" + (f" · {partly} partly" if partly else "")
