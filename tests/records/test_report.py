"""`report`: one attempt's debrief as HTML or Markdown; every attempt as CSV or JSON."""
import base64
import csv
import html
import io
import json
import re

import pygame
import pytest
import yaml

from game.engine import debrief_of
from game.records import Records

from .playing import GRIEF, SMALL, cli, play


@pytest.fixture
def records(tmp_path):
    store = Records(tmp_path / "data")
    yield store
    store.close()


def data_dir(records) -> str:
    return str(records.folder)


def embedded_images(page: str) -> list[bytes]:
    return [base64.b64decode(m) for m in re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)]


# -- HTML ---------------------------------------------------------------------------------------

def test_html_report_is_self_contained_with_the_chart_embedded(records, capsys):
    session = play(records, GRIEF, "Sam", rng_seed=3)
    code, page, err = cli(capsys, "report", "--data-dir", data_dir(records))
    assert code == 0, err
    assert not re.search(r"https?://", page)
    assert not re.search(r"<(script|link|iframe|object)\b", page)
    assert all(src.startswith("data:") for src in re.findall(r'src="([^"]*)"', page))
    (png,) = embedded_images(page)
    picture = pygame.image.load(io.BytesIO(png), "chart.png")
    assert picture.get_width() > 600 and picture.get_height() > 200
    alt = re.search(r'<img [^>]*alt="([^"]+)"', page).group(1)
    assert "cohesion" in alt.lower()
    # The table gives the chart's values: one row per turn, the start included.
    values = page[page.index("The chart&#x27;s values"):]
    values = values[:values.index("</table>")]
    assert values.count("<tr>") == len(session.history) + 2   # header + start + each turn


def test_html_report_shows_every_decision_of_the_debrief(records, capsys):
    session = play(records, GRIEF, "Sam", rng_seed=5)
    debrief = debrief_of(session)
    code, page, _ = cli(capsys, "report", "--data-dir", data_dir(records))
    assert code == 0
    for decision in debrief.decisions:
        assert html.escape(decision.choice_text) in page
        assert html.escape(decision.need_reason) in page
        if decision.expert_text:
            assert html.escape(decision.expert_text) in page
        for event in decision.events:
            assert html.escape(event) in page
    verdicts = [d.verdict for d in debrief.decisions]
    for label, verdict in (("✓ Met:", "met"), ("~ Partly met:", "partly"), ("✗ Missed:", "missed")):
        assert page.count(label) == verdicts.count(verdict)
    for decision in debrief.decisions:
        assert html.escape(decision.verdict_line) in page
    assert html.escape(debrief.ending_text) in page
    for _, objective, points in debrief.scores:
        assert html.escape(objective) in page


def test_the_default_is_the_learners_latest_finished_attempt(records, capsys):
    play(records, SMALL, "Sam", [1, 1])
    play(records, SMALL, "Sam", [1, 2])
    play(records, SMALL, "Kim", [1, 1])            # another learner, later
    play(records, SMALL, "Sam", [1], stop_after=1)  # unfinished, later still
    sam = [a.id for a in records.attempts("Sam", finished=True)]
    code, page, _ = cli(capsys, "report", "--data-dir", data_dir(records), "--learner", "Sam", "--format", "md")
    assert code == 0
    assert f"attempt #{sam[-1]} " in page
    code, page, _ = cli(capsys, "report", "--data-dir", data_dir(records), "--attempt", sam[0], "--format", "md")
    assert f"attempt #{sam[0]} " in page


def test_the_report_compares_with_the_learners_other_attempts(records, capsys):
    first = play(records, SMALL, "Sam", [1, 1])
    play(records, SMALL, "Sam", [2])
    play(records, GRIEF, "Sam", rng_seed=1)         # another scenario: not compared
    ids = [a.id for a in records.attempts("Sam", "small-test")]
    code, page, _ = cli(capsys, "report", "--data-dir", data_dir(records), "--attempt", ids[1])
    assert code == 0
    section = page[page.index("Compared with your other attempts"):]
    assert "attempt 2 of your 2 attempts" in section
    assert f"#{ids[0]}" in section and f"#{ids[1]} (this one)" in section
    assert first.ending.outcome.value in section
    assert section.count("<tr") == 1 + 2


