"""The screens, driven as a learner would: keys only, mouse only, undo, toggles, pause, resize."""
from __future__ import annotations

import random
import shutil

import pygame
import pytest

from game.records import Records, data_dir
from game.ui.layout import LOGICAL_SIZE
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.play.demo import pick_of as demo_pick
from game.ui.scenes.settings_panel import SettingsScene
from tests.ui.driver import SMALL, click, frames, key, number_key, start_app, wait_until


@pytest.fixture
def small_in_library():
    """tests/scenario/small.yaml in the learner's own scenarios folder."""
    folder = data_dir() / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SMALL, folder / "small.yaml")
    return folder


def loaded_menu(**overrides):
    app = start_app(**overrides)
    wait_until(app, lambda: isinstance(app.scene, MenuScene) and app.scene.loaded)
    return app


def small_card(menu: MenuScene) -> str:
    index = next(i for i, e in enumerate(menu.entries) if e.path.name == "small.yaml")
    return f"card:{index}"


def until_choices(app) -> PlayScene:
    scene = app.scene
    for _ in range(200):
        if scene.stage != "lines":
            break
        frames(app, 3, [key(pygame.K_SPACE)])
    assert scene.stage in ("choose", "ended")
    return scene


def after_reaction(app) -> None:
    wait_until(app, lambda: app.scene.stage != "react")


# -- whole sessions -----------------------------------------------------------------------

def test_a_whole_session_from_menu_to_debrief_with_the_keyboard_only(small_in_library):
    app = loaded_menu()
    target = small_card(app.scene)
    for _ in range(40):
        if app.scene.controls.focused == target:
            break
        frames(app, 1, [key(pygame.K_TAB)])
    assert app.scene.controls.focused == target, "Tab reaches every card"
    frames(app, 1, [key(pygame.K_RETURN)])
    assert isinstance(app.scene, BriefingScene)
    frames(app, 1, [key(pygame.K_RETURN)])
    play = app.scene
    assert isinstance(play, PlayScene)
    while True:
        until_choices(app)
        if play.stage == "ended":
            break
        pick = demo_pick(play.session)
        frames(app, 1, [number_key(pick.shown)])
        after_reaction(app)
    frames(app, 1, [key(pygame.K_RETURN)])
    assert isinstance(app.scene, DebriefScene)
    assert app.scene.debrief.outcome == "growth"
    finished = Records().attempts("Tess", "small-test", finished=True)
    assert len(finished) == 1 and finished[0].outcome == "growth"


def test_a_whole_session_with_the_mouse_only_in_a_letterboxed_window(small_in_library):
    app = loaded_menu(size=(1000, 700))
    menu = app.scene
    frames(app, 1, click(app, menu.controls.get(small_card(menu)).rect.center))
    frames(app, 1, click(app, app.scene.controls.get("start").rect.center))
    play = app.scene
    assert isinstance(play, PlayScene)
    for _ in range(10):
        for _ in range(200):
            if play.stage != "lines":
                break
            frames(app, 3, click(app, play.play.circle.center))
        if play.stage == "ended":
            break
        pick = demo_pick(play.session)
        frames(app, 2, click(app, play.controls.get(f"choice:{pick.shown}").rect.center))
        assert play.session.turn >= 1
        after_reaction(app)
    frames(app, 2, click(app, play.controls.get("debrief").rect.center))
    assert isinstance(app.scene, DebriefScene)
    frames(app, 1, click(app, app.scene.controls.get("menu").rect.center))
    assert isinstance(app.scene, MenuScene)


def play_small(**overrides):
    overrides.setdefault("scenario", str(SMALL))
    app = start_app(**overrides)
    frames(app, 1, [key(pygame.K_RETURN)])
    assert isinstance(app.scene, PlayScene)
    until_choices(app)
    return app, app.scene


