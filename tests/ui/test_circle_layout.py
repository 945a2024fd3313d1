"""The circle as drawn, checked against `screenshot --layout`: figures large enough to read from
the back of a room, no speech bubble on a face, no face behind another member, long lines cut
to their opening words in the bubble.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.commands.common import load_for_play  # noqa: E402
from game.ui import fonts, layout  # noqa: E402
from game.ui.widgets.bubble import MAX_LINES, SpeechBubble  # noqa: E402
from tests.ui import room_states  # noqa: E402
from tests.ui.driver import ROOT  # noqa: E402

try:
    from game.present import session_at  # noqa: E402
except ImportError:   # before the session's presentation had its own package
    from game.ui.jump import session_at  # noqa: E402

pygame.init()

SHARE = {8: 0.15, 12: 0.11}          # each figure at least this share of the window's height
CROWDED = ["grief-week3", "chronic-pain", "recovery-storming", "termination"]


def _read(path) -> dict:
    return json.loads(open(path, encoding="utf-8").read())


def _overlap(a, b) -> bool:
    return pygame.Rect(a).colliderect(pygame.Rect(b))


# -- the --layout file -----------------------------------------------------------------------

def test_screenshot_layout_writes_what_was_drawn_where(tmp_path):
    out, drawn = tmp_path / "shot.png", tmp_path / "shot.json"
    done = subprocess.run([sys.executable, "main.py", "screenshot", "grief-week3", "--node", "rosa_continues",
                           "--size", "1920x1080", "--out", str(out), "--layout", str(drawn)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    data = _read(drawn)
    assert set(data) == {"size", "members", "bubbles"} and data["size"] == [1920, 1080]
    assert data["members"] and all(set(m) == {"id", "body", "face"} for m in data["members"])
    boxes = [m["body"] for m in data["members"]] + [m["face"] for m in data["members"]] + data["bubbles"]
    assert all(len(box) == 4 and all(isinstance(v, int) for v in box) for box in boxes)
    assert len(data["bubbles"]) == 1
    for member in data["members"]:
        body, face = pygame.Rect(member["body"]), pygame.Rect(member["face"])
        assert pygame.Rect(0, 0, 1920, 1080).contains(body)
        slack = round(0.06 * face.height)   # the hair's outline is smoothed into the rug
        assert body.inflate(2 * slack, 2 * slack).contains(face), member["id"]


def test_a_folder_is_refused_as_the_layout_file(tmp_path):
    done = subprocess.run([sys.executable, "main.py", "screenshot", "grief-week3", "--out", str(tmp_path / "a.png"),
                           "--layout", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "--layout" in done.stderr and "folder" in done.stderr


# -- sizes --------------------------------------------------------------------------------------

@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("n", sorted(SHARE))
def test_every_figure_is_a_large_share_of_the_window(tmp_path, n, size):
    _, drawn, _, _ = room_states.shoot(tmp_path, n, room_states.circle_of(n), size=size, speaker="ada")
    data = _read(drawn)
    assert len(data["members"]) == n
    for member in data["members"]:
        assert member["body"][3] >= SHARE[n] * size[1], (member["id"], member["body"])


@pytest.mark.parametrize("timeline", [False, True])
@pytest.mark.parametrize("n", range(3, 13))
def test_no_member_sits_in_front_of_another_members_face(n, timeline):
    area = layout.play_layout(timeline=timeline).circle
    ellipse = layout.seat_ellipse(area)
    seats = layout.seat_positions(n, ellipse)
    scale = layout.member_scale(n, area)
    assert layout.hidden_faces(seats, [layout.depth_scale(s, ellipse) * scale for s in seats]) == []


def test_the_circle_fills_the_space_the_panels_leave():
    area = layout.play_layout().circle
    ellipse = layout.seat_ellipse(area)
    assert ellipse.width >= 0.85 * area.width
    back = min(layout.seat_positions(8, ellipse)[1:], key=lambda seat: seat[1])
    head_top = back[1] - layout.HEAD_REACH * layout.depth_scale(back, ellipse) * layout.member_scale(8, area)
    assert area.top < head_top < area.top + 24, "the back row's heads reach the top of the area"


# -- bubbles and faces ----------------------------------------------------------------------------

def _faces_clear(data) -> None:
    for bubble in data["bubbles"]:
        for member in data["members"]:
            assert not _overlap(bubble, member["face"]), f"a bubble covers {member['id']}'s face"


@pytest.mark.parametrize("text_size", ["normal", "presenter"])
@pytest.mark.parametrize("n", [8, 12])
def test_no_bubble_meets_a_face_whoever_speaks_a_long_line(tmp_path, n, text_size):
    states = room_states.circle_of(n, seed=n)
    for k, (speaker, _) in enumerate(room_states.EVERYONE[:n]):
        _, drawn, _, _ = room_states.shoot(tmp_path, k, states, text_size=text_size, speaker=speaker,
                                           line=room_states.LONG_LINE)
        data = _read(drawn)
        assert data["bubbles"], speaker
        _faces_clear(data)


@pytest.mark.parametrize("scenario", CROWDED)
def test_no_bubble_meets_a_face_in_the_shipped_scenarios(tmp_path, scenario):
    loaded, result = load_for_play(scenario)
    nodes = [node for node in loaded.nodes if loaded.nodes[node].lines][:8]
    for k, node in enumerate(nodes):
        session, _ = session_at(loaded, node, 0)
        args = argparse.Namespace(size=(1280, 720), theme="light", text_size="presenter" if k % 2 else "normal",
                                  meters=False, inner_state=False, seed=0, out=str(tmp_path / f"{k}.png"),
                                  layout=str(tmp_path / f"{k}.json"))
        room_states.shoot_session(session, args, str(result.path))
        _faces_clear(_read(tmp_path / f"{k}.json"))


# -- long lines -------------------------------------------------------------------------------------

def test_a_long_line_shows_its_opening_words_in_the_bubble():
    bounds = pygame.Rect(0, 0, 800, 340)
    bubble = SpeechBubble(room_states.LONG_LINE * 2, "Ada", (400, 200), bounds, max_width=300)
    assert len(bubble.lines) <= MAX_LINES and bubble.lines[-1].endswith("…")
    assert bubble.opening_only
    assert " ".join(bubble.lines).startswith(room_states.LONG_LINE[:40])
    assert bubble.text == (room_states.LONG_LINE * 2).strip()   # the whole line, for the transcript


def test_a_short_line_is_shown_whole():
    bubble = SpeechBubble("Go on, Rosa.", "Desmond", (400, 200), pygame.Rect(0, 0, 800, 340))
    assert bubble.lines == ["Go on, Rosa."] and not bubble.opening_only


def test_a_bubble_gives_up_words_rather_than_cover_a_face():
    bounds = pygame.Rect(0, 0, 400, 170)     # a band between two rows of faces: room for one line
    faces = [(pygame.Rect(x, y, 40, 40), 1000.0) for x in range(0, 400, 70) for y in (0, 130)]
    bubble = SpeechBubble(room_states.LONG_LINE, "Ada", (200, 60), bounds, max_width=360, avoid=faces,
                          text_cache=fonts.TextCache())   # normal size, whatever another test left
    place = bubble.rect()
    assert place.collidelist([face.inflate(2, 2) for face, _ in faces]) < 0
    assert len(bubble.lines) < MAX_LINES


# -- name tags and faces -----------------------------------------------------------------------------

def _play(path, presenter: bool):
    from game.ui.scenes.play import PlayScene
    from tests.ui.driver import frames, key, start_app

    app = start_app(scenario=str(path), presenter=presenter, learner=None, no_records=True)
    frames(app, 1, [key(pygame.K_RETURN)])
    frames(app, 2)
    assert isinstance(app.scene, PlayScene)
    return app.scene


@pytest.mark.parametrize("presenter", [False, True])
@pytest.mark.parametrize("n", [8, 10, 12])
def test_no_name_tag_sits_on_another_members_face(tmp_path, n, presenter):
    from game.ui.drawn_layout import drawn_face
    from game.ui.widgets.panel import draw_pill  # noqa: F401  (the tags are drawn over every figure)

    path = tmp_path / "circle.yaml"
    path.write_text(room_states.scenario_text(room_states.circle_of(n, seed=n), speaker="ada"), encoding="utf-8")
    circle = _play(path, presenter).state.circle
    for figure in circle.present_figures():
        tag = circle.label_rect(figure)
        for other in circle.present_figures():
            if other is not figure:
                assert not tag.colliderect(drawn_face(other)), f"{figure.name}'s tag on {other.name}'s face"
        assert circle.area.contains(tag)
