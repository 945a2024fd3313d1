"""The briefing: what the session is about, heavy material to know of, the objectives, how the
trainee will practise (the scaffolds on, where the room is read first, and the moment to look
for when a progress suggestion opened it), and who is in the circle (small avatars, names, what
brings each of them). Start begins the session.
"""
from __future__ import annotations

import pygame

from game.present.scaffolds import scaffolds_for, setting_in_force
from game.scenario.credits import credit_lines
from game.ui import input as keys
from game.ui.avatar import draw_member, pose_from_state
from game.ui.layout import LOGICAL_SIZE
from game.ui.scenes.base import Controls, Scene, blit_lines, button_row, key_hint
from game.ui.scenes.common import draw_level, draw_tag
from game.ui.theme import mix
from game.ui.widgets import icons
from game.ui.widgets.panel import draw_panel

MARGIN = 48
SPLIT = 640          # the members' column starts here
DEMO_WAIT = 8.0      # --demo: seconds on the briefing before starting by itself
ABOUT_SIZES = ("body", "small")   # the summary steps down to these, then scrolls


class BriefingScene(Scene):
    def __init__(self, app, scenario, path: str = "", look_for: str = "", at: str | None = None):
        super().__init__(app)
        self.scenario = scenario
        self.path = path
        self.look_for = look_for     # a progress suggestion's moment, in words
        self.at = at if at in scenario.nodes else None   # that moment's node: start there
        self.controls = Controls()
        self.waited = 0.0
        self.scroll = 0
        self._top = 80
        self._layout()

    def _layout(self) -> None:
        row = [("back", "Back to the menu", False), ("start", "Start the session ▸", True)]
        if self.at:   # practise one moment: the way there is played for the trainee
            row = [("back", "Back", False), ("start", "From the beginning", False),
                   ("moment", "Start at this moment ▸", True)]
        self.controls.set(button_row(LOGICAL_SIZE[0] - MARGIN, LOGICAL_SIZE[1] - 68, row, self.text))

    def enter(self) -> None:
        self.controls.focus("moment" if self.at else "start")

    def relayout(self) -> None:
        self._layout()
        super().relayout()

    @property
    def animating(self) -> bool:
        return bool(getattr(self.app.args, "demo", False))

    def update(self, dt: float) -> None:
        self.waited += dt
        if getattr(self.app.args, "demo", False) and self.waited >= DEMO_WAIT:
            self.start()

    def scroll_by(self, dy: int) -> None:
        self.scroll = max(0, self.scroll + dy)   # drawing clamps it to what there is
        self.needs_redraw = True

    def handle(self, event) -> None:
        act = keys.action(event)
        if act == "back":
            self.back()
            return
        if keys.wheel(event):
            self.scroll_by(-40 * keys.wheel(event))
            return
        if act in ("up", "down", "page_up", "page_down"):
            step = {"up": -40, "down": 40, "page_up": -200, "page_down": 200}[act]
            self.scroll_by(step)
            return
        chosen = self.controls.handle(event)
        if self.controls.changed:
            self.controls.changed = False
            self.needs_redraw = True
        if chosen == "start":
            self.start()
        elif chosen == "moment":
            self.start(self.at)
        elif chosen == "back":
            self.back()

    def back(self) -> None:
        self.app.navigator.show("menu")

    def start(self, at: str | None = None) -> None:
        self.app.sound("choose")
        self.app.navigator.new_attempt(self.scenario, self.path, at)

    # -- drawing ------------------------------------------------------------------------------

    def draw_full(self, canvas: pygame.Surface) -> None:
        palette, text = self.palette, self.text
        scenario = self.scenario
        y = blit_lines(canvas, text, text.wrap(scenario.display_title, "title", LOGICAL_SIZE[0] - 2 * MARGIN, True, 1),
                       "title", palette.text, MARGIN, 28, bold=True)
        y += 8
        tag = draw_level(canvas, scenario.level.value, (MARGIN, y), palette, text)
        tag = draw_tag(canvas, f"{len(scenario.members)} members", (tag.right + 8, y), palette, text)
        if scenario.minutes:
            tag = draw_tag(canvas, f"about {scenario.minutes} minutes", (tag.right + 8, y), palette, text)
        room = LOGICAL_SIZE[0] - MARGIN - tag.right - 8 - 16
        if scenario.focus and room > 80:
            focus = text.wrap(scenario.focus, "small", room, max_lines=1)[0]
            draw_tag(canvas, focus, (tag.right + 8, y), palette, text)
        self._top = y
        about = self.about_rect()
        self._draw_about(canvas, about)
        self._draw_members(canvas, pygame.Rect(SPLIT + 8, about.y, LOGICAL_SIZE[0] - MARGIN - SPLIT - 8, about.height))
        self.controls.draw_buttons(canvas, palette, text)
        key_hint(canvas, text, palette, "Enter start · Esc back · Tab move", (MARGIN, LOGICAL_SIZE[1] - 38))

    def about_rect(self) -> pygame.Rect:
        top = self._top + 40
        return pygame.Rect(MARGIN, top, SPLIT - MARGIN - 16, LOGICAL_SIZE[1] - 92 - top)

    def _about_size(self, area: pygame.Rect) -> tuple[str, int]:
        """The largest text size at which it all fits; at the smallest, how far it scrolls.

        It stops at "small": below that a projected summary is unreadable, and scrolling is cheap."""
        for size in ABOUT_SIZES:
            height = self._about_height(area.width - 40, size)
            if height <= area.height - 32:
                return size, 0
        return ABOUT_SIZES[-1], height - (area.height - 32)

    def _draw_about(self, canvas, area: pygame.Rect) -> None:
        """Summary, content notes and objectives; the text size steps down until all of it fits,
        and at the smallest size the panel scrolls (wheel, Page Up/Down, arrows)."""
        size, spare = self._about_size(area)
        self.scroll = max(0, min(self.scroll, spare))
        draw_panel(canvas, area, self.palette)
        inner = area.inflate(-40, -32)
        canvas.set_clip(inner.inflate(0, 8))
        self._about(canvas, inner.move(0, -self.scroll), size, draw=True)
        canvas.set_clip(None)
        if self.scroll < spare:   # on a cleared patch, so the hint never sits over a line of text
            words = "▼ more (scroll)"
            patch = pygame.Rect(0, 0, self.text.width(words, "small") + 16, self.text.line_height("small") + 4)
            patch.bottomright = (area.right - 4, area.bottom - 2)
            pygame.draw.rect(canvas, self.palette.panel, patch, border_radius=6)
            key_hint(canvas, self.text, self.palette, words, (area.right - 12, area.bottom - 4), "bottomright")

    def _about_height(self, width: int, size: str) -> int:
        return self._about(None, pygame.Rect(0, 0, width, 10_000), size, draw=False)

    def _about(self, canvas, area: pygame.Rect, size: str, draw: bool) -> int:
        palette, text = self.palette, self.text
        scenario = self.scenario
        x, y, width = area.x, area.y, area.width
        step = text.line_height(size)

        def heading(words: str, y: int) -> int:
            if draw:
                canvas.blit(text.render(words, "small", palette.muted, bold=True), (x, y))
            return y + text.line_height("small", True) + 4

        def lines(words: str, y: int, indent: int = 0, colour=None) -> int:
            wrapped = text.wrap(words, size, width - indent)
            if draw:
                blit_lines(canvas, text, wrapped, size, colour or palette.text, x + indent, y)
            return y + len(wrapped) * step

        if self.look_for:   # first: it is why the trainee came back to this scenario
            y = heading("THE MOMENT TO LOOK FOR", y)
            y = lines(self.look_for, y) + 12
        y = heading("ABOUT THIS SESSION", y)
        y = lines(scenario.summary.strip() or "(No summary.)", y) + 12
        if scenario.content_notes:
            y = heading("CONTENT NOTES", y)
            for note in scenario.content_notes:
                if draw:
                    icons.warning(canvas, (x + 8, y + step // 2), 14, palette.warning)
                y = lines(note, y, indent=24)
            y += 12
        y = heading("YOUR OBJECTIVES", y)
        for objective in scenario.objectives.values():
            if draw:
                pygame.draw.circle(canvas, palette.accent, (x + 7, y + step // 2), 4)
            y = lines(objective.strip(), y, indent=24) + 4
        y = heading("HOW YOU PRACTISE", y + 8)
        for words in self.practice_lines():
            y = lines(words, y, colour=palette.muted)
        credits = credit_lines(scenario)   # who wrote it and from what: scenarios are shared
        if credits:
            y = heading("ABOUT THIS SCENARIO", y + 8)
            for line in credits:
                y = lines(line, y, colour=palette.muted)
        return y - area.y

    def practice_lines(self) -> list[str]:
        """The scaffolds this attempt will use, and where the room is read first (as the
        play screen will decide them: the Scaffolds setting or `play --scaffolds`)."""
        settings, args = self.app.settings, self.app.args
        setting = setting_in_force(getattr(settings, "scaffolds", None), getattr(args, "scaffolds", None))
        scaffolds = scaffolds_for(self.scenario.level.value, setting)
        whose = "chosen instead of the scenario's level" if scaffolds.chosen else "as the level sets"
        every = getattr(settings, "ask", "marked") == "every" or bool(getattr(args, "ask_every", False))
        marked = sum(1 for node in self.scenario.nodes.values() if node.ask)
        asked = ("You read the room before every choice." if every else
                 f"You read the room first at {marked} marked moment{'s' if marked != 1 else ''}." if marked else
                 "No moment asks you to read the room first (Settings: Read the room first).")
        return [f"Scaffolds: {scaffolds.level}, {whose}: {scaffolds.words}.", asked]

    def _draw_members(self, canvas, area: pygame.Rect) -> None:
        palette, text = self.palette, self.text
        members = self.scenario.members
        canvas.blit(text.render("WHO IS IN THE CIRCLE", "small", palette.muted, bold=True), (area.x, area.y))
        top = area.y + text.line_height("small", True) + 8
        columns = 2
        rows = (len(members) + columns - 1) // columns
        cell_w = (area.width - 12) // columns
        cell_h = min(110, (area.bottom - top) // max(1, rows))
        for i, member in enumerate(members):
            row, col = divmod(i, columns)
            cell = pygame.Rect(area.x + col * (cell_w + 12), top + row * cell_h, cell_w, cell_h - 8)
            self._draw_member_cell(canvas, cell, member, i)

    def _draw_member_cell(self, canvas, cell: pygame.Rect, member, index: int) -> None:
        palette, text = self.palette, self.text
        pygame.draw.rect(canvas, mix(palette.panel, palette.background, 0.35), cell, border_radius=10)
        scale = min(0.72, (cell.height - 6) / 100 * 1.25)
        look = member.look.model_dump() if member.look else None
        start = member.start
        pose = pose_from_state(start.engagement, start.trust, start.distress)
        draw_member(canvas, (cell.x + 40, cell.y + cell.height * 0.6), look, pose, scale, index=index, palette=palette)
        x = cell.x + 84
        width = cell.right - x - 10
        name, size = _name_that_fits(text, member, width)
        canvas.blit(text.render(name, size, palette.text, bold=True), (x, cell.y + 6))
        room = max(1, (cell.height - 14 - text.line_height("body", True)) // text.line_height("small"))
        words = member.concern.strip() or "—"
        if getattr(member, "joins_at", None):   # a late arrival: their chair starts empty
            words = f"Arrives later. {words}"
        concern = text.wrap(words, "small", width, max_lines=room)
        blit_lines(canvas, text, concern, "small", palette.muted, x, cell.y + 8 + text.line_height("body", True))


def _name_that_fits(text, member, width: int) -> tuple[str, str]:
    """The member's name for a card heading: with the age if it fits, else the whole name alone,
    else the name a size smaller; cut short only when even that is too wide (projector text)."""
    with_age = member.name + (f", {member.age}" if member.age else "")
    for words, size in ((with_age, "body"), (member.name, "body"), (member.name, "small")):
        if text.width(words, size, True) <= width:
            return words, size
    return text.wrap(member.name, "small", width, True, max_lines=1)[0], "small"
