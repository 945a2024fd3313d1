"""Only `met` earns a tick, anywhere: coach, debrief, timeline. `partly` (the right stance, a poor
or harmful move) wears its own mark in the caution colour and words that say both axes; a
miss wears a cross. The debrief opens with a missed risk and who may not come back, and lists
who comes back and why."""
from __future__ import annotations

import pygame
import pytest

from game.engine import Session, debrief_of
from game.scenario import load_path
from game import present as script
from game.ui.scenes import debrief_parts
from game.ui.scenes.play import cards as panels
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.debrief_first import first_band_lines
from game.ui.widgets import icons, verdict_role
from game.ui.widgets import verdict as verdict_widget
from game.ui.theme import LIGHT
from tests.ui.driver import ROOT, frames, key, number_key
from tests.ui.test_shown_order import playing, to_choices

VERDICTS = ROOT / "tests" / "ui" / "scenarios" / "verdicts.yaml"
LATE = ROOT / "tests" / "ui" / "scenarios" / "late.yaml"
PICKS = {"missed": "Ana, tell", "met": "I can see", "partly": "pull yourself"}


def taken(play, words: str):
    return next(c for c in play.offered if words in c.choice.text)


def ticks(monkeypatch) -> list:
    """Every tick drawn from now on (icons.check is the only tick there is)."""
    drawn = []
    real = icons.check
    monkeypatch.setattr(icons, "check", lambda *a, **k: (drawn.append(a), real(*a, **k)))
    return drawn


@pytest.mark.parametrize("verdict", ["met", "partly", "missed"])
def test_the_mark_is_a_tick_only_for_met(verdict, monkeypatch):
    drawn = ticks(monkeypatch)
    canvas = pygame.Surface((60, 60))
    verdict_widget.draw_verdict_mark(canvas, (30, 30), 20, verdict, LIGHT)
    assert bool(drawn) == (verdict == "met")
    assert canvas.get_at((30, 15))[:3] == LIGHT[verdict_role(verdict)]   # the disc, in the verdict's role
    assert (verdict_role(verdict) == "good") == (verdict == "met")


def test_an_unknown_verdict_never_reads_as_met():
    assert verdict_role("perhaps") == "warning"


@pytest.mark.parametrize("verdict", ["met", "partly", "missed"])
def test_the_coach_panel_marks_the_choice_by_its_verdict(verdict, monkeypatch):
    app, play = playing(VERDICTS)
    marks = []
    real = panels.draw_verdict_mark
    monkeypatch.setattr(panels, "draw_verdict_mark", lambda *a: (marks.append(a[3]), real(*a)))
    drawn = ticks(monkeypatch)
    frames(app, 1, [number_key(taken(play, PICKS[verdict]).shown)])
    reaction = play.session.history[-1]
    assert reaction.verdict == verdict and play.state.coach.verdict == verdict
    assert play.state.coach.mark == {"met": "✓", "partly": "~", "missed": "✗"}[verdict]
    frames(app, 3)
    assert marks == [verdict]
    assert bool(drawn) == (verdict == "met"), "a tick only beside a met need"
    panel = play.play.choices.inflate(0, -8)
    assert app.canvas.get_at((panel.x + 3, panel.centery))[:3] == app.palette[verdict_role(verdict)]


def test_partly_says_both_axes_and_never_praises_the_move():
    session = Session(load_path(VERDICTS).scenario)
    number = next(c.number for c in session.choices if "pull yourself" in c.choice.text)
    note = script.coach_note(session.choose(number))
    assert note.verdict == "partly" and not note.met and "✓" not in note.as_line()
    assert "right to lead" in note.short and "harmful" in note.short
    assert "right to lead" in note.verdict_line.lower() and "harmful" in note.verdict_line