def test_number_keys_choose_and_the_room_reacts_before_the_next_node():
    app, play = play_small()
    before = play.session.node_id
    frames(app, 1, [number_key(1)])
    assert play.stage == "react" and play.session.turn == 1
    assert play.state.node.narration and play.session.node_id != before
    assert play.state.room.after is not None and play.state.room.progress == 0  # the trainee's words first
    frames(app, 45)
    assert 0 < play.state.room.progress < 1, "the room is moving"
    after_reaction(app)
    assert play.stage == "lines" and play.state.room.after is None


def test_a_number_that_is_not_offered_does_nothing():
    app, play = play_small()
    frames(app, 1, [number_key(9)])
    assert play.stage == "choose" and play.session.turn == 0


def test_undo_takes_the_last_choice_back_and_records_it():
    app, play = play_small()
    frames(app, 1, [number_key(1)])
    after_reaction(app)
    assert play.session.turn == 1
    frames(app, 1, [key(pygame.K_BACKSPACE)])
    assert play.session.turn == 0 and play.stage == "choose"
    assert not any(line.kind == "you" for line in play.state.transcript.lines)
    assert Records().attempts("Tess", "small-test")[0].choices == []


def test_undo_with_nothing_to_undo_is_harmless():
    app, play = play_small()
    frames(app, 2, [key(pygame.K_BACKSPACE)])
    assert play.session.turn == 0 and play.stage == "choose"


# -- toggles and the pause screen ------------------------------------------------------------

def test_m_shows_the_meters_and_t_the_inner_state_and_both_are_remembered():
    app, play = play_small()
    assert app.settings.meters and app.settings.inner_state   # a beginner's attempt opens with both on
    assert not start_app().settings.meters, "the opening is not stored: it is no choice of the learner's"
    side = play.play.transcript
    before = app.canvas.subsurface(side).copy()
    frames(app, 2, [key(pygame.K_m)])
    assert not app.settings.meters
    frames(app, 2, [key(pygame.K_t)])
    assert not app.settings.inner_state
    after = app.canvas.subsurface(side)
    assert any(before.get_at((x, 40)) != after.get_at((x, 40)) for x in range(20, side.width - 20, 7))
    frames(app, 2, [key(pygame.K_m), key(pygame.K_t)])
    assert app.settings.meters and app.settings.inner_state
    again = start_app()
    assert again.settings.meters and again.settings.inner_state


def test_the_side_panel_tabs_and_buttons_work_with_the_mouse():
    app, play = play_small()       # (a beginner's attempt: it opens with the inner state and meters on)
    frames(app, 2, click(app, play.controls.get("tab:transcript").rect.center))
    assert not app.settings.inner_state
    frames(app, 2, click(app, play.controls.get("tab:inner").rect.center))
    assert app.settings.inner_state
    frames(app, 2, click(app, play.controls.get("meters").rect.center))
    assert not app.settings.meters
    frames(app, 2, click(app, play.controls.get("meters").rect.center))
    assert app.settings.meters
    frames(app, 2, click(app, play.controls.get("pause").rect.center))
    assert isinstance(app.scene, PauseScene)


def pause_item(app, name: str) -> None:
    frames(app, 1, [key(pygame.K_ESCAPE)])
    pause = app.scene
    assert isinstance(pause, PauseScene)
    for _ in range(8):
        if pause.controls.focused == name:
            break
        frames(app, 1, [key(pygame.K_DOWN)])
    frames(app, 1, [key(pygame.K_RETURN)])


def test_every_item_on_the_pause_screen():
    app, play = play_small()
    frames(app, 1, [number_key(1)])
    after_reaction(app)
    pause_item(app, "resume")
    assert app.scene is play
    pause_item(app, "settings")
    assert isinstance(app.scene, SettingsScene)
    frames(app, 1, [key(pygame.K_ESCAPE)])
    assert isinstance(app.scene, PauseScene)
    frames(app, 1, [key(pygame.K_ESCAPE)])
    assert app.scene is play
    pause_item(app, "restart")
    assert app.scene is play and play.session.turn == 0 and play.stage == "lines"
    pause_item(app, "menu")
    assert isinstance(app.scene, MenuScene)


