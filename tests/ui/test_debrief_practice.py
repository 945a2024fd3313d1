"""The window's debrief keeps first tries and retries apart (each with its own mark, in order),
counts and shows the readings of the room, shows the members' GCQ-S scales as the Debrief has
them, and shows nothing of practice for a plain session."""
from __future__ import annotations

import re

import pygame
import pytest

from game import cli
from game.engine import Session, debrief_of
from game.scenario import load_path
from game.ui.scenes import debrief_parts
from game.ui.scenes.debrief import DebriefScene
from game.ui.theme import LIGHT
from game.ui.widgets import icons
from tests.text.test_debrief_practice import TUTORIAL, VERDICTS, practised
from tests.ui.driver import ROOT, start_app
from tests.ui.test_verdict_marks import Rendered

PRACTICE_WORDS = ("First try", "Retry ", "Your reading", "READING THE ROOM", "Need met at the first try")


def debrief_scene(session, tmp_path, size=(1280, 720)) -> DebriefScene:
    app = start_app(size, no_records=True, data_dir=str(tmp_path))
    scene = DebriefScene(app, session)
    app.show(scene)
    return scene


def drawn_words(scene, monkeypatch, scroll: int = 0) -> list[str]:
    """Every string the debrief renders with its column scrolled to `scroll`."""
    scene.scroll = 0
    scene.scroll_by(scroll)
    rendered = Rendered(monkeypatch, scene.text)
    scene.draw_full(scene.app.canvas)
    return rendered.words


def all_words(scene, monkeypatch) -> str:
    """The words of the whole debrief, the column scrolled through from top to bottom."""
    seen, step = [], scene.decisions_rect().height // 2
    for scroll in range(0, scene.max_scroll() + step, step):
        seen += drawn_words(scene, monkeypatch, scroll)
    return " ".join(seen)


@pytest.fixture(scope="module")
def session():
    return practised()


def test_the_first_try_count_never_exceeds_the_decisions(session, tmp_path, monkeypatch):
    scene = debrief_scene(session, tmp_path)
    found = re.search(r"Need met at the first try in (\d+) of (\d+) decisions; (\d+) moments? tried again, "
                      r"(\d+) of them", " ".join(drawn_words(scene, monkeypatch)))
    assert found
    first, made, retried, on_retry = map(int, found.groups())
    assert made == len(session.history) and first <= made and on_retry <= retried <= made
    assert retried == sum(1 for r in session.history if r.retry)


def test_a_retried_decision_shows_its_first_try_then_the_retry_with_their_own_marks(session, monkeypatch):
    marks = []
    real = debrief_parts.draw_verdict_mark
    monkeypatch.setattr(debrief_parts, "draw_verdict_mark", lambda c, at, r, verdict, p: (marks.append(verdict),
                                                                                          real(c, at, r, verdict, p))[1])
    retried = [d for d in debrief_of(session).decisions if d.retries]
    assert retried
    for d in retried:
        marks.clear()
        rendered = Rendered(monkeypatch, debrief_parts.fonts.default)
        canvas = pygame.Surface((700, 900))
        height = debrief_parts.decision_height(d, 600, debrief_parts.fonts.default, session.names)
        debrief_parts.draw_decision(canvas, d, pygame.Rect(0, 0, 600, height), LIGHT, debrief_parts.fonts.default,
                                    session.names)
        reading = ["met" if d.reading.matched else "missed"] if d.reading is not None else []
        assert marks == reading + [d.first_verdict, d.verdict, d.verdict], "reading, first try, retry, verdict"
        words = rendered.words
        first = next(i for i, w in enumerate(words) if w.startswith("First try"))
        retry = next(i for i, w in enumerate(words) if w.startswith(f"Retry {d.retries}"))
        assert first < retry


@pytest.mark.parametrize("first", ["pull yourself", "Ana, tell"])
def test_no_tick_beside_a_poor_or_harmful_first_try(first, monkeypatch):
    session = Session(load_path(VERDICTS).scenario, seed=1)
    session.choose(next(c.number for c in session.choices if first in c.choice.text))
    session.retry()
    session.choose(next(c.number for c in session.choices if "I can see" in c.choice.text))
    session.choose(1)
    d = debrief_of(session).decisions[0]
    assert d.first_verdict in ("partly", "missed") and d.verdict == "met"
    ticks = []
    real = icons.check
    monkeypatch.setattr(icons, "check", lambda s, at, *a, **k: (ticks.append(at), real(s, at, *a, **k)))
    text = debrief_parts.fonts.default
    canvas = pygame.Surface((700, 900))
    height = debrief_parts.decision_height(d, 600, text)
    debrief_parts.draw_decision(canvas, d, pygame.Rect(0, 0, 600, height), LIGHT, text)
    first_row = debrief_parts.PAD + text.line_height("tiny", True) + 3   # under the head
    first_bottom = first_row + text.line_height("small")
    assert ticks, "the retry that met the need has its tick"
    assert not [at for at in ticks if first_row <= at[1] < first_bottom], "none on the first try's row"


