"""Presenter tools on the play screen: the timeline and its rewind, the Compare overlay, the jump
picker, and the demo that plays by itself with pauses long enough to talk over."""
from __future__ import annotations

import pygame

from game.records import Records
from game.ui.layout import play_layout
from game.ui.scenes import compare as compare_module
from game.ui.scenes.compare import CompareScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.jump_picker import JumpScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.play.timeline import pointed_step
from game.ui.widgets import verdict_role
from tests.ui.driver import SMALL, click, frames, key, number_key, start_app

ISLAND = "  island:\n    narration: Nobody gets here.\n    ending: {outcome: stalled, text: Alone.}\n"


def to_choices(app, play) -> None:
    for _ in range(60):
        if play.stage != "lines":
            break
        frames(app, 1, [key(pygame.K_SPACE)])
    assert play.stage in ("choose", "ended")


def playing(scenario=SMALL, **overrides):
    """The play screen, the timeline on, nothing animated (each step lands at once)."""
    app = start_app(scenario=str(scenario), **overrides)
    app.change_setting("animations", False)
    if not app.settings.timeline:
        app.change_setting("timeline", True)
    frames(app, 1, [key(pygame.K_RETURN)])
    play = app.scene
    assert isinstance(play, PlayScene)
    to_choices(app, play)
    return app, play


def choose(app, play, shown: int) -> None:
    """The card shown as `shown` (each node of small.yaml has one lead then one follow, so the
    number shown is the number written, which the records keep)."""
    frames(app, 1, [number_key(shown)])
    to_choices(app, play)


def marker(app, play, turn: int):
    """The marker's rect, once the strip has been drawn (panels are redrawn a few a frame)."""
    for _ in range(10):
        if play.controls.get(f"mark:{turn}") is not None:
            return play.controls.get(f"mark:{turn}").rect
        frames(app, 1)
    raise AssertionError(f"no marker for decision {turn}")


def recorded_choices() -> list[int]:
    return Records().attempts("Tess", "small-test")[-1].choices


# -- the timeline ---------------------------------------------------------------------------

def test_presenter_mode_shows_the_timeline_and_l_toggles_it():
    app = start_app(scenario=str(SMALL), presenter=True)
    frames(app, 1, [key(pygame.K_RETURN)])
    play = app.scene
    assert app.settings.timeline and play.play.timeline is not None
    with_strip = play.play.circle.height
    frames(app, 1, [key(pygame.K_l)])
    assert not app.settings.timeline and play.play.timeline is None
    assert play.play.circle.height > with_strip, "the circle takes the strip's room back"
    assert not any(c.name.startswith("mark:") for c in play.controls.items)


def test_the_timeline_strip_fits_under_the_circle_at_every_text_size():
    from game.ui import fonts
    for scale in fonts.SCALES:
        layout = play_layout(fonts.TextCache(scale=scale), timeline=True)
        assert layout.timeline.top > layout.circle.bottom and layout.timeline.bottom <= layout.choices.top
        assert layout.timeline.left == layout.circle.left and layout.timeline.width == layout.circle.width


def test_every_decision_gets_a_marker_that_says_its_stance_and_whether_it_met_the_need():
    app, play = playing()
    choose(app, play, 1)
    choose(app, play, 1)
    marker(app, play, 2)
    frames(app, 2)
    marks = sorted(c.name for c in play.controls.items if c.name.startswith("mark:"))
    assert marks == ["mark:1", "mark:2"]
    for reaction in play.session.history:
        rect = play.controls.get(f"mark:{reaction.turn}").rect
        assert play.play.timeline.contains(rect)
        role = app.palette[verdict_role(reaction.verdict)]   # a tick only for met
        disc = (rect.right - 15, rect.centery - 6)   # the disc's top, above the tick or cross on it
        assert app.canvas.get_at(disc)[:3] == role


def test_a_click_on_a_marker_rewinds_to_just_before_that_decision_and_records_it():
    app, play = playing()
    choose(app, play, 1)
    choose(app, play, 1)
    assert play.session.ended and recorded_choices() == [1, 1]
    frames(app, 2, click(app, marker(app, play, 2).center))
    assert play.session.turn == 1 and play.session.node_id == "middle" and play.stage == "choose"
    assert recorded_choices() == [1], "the rewind is written to the attempt's record"
    assert [s.text for s in play.state.kept.steps] == ["Thank Ana and open a round.", "Ben, you have been quiet."]
    choose(app, play, 2)
    assert play.session.choice_numbers == [1, 2] and recorded_choices() == [1, 2]


def test_the_keyboard_reaches_a_marker_and_enter_rewinds():
    app, play = playing()
    choose(app, play, 1)
    frames(app, 2)
    for _ in range(30):
        if play.controls.focused == "mark:1":
            break
        frames(app, 1, [key(pygame.K_TAB)])
    assert play.controls.focused == "mark:1", "Tab reaches the timeline"
    assert pointed_step(play.state).turn == 1, "the focused marker's words show in its tip"
    frames(app, 2, [key(pygame.K_RETURN)])
    assert play.session.turn == 0 and play.session.node_id == "opening" and play.stage == "choose"


# -- compare ----------------------------------------------------------------------------------