def test_the_settings_panel_changes_the_theme_at_once_and_keeps_it():
    app = loaded_menu()
    frames(app, 1, click(app, app.scene.controls.get("settings").rect.center))
    panel = app.scene
    assert isinstance(panel, SettingsScene)
    panel.controls.focus("theme")
    frames(app, 1, [key(pygame.K_RIGHT)])
    assert app.palette.name == "dark" and app.settings.theme == "dark"
    assert start_app().settings.theme == "dark"
    panel.controls.focus("text_size")
    frames(app, 1, [key(pygame.K_RIGHT)])
    assert app.settings.text_size == "large"


# -- the window -------------------------------------------------------------------------------

def test_a_resized_window_letterboxes_and_clicks_still_land_on_the_cards():
    app, play = play_small()
    frames(app, 1, [pygame.event.Event(pygame.VIDEORESIZE, w=900, h=900, size=(900, 900))])
    assert app.window.get_size() == (900, 900)
    canvas = app.viewport.canvas_rect()
    assert canvas.width == 900 and canvas.height < 900 and canvas.y > 0  # bars above and below
    frames(app, 1, click(app, (LOGICAL_SIZE[0] // 2, -5)))  # on the bar: nothing happens
    assert play.session.turn == 0
    first = play.offered[0]
    frames(app, 1, click(app, play.controls.get(f"choice:{first.shown}").rect.center))
    assert play.session.turn == 1 and play.session.history[0].offered.number == first.number


def test_the_bars_stay_black_and_the_canvas_fills_the_box():
    app, play = play_small(size=(1600, 700))
    frames(app, 2)
    view = app.viewport.canvas_rect()
    assert app.window.get_at((view.x // 2, 350))[:3] == (0, 0, 0)
    assert app.window.get_at((view.centerx, view.centery))[:3] != (0, 0, 0)


# -- pixels -----------------------------------------------------------------------------------

def test_members_are_drawn_where_the_layout_seats_them():
    app, play = play_small()
    frames(app, 2)
    floor = play.state.frame.layer
    for figure in play.state.circle.figures:
        torso = (round(figure.seat[0]), round(figure.seat[1] - 22 * figure.scale))
        assert app.canvas.get_at(torso) != floor.get_at(torso), f"{figure.name} is not in their chair"
        label = (round(figure.seat[0]), round(figure.seat[1] + 36 * figure.scale))
        assert app.canvas.get_at(label) != floor.get_at(label), f"{figure.name} has no name tag"
    corner = (play.play.circle.x + 6, play.play.circle.y + 6)
    assert app.canvas.get_at(corner) == floor.get_at(corner)


def test_hovering_a_card_rings_the_members_it_addresses():
    app, play = play_small()
    offered = next(o for o in play.offered if o.choice.targets)
    rect = play.controls.get(f"choice:{offered.shown}").rect
    frames(app, 2, [pygame.event.Event(pygame.MOUSEMOTION, pos=app.viewport.to_window(rect.center), rel=(0, 0), buttons=(0, 0, 0))])
    assert play.state.circle.targets == frozenset(offered.choice.targets)
    frames(app, 2, [pygame.event.Event(pygame.MOUSEMOTION, pos=(2, 2), rel=(0, 0), buttons=(0, 0, 0))])
    assert play.state.circle.targets == frozenset()


# -- the library --------------------------------------------------------------------------------

def test_a_bad_scenario_file_is_an_error_card_not_a_crash():
    folder = data_dir() / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "broken.yaml").write_text("format: 1\nid: Not An Id\n", encoding="utf-8")
    (folder / "empty.yaml").write_bytes(b"")
    (folder / "garbage.yml").write_bytes(bytes(range(256)))
    app = loaded_menu()
    menu = app.scene
    bad = {e.path.name: e for e in menu.entries if not e.ok}
    assert set(bad) == {"broken.yaml", "empty.yaml", "garbage.yml"}
    assert all(e.first_problem for e in bad.values())
    index = menu.entries.index(bad["broken.yaml"])
    for _ in range(20):
        rect = menu.card_rect(index)
        if menu.grid_view().contains(rect):
            break
        frames(app, 1, [key(pygame.K_PAGEDOWN)])
    frames(app, 1)
    stripe = (rect.x + 2, rect.centery)
    assert app.canvas.get_at(stripe)[:3] == app.palette.warning
    frames(app, 1, click(app, rect.center))
    assert app.scene is menu, "an error card opens nothing"


# -- everything at once -------------------------------------------------------------------------

KEYS = [pygame.K_SPACE, pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_TAB, pygame.K_BACKSPACE, pygame.K_UP,
        pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_m, pygame.K_t, pygame.K_r, pygame.K_PAGEUP,
        pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END, pygame.K_a, pygame.K_l, pygame.K_c, pygame.K_g,
        pygame.K_F5] + [getattr(pygame, f"K_{n}") for n in range(1, 7)]


def random_event(rng: random.Random, app) -> pygame.event.Event:
    w, h = app.window.get_size()
    pos = (rng.randrange(-20, w + 20), rng.randrange(-20, h + 20))
    kind = rng.random()
    if kind < 0.45:
        return key(rng.choice(KEYS), pygame.KMOD_SHIFT if rng.random() < 0.1 else 0)
    if kind < 0.65:
        return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=rng.choice([1, 1, 1, 3]))
    if kind < 0.8:
        return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    if kind < 0.9:
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-3, -1, 1, 2]), flipped=False)
    if kind < 0.98:
        return pygame.event.Event(pygame.TEXTINPUT, text=rng.choice("ab Z9é"))
    size = (rng.randrange(200, 1700), rng.randrange(150, 1000))
    return pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size)


