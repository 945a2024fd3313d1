"""The application: settings kept between runs, the learner's name, resuming, the command line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pygame

from game.records import Records, data_dir
from game.ui import audio
from game.commands.window import run_window
from game.ui.app import App
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.name import NameScene
from game.ui.scenes.play import PlayScene
from game.ui.settings import FILE_NAME, Settings, SettingsStore, cycle, parse
from tests.ui.driver import ROOT, SMALL, frames, key, make_args, number_key, start_app, wait_until


# -- settings -----------------------------------------------------------------------------------

def test_a_changed_setting_is_written_whole_and_read_back(tmp_path):
    store = SettingsStore(tmp_path)
    store.change("theme", "high_contrast")
    store.change("animations", False)
    assert json.loads((tmp_path / FILE_NAME).read_text())["theme"] == "high_contrast"
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME], "no temporary file is left behind"
    again = SettingsStore(tmp_path).active
    assert again.theme == "high_contrast" and again.animations is False


def test_a_damaged_settings_file_gives_the_defaults_and_a_bad_value_only_loses_itself(tmp_path):
    (tmp_path / FILE_NAME).write_text("{not json", encoding="utf-8")
    assert SettingsStore(tmp_path).active == Settings()
    assert parse({"theme": "purple", "coach": "yes", "text_size": "large"}) == Settings(text_size="large")


def test_every_setting_cycles_through_its_values_and_back():
    for key_name in ("text_size", "theme", "animations", "coach", "fullscreen", "sound"):
        settings, seen = Settings(), set()
        for _ in range(6):
            seen.add(getattr(settings, key_name))
            settings = cycle(settings, key_name)
        assert len(seen) >= 2 and getattr(cycle(cycle(Settings(), key_name), key_name, -1), key_name) == getattr(Settings(), key_name)
    assert len({cycle(Settings(), "text_size", k).text_size for k in range(4)}) >= 3, "at least three text sizes"


def test_presenter_mode_is_large_fullscreen_coached_and_stores_nothing():
    app = start_app(presenter=True)
    assert app.settings.text_size == "presenter" and app.settings.fullscreen
    assert app.settings.coach and app.settings.inner_state
    assert SettingsStore(data_dir()).active == Settings()


# -- the learner -------------------------------------------------------------------------------

def test_the_name_is_asked_once_and_kept_for_the_records():
    app = start_app(learner=None)
    wait_until(app, lambda: isinstance(app.scene, NameScene))
    frames(app, 1, [pygame.event.Event(pygame.TEXTINPUT, text=t) for t in "Kim"] + [key(pygame.K_RETURN)])
    assert isinstance(app.scene, MenuScene) and app.learner == "Kim"
    assert Records().setting("learner") == "Kim"
    again = start_app(learner=None)
    frames(again, 30)
    assert isinstance(again.scene, MenuScene) and again.learner == "Kim"


def test_the_name_may_be_skipped_and_is_not_asked_again():
    app = start_app(learner=None)
    wait_until(app, lambda: isinstance(app.scene, NameScene))
    frames(app, 1, [key(pygame.K_ESCAPE)])
    assert isinstance(app.scene, MenuScene) and Records().setting("learner") == ""
    again = start_app(learner=None)
    frames(again, 30)
    assert not isinstance(again.scene, NameScene)


def test_without_records_nothing_is_asked_or_offered():
    app = start_app(learner=None, no_records=True)
    frames(app, 30)
    assert app.records is None and isinstance(app.scene, MenuScene) and app.scene.unfinished is None


# -- resuming ---------------------------------------------------------------------------------

def one_choice_then_leave() -> int:
    app = start_app(scenario=str(SMALL))
    frames(app, 1, [key(pygame.K_RETURN)])
    play = app.scene
    for _ in range(100):
        if play.stage == "choose":
            break
        frames(app, 2, [key(pygame.K_SPACE)])
    frames(app, 1, [number_key(1)])
    return play.log.attempt_id


def test_resume_continues_the_last_unfinished_attempt():
    attempt = one_choice_then_leave()
    app = start_app(resume=True)
    play = app.scene
    assert isinstance(play, PlayScene) and play.session.turn == 1
    assert play.log.attempt_id == attempt and play.stage == "choose"
    assert any(line.kind == "you" for line in play.state.transcript.lines), "the transcript is rebuilt"


def test_the_menu_offers_the_unfinished_attempt_and_r_resumes_it():
    one_choice_then_leave()
    app = start_app()
    wait_until(app, lambda: app.scene.loaded)
    assert app.scene.unfinished is not None
    frames(app, 1, [key(pygame.K_r)])
    assert isinstance(app.scene, PlayScene) and app.scene.session.turn == 1


def test_resume_with_nothing_to_resume_opens_the_menu_and_says_so():
    app = start_app(resume=True)
    assert isinstance(app.scene, MenuScene) and "no unfinished attempt" in app.scene.notice


# -- the command line -------------------------------------------------------------------------

def test_a_scenario_that_does_not_load_exits_1_before_any_window(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: x\n", encoding="utf-8")
    assert run_window(make_args(scenario=str(bad))) == 1
    assert "bad.yaml" in capsys.readouterr().err


def test_the_app_can_stop_right_after_the_menus_first_frame(tmp_path):
    env = dict(os.environ, CIRCLE_EXIT_AFTER_FIRST_FRAME="1", CIRCLE_DATA_DIR=str(tmp_path))
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert time.perf_counter() - started < 60


def test_the_idle_screen_rests_and_a_moving_one_runs():
    app = start_app(scenario=str(SMALL))
    frames(app, 1, [key(pygame.K_RETURN)])
    assert app.animating, "the narration is typing"
    play = app.scene
    for _ in range(100):
        if play.stage == "choose":
            break
        frames(app, 2, [key(pygame.K_SPACE)])
    wait_until(app, lambda: not app.animating, limit=600)
    frames(app, 1, [number_key(1)])
    assert app.animating


def test_quit_events_end_the_loop_with_code_0():
    app = start_app()
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert app.run(seconds=5) == 0 and not app.running


def test_no_sound_device_means_silence_never_an_error(monkeypatch):
    def broken(*args, **kwargs):
        raise pygame.error("no audio device")
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", broken)
    sound = audio.Audio(True)
    assert not sound.enabled
    sound.play("good")  # nothing happens, nothing raises


def test_the_window_mapping_puts_a_click_on_the_same_logical_point_in_any_window():
    for size in ((1280, 720), (640, 360), (1000, 1000), (1920, 1080), (700, 300)):
        app = App(make_args(), window_size=size, records=None)
        for logical in ((0, 0), (640, 360), (1279, 719), (100, 600)):
            window = app.viewport.to_window(logical)
            event = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(round(window[0]), round(window[1])), button=1)
            mapped = app._logical(event).pos
            assert abs(mapped[0] - logical[0]) <= 2 and abs(mapped[1] - logical[1]) <= 2, size


def test_demo_mode_plays_the_expert_path_by_itself_to_the_debrief():
    from game.ui.scenes.debrief import DebriefScene

    app = start_app(scenario=str(SMALL), demo=True)
    for _ in range(3000):  # a tenth of a second a frame: the pauses are seconds long
        if isinstance(app.scene, DebriefScene):
            break
        app.step([], 0.1)
    session = app.scene.session
    assert session.ended and all(r.expert is None for r in session.history), "every choice was the expert's"