def test_compare_shows_the_branch_left_and_this_one_side_by_side(monkeypatch):
    drawn = []
    real = compare_module.draw_line_chart

    def spy(surface, rect, series, *args, **kwargs):
        drawn.append((rect.copy(), {k: list(v) for k, v in series.items()}, kwargs.get("turns")))
        return real(surface, rect, series, *args, **kwargs)

    monkeypatch.setattr(compare_module, "draw_line_chart", spy)
    app, play = playing()
    choose(app, play, 1)
    choose(app, play, 1)
    frames(app, 2, click(app, marker(app, play, 1).center))
    choose(app, play, 2)                              # another choice where the first was made
    frames(app, 2, [key(pygame.K_c)])
    overlay = app.scene
    assert isinstance(overlay, CompareScene)
    assert overlay.shared == 0
    assert overlay.left.differed(0) != overlay.right.differed(0)
    assert "Thank Ana" in overlay.left.differed(0) and "Stay quiet" in overlay.right.differed(0)
    (left, left_series, turns_a), (right, right_series, turns_b) = drawn[-2:]
    assert left.right <= right.left, "two charts, side by side"
    assert set(left_series) == set(right_series) == {"Cohesion", "Engagement", "Conflict"}
    assert len(left_series["Cohesion"]) == len(overlay.left.steps) + 1
    assert len(right_series["Cohesion"]) == len(overlay.right.steps) + 1
    assert turns_a == turns_b, "both on one scale"
    frames(app, 1, [key(pygame.K_c)])
    assert app.scene is play


def test_compare_with_nothing_left_behind_says_how_to_get_a_branch():
    app, play = playing()
    choose(app, play, 1)
    frames(app, 1, [key(pygame.K_c)])
    assert app.scene is play and "go back to a decision" in play.state.effects.toasts.toasts[-1].text


# -- jump ---------------------------------------------------------------------------------------

def test_g_lists_the_nodes_typing_filters_and_enter_jumps_by_the_shortest_path():
    app, play = playing()
    frames(app, 1, [key(pygame.K_g)])
    picker = app.scene
    assert isinstance(picker, JumpScene)
    assert picker.matches() == list(play.session.scenario.nodes)
    frames(app, 1, [pygame.event.Event(pygame.TEXTINPUT, text="midd")])
    assert picker.matches() == ["middle"]
    frames(app, 2, [key(pygame.K_RETURN)])
    assert app.scene is play
    assert play.session.node_id == "middle" and play.session.choice_numbers == [1] and play.stage == "choose"
    assert recorded_choices() == [1]


def test_a_node_no_path_reaches_is_marked_and_shown_with_the_starting_group(tmp_path):
    island = tmp_path / "island.yaml"
    island.write_text(SMALL.read_text(encoding="utf-8") + ISLAND, encoding="utf-8")
    app, play = playing(island)
    frames(app, 1, [key(pygame.K_g)])
    picker = app.scene
    assert picker.how_far("island").startswith("no path found")
    assert picker.how_far("middle") == "1 choice away"
    for letter in "isl":
        frames(app, 1, [pygame.event.Event(pygame.TEXTINPUT, text=letter)])
    frames(app, 1, [key(pygame.K_BACKSPACE)])
    assert picker.query == "is"
    row = picker.row_rect(picker.matches().index("island"))
    frames(app, 2, click(app, row.center))
    assert play.session.node_id == "island" and play.session.turn == 0
    assert "No path of choices reaches 'island'" in play.state.effects.toasts.toasts[-1].text


def test_esc_closes_the_picker_without_moving():
    app, play = playing()
    frames(app, 1, [key(pygame.K_g)])
    frames(app, 1, [key(pygame.K_ESCAPE)])
    assert app.scene is play and play.session.node_id == "opening"


# -- the demo -----------------------------------------------------------------------------------

def demo_play(**overrides):
    app = start_app(scenario=str(SMALL), demo=True, **overrides)
    for _ in range(400):
        if isinstance(app.scene, PlayScene):
            break
        app.step([], 0.1)
    return app, app.scene


def test_the_demo_holds_every_moment_long_enough_to_talk_over_and_reaches_the_debrief():
    app, play = demo_play()
    moments, t, last = [], 0.0, None
    while not isinstance(app.scene, DebriefScene) and t < 300:
        app.step([], 0.1)
        t += 0.1
        if not isinstance(app.scene, PlayScene):
            continue
        now = (play.session.turn, play.state.line_index, play.stage == "react")   # what holds the eye
        if now != last:
            moments.append(t)
            last = now
    assert isinstance(app.scene, DebriefScene), "the demo reaches the debrief by itself"
    assert all(r.expert is None for r in play.session.history), "it takes the expert's choices"
    gaps = [b - a for a, b in zip(moments, moments[1:])]
    assert len(gaps) > 5 and min(gaps) >= 2.0, gaps


def test_space_moves_the_demo_on_early_and_esc_hands_over_the_controls():
    app, play = demo_play()
    for _ in range(600):
        if play.stage == "choose":
            break
        app.step([], 0.1)
    assert play.stage == "choose"
    frames(app, 2, [key(pygame.K_SPACE)])
    assert play.session.turn == 1, "Space: the expert's choice is taken now"
    frames(app, 1, [key(pygame.K_ESCAPE)])
    assert not play.state.demo.on and app.scene is play, "Esc stops the demo; it does not pause"
    turn = play.session.turn
    for _ in range(600):
        app.step([], 0.1)
    assert play.session.turn == turn and isinstance(app.scene, PlayScene), "nothing moves by itself now"