def test_five_thousand_random_events_raise_nothing(small_in_library):
    rng = random.Random(20240607)
    app = start_app(learner=None)
    handled, seen = 0, set()
    while handled < 5000:
        if not app.running:
            app = start_app(learner=None)
        batch = [random_event(rng, app) for _ in range(10)]
        app.step(batch, rng.choice([0.0, 1 / 60, 1 / 60, 0.25]))
        handled += len(batch)
        seen.add(type(app.scene).__name__)
    assert {"MenuScene", "BriefingScene", "PlayScene", "PauseScene", "JumpScene"} <= seen, seen


def test_quit_from_the_menu_ends_the_app():
    app = loaded_menu()
    frames(app, 1, [key(pygame.K_ESCAPE)])
    assert not app.running and app.exit_code == 0


@pytest.mark.parametrize("theme", ["light", "dark", "high_contrast"])
def test_every_screen_draws_in_every_theme(theme, small_in_library):
    app = loaded_menu()
    app.change_setting("theme", theme)
    app, play = play_small()
    frames(app, 1, [number_key(1)])
    after_reaction(app)
    until_choices(app)
    frames(app, 1, [number_key(1)])
    after_reaction(app)
    until_choices(app)
    frames(app, 1, [key(pygame.K_RETURN)])
    assert isinstance(app.scene, DebriefScene)
    assert app.canvas.get_at((5, 5))[:3] == app.palette.background


def test_f5_reloads_an_edited_file_and_keeps_the_choices_made(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    app, play = play_small(scenario=str(mine))
    frames(app, 1, [number_key(1)])
    after_reaction(app)
    until_choices(app)
    mine.write_text(SMALL.read_text(encoding="utf-8").replace("Ben looks at the floor.", "Ben stares at his shoes."),
                    encoding="utf-8")
    frames(app, 2, [key(pygame.K_F5)])
    assert play.session.turn == 1 and play.state.node.narration == "Ben stares at his shoes."
    assert play.state.effects.toasts.toasts and "Reloaded" in play.state.effects.toasts.toasts[-1].text
    mine.write_text("format: 1\nid: [broken\n", encoding="utf-8")
    frames(app, 2, [key(pygame.K_F5)])
    assert play.session.turn == 1 and play.state.node.narration == "Ben stares at his shoes."
    assert play.state.problems is not None and "[yaml-syntax]" in play.state.problems.errors[0]
