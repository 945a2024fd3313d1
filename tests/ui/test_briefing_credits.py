"""The briefing names where a shared scenario comes from: author, version, licence, sources."""
from __future__ import annotations

import yaml

from game.scenario import load_text
from game.scenario.credits import credit_lines
from game.ui.scenes.briefing import BriefingScene
from tests.ui.driver import SMALL, frames, start_app

CREDITS = {"author": "Ana Ruiz", "version": "1.2", "licence": "CC BY 4.0",
           "sources": ["Yalom & Leszcz, The Theory and Practice of Group Psychotherapy, ch. 5"]}


def scenario_with(**keys):
    data = yaml.safe_load(SMALL.read_text(encoding="utf-8"))
    data.update(keys)
    return load_text(yaml.safe_dump(data, sort_keys=False)).scenario


def test_the_credit_lines_say_who_which_version_what_terms_and_from_what():
    assert credit_lines(scenario_with(**CREDITS)) == [
        "By Ana Ruiz · version 1.2 · licence CC BY 4.0",
        "Source: Yalom & Leszcz, The Theory and Practice of Group Psychotherapy, ch. 5"]
    assert credit_lines(scenario_with()) == []
    assert credit_lines(scenario_with(licence="CC0")) == ["licence CC0"]


def test_the_briefing_makes_room_for_the_credits_and_draws_them(tmp_path):
    app = start_app(data_dir=str(tmp_path))
    plain = BriefingScene(app, scenario_with())
    credited = BriefingScene(app, scenario_with(**CREDITS))
    width = credited.about_rect().width - 40
    assert credited._about_height(width, "small") > plain._about_height(width, "small")
    app.show(credited)
    frames(app, 2)   # draws without error, in the smallest size if need be


def test_the_terminal_briefing_says_the_same():
    import io

    from game.engine import Session
    from game.text import TextPlay

    session = Session(scenario_with(**CREDITS), seed=1)
    out = io.StringIO()
    TextPlay(session, stdin=io.StringIO("q\n"), stdout=out).run()
    text = out.getvalue()
    assert "ABOUT THIS SCENARIO" in text.upper()
    assert "By Ana Ruiz · version 1.2 · licence CC BY 4.0" in text
    assert "Source: Yalom & Leszcz" in text