def test_the_readings_shown_are_the_readings_made(session, tmp_path, monkeypatch):
    scene = debrief_scene(session, tmp_path)
    words = all_words(scene, monkeypatch)
    found = re.search(r"You read the room as the model did in (\d+) of (\d+) moments", words)
    assert found and int(found.group(2)) == len(session.readings) > 0
    assert int(found.group(1)) == sum(r.matched for r in session.readings)
    for d in scene.debrief.decisions:   # each decision read shows the reading, and only those
        parts = debrief_parts._parts(d, 600, scene.text, session.names)
        rows = [" ".join(lines) for kind, lines, _, _ in parts if kind == "reading"]
        assert len(rows) == (d.reading is not None)
        if rows:
            assert rows[0].startswith(f"Your reading: {d.reading.stance.upper()}")
            assert f"the model's: {d.reading.need.stance.upper()}" in rows[0]


def test_the_members_view_shows_three_scales_as_the_debrief_has_them(session, tmp_path, monkeypatch):
    scene = debrief_scene(session, tmp_path)
    words = drawn_words(scene, monkeypatch, scroll=200)
    climate = scene.debrief.climate
    caption = next(i for i, w in enumerate(words) if w.startswith("Group Climate Questionnaire"))
    rows = [i for i, w in enumerate(words) if w in ("Engaged", "Avoiding", "Conflict") and i > caption]
    assert [words[i] for i in rows] == ["Engaged", "Avoiding", "Conflict"] and caption < rows[0]
    for i, start, end in zip(rows, climate.start, climate.end):
        numbers, change, judged = words[i + 1], words[i + 2], words[i + 3]
        assert numbers == f"{start:.1f} → {end:.1f}"
        moved = round(float(f"{end:.1f}") - float(f"{start:.1f}"), 1)
        signed = float(change.split()[1].replace("−", "-"))
        assert signed == moved and change[0] == ("↑" if moved > 0 else "↓" if moved < 0 else "=")
        good_up = words[i] == "Engaged"
        assert judged.endswith("up is good" if good_up else "down is good")
        assert judged.startswith("no change" if not moved else "better" if (moved > 0) == good_up else "worse")


def test_a_plain_session_shows_no_practice_and_still_the_members_view(tmp_path, monkeypatch):
    session = Session(load_path(TUTORIAL).scenario, seed=3)
    while not session.ended:
        session.choose_shown(session.recommended().shown)
    scene = debrief_scene(session, tmp_path)
    words = all_words(scene, monkeypatch)
    assert not [w for w in PRACTICE_WORDS if w in words]
    assert "THE MEMBERS' VIEW OF THE GROUP" in words
    assert "You met what the group needed in" in words


@pytest.mark.parametrize("size, text_size", [((1280, 720), "normal"), ((1920, 1080), "presenter")])
def test_the_column_scrolls_to_the_last_decision_with_the_new_sections_above(session, tmp_path, monkeypatch,
                                                                             size, text_size):
    scene = debrief_scene(session, tmp_path, size)
    scene.app.change_setting("text_size", text_size)
    scene.relayout()
    last = scene.debrief.decisions[-1]
    tail = scene.text.wrap(last.feedback.strip(), "small", scene.decisions_rect().width - 40 - 2 * debrief_parts.PAD)
    words = drawn_words(scene, monkeypatch, scroll=10**6)
    assert tail[-1] in words, "the end of the last decision is reached"


def test_screenshot_debrief_draws_a_practised_session(tmp_path):
    out = tmp_path / "debrief.png"
    code = cli.main(["screenshot", str(TUTORIAL), "--debrief", "--seed", "3", "--read-room", "--misread-at", "2",
                     "--retry-at", "1,3", "--scroll", "300", "--size", "960x540", "--out", str(out)])
    assert code == 0 and pygame.image.load(str(out)).get_size() == (960, 540)


@pytest.mark.parametrize("argv", [["--node", "opening"], ["--path", "9"]])
def test_screenshot_debrief_refuses_what_it_cannot_play(argv, tmp_path, capsys):
    out = tmp_path / "x.png"
    assert cli.main(["screenshot", str(TUTORIAL), "--debrief", "--out", str(out)] + argv) == 1
    assert not out.exists() and "screenshot:" in capsys.readouterr().err
