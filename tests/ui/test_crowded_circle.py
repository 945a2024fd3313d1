"""A full circle on a projector: name tags, speech bubbles and hints keep out of each other's way."""
from __future__ import annotations

import pygame
import pytest

from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.play import speech
from game.ui.scenes.play.drawing import space_hint_rect
from game.ui.scenes.play.focus import next_button_rect
from game.ui.scenes.play.panels import circle_buttons
from tests.ui.driver import ROOT, frames, key, start_app

CROWDED = ["chronic-pain", "grief-week3", "recovery-storming", "termination"]   # seven or eight members
LINE = "I keep thinking about what you said last week, and I am not sure I agree with it at all."


def play_scene(scenario: str, presenter: bool = True) -> PlayScene:
    app = start_app(scenario=str(ROOT / "scenarios" / f"{scenario}.yaml"), presenter=presenter,
                    learner=None, no_records=True)
    frames(app, 1, [key(pygame.K_RETURN)])
    frames(app, 2)
    assert isinstance(app.scene, PlayScene)
    return app.scene


@pytest.mark.parametrize("scenario", CROWDED)
def test_no_speech_bubble_covers_a_name_tag_or_the_floor_buttons(scenario):
    play = play_scene(scenario)
    buttons = list(circle_buttons(play.layout, play.text).values())
    for figure in play.state.circle.figures:
        tags = play.state.circle.label_rects(speaker=figure.member_id)
        bubble = speech.bubble_for(play.state, play.tools(), LINE, figure.member_id).rect()
        assert bubble.collidelist(tags) < 0, f"{figure.name}'s line covers a name tag"
        assert bubble.collidelist(buttons) < 0, f"{figure.name}'s line covers Undo or Pause"
        assert play.play.circle.contains(bubble)


@pytest.mark.parametrize("scenario", CROWDED)
def test_every_name_tag_is_whole_inside_the_circle_at_presenter_size(scenario):
    play = play_scene(scenario)
    for figure in play.state.circle.figures:
        assert play.play.circle.contains(play.state.circle.label_rect(figure, talking=True)), figure.name


@pytest.mark.parametrize("presenter", [False, True])
def test_the_space_hint_by_next_never_runs_into_a_name_tag(presenter):
    play = play_scene("chronic-pain", presenter=presenter)
    for inner in (False, True):
        play.state.circle.inner = inner
        button = next_button_rect(play.layout, play.text)
        size = play.text.render("Space", "small", play.palette.muted).get_size()
        hint = space_hint_rect(play.state, button, size)
        reach = 22 if inner else 0
        tags = [tag.union(tag.move(0, reach)) for tag in play.state.circle.label_rects(play.state.circle.speaker)]
        if not presenter:
            assert hint is not None, "at the normal size there is room for the hint"
        if hint is not None:
            assert hint.collidelist(tags) < 0 and not hint.colliderect(button)


def test_the_briefing_summary_never_steps_below_the_small_text_size():
    app = start_app(scenario=str(ROOT / "scenarios" / "chronic-pain.yaml"), presenter=True,
                    learner=None, no_records=True)
    briefing = app.scene
    assert isinstance(briefing, BriefingScene)
    area = pygame.Rect(0, 0, 560, 200)   # far too small for it all: it must scroll, not shrink
    size, spare = briefing._about_size(area)
    assert size == "small" and spare > 0


@pytest.mark.parametrize("scenario", ["teen-anxiety", "chronic-pain"])
def test_inner_state_bars_sit_by_their_own_name_tag_inside_the_floor(scenario):
    from game.ui.scenes.play.circle import BARS

    play = play_scene(scenario, presenter=False)
    tags = play.state.circle.label_rects()
    for figure, tag in zip(play.state.circle.figures, tags):
        x, top = play.state.circle._bars_at(figure, tag)
        bars = pygame.Rect(0, 0, *BARS)
        bars.midtop = (x, top)
        assert play.play.circle.contains(bars), figure.name
        assert bars.collidelist(tags) < 0, f"{figure.name}'s bars cover a name tag"
        gap = max(tag.top - bars.bottom, bars.top - tag.bottom, tag.left - bars.right, bars.left - tag.right)
        assert gap <= 6, f"{figure.name}'s bars are away from the name they belong to"


def test_briefing_cards_show_every_whole_name_at_presenter_size():
    from game.scenario import load_path
    from game.ui import fonts
    from game.ui.scenes.briefing import _name_that_fits

    text = fonts.TextCache(scale="presenter")
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        for member in load_path(path).scenario.members:
            shown, _ = _name_that_fits(text, member, 220)   # a card's heading width at 1280x720
            assert shown.startswith(member.name), f"{member.name} is cut to {shown!r}"