def test_markdown_has_the_decisions_and_a_table_instead_of_the_image(records, capsys):
    session = play(records, SMALL, "Sam", [1, 2])
    code, text, _ = cli(capsys, "report", "--data-dir", data_dir(records), "--format", "md")
    assert code == 0
    assert "data:image" not in text and "<img" not in text
    assert text.count("### Turn") == len(session.history)
    assert "| Turn | Cohesion | Engagement | Conflict |" in text
    assert "Thank Ana and open a round." in text
    debrief = debrief_of(session)
    for decision in debrief.decisions:
        assert f"{decision.mark} " in text and decision.verdict_line in text
    assert "seed 0" in text


# -- CSV and JSON -------------------------------------------------------------------------------

def test_csv_has_one_row_per_attempt_with_what_was_stored(records, capsys):
    play(records, SMALL, "Sam", [1, 1])
    play(records, SMALL, "Kim", [2])
    play(records, GRIEF, "Kim", rng_seed=2)
    code, text, _ = cli(capsys, "report", "--data-dir", data_dir(records), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(text)))
    stored = records.attempts()
    assert [int(r["id"]) for r in rows] == [a.id for a in stored]
    for row, attempt in zip(rows, stored):
        assert row["learner"] == attempt.learner and row["scenario"] == attempt.scenario_id
        assert row["choices"] == ",".join(map(str, attempt.choices))
        assert row["outcome"] == attempt.outcome and row["seed"] == str(attempt.seed)
        assert row["started"].startswith("20") and "T" in row["started"]
        for objective, points in attempt.scores.items():
            assert row[f"score:{objective}"] == str(points)
        for number in ("cohesion", "engagement", "avoidance", "conflict"):
            assert float(row[number]) == attempt.final_state["group"][number]


def test_csv_and_json_follow_the_filters(records, capsys):
    play(records, SMALL, "Sam", [1, 1])
    play(records, SMALL, "Kim", [1, 1])
    play(records, GRIEF, "Kim", rng_seed=2)
    _, text, _ = cli(capsys, "report", "--data-dir", data_dir(records), "--format", "csv", "--learner", "Kim")
    assert {r["learner"] for r in csv.DictReader(io.StringIO(text))} == {"Kim"}
    _, text, _ = cli(capsys, "report", "--data-dir", data_dir(records), "--format", "json", "--scenario", "small-test")
    assert {a["scenario"] for a in json.loads(text)["attempts"]} == {"small-test"}
    _, text, _ = cli(capsys, "report", "--data-dir", data_dir(records), "--format", "json", "--scenario", SMALL)
    assert len(json.loads(text)["attempts"]) == 2


def test_the_json_export_is_versioned_and_carries_each_decision(records, capsys):
    sessions = [play(records, GRIEF, "Sam", rng_seed=s) for s in (1, 2)] + [play(records, SMALL, "Sam", [1, 2])]
    code, text, _ = cli(capsys, "report", "--data-dir", data_dir(records), "--format", "json")
    assert code == 0
    document = json.loads(text)
    assert document["kind"] == "circle-attempts" and document["version"] == 1
    assert len(document["attempts"]) == 3
    for exported, session in zip(document["attempts"], sessions):
        assert exported["replayed"] and exported["replay_problem"] is None
        assert exported["choices"] == session.choice_numbers
        assert len(exported["decisions"]) == len(session.history)
        for decision, reaction in zip(exported["decisions"], session.history):
            assert decision["node"] == reaction.node_id
            assert decision["choice_text"] == reaction.choice.text
            assert decision["stance"] == reaction.stance and decision["need"] == reaction.need.stance
            assert decision["fit"] == reaction.fit
            assert decision["verdict"] == reaction.verdict and decision["quality"] == reaction.quality
            assert decision["shown"] == reaction.offered.shown
            assert decision["expert_chosen"] == reaction.choice.expert
            assert (decision["expert_text"] is None) == (reaction.expert is None)
            assert reaction.choice.text in [o["text"] for o in decision["offered"]]


