"""The menu: the scenario library as cards, an unfinished attempt to resume, and the settings.

Files are loaded one a frame after the first frame is shown, so the window appears at once
and the cards fill in. A file that does not load is a card with its first error, never a crash.
"""
from __future__ import annotations

import pygame

from game.ui import input as keys
from game.ui import library
from game.ui.layout import LOGICAL_SIZE
from game.ui.scenes.base import Control, Controls, Scene, blit_lines, draw_card_frame, key_hint
from game.ui.scenes.common import ago, draw_level, draw_outcome_badge, draw_tag
from game.ui.theme import mix
from game.ui.widgets import icons
from game.ui.widgets.panel import draw_panel

MARGIN = 48
COLUMNS = 3
GAP = 20
CARD_HEIGHT = 200
HEADER_BOTTOM = 124


class MenuScene(Scene):
    def __init__(self, app, notice: str | None = None):
        super().__init__(app)
        self.notice = notice or app.notice
        app.notice = None
        self.pending = library.scenario_files(library.folders(app.data_dir))
        self.entries: list[library.Entry] = []
        self.loaded = False
        self.controls = Controls()
        self.scroll = 0
        self.unfinished = None
        self._ensure_user_folder()
        self._layout()

    # -- loading ----------------------------------------------------------------------------

    def _ensure_user_folder(self) -> None:
        try:
            library.user_folder(self.app.data_dir).mkdir(parents=True, exist_ok=True)
        except OSError:
            pass

    @property
    def animating(self) -> bool:
        return not self.loaded

    def update(self, dt: float) -> None:
        if self.loaded or self.app.frames == 0:
            return  # the first frame goes out before any file is read
        if self.pending:
            path, source = self.pending.pop(0)
            self.entries.append(self._load(path, source))
        if not self.pending:
            self._finish_loading()
        self._layout()
        self.needs_redraw = True

    def _load(self, path, source: str) -> library.Entry:
        """A file's entry, reused while the file is unchanged (coming back to the menu is instant)."""
        try:
            stat = path.stat()
            stamp = (str(path), stat.st_mtime_ns, stat.st_size)
        except OSError:
            return library.load_entry(path, source)
        cached = library.LOADED.get(stamp)
        if cached is None:
            cached = library.LOADED[stamp] = library.load_entry(path, source)
        return library.Entry(cached.path, source, cached.scenario, list(cached.problems))

    def _finish_loading(self) -> None:
        self.loaded = True
        library.mark_duplicates(self.entries)
        records = self.app.records
        if records is not None:
            library.apply_endings(self.entries, records.best_endings(self.app.learner or None))
            waiting = records.unfinished(self.app.learner or None)
            self.unfinished = waiting[0] if waiting else None
            if records.setting("learner") is None and getattr(self.app.args, "learner", None) is None:
                self._layout()
                self.app.navigator.push("name")

    def refresh_records(self) -> None:
        """The learner changed (the name prompt): their attempts and unfinished work, not another's."""
        records = self.app.records
        if self.loaded and records is not None:
            library.apply_endings(self.entries, records.best_endings(self.app.learner or None))
            waiting = records.unfinished(self.app.learner or None)
            self.unfinished = waiting[0] if waiting else None
            self._layout()
        self.needs_redraw = True

    def entry_for(self, scenario_id: str) -> library.Entry | None:
        return next((e for e in self.entries if e.ok and e.id == scenario_id), None)

    # -- layout -------------------------------------------------------------------------------

    def notice_top(self) -> int:
        return HEADER_BOTTOM

    def resume_top(self) -> int:
        return HEADER_BOTTOM + (34 if self.notice else 0)

    def heading_top(self) -> int:
        return self.resume_top() + (70 if self.unfinished else 0) + 6

    def grid_top(self) -> int:
        return self.heading_top() + 40

    def card_rect(self, index: int) -> pygame.Rect:
        width = (LOGICAL_SIZE[0] - 2 * MARGIN - (COLUMNS - 1) * GAP) // COLUMNS
        row, col = divmod(index, COLUMNS)
        return pygame.Rect(MARGIN + col * (width + GAP), self.grid_top() + row * (CARD_HEIGHT + GAP) - self.scroll,
                           width, CARD_HEIGHT)

    def grid_view(self) -> pygame.Rect:
        top = self.grid_top() - 8
        return pygame.Rect(0, top, LOGICAL_SIZE[0], LOGICAL_SIZE[1] - 44 - top)

    def max_scroll(self) -> int:
        rows = (len(self.entries) + len(self.pending) + COLUMNS - 1) // COLUMNS
        content = rows * (CARD_HEIGHT + GAP) - GAP + 16
        return max(0, content - self.grid_view().height)

    def _layout(self) -> None:
        items = []
        if self.unfinished:
            items.append(Control("resume", pygame.Rect(LOGICAL_SIZE[0] - MARGIN - 150, self.resume_top() + 6, 138, 44),
                                 "Resume", primary=True))
        items += [Control(f"card:{index}", self.card_rect(index)) for index in range(len(self.entries))]
        items += [Control("progress", pygame.Rect(LOGICAL_SIZE[0] - MARGIN - 440, 40, 176, 44), "Your progress"),
                  Control("settings", pygame.Rect(LOGICAL_SIZE[0] - MARGIN - 250, 40, 130, 44), "Settings"),
                  Control("quit", pygame.Rect(LOGICAL_SIZE[0] - MARGIN - 110, 40, 110, 44), "Quit")]
        self.controls.set(items)

    def relayout(self) -> None:
        self._layout()
        super().relayout()

    # -- input --------------------------------------------------------------------------------

    def handle(self, event) -> None:
        if keys.wheel(event):
            self._scroll_by(-keys.wheel(event) * 60)
            return
        act = keys.action(event)
        if act in ("page_up", "page_down"):
            self._scroll_by((1 if act == "page_down" else -1) * (CARD_HEIGHT + GAP))
            return
        if act == "back":
            self.app.quit(0)
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r and self.unfinished:
            self.resume_attempt()
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_p:
            self.app.navigator.show("progress")
            return
        chosen = self.controls.handle(event)
        if self.controls.changed:
            self.controls.changed = False
            self._reveal_focused()
            self.needs_redraw = True
        if chosen:
            self.activate(chosen)

    def _scroll_by(self, dy: int) -> None:
        self.scroll = max(0, min(self.max_scroll(), self.scroll + dy))
        self._layout()
        self.needs_redraw = True

    def _reveal_focused(self) -> None:
        """Scroll so the focused card is inside the grid's view."""
        name = self.controls.focused or ""
        if not name.startswith("card:"):
            return
        rect, view = self.card_rect(int(name[5:])), self.grid_view()
        if rect.top < view.top + 8:
            self._scroll_by(rect.top - view.top - 8)
        elif rect.bottom > view.bottom - 8:
            self._scroll_by(rect.bottom - view.bottom + 8)

    def activate(self, name: str) -> None:
        if name == "quit":
            self.app.quit(0)
        elif name == "settings":
            self.app.navigator.push("settings")
        elif name == "progress":
            self.app.navigator.show("progress")
        elif name == "resume":
            self.resume_attempt()
        elif name.startswith("card:"):
            entry = self.entries[int(name[5:])]
            if entry.ok:
                self.app.sound("choose")
                self.app.navigator.show("briefing", entry.scenario, str(entry.path))

    def resume_attempt(self) -> None:
        from game.ui.scenes.start import resume_scene
        scene, problem = resume_scene(self.app, self.unfinished, self.entries)
        if scene is None:
            self.notice = problem
            self.unfinished = None
            self._layout()
            self.needs_redraw = True
            return
        self.app.show(scene)

    # -- drawing ------------------------------------------------------------------------------

    def draw_full(self, canvas: pygame.Surface) -> None:
        palette, text = self.palette, self.text
        self._draw_header(canvas)
        if self.notice:
            self._draw_notice(canvas)
        if self.unfinished:
            self._draw_resume(canvas)
        view = self.grid_view()
        canvas.set_clip(view)
        for index, entry in enumerate(self.entries):
            rect = self.card_rect(index)
            if rect.colliderect(view):
                self._draw_card(canvas, rect, entry, f"card:{index}")
        for offset in range(len(self.pending)):
            rect = self.card_rect(len(self.entries) + offset)
            if rect.colliderect(view):
                draw_panel(canvas, rect, palette, fill=mix(palette.panel, palette.background, 0.5))
                key_hint(canvas, text, palette, "Loading…", (rect.x + 20, rect.y + 20), "topleft")
        canvas.set_clip(None)
        self._draw_scrollbar(canvas, view)
        self.controls.draw_buttons(canvas, palette, text)
        self._draw_footer(canvas)

    def _draw_header(self, canvas) -> None:
        palette, text = self.palette, self.text
        title = text.render("Circle", "display", palette.text, bold=True)
        canvas.blit(title, (MARGIN, 30))
        sub = text.render("Lead or follow: practise reading and guiding a therapy group.", "narration", palette.muted)
        canvas.blit(sub, (MARGIN + 2, 30 + title.get_height() + 2))
        if self.app.learner:
            hello = text.render(f"Signed in as {self.app.learner}", "small", palette.muted)
            canvas.blit(hello, hello.get_rect(topright=(LOGICAL_SIZE[0] - MARGIN, 94)))
        label = text.render("Scenarios", "heading", palette.text, bold=True)
        canvas.blit(label, (MARGIN, self.heading_top()))
        count = sum(1 for e in self.entries if e.ok)
        problems = sum(1 for e in self.entries if not e.ok)
        summary = f"{count} ready" + (f" · {problems} with problems" if problems else "")
        if not self.loaded:
            summary = "loading the library…"
        note = text.render(summary, "small", palette.muted)
        canvas.blit(note, (MARGIN + label.get_width() + 14, self.heading_top() + label.get_height() - note.get_height() - 2))

    def _draw_notice(self, canvas) -> None:
        palette, text = self.palette, self.text
        y = self.notice_top()
        icons.warning(canvas, (MARGIN + 10, y + 11), 20, palette.warning)
        line = text.wrap(self.notice, "small", LOGICAL_SIZE[0] - 2 * MARGIN - 30, max_lines=1)[0]
        canvas.blit(text.render(line, "small", palette.text), (MARGIN + 28, y + 2))

    def _draw_resume(self, canvas) -> None:
        palette, text = self.palette, self.text
        attempt = self.unfinished
        top = self.resume_top()
        band = pygame.Rect(MARGIN, top, LOGICAL_SIZE[0] - 2 * MARGIN, 56)
        draw_panel(canvas, band, palette, fill=mix(palette.panel, palette.accent, 0.10))
        entry = self.entry_for(attempt.scenario_id)
        title = entry.title if entry else attempt.scenario_id
        icons.lead(canvas, (band.x + 24, band.centery), 18, palette.text)
        words = f"Resume “{title}”"
        label = text.render(words, "body", palette.text, bold=True)
        canvas.blit(label, (band.x + 44, band.y + 8))
        made = len(attempt.choices)
        detail = f"{made} choice{'s' if made != 1 else ''} made · left {ago(attempt.updated_at)} · press R"
        canvas.blit(text.render(detail, "small", palette.muted), (band.x + 44, band.y + 8 + label.get_height()))

    def _draw_card(self, canvas, rect: pygame.Rect, entry: library.Entry, name: str) -> None:
        palette, text = self.palette, self.text
        hovered, focused = self.controls.hovered == name, self.controls.focused == name
        if not entry.ok:
            return self._draw_error_card(canvas, rect, entry, focused)
        draw_card_frame(canvas, rect, palette, hovered=hovered, focused=focused)
        scenario = entry.scenario
        x, width = rect.x + 20, rect.width - 40
        y = blit_lines(canvas, text, text.wrap(entry.title, "heading", width, True, max_lines=2),
                       "heading", palette.text, x, rect.y + 16, bold=True)
        if scenario.focus:
            y = blit_lines(canvas, text, text.wrap(scenario.focus.capitalize(), "body", width, max_lines=1),
                           "body", palette.muted, x, y + 2)
        y += 10
        tag = draw_level(canvas, scenario.level.value, (x, y), palette, text)
        tag = draw_tag(canvas, f"{len(scenario.members)} members", (tag.right + 8, y), palette, text)
        if scenario.minutes:
            tag = draw_tag(canvas, f"{scenario.minutes} min", (tag.right + 8, y), palette, text)
        if entry.source == "yours":
            draw_tag(canvas, "yours", (tag.right + 8, y), palette, text)
        y = tag.bottom + 8
        room = (rect.bottom - 46 - y) // text.line_height("small")
        if room > 0 and scenario.summary.strip():
            blit_lines(canvas, text, text.wrap(scenario.summary.strip(), "small", width, max_lines=room),
                       "small", palette.muted, x, y)
        self._draw_record_line(canvas, rect, entry)

    def _draw_record_line(self, canvas, rect: pygame.Rect, entry: library.Entry) -> None:
        palette, text = self.palette, self.text
        y = rect.bottom - 36
        pygame.draw.line(canvas, palette.panel_edge, (rect.x + 20, y - 8), (rect.right - 20, y - 8))
        if self.app.records is None:
            words = "Not recorded this time"
        elif not entry.attempts:
            words = "Not tried yet"
        elif entry.best is None:
            words = f"{entry.attempts} attempt{'s' if entry.attempts != 1 else ''} · none finished yet"
        else:
            words = f"{entry.attempts} attempt{'s' if entry.attempts != 1 else ''} · best:"
        label = text.render(words, "small", palette.muted)
        canvas.blit(label, (rect.x + 20, y))
        if entry.attempts and entry.best:
            draw_outcome_badge(canvas, entry.best, (rect.x + 26 + label.get_width(), y), palette, text,
                               safe=entry.best_safe)

    def _draw_error_card(self, canvas, rect: pygame.Rect, entry: library.Entry, focused: bool) -> None:
        palette, text = self.palette, self.text
        draw_card_frame(canvas, rect, palette, hovered=False, focused=focused,
                        fill=mix(palette.panel, palette.warning, 0.08))
        pygame.draw.rect(canvas, palette.warning, (rect.x, rect.y, 6, rect.height),
                         border_top_left_radius=12, border_bottom_left_radius=12)
        icons.warning(canvas, (rect.x + 32, rect.y + 30), 24, palette.warning)
        x, width = rect.x + 52, rect.width - 72
        canvas.blit(text.render(entry.path.name, "body", palette.text, bold=True), (x, rect.y + 18))
        canvas.blit(text.render("This file did not load:", "small", palette.muted), (x, rect.y + 44))
        lines = text.wrap(entry.first_problem, "small", width, max_lines=3)
        blit_lines(canvas, text, lines, "small", palette.text, x, rect.y + 66)
        more = len(entry.problems) - 1
        hint = f"and {more} more · " if more > 0 else ""
        words = text.wrap(f"{hint}run: python main.py validate {entry.path.name}", "small", width, max_lines=2)
        blit_lines(canvas, text, words, "small", palette.muted, x, rect.bottom - 12 - len(words) * text.line_height("small"))

    def _draw_scrollbar(self, canvas, view: pygame.Rect) -> None:
        most = self.max_scroll()
        if not most:
            return
        track = pygame.Rect(LOGICAL_SIZE[0] - 22, view.y + 8, 5, view.height - 16)
        pygame.draw.rect(canvas, mix(self.palette.background, self.palette.text, 0.1), track, border_radius=3)
        thumb = max(30, track.height * view.height // (view.height + most))
        top = track.y + (track.height - thumb) * self.scroll // most
        pygame.draw.rect(canvas, self.palette.muted, (track.x, top, 5, thumb), border_radius=3)

    def _draw_footer(self, canvas) -> None:
        palette, text = self.palette, self.text
        hint = "Tab / arrows move · Enter opens · P your progress · PgUp/PgDn scroll · Esc quits"
        key_hint(canvas, text, palette, hint, (MARGIN, LOGICAL_SIZE[1] - 14))
        folder = library.user_folder(self.app.data_dir)
        words = f"Your own scenarios: {folder}"
        line = text.wrap(words, "tiny", 640, max_lines=1)[0]
        label = text.render(line, "tiny", palette.muted)
        canvas.blit(label, label.get_rect(bottomright=(LOGICAL_SIZE[0] - MARGIN, LOGICAL_SIZE[1] - 16)))
