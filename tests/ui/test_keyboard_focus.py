"""The focus ring on the play screen stays where Space and Enter keep the session moving.

With real key presses a learner often presses Space once more than the lines need: the ring
then shows on the first card, Enter takes it, and the ring must not drop onto whichever control
happens to be listed first (the Transcript tab), where Space and Enter stop moving the lines.
"""
from __future__ import annotations

import pygame

from game.ui.scenes.play import PlayScene
from tests.ui.driver import SMALL, frames, key, start_app, wait_until


def at_the_first_choice():
    app = start_app(scenario=str(SMALL))
    frames(app, 1, [key(pygame.K_RETURN)])
    play = app.scene
    assert isinstance(play, PlayScene)
    for _ in range(200):
        if play.stage != "lines":
            break
        frames(app, 3, [key(pygame.K_SPACE)])
    assert play.stage == "choose"
    return app, play


def test_after_a_card_taken_with_the_ring_space_still_moves_the_lines_on():
    app, play = at_the_first_choice()
    frames(app, 2, [key(pygame.K_SPACE)])
    assert play.controls.focused == "choice:1", "a Space with nothing focused shows the ring on the first card"
    frames(app, 1, [key(pygame.K_RETURN)])
    wait_until(app, lambda: play.stage == "lines")
    frames(app, 3)
    assert play.controls.focused == "next"
    node = play.session.node_id
    for _ in range(100):
        if play.stage != "lines":
            break
        frames(app, 3, [key(pygame.K_SPACE)])
    assert play.stage in ("choose", "ended") and play.session.node_id == node
    assert play.controls.focused in (None, "debrief"), "the cards wait for a key before showing the ring"


def test_a_key_pressed_while_the_room_answers_plants_no_ring():
    app, play = at_the_first_choice()
    frames(app, 1, [key(pygame.K_1)])
    assert play.stage == "react"
    frames(app, 1, [key(pygame.K_SPACE), key(pygame.K_RETURN)])
    assert play.controls.focused is None
    wait_until(app, lambda: play.stage == "lines")
    frames(app, 3)
    assert play.controls.focused is None


def test_a_control_the_learner_tabbed_to_keeps_the_ring():
    app, play = at_the_first_choice()
    frames(app, 2)
    for _ in range(30):
        if play.controls.focused == "tab:inner":
            break
        frames(app, 1, [key(pygame.K_TAB)])
    assert play.controls.focused == "tab:inner"
    frames(app, 3)
    assert play.controls.focused == "tab:inner"


def test_when_the_cards_open_after_next_had_the_ring_a_key_shows_the_ring_before_it_takes_a_card():
    app, play = at_the_first_choice()
    frames(app, 2, [key(pygame.K_SPACE)])
    frames(app, 1, [key(pygame.K_RETURN)])
    wait_until(app, lambda: play.stage == "lines")
    frames(app, 3)
    assert play.controls.focused == "next"
    turn = play.session.turn
    for _ in range(100):
        if play.stage != "lines":
            break
        frames(app, 3, [key(pygame.K_SPACE)])
    assert play.stage == "choose" and play.controls.focused is None
    frames(app, 2, [key(pygame.K_SPACE)])
    assert play.controls.focused == "choice:1" and play.session.turn == turn, "shown, not taken"
    frames(app, 2, [key(pygame.K_SPACE)])
    assert play.session.turn == turn + 1


def test_space_held_through_the_ending_stays_on_the_debrief():
    app, play = at_the_first_choice()
    session = play.session
    for _ in range(400):   # Space held down: a key repeat every few frames, cards taken by number
        if not isinstance(app.scene, PlayScene):
            break
        frames(app, 3, [key(pygame.K_SPACE), key(pygame.K_1)])
    for _ in range(20):    # ...and on, past the ending
        frames(app, 3, [key(pygame.K_SPACE)])
    debrief = app.scene
    assert type(debrief).__name__ == "DebriefScene" and debrief.session is session, "no new attempt unread"
    assert debrief.controls.focused == "decisions"
    frames(app, 1, [key(pygame.K_TAB), key(pygame.K_TAB), key(pygame.K_RETURN)])
    assert isinstance(app.scene, PlayScene) and app.scene.session is not session, "Tab reaches Play again"
