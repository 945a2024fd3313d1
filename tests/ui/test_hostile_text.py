"""Text that could crash or stall the window does neither: what is typed, what a file says.

SDL_ttf refuses a NUL, a string of only zero-width characters and a lone surrogate, and
measures any length in one go. The validator will reject such text in files; the window is
robust anyway, because a learner's own scenario folder and keyboard are not the validator's.
"""
from __future__ import annotations

import time

import pygame
import pytest
import yaml

from game.scenario import load_path
from game.ui import fonts, printable
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.jump_picker import MAX_QUERY, JumpScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.name import MAX_LENGTH, NameScene
from game.ui.scenes.play import PlayScene
from tests.ui.driver import SMALL, frames, key, number_key, start_app, wait_until

HOSTILE = ["\x00", "a\x00b", "\u200b", "\u200b\u200b", "\u202e", "\u202eevil", "\ufeff", "\u2028", "\ud800",
           "\x1b[31m", "\u00ad", "", " ", "\u0301"]


def typing(text: str) -> pygame.event.Event:
    return pygame.event.Event(pygame.TEXTINPUT, text=text)


@pytest.mark.parametrize("words", HOSTILE, ids=[repr(w) for w in HOSTILE])
def test_text_the_renderer_refuses_is_drawn_as_nothing_rather_than_raising(words):
    surface = fonts.render(words, "body", (0, 0, 0))
    assert surface.get_height() == fonts.line_height("body")
    assert fonts.default.width(words, "body") >= 0
    assert isinstance(fonts.wrap(words, "body", 200, max_lines=2), list)


def test_a_very_long_line_renders_no_wider_than_any_canvas_could_use():
    surface = fonts.render("W" * 100_000, "body", (0, 0, 0))
    assert surface.get_width() < 20 * printable.MAX_LINE


def test_wrapping_half_a_million_characters_takes_milliseconds():
    started = time.perf_counter()
    fonts.wrap("x" * 500_000, "body", 300)
    fonts.wrap("word " * 100_000, "small", 300, max_lines=3)
    assert time.perf_counter() - started < 0.5


def test_typed_text_keeps_no_controls_no_invisible_characters_and_no_more_than_the_field_holds():
    assert printable.appended("Tess", "\x00\u202e\u200b\n\t!", 40) == "Tess  !"
    assert printable.appended("", "x" * 10_000, 40) == "x" * 40
    assert not printable.visible("\u200b\u200b ")


def test_the_name_screen_takes_hostile_typing_and_saves_a_clean_name():
    app = start_app()
    wait_until(app, lambda: isinstance(app.scene, MenuScene) and app.scene.loaded)
    if not isinstance(app.scene, NameScene):
        app.push(NameScene(app))
    name = app.scene
    for text in HOSTILE + ["Te", "ss", "y" * 5000]:
        frames(app, 1, [typing(text)])
    assert name.name == printable.typed(name.name) and len(name.name) == MAX_LENGTH
    assert name.name.startswith("Tessabevil"), "the learner name given is kept; NUL and U+202E are not"
    frames(app, 2, [key(pygame.K_RETURN)])
    assert app.learner.startswith("Te") and "\x00" not in app.learner


def test_the_jump_picker_takes_hostile_typing():
    app = start_app(scenario=str(SMALL))
    frames(app, 1, [key(pygame.K_RETURN)])
    play = app.scene
    frames(app, 1, [key(pygame.K_g)])
    picker = app.scene
    assert isinstance(picker, JumpScene)
    for text in HOSTILE + ["z" * 100_000]:
        frames(app, 1, [typing(text)])
    assert picker.query == printable.typed(picker.query) and len(picker.query) <= MAX_QUERY
    frames(app, 2, [key(pygame.K_BACKSPACE)] * 200 + [typing("\u202e"), key(pygame.K_ESCAPE)])
    assert app.scene is play


def hostile_small():
    """small.yaml as a file could give it before the validator knew better: invisible names, a NUL
    in the narration, a title of zero-width spaces, and a choice half a million characters long."""
    scenario = load_path(SMALL).scenario
    scenario.title = "\u200b\u200b"
    scenario.members[0].name = "\u200b"
    scenario.members[1].name = "\u202e\x00"
    scenario.nodes["opening"].narration = "Six\x00 chairs.\u2028"
    scenario.nodes["opening"].choices[1].text = "Stay quiet. " + "x" * 500_000
    return scenario


def test_a_scenario_with_invisible_names_a_nul_and_a_huge_choice_plays_without_stalling():
    app = start_app()
    app.show(BriefingScene(app, hostile_small(), ""))
    frames(app, 2)
    frames(app, 1, [key(pygame.K_RETURN)])
    play = app.scene
    assert isinstance(play, PlayScene)
    started = time.perf_counter()
    for _ in range(200):
        if play.stage != "lines":
            break
        frames(app, 3, [key(pygame.K_SPACE)])
    assert play.stage == "choose"
    frames(app, 10)
    assert time.perf_counter() - started < 5, "the half-million-character card is measured in bounded time"
    huge = next(o.shown for o in play.offered if len(o.choice.text) > 1000)
    frames(app, 2, [number_key(huge)])
    wait_until(app, lambda: play.stage != "react")
    frames(app, 1, [key(pygame.K_m), key(pygame.K_t), key(pygame.K_l), key(pygame.K_g)])
    frames(app, 3)


def test_the_menu_lists_files_with_invisible_or_nul_text_in_the_learners_folder(tmp_path):
    from game.records import data_dir

    folder = data_dir() / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    data = yaml.safe_load(SMALL.read_text(encoding="utf-8"))
    for name, change in {"zw-title": ("title", "\u200b"), "nul-summary": ("summary", "a\x00b"),
                         "rlo-focus": ("focus", "\u202e")}.items():
        data_copy = dict(data, id=name)
        data_copy[change[0]] = change[1]
        (folder / f"{name}.yaml").write_text(yaml.safe_dump(data_copy, allow_unicode=True), encoding="utf-8")
    (folder / "zw-member.yaml").write_text(SMALL.read_text(encoding="utf-8").replace(
        "name: Ana", 'name: "\\u200b"').replace("id: small-test", "id: zw-member"), encoding="utf-8")
    app = start_app()
    menu = app.scenes[0]
    wait_until(app, lambda: menu.loaded)
    frames(app, 2, [key(pygame.K_ESCAPE)] if app.scene is not menu else [])   # the name prompt, if asked
    frames(app, 3, [key(pygame.K_END), key(pygame.K_PAGEDOWN)])
    assert {"zw-title.yaml", "nul-summary.yaml", "rlo-focus.yaml", "zw-member.yaml"} <= {e.path.name for e in menu.entries}
    for entry in menu.entries:
        assert printable.visible(entry.title)


def test_the_menu_draws_a_loaded_scenario_whose_title_and_summary_cannot_be_rendered():
    app = start_app()
    menu = app.scenes[0]
    wait_until(app, lambda: menu.loaded)
    entry = next(e for e in menu.entries if e.ok)
    entry.scenario = hostile_small()
    entry.scenario.summary, entry.scenario.focus = "a\x00b", "\u202e"
    assert entry.title == entry.path.name, "a title with nothing visible shows the file's name"
    menu.needs_redraw = True
    frames(app, 2)
