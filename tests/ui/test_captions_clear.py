"""Captions over the circle keep off the Undo and Pause buttons, all the way up as they rise."""
from __future__ import annotations

import pygame

from game.ui.scenes.play import speech
from game.ui.scenes.play.reaction import free_spot
from game.ui.widgets import Caption
from tests.ui.driver import frames, key, number_key, start_app


class _Text:
    """Fixed sizes: 8 px a character, 16 px a line."""

    def width(self, words, size, bold=False):
        return 8 * len(words)

    def line_height(self, size):
        return 16


def test_a_caption_is_moved_off_what_its_rise_would_cross():
    button = pygame.Rect(100, 40, 120, 26)
    start = (160, 90)                      # clear of the button where it starts, not as it rises
    centre = free_spot("Ama stiffens", start, [button], _Text(), pygame.Rect(0, 0, 800, 600), rise=30)
    rect = pygame.Rect(0, 0, 8 * len("Ama stiffens") + 16, 24)
    rect.center = centre
    assert not rect.union(rect.move(0, -30)).colliderect(button)


def test_no_caption_in_play_crosses_the_undo_and_pause_buttons():
    app = start_app(scenario="tutorial")
    frames(app, 1, [key(pygame.K_RETURN)])
    play, checked = app.scene, 0
    for _ in range(400):
        if play.stage == "ended" or checked >= 6:
            break
        if play.stage == "choose":
            frames(app, 1, [number_key(1)])
            state = play.state
            buttons = [rect for rect, _ in speech.buttons_to_avoid(state, play.tools())]
            for _, item in state.effects.pending:
                if isinstance(item, Caption):
                    checked += 1
                    height = play.tools().text.line_height("small") + 8
                    width = play.tools().text.width(item.text, "small") + 16
                    rect = pygame.Rect(0, 0, width, height)
                    rect.center = (round(item.pos[0]), round(item.pos[1]))
                    path = rect.union(rect.move(0, -round(item.rise)))
                    assert not any(path.colliderect(b) for b in buttons), (item.text, path, buttons)
        elif play.stage in ("ask", "reveal"):
            frames(app, 1, [key(pygame.K_l), key(pygame.K_RETURN)] if play.stage == "ask" else [key(pygame.K_RETURN)])
        else:
            frames(app, 1, [key(pygame.K_SPACE)])
    assert checked, "some reaction placed a caption"
