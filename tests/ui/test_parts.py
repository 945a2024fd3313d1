"""The front end's plain parts: the library, the transcript's words, reaching a node, focus."""
from __future__ import annotations

import pygame

from game.engine import Session
from game.scenario import load_path
from game import present as script
from game.ui import library
from game.ui.input import FocusRing, action
from game.present import NoSuchNode, path_to, session_at
from tests.ui.driver import ROOT, SMALL, frames, key, number_key, start_app

GRIEF = ROOT / "scenarios" / "grief-week3.yaml"


# -- the library -----------------------------------------------------------------------------

def test_every_file_is_an_entry_and_a_second_file_with_the_same_id_is_an_error(tmp_path):
    (tmp_path / "a.yaml").write_bytes(SMALL.read_bytes())
    (tmp_path / "b.yaml").write_bytes(SMALL.read_bytes())
    (tmp_path / "c.yml").write_text(": : :", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a scenario", encoding="utf-8")
    entries = [library.load_entry(p, "yours") for p, _ in library.scenario_files([(tmp_path, "yours")])]
    library.mark_duplicates(entries)
    assert [e.path.name for e in entries] == ["a.yaml", "b.yaml", "c.yml"]
    assert entries[0].ok and not entries[1].ok and "duplicate-id" in entries[1].first_problem
    assert not entries[2].ok and entries[2].first_problem.startswith("line ")


def test_attempts_and_best_outcomes_reach_the_cards():
    entry = library.load_entry(SMALL, "yours")
    library.apply_records([entry], {"small-test": (3, "growth")})
    assert (entry.attempts, entry.best) == (3, "growth")


def test_a_missing_folder_is_an_empty_library(tmp_path):
    assert library.scenario_files([(tmp_path / "nowhere", "yours")]) == []


# -- the transcript -------------------------------------------------------------------------

def live_transcript(coach: bool):
    app = start_app(scenario=str(SMALL))
    app.change_setting("coach", coach)
    frames(app, 1, [key(pygame.K_RETURN)])
    play = app.scene
    for _ in range(3):
        for _ in range(100):
            if play.stage != "lines":
                break
            frames(app, 2, [key(pygame.K_SPACE)])
        if play.stage != "choose":
            break
        frames(app, 1, [number_key(play.offered[-1].shown)])
        for _ in range(200):
            if play.stage != "react":
                break
            frames(app, 1)
    for _ in range(100):
        if play.stage == "lines":
            frames(app, 2, [key(pygame.K_SPACE)])
    return play


def test_the_transcript_rebuilt_from_history_is_the_one_shown_while_playing():
    for coach in (True, False):
        play = live_transcript(coach)
        live = [(line.speaker, line.text, line.kind) for line in play.state.transcript.lines]
        rebuilt = [(e.speaker, e.text, e.kind) for e in script.transcript_of(play.session, coach)]
        assert play.session.turn >= 1 and live == rebuilt


def test_the_coach_note_says_the_need_the_verdict_and_the_feedback():
    session = Session(load_path(SMALL).scenario)
    reaction = session.choose(1)
    note = script.coach_note(reaction)
    assert note.needed in ("lead", "follow") and note.met == reaction.met
    line = note.as_line()
    assert ("✓" in line) == reaction.met and reaction.feedback in line and note.needed in line
    assert reaction.verdict_line in line and note.mark in line


AIMED = """\
format: 1
id: aim-test
title: Aimed at the wrong member
summary: One member is sinking while the leader turns to another.
focus: testing
level: beginner
objectives:
  hold: Hold the member who is struggling.
members:
  - {id: ana, name: Ana, start: {engagement: 0.6, distress: 0.2}}
  - {id: ben, name: Ben, archetype: silent, start: {engagement: 0.1, distress: 0.95, trust: 0.1}}
  - {id: cai, name: Cai, start: {engagement: 0.5, distress: 0.2}}
start: opening
nodes:
  opening:
    phase: working
    narration: Ben is shaking.
    choices:
      - text: Ana, tell us about your week.
        stance: lead
        targets: [ana]
        feedback: Turning to Ana leaves Ben alone.
        next: after
      - text: Ben, I can see this is hard.
        stance: lead
        targets: [ben]
        feedback: Turning to Ben holds him.
        next: after
  after:
    phase: closing
    narration: The room is quiet for a long moment, and then the clock on the wall ticks over.
    choices:
      - {text: Close the session., stance: lead, next: done}
  done:
    ending: {outcome: stalled, text: Over.}
"""


def aimed_scenario(tmp_path):
    path = tmp_path / "aim.yaml"
    path.write_text(AIMED, encoding="utf-8")
    return path


def test_a_lead_aimed_away_from_the_member_in_distress_is_a_cross_not_a_tick(tmp_path):
    path = aimed_scenario(tmp_path)
    session = Session(load_path(path).scenario)
    reaction = session.choose(1)
    assert reaction.need.member == "ben" and reaction.fit, "the scenario sets up a need about Ben"
    note = script.coach_note(reaction)
    assert not note.met and note.verdict == "missed" and note.as_line().startswith("Coach ✗")
    assert "Ben" in note.verdict_line
    session.replay([2])
    assert script.coach_note(session.history[0]).as_line().startswith("Coach ✓")


def test_the_coach_panel_on_screen_crosses_a_lead_aimed_at_the_wrong_member(tmp_path):
    app = start_app(scenario=str(aimed_scenario(tmp_path)))
    app.change_setting("animations", False)
    frames(app, 1, [key(pygame.K_RETURN)])
    play = app.scene
    for _ in range(50):
        if play.stage == "choose":
            break
        frames(app, 1, [key(pygame.K_SPACE)])
    toward_ana = next(c for c in play.offered if c.choice.targets == ["ana"])
    frames(app, 1, [number_key(toward_ana.shown)])
    for _ in range(20):   # the ending's narration types; the coach's note stands meanwhile
        if play.stage == "lines" and play.state.coach is not None:
            break
        frames(app, 1)
    assert play.state.coach is not None and not play.state.coach.met
    frames(app, 3)
    panel = play.play.choices.inflate(0, -8)
    stripe = (panel.x + 3, panel.centery)       # the note's edge: warning for a miss, good for a hit
    assert app.canvas.get_at(stripe)[:3] == app.palette.warning


def test_captions_are_placed_with_the_member_they_are_about():
    names = {"ana": "Ana", "anabel": "Anabel"}
    assert script.caption_member("Anabel looks away", names) == "anabel"
    assert script.caption_member("Ana leans in", names) == "ana"
    assert script.caption_member("The circle draws closer", names) is None


def test_events_become_toasts_that_say_good_from_bad_by_kind():
    assert script.event_kind("breakthrough") == "breakthrough"
    assert script.event_kind("support") == "good"
    assert script.event_kind("neglect") == "warning"


# -- reaching a node ------------------------------------------------------------------------

def test_every_reachable_node_of_the_worked_example_is_reached_by_playing():
    scenario = load_path(GRIEF).scenario
    for node_id in scenario.nodes:
        path = path_to(scenario, node_id)
        if path is None:
            continue
        session = Session(scenario)
        session.replay(path)
        assert session.node_id == node_id
    assert path_to(scenario, scenario.start) == []


def test_an_unknown_node_is_refused_and_an_unreachable_one_is_placed(tmp_path):
    text = SMALL.read_text(encoding="utf-8") + "  island:\n    narration: Nobody gets here.\n    ending: {outcome: stalled}\n"
    island = tmp_path / "island.yaml"
    island.write_text(text, encoding="utf-8")
    scenario = load_path(island).scenario
    session, how = session_at(scenario, "island")
    assert how == "placed" and session.node_id == "island" and session.turn == 0
    try:
        session_at(scenario, "nowhere")
    except NoSuchNode:
        pass
    else:
        raise AssertionError("an unknown node must be refused")


# -- focus ------------------------------------------------------------------------------------

def grid_ring() -> FocusRing:
    names = [f"c{i}" for i in range(6)]
    rects = {f"c{i}": pygame.Rect(100 + (i % 3) * 200, 100 + (i // 3) * 150, 180, 120) for i in range(6)}
    ring = FocusRing()
    ring.set_items(names, rects)
    return ring


def test_tab_walks_every_control_and_wraps_round():
    ring = grid_ring()
    assert ring.current is None, "no ring until the keyboard is used"
    seen = [ring.step(1) for _ in range(7)]
    assert seen[:6] == [f"c{i}" for i in range(6)] and seen[6] == "c0"
    assert ring.step(-1) == "c5"


def test_arrows_move_to_the_neighbour_in_that_direction_and_stop_at_the_edge():
    ring = grid_ring()
    ring.focus("c0")
    assert ring.move("right") == "c1"
    assert ring.move("down") == "c4"
    assert ring.move("down") == "c4", "nothing below: stay"
    assert ring.move("left") == "c3"
    assert ring.move("up") == "c0"


def test_keys_mean_the_same_on_every_screen():
    def press(code, mod=0):
        return action(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod))
    assert press(pygame.K_SPACE) == press(pygame.K_RETURN) == "activate"
    assert press(pygame.K_TAB) == "next" and press(pygame.K_TAB, pygame.KMOD_SHIFT) == "previous"
    assert press(pygame.K_ESCAPE) == "back" and press(pygame.K_BACKSPACE) == "undo"


# -- ripples ---------------------------------------------------------------------------------

def _reaction(events, targets=("rosa",)):
    from types import SimpleNamespace

    from game.sim import Event
    grief = load_path(GRIEF).scenario
    lost = {m.id: {"engagement": -0.06, "trust": -0.04, "distress": 0.0} for m in grief.members}
    return grief, SimpleNamespace(choice=SimpleNamespace(targets=list(targets)), deltas=lost,
                                  events=tuple(Event(kind, who) for kind, who in events),
                                  after=Session(grief).state)


def test_ripples_start_from_the_member_the_model_moved_the_others_for():
    # Neglect: the others lose because they see Amara lost, so the ripples start at her chair,
    # not at Rosa's (whom the choice addressed).
    from game.ui.layout import play_layout
    from game.ui.scenes.play.circle import CircleView
    from game.ui.scenes.play.reaction import _floor, ripples

    grief, neglect = _reaction([("neglect", "amara")])
    circle = CircleView.build(play_layout(), grief.members)
    amara, rosa = _floor(circle.figure("amara")), _floor(circle.figure("rosa"))
    found = ripples(neglect, circle, beat=0.0)
    assert found and all(r.start == amara for r in found) and not any(r.good for r in found)
    assert all(r.end != amara for r in found)
    _, plain = _reaction([])
    assert {r.start for r in ripples(plain, circle, beat=0.0)} == {rosa}
