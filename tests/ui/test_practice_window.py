"""Deliberate practice in the window: reading the room before the cards (keys and clicks),
trying a missed moment again with hints that step up, and scaffolds that fade by level."""
from __future__ import annotations

import pygame
import pytest

from game.ui.scenes.play import PlayScene, scaffolding
from game.ui.scenes.play import panels
from tests.ui.driver import ROOT, click, frames, key, number_key, start_app

VERDICTS = ROOT / "tests" / "ui" / "scenarios" / "verdicts.yaml"


@pytest.fixture(autouse=True)
def same_text_size():
    """The text size is shared by every screen in the process: leave it as found."""
    from game.ui import fonts
    before = fonts.default.scale_name
    yield
    fonts.set_text_scale(before)


@pytest.fixture
def marked(tmp_path):
    """The verdicts scenario with its first moment marked to read the room (the second not)."""
    text = VERDICTS.read_text(encoding="utf-8").replace("  opening:\n", "  opening:\n    ask: true\n", 1)
    path = tmp_path / "marked.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def playing(scenario, **changes):
    app = start_app(scenario=str(scenario))
    app.change_setting("animations", False)
    for name, value in changes.items():
        app.change_setting(name, value)
    frames(app, 1, [key(pygame.K_RETURN)])     # the briefing's Start
    play = app.scene
    assert isinstance(play, PlayScene)
    through_lines(app, play)
    return app, play


def through_lines(app, play) -> None:
    for _ in range(100):
        if play.stage != "lines":
            return
        frames(app, 1, [key(pygame.K_SPACE)])


def read(app, play, stance_key=pygame.K_l) -> None:
    frames(app, 2, [key(stance_key), key(pygame.K_RETURN)])   # the stance, then Done
    assert play.stage == "reveal"
    frames(app, 2, [key(pygame.K_RETURN)])                    # the reveal read: the cards
    assert play.stage == "choose"


def missed_card(play) -> int:
    return next(c.shown for c in play.session.shown_choices if c.quality in ("poor", "harmful"))


def choose(app, play, shown: int) -> None:
    frames(app, 2, [number_key(shown)])
    through_lines(app, play)


# -- reading the room -------------------------------------------------------------------------

def test_a_marked_moment_asks_before_the_cards_and_an_unmarked_one_does_not(marked):
    app, play = playing(marked)
    assert play.stage == "ask" and not any(name.startswith("choice:") for name in play.state.frame.drawn)
    frames(app, 2, [number_key(1)])              # a number names a member here, never takes a card
    assert play.session.turn == 0 and play.state.asking.member is not None
    read(app, play)
    assert any(name.startswith("choice:") for name in play.state.frame.drawn)
    choose(app, play, missed_card(play))
    assert play.session.node_id == "after" and play.stage == "choose"


def test_l_then_enter_records_a_lead_reading_and_the_reveal_shows_the_models(marked):
    app, play = playing(marked)
    frames(app, 2, [key(pygame.K_f), key(pygame.K_l), key(pygame.K_RETURN)])   # F, then L wins
    reading = play.session.readings[-1]
    assert reading.stance == "lead" and reading.member is None
    assert play.stage == "reveal" and play.state.asking.reading is reading
    assert "reveal:ok" in play.state.frame.drawn


def test_enter_before_a_stance_records_nothing_and_says_why(marked):
    app, play = playing(marked)
    frames(app, 2, [key(pygame.K_RETURN)])
    assert play.stage == "ask" and play.session.readings == []


def test_clicking_a_member_in_the_circle_names_them_and_the_mouse_alone_can_read(marked):
    app, play = playing(marked)
    ben = play.state.circle.figure("ben")
    frames(app, 2, click(app, ben.body_rect().center))
    assert play.state.asking.member == "ben" and play.state.circle.targets == frozenset({"ben"})
    frames(app, 2, click(app, play.controls.get("ask:follow").rect.center))
    frames(app, 2, click(app, play.controls.get("ask:done").rect.center))
    reading = play.session.readings[-1]
    assert (reading.stance, reading.member) == ("follow", "ben")
    assert reading.member_matched is True and reading.stance_matched is False
    frames(app, 2, click(app, play.controls.get("reveal:ok").rect.center))
    assert play.stage == "choose"


def test_tab_walks_the_prompt_in_reading_order(marked):
    app, play = playing(marked)
    frames(app, 5)          # the prompt's region is drawn (its controls are what it drew)
    seen = []
    for _ in range(4):
        frames(app, 1, [key(pygame.K_TAB)])
        seen.append(play.controls.focused)
    assert seen[:2] == ["ask:lead", "ask:follow"] and seen[2].startswith("ask:member:")
    frames(app, 2, [key(pygame.K_TAB, pygame.KMOD_SHIFT)] * 3 + [key(pygame.K_SPACE)])
    assert play.state.asking.stance == "lead"