# -- when the scenario file is gone or has changed ----------------------------------------------

def changed_copy(tmp_path, drop_choice: int):
    """A copy of the small scenario with one of the middle node's choices removed."""
    data = yaml.safe_load(SMALL.read_text())
    copy = tmp_path / "small-copy.yaml"
    copy.write_text(yaml.safe_dump(data, sort_keys=False))
    del data["nodes"]["middle"]["choices"][drop_choice]
    return copy, data


def test_a_changed_scenario_is_said_clearly_and_the_stored_attempt_still_exported(records, tmp_path, capsys):
    copy, changed = changed_copy(tmp_path, drop_choice=1)
    play(records, copy, "Sam", [1, 2])                 # the second choice at 'middle'...
    copy.write_text(yaml.safe_dump(changed, sort_keys=False))   # ...is no longer there
    (attempt,) = records.attempts()
    code, text, err = cli(capsys, "report", "--data-dir", data_dir(records), "--format", "json")
    assert code == 0
    assert f"attempt #{attempt.id}" in err and "no longer replay" in err and "changed" in err
    (exported,) = json.loads(text)["attempts"]
    assert not exported["replayed"] and "no longer replay" in exported["replay_problem"]
    assert exported["decisions"] == [] and exported["choices"] == [1, 2]
    assert exported["outcome"] == attempt.outcome and exported["scores"] == attempt.scores
    code, page, err = cli(capsys, "report", "--data-dir", data_dir(records))
    assert code == 0 and "no longer replay" in err
    assert "The decisions cannot be shown" in page and "1, 2" in page and attempt.outcome.capitalize() in page


def test_a_scenario_changed_in_ways_that_still_replay_is_noted(records, tmp_path, capsys):
    copy, _ = changed_copy(tmp_path, drop_choice=1)
    play(records, copy, "Sam", [1, 1])
    copy.write_text(copy.read_text().replace("Six chairs.", "Six chairs, one empty."))
    code, page, err = cli(capsys, "report", "--data-dir", data_dir(records), "--format", "md")
    assert code == 0 and "has changed" in err and "has changed" in page
    assert "### Turn 2" in page


def test_a_moved_scenario_file_is_found_among_the_shipped_ones_by_id(records, tmp_path, capsys):
    moved = tmp_path / "grief-elsewhere.yaml"
    moved.write_text(GRIEF.read_text())
    session = play(records, moved, "Sam", rng_seed=4)
    moved.unlink()
    code, text, err = cli(capsys, "report", "--data-dir", data_dir(records), "--format", "json")
    assert code == 0 and err == ""
    (exported,) = json.loads(text)["attempts"]
    assert exported["replayed"] and len(exported["decisions"]) == len(session.history)


# -- output -------------------------------------------------------------------------------------

def test_output_replaces_the_file_whole_and_leaves_nothing_behind(records, tmp_path, capsys):
    play(records, SMALL, "Sam", [1, 1])
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.html"
    target.write_text("an older report")
    code, printed, _ = cli(capsys, "report", "--data-dir", data_dir(records), "-o", target)
    assert code == 0 and printed == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in out.iterdir()] == ["report.html"]


def test_problems_are_one_clear_line_never_a_traceback(records, tmp_path, capsys):
    code, _, err = cli(capsys, "report", "--data-dir", data_dir(records))
    assert code == 1 and "no finished attempt" in err and "Traceback" not in err
    play(records, SMALL, "Sam", [1, 1])
    code, _, err = cli(capsys, "report", "--data-dir", data_dir(records), "--attempt", 99)
    assert code == 1 and "no attempt #99" in err
    code, _, err = cli(capsys, "report", "--data-dir", data_dir(records), "-o", tmp_path / "missing" / "r.html")
    assert code == 1 and "cannot write" in err and "Traceback" not in err
