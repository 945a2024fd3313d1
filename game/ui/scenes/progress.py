"""Your progress (P on the menu): each skill tried and met, how often the room was read right,
the moments missed most, and what to practise next.

The same counts as the `progress` command (records/progress.py), read once when the screen
opens: every attempt is replayed, so they are counted after the first frame is shown. A
suggestion is a button: it opens that scenario's briefing, and when it names a moment the card
says what to look for. Esc (or Back) returns to the menu; PgUp/PgDn or the wheel scroll the
skills when there are more than fit.
"""
from __future__ import annotations

import pygame

from game.scenario.skill_domains import domain_of
from game.ui import input as keys
from game.ui import library
from game.ui.layout import LOGICAL_SIZE
from game.ui.scenes.base import Control, Controls, Scene, blit_lines, draw_card_frame, key_hint
from game.ui.theme import mix
from game.ui.widgets.panel import draw_panel

MARGIN = 48
SPLIT = 600            # the right column starts here
TOP = 118              # below the title
BAR_WIDTH = 150
MOMENTS_SHOWN = 3
SKILLS_PAGE = 5        # rows of skills a PgDn moves


class ProgressScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        self.progress = None          # counted in the first update, after the first frame
        self.scenarios: dict[str, object] = {}
        self.paths: dict[str, str] = {}
        self.controls = Controls()
        self.scroll = 0
        self._layout()

    # -- counting -----------------------------------------------------------------------------

    @property
    def animating(self) -> bool:
        return self.progress is None

    def update(self, dt: float) -> None:
        if self.progress is None and self.app.frames > 0:
            self.progress = self._count()
            self._layout()
            self.needs_redraw = True

    def _count(self):
        from game.records.progress import Progress, progress_of
        from game.records.replay import ScenarioFinder

        entries = [e for e in library.load_library(self.app.data_dir) if e.ok]
        for entry in entries:
            self.scenarios.setdefault(entry.id, entry.scenario)
            self.paths.setdefault(entry.id, str(entry.path))
        learner = self.app.learner or None
        if self.app.records is None:
            return Progress(learner, problems=["Your attempts are not recorded this time."])
        folders = [folder for folder, _ in library.folders(self.app.data_dir)]
        return progress_of(self.app.records, learner, ScenarioFinder(folders),
                           [e.scenario for e in entries if e.source == "shipped"])

    # -- layout and input ---------------------------------------------------------------------

    def suggestion_rect(self, index: int) -> pygame.Rect:
        height = 3 * self.text.line_height("small") + self.text.line_height("body", True) + 22
        bottom = LOGICAL_SIZE[1] - 52
        count = len(self.progress.next) if self.progress else 0
        top = bottom - count * (height + 10) + 10
        return pygame.Rect(SPLIT + 24, top + index * (height + 10), LOGICAL_SIZE[0] - MARGIN - SPLIT - 24, height)

    def _layout(self) -> None:
        items = [Control("back", pygame.Rect(LOGICAL_SIZE[0] - MARGIN - 130, 36, 130, 44), "Back")]
        if self.progress is not None:
            items += [Control(f"next:{i}", self.suggestion_rect(i)) for i in range(len(self.progress.next))]
        self.controls.set(items)

    def enter(self) -> None:
        self.controls.focus("back")

    def relayout(self) -> None:
        self._layout()
        super().relayout()

    def handle(self, event) -> None:
        act = keys.action(event)
        if act == "back":
            self.app.navigator.show("menu")
            return
        if keys.wheel(event) or act in ("page_up", "page_down"):
            step = -keys.wheel(event) if keys.wheel(event) else (SKILLS_PAGE if act == "page_down" else -SKILLS_PAGE)
            self.scroll = max(0, self.scroll + step)    # rows of skills; drawing clamps it to what there is
            self.needs_redraw = True
            return
        chosen = self.controls.handle(event)
        if self.controls.changed:
            self.controls.changed = False
            self.needs_redraw = True
        if chosen == "back":
            self.app.navigator.show("menu")
        elif chosen and chosen.startswith("next:"):
            self.open_suggestion(int(chosen[5:]))

    def open_suggestion(self, index: int) -> None:
        """The suggested scenario's briefing; a scenario not in the library stays here, said."""
        suggestion = self.progress.next[index]
        scenario = self.scenarios.get(suggestion.scenario)
        if scenario is None:
            self.progress.problems.insert(0, f"The scenario '{suggestion.scenario}' is not in your library now.")
            self.needs_redraw = True
            return
        self.app.sound("choose")
        self.app.navigator.show("briefing", scenario, self.paths.get(suggestion.scenario, ""),
                                suggestion.why if suggestion.node else "", suggestion.node)

    # -- drawing ------------------------------------------------------------------------------

    def draw_full(self, canvas: pygame.Surface) -> None:
        palette, text = self.palette, self.text
        canvas.blit(text.render("Your progress", "title", palette.text, bold=True), (MARGIN, 34))
        canvas.blit(text.render(self._summary(), "body", palette.muted), (MARGIN + 2, 34 + text.line_height("title", True) + 4))
        self.controls.draw_buttons(canvas, palette, text)
        if self.progress is not None:
            self._draw_skills(canvas, pygame.Rect(MARGIN, TOP, SPLIT - MARGIN, LOGICAL_SIZE[1] - TOP - 52))
            bottom = self._draw_reading(canvas, SPLIT + 24, TOP)
            self._draw_moments(canvas, SPLIT + 24, bottom + 18)
            self._draw_suggestions(canvas)
        hint = "Tab / arrows move · Enter opens · PgUp/PgDn scroll skills · Esc back to the menu"
        key_hint(canvas, text, palette, hint, (MARGIN, LOGICAL_SIZE[1] - 14))

    def _summary(self) -> str:
        progress = self.progress
        if progress is None:
            return "Counting your attempts…"
        who = progress.learner or "Everyone in these records"
        if not progress.attempts:
            return f"{who}: no attempts yet."
        retries = f" ({progress.retries} of them retries)" if progress.retries else ""
        return (f"{who}: {_count(progress.attempts, 'attempt')} at {_count(len(progress.played), 'scenario')}, "
                f"{_count(progress.decisions, 'decision')}{retries}")

    def _draw_skills(self, canvas, box: pygame.Rect) -> None:
        """One row per skill tried, the most practised first; whole rows only, scrolled by rows."""
        palette, text = self.palette, self.text
        draw_panel(canvas, box, palette)
        x, width = box.x + 20, box.width - 40
        canvas.blit(text.render("Skills", "heading", palette.text, bold=True), (x, box.y + 14))
        top = box.y + 16 + text.line_height("heading", True)
        canvas.blit(text.render("how often each move met the group's need", "small", palette.muted), (x, top))
        top += text.line_height("small") + 10
        tried = sorted(((s, t) for s, t in self.progress.skills.items() if t.tried), key=lambda p: (-p[1].tried, p[0]))
        if not tried:
            blit_lines(canvas, text, text.wrap("No decision with a named skill yet. Play a scenario and come back.",
                                               "body", width), "body", palette.muted, x, top)
            return
        row = text.line_height("body", True) + text.line_height("small") + 10
        fits = max(1, (box.bottom - 12 - text.line_height("tiny") - top) // row)
        self.scroll = min(self.scroll, max(0, len(tried) - fits))
        for number, (skill, tally) in enumerate(tried[self.scroll:self.scroll + fits]):
            self._draw_skill(canvas, skill, tally, x, top + number * row, width)
        if len(tried) > fits:
            shown = f"skills {self.scroll + 1}–{min(len(tried), self.scroll + fits)} of {len(tried)} · PgUp/PgDn"
            more = text.render(shown, "tiny", palette.muted)
            canvas.blit(more, more.get_rect(bottomright=(box.right - 20, box.bottom - 8)))

    def _draw_skill(self, canvas, skill: str, tally, x: int, y: int, width: int) -> None:
        """The skill and its share met on one line, its ASGW domain (and any retries) below."""
        palette, text = self.palette, self.text
        label_width = text.width("99 of 99 met", "small") + 8
        bar = pygame.Rect(x + width - BAR_WIDTH - label_width, y + 5, BAR_WIDTH, 12)
        name = text.wrap(skill.replace("_", " ").capitalize(), "body", bar.x - x - 12, True, max_lines=1)[0]
        canvas.blit(text.render(name, "body", palette.text, bold=True), (x, y))
        _draw_share(canvas, bar, tally.met, tally.tried, palette)
        canvas.blit(text.render(f"{tally.met} of {tally.tried} met", "small", palette.text), (bar.right + 10, y + 1))
        below = y + text.line_height("body", True)
        domain = text.wrap(domain_of(skill).domain.title, "small", bar.right - x, max_lines=1)[0]
        canvas.blit(text.render(domain, "small", palette.muted), (x, below))
        if tally.retries:
            note = text.render(f"{tally.retries} {'retry' if tally.retries == 1 else 'retries'}", "tiny", palette.muted)
            canvas.blit(note, (bar.right + 10, below + 1))

    def _draw_reading(self, canvas, x: int, y: int) -> int:
        palette, text = self.palette, self.text
        width = LOGICAL_SIZE[0] - MARGIN - x
        canvas.blit(text.render("Reading the room", "heading", palette.text, bold=True), (x, y))
        y += text.line_height("heading", True) + 4
        reading = self.progress.reading
        if not reading.asked:
            return blit_lines(canvas, text, text.wrap("No readings yet: at a marked moment you say what the group "
                                                      "needs before you choose.", "small", width, max_lines=2),
                              "small", palette.muted, x, y)
        share = round(100 * reading.matched / reading.asked)
        words = f"{reading.matched} of {_count(reading.asked, 'reading')} matched what the group needed ({share}%)"
        y = blit_lines(canvas, text, text.wrap(words, "small", width, max_lines=2), "small", palette.text, x, y)
        _draw_share(canvas, pygame.Rect(x, y + 4, min(width, BAR_WIDTH + 110), 12), reading.matched, reading.asked, palette)
        return y + 18

    def _draw_moments(self, canvas, x: int, y: int) -> int:
        """One line per moment: where, and how often its first try missed. Left out when the
        suggestions leave no room (large text): they name the same moments first."""
        palette, text = self.palette, self.text
        width = LOGICAL_SIZE[0] - MARGIN - x
        limit = self.suggestion_rect(0).top - text.line_height("heading", True) - 12 if self.progress.next \
            else LOGICAL_SIZE[1] - 60
        line = text.line_height("small", True) + 4
        room = (limit - y - text.line_height("heading", True) - 4) // line
        if room < 1:
            return y
        canvas.blit(text.render("Moments missed most", "heading", palette.text, bold=True), (x, y))
        y += text.line_height("heading", True) + 4
        missed = self.progress.most_missed(min(MOMENTS_SHOWN, room))
        if not missed:
            words = "None yet: every first try met the group's need." if self.progress.decisions else "Nothing counted yet."
            return blit_lines(canvas, text, [words], "small", palette.muted, x, y)
        for moment in missed:
            tally = text.render(f"  first try missed {moment.missed} of {moment.reached}", "small", palette.muted)
            head = f"{self._title(moment.scenario)}: {self._moment_words(moment.scenario, moment.node)}"
            head = text.wrap(head, "small", width - tally.get_width(), True, max_lines=1)[0]
            shown = text.render(head, "small", palette.text, bold=True)
            canvas.blit(shown, (x, y))
            canvas.blit(tally, (x + shown.get_width(), y + 1))
            y += line
        return y

    def _draw_suggestions(self, canvas) -> None:
        palette, text = self.palette, self.text
        if not self.progress.next:
            return
        first = self.suggestion_rect(0)
        canvas.blit(text.render("What to practise next", "heading", palette.text, bold=True),
                    (first.x, first.y - text.line_height("heading", True) - 6))
        for index, suggestion in enumerate(self.progress.next):
            rect, name = self.suggestion_rect(index), f"next:{index}"
            draw_card_frame(canvas, rect, palette, hovered=self.controls.hovered == name,
                            focused=self.controls.focused == name,
                            fill=mix(palette.panel, palette.accent, 0.06))
            x, width = rect.x + 16, rect.width - 32
            head = text.wrap(self._title(suggestion.scenario), "body", width, True, max_lines=1)[0]
            canvas.blit(text.render(head, "body", palette.text, bold=True), (x, rect.y + 8))
            y = rect.y + 10 + text.line_height("body", True)
            where = f"Look for {self._moment_words(suggestion.scenario, suggestion.node)}" if suggestion.node \
                else "From the start"
            canvas.blit(text.render(text.wrap(where, "small", width, max_lines=1)[0], "small", palette.text), (x, y))
            why = text.wrap(suggestion.why, "small", width, max_lines=2)
            blit_lines(canvas, text, why, "small", palette.muted, x, y + text.line_height("small"))
        if self.progress.problems:
            note = text.wrap(self.progress.problems[0], "tiny", LOGICAL_SIZE[0] - SPLIT - MARGIN - 24, max_lines=1)[0]
            canvas.blit(text.render(note, "tiny", palette.warning), (SPLIT + 24, LOGICAL_SIZE[1] - 44))

    def _title(self, scenario_id: str) -> str:
        scenario = self.scenarios.get(scenario_id)
        return scenario.display_title if scenario else self.progress.titles.get(scenario_id, scenario_id)

    def _moment_words(self, scenario_id: str, node_id: str) -> str:
        """The moment as a trainee saw it: the start of its narration, else its name."""
        scenario = self.scenarios.get(scenario_id)
        node = scenario.nodes.get(node_id) if scenario else None
        narration = " ".join((getattr(node, "narration", "") or "").split())
        if not narration:
            return f"the moment '{node_id}'"
        first = narration.split(". ")[0].rstrip(".")
        return f"“{first[:70].rstrip()}{'…' if len(first) > 70 else ''}”"


def _draw_share(canvas, bar: pygame.Rect, part: int, whole: int, palette) -> None:
    """A quiet bar: the share met, in the colour of `good`, on a faint track."""
    pygame.draw.rect(canvas, mix(palette.panel, palette.text, 0.10), bar, border_radius=bar.height // 2)
    if whole and part:
        filled = bar.copy()
        filled.width = max(bar.height, round(bar.width * part / whole))
        pygame.draw.rect(canvas, palette.good, filled, border_radius=bar.height // 2)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