def test_meters_and_thoughts_stay_hidden_while_reading_even_when_turned_on(marked):
    app, play = playing(marked, meters=True, inner_state=True, scaffolds="beginner")
    assert play.stage == "ask"
    tools = play.tools()
    assert not scaffolding.meters_shown(play.state, tools) and not scaffolding.thoughts_shown(play.state, tools)
    frames(app, 5)
    assert play.state.frame.drawn["meters"].height < play.layout.meters.height, "the Show meters button, not the meters"
    assert not play.state.circle.inner
    frames(app, 2, [key(pygame.K_m)])
    assert app.settings.meters, "M while reading only explains; it changes no setting"
    read(app, play)
    assert scaffolding.meters_shown(play.state, play.tools()) and play.state.circle.inner


def test_every_moment_asks_when_the_setting_says_so():
    app, play = playing(VERDICTS, ask="every")
    assert play.session.ask_every and play.stage == "ask"
    assert play.session.play_settings["ask"] == "every"
    read(app, play)
    choose(app, play, missed_card(play))
    assert play.stage == "ask"


# -- trying a moment again ----------------------------------------------------------------------

def test_r_after_a_miss_retries_and_the_hints_step_up():
    app, play = playing(VERDICTS)
    session = play.session
    for level in (1, 2, 3):
        frames(app, 8, [number_key(missed_card(play))])   # the room answers; the coach's note shows
        assert play.stage == "lines" and session.can_retry and "retry" in play.state.frame.drawn
        frames(app, 2, [key(pygame.K_r)])
        through_lines(app, play)
        assert play.stage == "choose" and session.turn == 0 and session.node_id == "opening"
        assert [h.kind for h in play.state.hints] == ["cue", "concept", "model"][:level]
        assert not any(line.kind == "you" for line in play.state.transcript.lines), "the taken-back choice is not shown as made"
    model = play.state.hints[-1]
    assert model.shown == session.recommended().shown


def test_the_model_answer_card_is_marked(monkeypatch):
    app, play = playing(VERDICTS)
    for _ in range(3):
        choose(app, play, missed_card(play))
        frames(app, 2, [key(pygame.K_r)])
        through_lines(app, play)
    marked = []
    from game.ui.scenes.play import cards
    monkeypatch.setattr(cards, "_mark_model_answer", lambda layer, rect, tools: marked.append(rect))
    play.state.frame.dirty.add("choices")
    frames(app, 3)
    wanted = play.state.hints[-1].shown
    assert marked == [play.controls.get(f"choice:{wanted}").rect]


def test_r_after_a_met_verdict_does_nothing():
    app, play = playing(VERDICTS)
    best = play.session.recommended().shown
    choose(app, play, best)
    turn = play.session.turn
    frames(app, 2, [key(pygame.K_r)])
    assert play.session.turn == turn and play.session.tries == []


# -- scaffolds ----------------------------------------------------------------------------------

@pytest.mark.parametrize("setting, meters_choosing, thoughts_choosing, thoughts_after", [
    ("beginner", True, True, True),
    ("intermediate", True, False, True),
    ("advanced", False, False, False),
])
def test_scaffolds_hide_what_their_level_hides(setting, meters_choosing, thoughts_choosing, thoughts_after):
    app, play = playing(VERDICTS, scaffolds=setting, meters=True, inner_state=True)
    state, tools = play.state, play.tools()
    assert state.stage == "choose"
    assert scaffolding.meters_shown(state, tools) == meters_choosing
    assert scaffolding.thoughts_shown(state, tools) == thoughts_choosing
    assert state.circle.inner == thoughts_choosing
    assert play.session.play_settings["scaffolds"] == {"level": setting, "set_by": "settings"}
    frames(app, 2, [number_key(missed_card(play))])       # the choice is made: the room answers
    assert scaffolding.thoughts_shown(state, play.tools()) == thoughts_after


def test_the_scenario_level_sets_the_scaffolds_unless_the_setting_overrides(monkeypatch):
    app, play = playing(VERDICTS, meters=True)
    level = play.session.scenario.level.value
    assert play.session.play_settings["scaffolds"] == {"level": level, "set_by": "scenario"}
    app.change_setting("scaffolds", "advanced")
    assert play.session.play_settings["scaffolds"] == {"level": "advanced", "set_by": "settings"}
    drawn = []
    monkeypatch.setattr(panels, "_draw_meters", lambda *args: drawn.append(args))
    play.state.frame.dirty.add("top")
    frames(app, 3)
    assert drawn == [], "advanced: the meters are not drawn while choosing"


