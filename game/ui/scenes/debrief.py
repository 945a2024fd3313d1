"""The debrief: first, any risk of harm that was missed and who may not come back; then how it
ended, the objectives' scores, how the room moved (a line chart), who comes back and why, every
decision against what the group needed, and how this attempt compares with the earlier ones.
"""
from __future__ import annotations

import pygame

from game.engine import debrief_of
from game.ui import input as keys
from game.ui.layout import LOGICAL_SIZE
from game.ui.scenes.base import Control, Controls, Scene, blit_lines, button_row, close_unless_kept, key_hint
from game.ui.scenes.common import OUTCOME_WORDS, ago, draw_outcome_badge
from game.ui.scenes.debrief_first import draw_first_band, draw_outcomes, first_band_height, outcomes_height
from game.ui.scenes.debrief_parts import decision_height, draw_decision
from game.ui.scenes.debrief_practice import climate_height, draw_climate, draw_readings, readings_height
from game.present.debrief_practice import first_try_summary, lead_in_summary
from game.ui.theme import hex_to_rgb, mix
from game.ui.widgets import draw_focus_ring, draw_line_chart, draw_panel

MARGIN = 40
LEFT_WIDTH = 560
OUTCOME_RANK = {"breakthrough": 4, "growth": 3, "stalled": 2, "rupture": 1}


