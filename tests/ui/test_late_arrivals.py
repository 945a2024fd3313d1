"""A late arrival (`joins_at`) is not in the room until the session reaches their node: no figure
in the circle (their chair stands empty), no name tag, no inner state or thought, no caption.
When they join, they appear."""
from __future__ import annotations

from types import SimpleNamespace

from game.engine import Session
from game.scenario import load_path
from game.present import thoughts as panels
from game.ui.scenes.play.circle import CircleView
from game.ui.scenes.play.reaction import present_captions
from game.ui.scenes.play.room import RoomView as Room
from tests.ui.driver import ROOT, frames, number_key
from tests.ui.test_shown_order import playing, to_choices

LATE = ROOT / "tests" / "ui" / "scenarios" / "late.yaml"


class Watched:
    """Which members the circle works out a figure for, and which the side panel thinks for."""

    def __init__(self, monkeypatch):
        self.figures, self.thoughts = set(), set()
        real_poses, real_thought = CircleView._figure_poses, panels.thought

        def poses(view, figure, palette):
            self.figures.add(figure.member_id)
            return real_poses(view, figure, palette)

        def thought(member_id, *args, **kwargs):
            self.thoughts.add(member_id)
            return real_thought(member_id, *args, **kwargs)

        monkeypatch.setattr(CircleView, "_figure_poses", poses)
        monkeypatch.setattr(panels, "thought", thought)

    def redraw(self, app, play) -> None:
        self.figures.clear()
        self.thoughts.clear()
        play.state.frame.dirty.add("side")
        frames(app, 3)


def head_spot(play, member_id: str) -> tuple[int, int]:
    """Where a seated member's face is: above the chair's back, so an empty chair leaves it bare."""
    figure = play.state.circle.figure(member_id)
    return (round(figure.seat[0]), round(figure.seat[1] - 50 * figure.scale))


def test_a_member_who_has_not_arrived_is_not_drawn_named_or_measured(monkeypatch):
    watched = Watched(monkeypatch)
    app, play = playing(LATE, inner_state=True, scaffolds="beginner")   # (the thoughts show while choosing)
    state = play.session.state
    assert state.away == frozenset({"dee"})
    watched.redraw(app, play)
    assert watched.figures == set(state.present_ids), "no figure for Dee"
    assert watched.thoughts == set(state.present_ids), "no inner state or thought for Dee"
    assert [f.member_id for f in play.state.circle.present_figures()] == list(state.present_ids)
    assert len(play.state.circle.label_rects()) == len(state.present_ids), "no name tag for Dee"
    spot = head_spot(play, "dee")
    assert app.canvas.get_at(spot) == play.state.frame.layer.get_at(spot), "above Dee's empty chair: only the floor"


def test_a_late_member_appears_when_the_session_reaches_their_node(monkeypatch):
    watched = Watched(monkeypatch)
    app, play = playing(LATE, inner_state=True, scaffolds="beginner")   # (the thoughts show while choosing)
    frames(app, 1, [number_key(1)])
    to_choices(app, play)
    assert play.session.node_id == "arrival" and play.session.state.present("dee")
    watched.redraw(app, play)
    assert "dee" in watched.figures and "dee" in watched.thoughts
    spot = head_spot(play, "dee")
    assert app.canvas.get_at(spot) != play.state.frame.layer.get_at(spot), "Dee sits in her chair now"


def test_an_arrival_fades_in_while_the_room_reacts():
    app, play = playing(LATE, animations=True)
    frames(app, 1, [number_key(1)])
    for _ in range(200):
        frames(app, 1)
        if play.stage != "react" or play.state.room.progress > 0.3:
            break
    assert play.stage == "react" and 0 < play.state.room.presence("dee") < 1


def test_room_presence_is_whole_before_and_after_and_in_between_during_the_move():
    scenario = load_path(LATE).scenario
    session = Session(scenario)
    before = session.state
    session.choose(1)
    after = session.state
    assert Room(before).presence("dee") == 0 and Room(after).presence("dee") == 1
    assert Room(before, after, 0.25).presence("dee") == 0.25
    assert Room(before, after, 0.25).presence("ana") == 1


def test_captions_about_a_member_not_yet_here_are_left_out():
    scenario = load_path(LATE).scenario
    waiting = Session(scenario).state
    names = {m.id: m.name for m in scenario.members}
    reaction = SimpleNamespace(after=waiting, captions=("Dee looks away", "Ana leans in", "The circle draws closer"))
    assert present_captions(reaction, names) == ["Ana leans in", "The circle draws closer"]


def test_the_circle_keeps_an_empty_chair_for_the_late_member():
    app, play = playing(LATE)
    frames(app, 2)
    figure = play.state.circle.figure("dee")
    chair = (round(figure.seat[0]), round(figure.seat[1] - 20 * figure.scale))   # the chair's back
    assert app.canvas.get_at(chair) != play.state.frame.layer.get_at(chair), "Dee's seat is kept, empty"