def test_m_at_advanced_level_explains_instead_of_showing():
    app, play = playing(VERDICTS, scaffolds="advanced")
    frames(app, 2, [key(pygame.K_m)])
    assert not app.settings.meters
    words = [toast.text for toast in play.state.effects.toasts.toasts]
    assert any("until the debrief" in w and "Settings" in w for w in words)


def test_a_key_said_after_tabbing_leaves_enter_to_mean_done(marked):
    """Tab onto FOLLOW, then L and Enter (what the prompt says): the reading is LEAD, made."""
    app, play = playing(marked)
    frames(app, 5)
    frames(app, 2, [key(pygame.K_TAB), key(pygame.K_TAB)])
    assert play.controls.focused == "ask:follow"
    frames(app, 2, [key(pygame.K_l), key(pygame.K_2), key(pygame.K_RETURN)])
    assert play.stage == "reveal"
    assert (play.session.readings[-1].stance, play.session.readings[-1].member) == ("lead", "ben")


def test_a_beginner_attempt_opens_with_meters_and_thoughts_on_and_stores_nothing():
    from tests.ui.driver import SMALL
    app, play = playing(SMALL)
    assert play.session.scenario.level.value == "beginner" and play.stage == "choose"
    assert scaffolding.meters_shown(play.state, play.tools()) and scaffolding.thoughts_shown(play.state, play.tools())
    assert not app.store.stored.meters and not app.store.stored.inner_state


def test_an_intermediate_attempt_opens_as_the_learner_left_the_toggles():
    app, play = playing(VERDICTS)
    assert not app.settings.meters and not app.settings.inner_state


def test_a_classroom_takes_its_choice_past_the_prompt_without_a_reading_on_screen(marked):
    from game.ui.scenes.play.classroom import SceneDriver
    app, play = playing(marked)
    assert play.stage == "ask"
    SceneDriver(play).take(missed_card(play))
    assert play.session.turn == 1 and play.session.readings == []


def test_r_while_the_next_moment_asks_tries_the_missed_one_again_without_asking_twice():
    app, play = playing(VERDICTS, ask="every")
    read(app, play)
    choose(app, play, missed_card(play))
    assert play.stage == "ask" and play.session.node_id == "after"
    frames(app, 2, [key(pygame.K_r)])
    through_lines(app, play)
    assert play.session.node_id == "opening" and play.stage == "choose", "read once per moment"
    assert [h.kind for h in play.state.hints] == ["cue"] and len(play.session.readings) == 1


@pytest.mark.parametrize("text_size", ["normal", "presenter"])
def test_the_prompt_and_the_reveal_fit_their_place_at_every_text_size(marked, text_size):
    app, play = playing(marked, text_size=text_size)
    frames(app, 5)
    place = play.layout.choices

    def drawn(prefix):
        return {name: rect for name, rect in play.state.frame.drawn.items() if name.startswith(prefix)}

    prompt = drawn("ask:")
    assert {"ask:lead", "ask:follow", "ask:done"} <= set(prompt) and len(prompt) == 3 + 3   # and a name per member
    rects = list(prompt.values())
    assert all(place.contains(rect) for rect in rects)
    assert not any(a.colliderect(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    frames(app, 2, [key(pygame.K_l), key(pygame.K_RETURN)])
    frames(app, 5)
    assert place.contains(drawn("reveal:")["reveal:ok"])


def test_play_flags_ask_every_and_scaffolds_hold_in_the_window_for_the_run():
    app = start_app(scenario=str(VERDICTS), ask_every=True, scaffolds="advanced")
    app.change_setting("animations", False)
    frames(app, 1, [key(pygame.K_RETURN)])
    play = app.scene
    through_lines(app, play)
    assert play.stage == "ask" and play.session.ask_every
    assert play.session.play_settings == {"scaffolds": {"level": "advanced", "set_by": "settings"}, "ask": "every"}
    assert app.store.stored.ask == "marked" and app.store.stored.scaffolds == "by-level"


@pytest.mark.parametrize("argv, words", [
    (["--retry", "0"], "from 1 to 9"),
    (["--node", "done", "--retry", "1"], "offers no choice"),
    (["--reading", "lead", "--reading-member", "nobody"], "no member 'nobody'"),
])
def test_screenshot_practice_flags_refuse_what_cannot_be_shown(argv, words, tmp_path, capsys):
    from game import cli
    out = tmp_path / "x.png"
    assert cli.main(["screenshot", str(VERDICTS), "--out", str(out)] + argv) == 1
    assert words in capsys.readouterr().err and not out.exists()


def test_screenshot_retry_renders_the_retried_moment(tmp_path):
    import subprocess
    import sys
    out = tmp_path / "retry.png"
    done = subprocess.run([sys.executable, "main.py", "screenshot", str(VERDICTS), "--retry", "2", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert out.stat().st_size > 0 and "node 'opening', turn 0" in done.stdout
