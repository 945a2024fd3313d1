"""No answer key in the layout: the cards come in the attempt's shown order, numbered as shown,
and a key or a click takes the card under that number. Each attempt has its own seed unless
--seed gives one; the demo finds the expert by what it is; skill names wait for the choice
above beginner level."""
from __future__ import annotations

import pygame
import pytest

from game.engine import Session
from game.scenario import load_path
from game.ui import attempts
from game.ui.scenes.play import cards as panels
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.play import PlayScene
from game.ui.settings import Settings, skill_names_before
from game.ui.widgets.card import Card
from tests.ui.driver import ROOT, SMALL, click, frames, key, number_key, start_app, wait_until

VERDICTS = ROOT / "tests" / "ui" / "scenarios" / "verdicts.yaml"
SEEDS = [0, 1, 2, 3, 7, 41]


def to_choices(app, play) -> None:
    for _ in range(100):
        if play.stage != "lines":
            break
        frames(app, 1, [key(pygame.K_SPACE)])
    assert play.stage in ("choose", "ended")


def playing(scenario=VERDICTS, seed=0, animations=False, **changes):
    app = start_app(scenario=str(scenario), seed=seed)
    app.change_setting("animations", animations)
    for name, value in changes.items():
        app.change_setting(name, value)
    frames(app, 1, [key(pygame.K_RETURN)])
    play = app.scene
    assert isinstance(play, PlayScene)
    to_choices(app, play)
    return app, play


class DrawnCards:
    """Records every card the choices region draws: (number on it, words, skill tag)."""

    def __init__(self, monkeypatch):
        self.cards = []
        seen = self.cards

        class Recording(Card):
            def draw(self, *args, **kwargs):
                seen.append((self.number, self.text, self.skill))
                super().draw(*args, **kwargs)

        monkeypatch.setattr(panels, "Card", Recording)

    def redraw(self, app, play) -> list:
        self.cards.clear()
        play.state.frame.dirty.add("choices")
        frames(app, 2)
        return list(self.cards)


def test_some_seed_shows_the_choices_in_another_order_than_written():
    orders = {tuple(c.number for c in Session(load_path(VERDICTS).scenario, seed=s).shown_choices) for s in SEEDS}
    assert len(orders) > 1, "the seeds under test would not tell shown order from written order"


@pytest.mark.parametrize("seed", SEEDS)
def test_the_cards_are_laid_out_and_numbered_in_the_shown_order(seed, monkeypatch):
    drawn = DrawnCards(monkeypatch)
    app, play = playing(seed=seed)
    shown = play.session.shown_choices
    assert [c.index for c in play.offered] == [c.index for c in shown]
    assert [c.shown for c in shown] == list(range(1, len(shown) + 1))
    cards = drawn.redraw(app, play)
    assert sorted(cards) == sorted((c.shown, c.choice.text, None) for c in shown), "each card wears its shown number"
    placed = panels.choice_cards(play.layout, play.offered, play.text, panels.skills_before(play.state, play.tools()))
    leads = [(rect.y, o.shown) for o, rect in placed if o.stance == "lead"]
    follows = [(rect.y, o.shown) for o, rect in placed if o.stance != "lead"]
    assert [n for _, n in sorted(leads)] == sorted(n for _, n in leads), "top to bottom in shown order"
    assert [n for _, n in sorted(follows)] == sorted(n for _, n in follows)
    assert not leads or not follows or max(n for _, n in leads) < min(n for _, n in follows), "lead first"
    for offered, rect in placed:
        assert play.controls.get(f"choice:{offered.shown}").rect == rect


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_each_number_key_takes_the_card_shown_under_that_number(seed):
    app, play = playing(seed=seed)
    shown = list(play.session.shown_choices)
    for offered in shown:
        frames(app, 1, [number_key(offered.shown)])
        assert play.session.history[-1].offered.index == offered.index
        assert play.session.history[-1].offered.shown == offered.shown
        frames(app, 1, [key(pygame.K_BACKSPACE)])
        to_choices(app, play)
        assert play.session.turn == 0


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_a_click_takes_the_card_it_lands_on(seed):
    app, play = playing(seed=seed)
    for offered in list(play.session.shown_choices):
        frames(app, 2)
        frames(app, 2, click(app, play.controls.get(f"choice:{offered.shown}").rect.center))
        assert play.session.history[-1].offered.index == offered.index
        frames(app, 1, [key(pygame.K_BACKSPACE)])
        to_choices(app, play)


