"""The briefing says how the trainee will practise, and the moment a suggestion sent them to."""
from __future__ import annotations

from game.scenario import load_path
from game.ui.scenes.briefing import BriefingScene
from tests.ui.driver import ROOT, frames, start_app

SHIPPED = ROOT / "scenarios"


def lines_of(app, name: str, look_for: str = "") -> list[str]:
    scene = BriefingScene(app, load_path(SHIPPED / f"{name}.yaml").scenario, "", look_for)
    return scene.practice_lines()


def test_the_briefing_names_the_scaffolds_the_level_sets_and_the_marked_moments(tmp_path):
    app = start_app(data_dir=str(tmp_path))
    beginner, advanced = lines_of(app, "tutorial"), lines_of(app, "co-leading")
    assert "beginner, as the level sets" in beginner[0] and "meters shown" in beginner[0]
    assert "advanced, as the level sets" in advanced[0] and "hidden until the debrief" in advanced[0]
    marked = sum(node.ask for node in load_path(SHIPPED / "tutorial.yaml").scenario.nodes.values())
    assert f"at {marked} marked moments" in beginner[1]


def test_a_setting_or_a_flag_changes_what_the_briefing_promises(tmp_path):
    app = start_app(data_dir=str(tmp_path), scaffolds="advanced", ask_every=True)
    said = lines_of(app, "tutorial")
    assert "advanced, chosen instead of the scenario's level" in said[0]
    assert said[1] == "You read the room before every choice."


def test_a_suggested_moment_is_named_and_drawn(tmp_path):
    app = start_app(data_dir=str(tmp_path))
    scenario = load_path(SHIPPED / "tutorial.yaml").scenario
    plain = BriefingScene(app, scenario, "")
    suggested = BriefingScene(app, scenario, "", "Helen is being lost: not met at the first try 2 of 3")
    width = plain.about_rect().width - 40
    assert suggested._about_height(width, "small") > plain._about_height(width, "small")
    app.show(suggested)
    frames(app, 2)   # draws it, scrolling at the smallest size if need be


def test_a_suggested_moment_can_be_started_at_and_the_way_there_is_played_for_you(tmp_path):
    app = start_app(data_dir=str(tmp_path))
    scenario = load_path(SHIPPED / "grief-week3.yaml").scenario
    briefing = BriefingScene(app, scenario, "", "Rosa is taking over", "rosa_fills_silence")
    app.show(briefing)
    frames(app, 2)
    assert briefing.controls.focused == "moment"
    briefing.start(briefing.at)
    frames(app, 2)
    session = app.scene.session
    assert session.node_id == "rosa_fills_silence" and session.lead_in == session.turn > 0


def test_a_moment_that_is_not_in_the_file_is_not_offered(tmp_path):
    app = start_app(data_dir=str(tmp_path))
    scenario = load_path(SHIPPED / "tutorial.yaml").scenario
    briefing = BriefingScene(app, scenario, "", "somewhere", "no_such_node")
    assert briefing.at is None and briefing.controls.get("moment") is None
