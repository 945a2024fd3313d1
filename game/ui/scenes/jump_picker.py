"""Jump to a node (G): every node of the scenario in a list; typing filters it, Enter jumps.

Over the play screen. A jump replays the shortest path of choices that reaches the node (see
game.ui.jump), so the room is what a trainee would find there. One search, made when the picker
opens, marks the nodes no path reaches: a jump there shows the node with the group as it
starts, and says so.
"""
from __future__ import annotations

import pygame

from game.ui import input as keys, printable
from game.present import plural, shortest_paths
from game.ui.layout import LOGICAL_SIZE
from game.ui.scenes.base import Scene, key_hint
from game.ui.scenes.common import draw_tag
from game.ui.theme import mix
from game.ui.widgets import draw_focus_ring, draw_panel
from game.ui.widgets import icons
from game.ui.widgets.panel import lifted

WIDTH, HEIGHT = 820, 600
MAX_QUERY = 40


class JumpScene(Scene):
    modal = True

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play
        session = play.session
        self.scenario = session.scenario
        self.here = session.node_id
        self.paths = shortest_paths(self.scenario, session.seed)
        self.query = ""
        self.selected = 0
        self.top = 0                   # the first row in view
        self.hovered: int | None = None

    def enter(self) -> None:
        pygame.key.start_text_input()
        found = self.matches()
        self._select(found.index(self.here) if self.here in found else 0, found)

    # -- what is listed -----------------------------------------------------------------

    def matches(self) -> list[str]:
        """The node ids whose id, phase, narration or ending contain every typed word."""
        words = self.query.lower().split()
        found = []
        for node_id, node in self.scenario.nodes.items():
            haystack = " ".join([node_id, node.narration, node.phase.value,
                                 f"ending {node.ending.outcome.value}" if node.ending else ""]).lower()
            if all(word in haystack for word in words):
                found.append(node_id)
        return sorted(found, key=lambda n: not all(word in n.lower() for word in words))   # names first

    def how_far(self, node_id: str) -> str:
        if node_id == self.here:
            return "you are here"
        path = self.paths.get(node_id)
        if path is None:
            return "no path found: starts with the group as it begins"
        return "the start" if not path else f"{plural(len(path), 'choice')} away"

    # -- layout -------------------------------------------------------------------------

    def panel_rect(self) -> pygame.Rect:
        rect = pygame.Rect(0, 0, WIDTH, HEIGHT)
        rect.center = (LOGICAL_SIZE[0] // 2, LOGICAL_SIZE[1] // 2)
        return rect

    def field_rect(self) -> pygame.Rect:
        panel = self.panel_rect()
        return pygame.Rect(panel.x + 28, panel.y + 28 + self.text.line_height("title", True) + 10,
                           panel.width - 56, self.text.line_height("body") + 16)

    def list_rect(self) -> pygame.Rect:
        panel, field = self.panel_rect(), self.field_rect()
        return pygame.Rect(panel.x + 20, field.bottom + 14, panel.width - 40, panel.bottom - 44 - field.bottom - 14)

    def row_height(self) -> int:
        return self.text.line_height("body", True) + self.text.line_height("small") + 14

    def rows_in_view(self) -> int:
        return max(1, self.list_rect().height // self.row_height())

    def row_rect(self, index: int) -> pygame.Rect:
        view = self.list_rect()
        return pygame.Rect(view.x, view.y + (index - self.top) * self.row_height(), view.width, self.row_height() - 4)

    # -- input --------------------------------------------------------------------------

    def handle(self, event) -> None:
        found = self.matches()
        if event.type == pygame.TEXTINPUT:
            self._set_query(printable.appended(self.query, event.text, MAX_QUERY))
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE:
            self._set_query(self.query[:-1])
        elif event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if found:
                self.jump(found[min(self.selected, len(found) - 1)])
        elif keys.action(event) == "back":
            self.close()
        elif keys.action(event) in ("up", "down", "page_up", "page_down", "home", "end"):
            step = {"up": -1, "down": 1, "page_up": -self.rows_in_view(), "page_down": self.rows_in_view(),
                    "home": -10 ** 6, "end": 10 ** 6}[keys.action(event)]
            self._select(self.selected + step, found)
        elif keys.wheel(event):
            self.top = max(0, min(max(0, len(found) - self.rows_in_view()), self.top - keys.wheel(event)))
            self.needs_redraw = True
        elif event.type == pygame.MOUSEMOTION:
            over = self._row_at(event.pos, found)
            if over != self.hovered:
                self.hovered, self.needs_redraw = over, True
        elif keys.is_click(event):
            over = self._row_at(event.pos, found)
            if over is not None:
                self.jump(found[over])
            elif not self.panel_rect().collidepoint(event.pos):
                self.close()

    def _set_query(self, query: str) -> None:
        self.query = query[:MAX_QUERY]
        self.selected, self.top = 0, 0
        self.needs_redraw = True

    def _select(self, index: int, found: list[str]) -> None:
        self.selected = index
        self._keep_in_view(found)
        self.needs_redraw = True

    def _keep_in_view(self, found: list[str]) -> None:
        """The selection within the list, and the list scrolled to show it."""
        self.selected = max(0, min(len(found) - 1, self.selected))
        if self.selected < self.top:
            self.top = self.selected
        elif self.selected >= self.top + self.rows_in_view():
            self.top = self.selected - self.rows_in_view() + 1

    def _row_at(self, pos, found: list[str]) -> int | None:
        for index in range(self.top, min(len(found), self.top + self.rows_in_view())):
            if self.row_rect(index).collidepoint(pos):
                return index
        return None

    def jump(self, node_id: str) -> None:
        self.close()
        self.play.jump_to(node_id)

    def close(self) -> None:
        pygame.key.stop_text_input()
        self.app.pop()

    # -- drawing ------------------------------------------------------------------------

    def draw_full(self, canvas: pygame.Surface) -> None:
        palette, text = self.palette, self.text
        panel = self.panel_rect()
        draw_panel(canvas, panel, palette, radius=16)
        canvas.blit(text.render("Jump to a node", "title", palette.text, bold=True), (panel.x + 28, panel.y + 24))
        self._draw_field(canvas)
        found = self.matches()
        self.selected = max(0, min(len(found) - 1, self.selected))
        self.top = max(0, min(len(found) - self.rows_in_view(), self.top))
        view = self.list_rect()
        for index in range(self.top, min(len(found), self.top + self.rows_in_view())):
            self._draw_row(canvas, self.row_rect(index), found[index], index)
        if not found:
            canvas.blit(text.render(f"No node matches “{self.query}”.", "body", palette.muted), (view.x + 12, view.y + 8))
        elif len(found) > self.rows_in_view():
            more = f"{self.top + 1}–{min(len(found), self.top + self.rows_in_view())} of {len(found)}"
            label = text.render(more, "tiny", palette.muted)
            canvas.blit(label, label.get_rect(bottomright=(view.right, panel.bottom - 18)))
        key_hint(canvas, text, palette, "Type to filter · ↑↓ choose · Enter jump · Esc close",
                 (panel.x + 28, panel.bottom - 16))

    def _draw_field(self, canvas) -> None:
        palette, text = self.palette, self.text
        field = self.field_rect()
        pygame.draw.rect(canvas, mix(palette.panel, palette.text, 0.05), field, border_radius=8)
        pygame.draw.rect(canvas, palette.accent, field, 2, border_radius=8)
        if self.query:
            words = text.render(self.query, "body", palette.text)
        else:
            words = text.render("type part of a node's name or words…", "body", palette.muted)
        canvas.blit(words, (field.x + (12 if self.query else 18), field.centery - words.get_height() // 2))
        caret = field.x + 12 + (text.width(self.query, "body") if self.query else 0)
        pygame.draw.line(canvas, palette.text, (caret + 1, field.y + 8), (caret + 1, field.bottom - 8), 2)

    def _draw_row(self, canvas, rect: pygame.Rect, node_id: str, index: int) -> None:
        palette, text = self.palette, self.text
        node = self.scenario.nodes[node_id]
        chosen = index == self.selected
        fill = mix(palette.panel, palette.accent, 0.14) if chosen else palette.panel
        if index == self.hovered:
            fill = lifted(fill, palette, 0.08)
        pygame.draw.rect(canvas, fill, rect, border_radius=10)
        if chosen:
            draw_focus_ring(canvas, rect, palette, radius=10)
        x, y = rect.x + 14, rect.y + 6
        name = text.render(node_id, "body", palette.text, bold=True)
        canvas.blit(name, (x, y))
        kind = f"ending · {node.ending.outcome.value}" if node.ending else node.phase.value
        if kind:
            draw_tag(canvas, kind, (x + name.get_width() + 10, y), palette, text, size="tiny")
        self._draw_distance(canvas, rect, node_id)
        summary = (node.ending.text if node.ending and node.ending.text else node.narration).strip().replace("\n", " ")
        line = text.wrap(summary or "(no narration)", "small", rect.width - 28, max_lines=1)[0]
        canvas.blit(text.render(line, "small", palette.muted), (x, y + text.line_height("body", True) + 1))

    def _draw_distance(self, canvas, rect: pygame.Rect, node_id: str) -> None:
        """Right-aligned: how far the node is, with a warning mark where no path reaches it."""
        palette, text = self.palette, self.text
        words = self.how_far(node_id)
        unreached = self.paths.get(node_id) is None and node_id != self.here
        label = text.render(words, "small", palette.text if unreached else palette.muted)
        spot = label.get_rect(topright=(rect.right - 14, rect.y + 8))
        canvas.blit(label, spot)
        if unreached:
            icons.warning(canvas, (spot.x - 12, spot.centery), 16, palette.warning)