def test_the_debrief_ticks_only_the_decisions_that_met_the_need(monkeypatch):
    scenario = load_path(VERDICTS).scenario
    for words in PICKS.values():
        session = Session(scenario)
        session.choose(next(c.number for c in session.choices if words in c.choice.text))
        session.choose(1)
        for decision in debrief_of(session).decisions:
            drawn = ticks(monkeypatch)
            canvas = pygame.Surface((600, 400))
            height = debrief_parts.decision_height(decision, 560, _text())
            debrief_parts.draw_decision(canvas, decision, pygame.Rect(10, 10, 560, height), LIGHT, _text())
            assert bool(drawn) == (decision.verdict == "met"), (decision.verdict, decision.choice_text)
            assert canvas.get_at((12, 10 + height // 2))[:3] == LIGHT[verdict_role(decision.verdict)]


def _text():
    from game.ui import fonts
    return fonts.default


def test_the_timeline_marks_each_decision_by_its_verdict():
    app, play = playing(VERDICTS, timeline=True)
    frames(app, 1, [number_key(taken(play, PICKS["partly"]).shown)])
    to_choices(app, play)
    frames(app, 1, [number_key(1)])
    to_choices(app, play)
    frames(app, 4)
    for reaction in play.session.history:
        rect = play.controls.get(f"mark:{reaction.turn}").rect
        disc = (rect.right - 15, rect.centery - 7)   # the disc's top, above its mark
        assert app.canvas.get_at(disc)[:3] == app.palette[verdict_role(reaction.verdict)]
    assert play.session.history[0].verdict == "partly"


# -- the debrief's first lines -----------------------------------------------------------------

class Rendered:
    """The words a scene renders, in order."""

    def __init__(self, monkeypatch, text):
        self.words = []
        real = text.render
        monkeypatch.setattr(text, "render", lambda words, *a, **k: (self.words.append(words), real(words, *a, **k))[1])

    def index(self, start: str) -> int:
        return next(i for i, w in enumerate(self.words) if w.startswith(start))


def unsafe_debrief(app):
    play = app.scene
    frames(app, 1, [number_key(taken(play, "Ana, tell").shown)])
    to_choices(app, play)
    frames(app, 1, [number_key(1)])
    to_choices(app, play)
    frames(app, 1, [key(pygame.K_RETURN)])
    assert isinstance(app.scene, DebriefScene)
    return app.scene


def test_the_debrief_opens_with_the_missed_risk_then_who_may_not_come_back(monkeypatch):
    app, _ = playing(LATE)
    scene = unsafe_debrief(app)
    debrief = scene.debrief
    assert not debrief.safe and debrief.first_lines[0].startswith("Risk missed")
    rendered = Rendered(monkeypatch, scene.text)
    scene.draw_full(app.canvas)
    band = first_band_lines(debrief, scene.session.names, scene.first_band_rect().width - 60, scene.text)
    first = rendered.index(band[0][0])
    assert rendered.words[first - 1].startswith("Debrief ·"), "nothing but the title comes before it"
    assert first < rendered.index("You met what the group needed") and first < rendered.index("OBJECTIVES")
    assert first < rendered.index("Growth"), "before the outcome, too"
    assert "unsafe" in rendered.words[rendered.index("Growth")]
    assert all(line in rendered.words for line, _ in band)
    assert scene.first_band_rect().bottom < scene.badge_top() < scene.header_bottom()


def test_the_debrief_lists_every_members_outcome_with_its_reason(monkeypatch):
    app, _ = playing(LATE)
    scene = unsafe_debrief(app)
    rendered = Rendered(monkeypatch, scene.text)
    scene.draw_full(app.canvas)
    members = scene.debrief.members
    assert {o.member for o in members} == set(scene.session.scenario.member_ids)
    width = scene.decisions_rect().width - 40 - 28
    for outcome in members:
        assert scene.text.wrap(outcome.reason, "small", width)[0] in rendered.words
    assert rendered.index("WHO COMES BACK") < rendered.index("EVERY DECISION")


def test_a_safe_session_with_everyone_likely_back_has_no_band():
    from types import SimpleNamespace
    from game.ui import fonts
    calm = SimpleNamespace(first_lines=(), missed_risks=(), members=())
    assert first_band_lines(calm, {}, 800, fonts.default) == []


def test_an_unsafe_best_ending_is_never_shown_as_a_good_one(monkeypatch):
    from types import SimpleNamespace
    from game.ui import library
    from game.ui.scenes.common import draw_outcome_badge
    from tests.ui.driver import SMALL
    entry = library.load_entry(SMALL, "yours")
    library.apply_endings([entry], {"small-test": (2, SimpleNamespace(outcome="growth", safe=False))})
    assert (entry.attempts, entry.best, entry.best_safe) == (2, "growth", False)
    drawn = ticks(monkeypatch)
    canvas = pygame.Surface((400, 60))
    badge = draw_outcome_badge(canvas, "growth", (4, 4), LIGHT, _text(), safe=False)
    assert not drawn and badge.width > 0, "an unsafe growth wears the warning, not a tick"
    draw_outcome_badge(canvas, "growth", (4, 4), LIGHT, _text())
    assert drawn, "a safe growth keeps its tick"
