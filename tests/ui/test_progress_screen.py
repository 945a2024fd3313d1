"""Your progress, in the window: opened from the menu (P, or its button), it shows the counts the
`progress` command gives, a suggestion opens its scenario's briefing, and Escape goes back."""
from __future__ import annotations

import pygame
import pytest

from game.records import Records, data_dir
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.progress import ProgressScene
from tests.records.playing import GRIEF
from tests.records.practising import practise
from tests.ui.driver import click, frames, key, start_app, wait_until


@pytest.fixture
def practised():
    """Two practised attempts by Tess (the driver's learner) in the records the window opens."""
    records = Records(data_dir())
    records.set_setting("learner", "Tess")
    sessions = [practise(records, GRIEF, "Tess", rng_seed=seed)[0] for seed in (1, 2)]
    records.close()
    return sessions


def loaded_menu():
    app = start_app()
    wait_until(app, lambda: isinstance(app.scene, MenuScene) and app.scene.loaded)
    return app


def counted(app) -> ProgressScene:
    wait_until(app, lambda: isinstance(app.scene, ProgressScene) and app.scene.progress is not None)
    frames(app, 2)
    return app.scene


def test_p_on_the_menu_opens_the_progress_screen_and_escape_returns(practised):
    app = loaded_menu()
    frames(app, 1, [key(pygame.K_p)])
    scene = counted(app)
    readings = [r for s in practised for r in s.readings]
    assert scene.progress.attempts == 2
    assert (scene.progress.reading.asked, scene.progress.reading.matched) == \
        (len(readings), sum(r.matched for r in readings))
    assert scene.progress.retries == sum(len(s.tries) for s in practised)
    frames(app, 1, [key(pygame.K_ESCAPE)])
    assert isinstance(app.scene, MenuScene)


def test_the_menus_button_opens_it_with_the_mouse_and_back_returns(practised):
    app = loaded_menu()
    button = app.scene.controls.get("progress")
    frames(app, 1, click(app, button.rect.center))
    scene = counted(app)
    frames(app, 1, click(app, scene.controls.get("back").rect.center))
    assert isinstance(app.scene, MenuScene)


def test_a_suggestion_opens_the_briefing_of_its_scenario(practised):
    app = loaded_menu()
    frames(app, 1, [key(pygame.K_p)])
    scene = counted(app)
    assert scene.progress.next, "there is always something to suggest"
    wanted = scene.progress.next[0].scenario
    frames(app, 1, click(app, scene.controls.get("next:0").rect.center))
    assert isinstance(app.scene, BriefingScene) and app.scene.scenario.id == wanted


def test_with_no_attempts_it_says_so_and_suggests_where_to_start():
    app = loaded_menu()
    frames(app, 1, [key(pygame.K_p)])
    scene = counted(app)
    assert scene.progress.attempts == 0
    assert scene.progress.next and scene.progress.next[0].scenario == "tutorial"
    assert "no attempts yet" in scene._summary()