class DebriefScene(Scene):
    def __init__(self, app, session, log=None, path: str = ""):
        super().__init__(app)
        self.session, self.log, self.path = session, log, path
        self.debrief = with_class_votes(debrief_of(session), getattr(app.args, "classroom_room", None))
        self.earlier = self._earlier_attempts()
        self.controls = Controls()
        self.scroll = 0
        self._layout()

    def _earlier_attempts(self) -> list:
        records = self.app.records
        if records is None:
            return []
        mine = getattr(self.log, "attempt_id", None)
        try:
            attempts = records.attempts(self.app.learner or None, self.session.scenario.id, finished=True)
        except Exception:
            return []
        return [a for a in attempts if a.id != mine]

    # -- layout and input ---------------------------------------------------------------------

    def right_column(self) -> pygame.Rect:
        x = MARGIN + LEFT_WIDTH + 24
        top = self.header_bottom()
        return pygame.Rect(x, top, LOGICAL_SIZE[0] - MARGIN - x, LOGICAL_SIZE[1] - 84 - top)

    def comparison_rect(self) -> pygame.Rect:
        column = self.right_column()
        rows = 1 + min(3, len(self.earlier))
        height = 22 + rows * (self.text.line_height("small", True) + 3) + 10
        return pygame.Rect(column.x, column.y, column.width, height)

    def decisions_rect(self) -> pygame.Rect:
        column, above = self.right_column(), self.comparison_rect()
        return pygame.Rect(column.x, above.bottom + 12, column.width, column.bottom - above.bottom - 12)

    def ending_lines(self) -> tuple[str, list[str]]:
        """(size, lines) of the ending's words under the outcome: body size in up to three
        lines, else small in up to five (large text, long endings), cut only past that."""
        ending = self.debrief.ending_text.strip()
        width = LOGICAL_SIZE[0] - 2 * MARGIN
        for size, most in (("body", 3), ("small", 5)):
            lines = self.text.wrap(ending, size, width)
            if len(lines) <= most:
                return size, lines if ending else []
        return "small", self.text.wrap(ending, "small", width, max_lines=5)

    def first_band_rect(self) -> pygame.Rect:
        """The band of what is said first, under the title (no height when there is nothing)."""
        width = LOGICAL_SIZE[0] - 2 * MARGIN
        return pygame.Rect(MARGIN, 52, width, first_band_height(self.debrief, self.session.names, width, self.text))

    def badge_top(self) -> int:
        band = self.first_band_rect()
        return band.bottom + 10 if band.height else band.y

    def header_bottom(self) -> int:
        text = self.text
        badge = self.badge_top() + text.line_height("title", True)
        size, lines = self.ending_lines()
        return badge + 12 + len(lines) * text.line_height(size) + 14

    def _layout(self) -> None:
        buttons = button_row(LOGICAL_SIZE[0] - MARGIN, LOGICAL_SIZE[1] - 64,
                             [("menu", "Menu", False), ("replay", "Play again", True)], self.text)
        self.controls.set([Control("decisions", self.decisions_rect())] + buttons)

    def enter(self) -> None:
        """The focus starts on the decisions (arrows scroll them), never on Play again: Space
        or Enter still held from the ending must not start a new attempt unread."""
        self.controls.focus("decisions")

    def relayout(self) -> None:
        self._layout()
        super().relayout()

    def content_height(self) -> int:
        width, d, text = self.decisions_rect().width - 40, self.debrief, self.text
        names = self.session.names
        decisions = sum(decision_height(one, width, text, names) + 12 for one in d.decisions)
        above = outcomes_height(d, width, text) + climate_height(d, width, text) + readings_height(d, width, text)
        return above + text.line_height("tiny", True) + 8 + decisions + 20

    def max_scroll(self) -> int:
        return max(0, self.content_height() - self.decisions_rect().height)

    def scroll_by(self, dy: int) -> None:
        self.scroll = max(0, min(self.max_scroll(), self.scroll + dy))
        self.needs_redraw = True

    def handle(self, event) -> None:
        if keys.wheel(event):
            self.scroll_by(-keys.wheel(event) * 48)
            return
        act = keys.action(event)
        if act == "back":
            self.to_menu()
            return
        if act in ("page_up", "page_down"):
            self.scroll_by((self.decisions_rect().height - 60) * (1 if act == "page_down" else -1))
            return
        if act in ("up", "down") and self.controls.focused == "decisions":
            self.scroll_by(60 if act == "down" else -60)
            return
        if act in ("home", "end"):
            self.scroll_by(-10**6 if act == "home" else 10**6)
            return
        chosen = self.controls.handle(event)
        if self.controls.changed:
            self.controls.changed = False
            self.needs_redraw = True
        if chosen == "replay":
            self.replay()
        elif chosen == "menu":
            self.to_menu()

    def leave(self, following) -> None:
        close_unless_kept(self.session, following)

    def to_menu(self) -> None:
        self.app.navigator.show("menu")

    def replay(self) -> None:
        self.app.navigator.new_attempt(self.session.scenario, self.path)

    # -- drawing ------------------------------------------------------------------------------

    def draw_full(self, canvas: pygame.Surface) -> None:
        palette, text = self.palette, self.text
        self._draw_header(canvas)
        top = self.header_bottom()
        bottom = LOGICAL_SIZE[1] - 84
        chart = pygame.Rect(MARGIN, top, LEFT_WIDTH, max(180, min(260, bottom - top - 190)))
        draw_panel(canvas, chart, palette)
        self._draw_chart(canvas, chart.inflate(-24, -20))
        self._draw_scores(canvas, pygame.Rect(MARGIN, chart.bottom + 14, LEFT_WIDTH, bottom - chart.bottom - 14))
        compare = self.comparison_rect()
        draw_panel(canvas, compare, palette)
        self._draw_comparison(canvas, compare.inflate(-40, -20))
        self._draw_decisions(canvas)
        self.controls.draw_buttons(canvas, palette, text)
        key_hint(canvas, text, palette, "Tab to Play again · Esc menu · ↑↓ PgUp/PgDn or wheel scroll the decisions",
                 (MARGIN, LOGICAL_SIZE[1] - 34))

    def _draw_header(self, canvas) -> None:
        palette, text = self.palette, self.text
        d = self.debrief
        canvas.blit(text.render(f"Debrief · {d.scenario_title}", "heading", palette.muted, bold=True), (MARGIN, 22))
        draw_first_band(canvas, d, self.session.names, self.first_band_rect(), palette, text)
        badge = draw_outcome_badge(canvas, d.outcome, (MARGIN, self.badge_top()), palette, text, size="title",
                                   safe=d.safe)
        words = d.outcome_words.rsplit(": ", 1)[-1].strip()   # the badge says the outcome (and "unsafe")
        canvas.blit(text.render(words, "narration", palette.text), (badge.right + 18, badge.centery - text.line_height("narration") // 2))
        size, lines = self.ending_lines()
        blit_lines(canvas, text, lines, size, palette.text, MARGIN, badge.bottom + 10)

    def _draw_chart(self, canvas, rect: pygame.Rect) -> None:
        palette = self.palette
        d = self.debrief
        series = {"Cohesion": d.series["cohesion"], "Engagement": d.series["engagement"], "Conflict": d.series["conflict"]}
        colours = {"Cohesion": palette.good, "Engagement": palette.lead, "Conflict": palette.warning}
        thin = []
        for member in self.session.scenario.members:
            values = d.member_series.get(member.id)
            if values:
                series[member.name] = values
                colours[member.name] = hex_to_rgb(member.look.top) if member.look and member.look.top else palette.muted
                thin.append(member.name)
        draw_line_chart(canvas, rect, series, colours, thin_series=thin, palette=palette,
                        title="How the room moved", legend=self.text.scale <= 1.0, text=self.text)
        note = self.text.render("thin lines: each member's engagement", "tiny", palette.muted)
        canvas.blit(note, note.get_rect(bottomright=(rect.right, rect.bottom + 8)))

    def _draw_scores(self, canvas, area: pygame.Rect) -> None:
        palette, text = self.palette, self.text
        d = self.debrief
        y = area.y
        made = len(d.decisions)
        fits = f"You met what the group needed in {d.fits} of {made} decision{'s' if made != 1 else ''}"
        partly = sum(1 for decision in d.decisions if decision.verdict == "partly")
        fits += f"; in {partly} more the stance was right but the move was poor." if partly else "."
        fits = first_try_summary(d) or fits   # a moment met only on a retry is not met at the first try
        if d.lead_in:   # started at a chosen moment: say whose choices are counted
            fits = f"{lead_in_summary(d)} {fits}"
        y = blit_lines(canvas, text, text.wrap(fits, "body", area.width, True), "body", palette.text, area.x, y, True) + 8
        canvas.blit(text.render("OBJECTIVES", "tiny", palette.muted, bold=True), (area.x, y))
        y += text.line_height("tiny", True) + 2
        scores = list(d.scores)
        width, step = area.width - 50, text.line_height("small")
        room = area.bottom - y
        shown = len(scores) if len(scores) * (step + 4) <= room else max(1, (room - step) // (step + 4))
        spare = (room - shown * (step + 4)) // step if shown == len(scores) else 0   # hidden ones first
        lines_each = _share_lines([len(text.wrap(w.strip(), "small", width)) for _, w, _ in scores[:shown]],
                                  spare, MAX_OBJECTIVE_LINES)
        for (_, words, points), lines_here in zip(scores, lines_each):
            mark = text.render(f"{points:+d}", "body", palette.good if points > 0 else palette.muted if points == 0 else palette.warning, True)
            canvas.blit(mark, (area.x, y))
            lines = text.wrap(words.strip(), "small", width, max_lines=lines_here)
            y = blit_lines(canvas, text, lines, "small", palette.text, area.x + 50, y + 1) + 4
        if shown < len(scores):
            canvas.blit(text.render(f"+ {len(scores) - shown} more", "small", palette.muted), (area.x + 50, y))

    def _draw_comparison(self, canvas, area: pygame.Rect) -> None:
        palette, text = self.palette, self.text
        canvas.blit(text.render("YOUR EARLIER ATTEMPTS", "tiny", palette.muted, bold=True), (area.x, area.y))
        y = area.y + text.line_height("tiny", True) + 2
        if self.app.records is None:
            canvas.blit(text.render("Records are off for this run.", "small", palette.muted), (area.x, y))
            return
        if not self.earlier:
            canvas.blit(text.render("This is your first finished attempt at this scenario.", "small", palette.text), (area.x, y))
            return
        sentence = text.wrap(self._comparison_sentence(), "small", area.width, bold=True, max_lines=1)[0]
        canvas.blit(text.render(sentence, "small", palette.text, bold=True), (area.x, y))
        y += text.line_height("small", True) + 2
        for attempt in reversed(self.earlier[-3:]):
            badge = draw_outcome_badge(canvas, attempt.outcome, (area.x, y), palette, text,
                                       safe=getattr(attempt, "safe", None) is not False)
            score = sum(attempt.scores.values()) if attempt.scores else 0
            detail = f"score {score:+d} · {len(attempt.choices)} choices · {ago(attempt.finished_at)}"
            canvas.blit(text.render(detail, "small", palette.muted), (badge.right + 12, y))
            y += text.line_height("small", True) + 3

    def _comparison_sentence(self) -> str:
        """This attempt against the best earlier one: a safe ending ranks above any unsafe one,
        then the outcome (an unsafe growth is never 'your best outcome yet')."""
        now = (1 if self.debrief.safe else 0, OUTCOME_RANK.get(self.debrief.outcome or "", 0))
        best = max(self.earlier, key=_rank)
        then = _rank(best)
        score = sum(self.session.scores.values())
        best_score = max(sum(a.scores.values()) for a in self.earlier)
        word = OUTCOME_WORDS.get(best.outcome or "", "unfinished").lower()
        if getattr(best, "safe", None) is False:
            word += ", unsafe"
        if now > then:
            return f"Your best outcome yet (before: {word})."
        if now < then:
            return f"Your best so far is {word}; this time the group did less well."
        return f"The same outcome as your best ({word}); score {score:+d} vs best {best_score:+d}."

    def _draw_decisions(self, canvas) -> None:
        palette, text = self.palette, self.text
        rect = self.decisions_rect()
        draw_panel(canvas, rect, palette)
        view = pygame.Rect(rect.x + 8, rect.y + 12, rect.width - 16, rect.height - 20)
        canvas.set_clip(view)
        width = rect.width - 40
        y = draw_outcomes(canvas, self.debrief, (rect.x + 20, view.y - self.scroll), width, palette, text)
        y = draw_climate(canvas, self.debrief, (rect.x + 20, y), width, palette, text)
        y = draw_readings(canvas, self.debrief, (rect.x + 20, y), width, palette, text)
        canvas.blit(text.render("EVERY DECISION", "tiny", palette.muted, bold=True), (rect.x + 20, y))
        y += text.line_height("tiny", True) + 8
        names = self.session.names
        for decision in self.debrief.decisions:
            height = decision_height(decision, width, text, names)
            if y + height >= view.y and y <= view.bottom:
                draw_decision(canvas, decision, pygame.Rect(rect.x + 20, y, width, height), palette, text, names)
            y += height + 12
        if not self.debrief.decisions:
            canvas.blit(text.render("No choices were made.", "body", palette.muted), (rect.x + 20, y))
        canvas.set_clip(None)
        self._draw_scrollbar(canvas, rect, view)
        if self.controls.focused == "decisions":
            draw_focus_ring(canvas, rect, palette)

    def _draw_scrollbar(self, canvas, rect: pygame.Rect, view: pygame.Rect) -> None:
        most = self.max_scroll()
        if not most:
            return
        track = pygame.Rect(rect.right - 9, view.y, 4, view.height)
        pygame.draw.rect(canvas, mix(self.palette.panel, self.palette.text, 0.08), track, border_radius=2)
        thumb = max(24, view.height * view.height // (view.height + most))
        top = track.y + (track.height - thumb) * self.scroll // most
        pygame.draw.rect(canvas, self.palette.muted, (track.x, top, 4, thumb), border_radius=2)


MAX_OBJECTIVE_LINES = 3


def _rank(attempt) -> tuple[int, int]:
    """An earlier attempt's place: safe before unsafe, then by outcome."""
    return (0 if getattr(attempt, "safe", None) is False else 1, OUTCOME_RANK.get(attempt.outcome or "", 0))


def _share_lines(wanted: list[int], spare: int, most: int) -> list[int]:
    """Lines for each of several texts: one each, then a second line to each that wants one,
    then a third, while `spare` extra lines last, so every objective shows its start and
    none takes the room of the others."""
    given = [1] * len(wanted)
    for depth in range(2, most + 1):
        for i, want in enumerate(wanted):
            if want >= depth and spare > 0:
                given[i], spare = depth, spare - 1
    return given


def with_class_votes(debrief, room):
    """The debrief with the class's votes beside each verdict (a line under the decision's
    events), when the session was a class session; unchanged otherwise."""
    if room is None:
        return debrief
    from dataclasses import replace

    from game.classroom.moment import class_vote_words

    votes = {d.turn: d for d in room.decisions}
    decisions = tuple(replace(d, events=(class_vote_words(votes[d.turn]), *d.events)) if d.turn in votes else d
                      for d in debrief.decisions)
    return replace(debrief, decisions=decisions)