def test_the_demo_takes_the_expert_wherever_the_seed_put_it():
    scenario = load_path(VERDICTS).scenario
    seed = next(s for s in range(200) if _expert_moved(Session(scenario, seed=s)))
    app = start_app(scenario=str(VERDICTS), seed=seed, demo=True)
    frames(app, 1, [key(pygame.K_RETURN)])
    play = app.scene
    wait_until(app, lambda: play.session.turn >= 1, limit=5000)
    assert play.session.history[0].offered.choice.expert


def _expert_moved(session) -> bool:
    expert = session.expert_choice()
    return next(c.shown for c in session.shown_choices if c.index == expert.index) != expert.number


# -- seeds ------------------------------------------------------------------------------------

def test_without_a_seed_each_attempt_draws_a_fresh_one(monkeypatch):
    drawn = iter([111, 222, 333])
    monkeypatch.setattr(attempts._fresh, "randrange", lambda low, high: next(drawn))
    app, play = playing(seed=None)
    assert play.session.seed == 111
    first = play.session
    play.restart()
    assert play.session is not first and play.session.seed == 222, "a restart is a new attempt"
    _to_debrief(app, play)
    frames(app, 1, [key(pygame.K_TAB), key(pygame.K_TAB), key(pygame.K_RETURN)])   # Tab to Play again
    assert isinstance(app.scene, PlayScene) and app.scene.session.seed == 333


def test_a_given_seed_is_kept_for_every_attempt():
    app, play = playing(seed=7)
    assert play.session.seed == 7
    play.restart()
    assert play.session.seed == 7
    _to_debrief(app, play)
    frames(app, 1, [key(pygame.K_TAB), key(pygame.K_TAB), key(pygame.K_RETURN)])
    assert app.scene.session.seed == 7


def _to_debrief(app, play) -> None:
    while play.stage != "ended":
        to_choices(app, play)
        if play.stage == "choose":
            frames(app, 1, [number_key(1)])
    frames(app, 1, [key(pygame.K_RETURN)])
    assert isinstance(app.scene, DebriefScene)


# -- skill names ------------------------------------------------------------------------------

@pytest.mark.parametrize("level, setting, before", [
    ("beginner", "by_level", True), ("intermediate", "by_level", False), ("advanced", "by_level", False),
    ("intermediate", "before", True), ("advanced", "before", True), ("beginner", "after", False),
])
def test_skill_names_show_before_choosing_only_at_beginner_level_unless_set(level, setting, before):
    assert skill_names_before(Settings(skill_names=setting), level) is before


def test_above_beginner_level_a_skill_is_named_only_once_its_card_is_chosen(monkeypatch):
    drawn = DrawnCards(monkeypatch)
    app, play = playing(VERDICTS, animations=True)
    assert play.session.scenario.level.value == "intermediate"
    assert all(skill is None for _, _, skill in drawn.redraw(app, play))
    pick = play.offered[0]
    frames(app, 1, [number_key(pick.shown)])
    assert play.stage == "react"
    named = {number: skill for number, _, skill in drawn.redraw(app, play) if skill}
    assert named == {pick.shown: pick.skill}
    assert play.state.coach is not None and play.state.coach.skill == pick.skill


def test_at_beginner_level_or_when_set_the_cards_name_their_skills(monkeypatch):
    drawn = DrawnCards(monkeypatch)
    app, play = playing(SMALL)
    assert all(skill for _, _, skill in drawn.redraw(app, play))
    app, play = playing(VERDICTS, skill_names="before")
    assert all(skill for _, _, skill in drawn.redraw(app, play))
