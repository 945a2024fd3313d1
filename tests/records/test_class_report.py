"""`class-report`: students' JSON exports gathered into one page for a seminar."""
import json
import re
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

from game.cli import main
from game.records import Records
from game.records.class_report import gather, summarize

from .playing import GRIEF, SMALL, cli, play


def export(records: Records, path) -> str:
    assert main(["report", "--data-dir", str(records.folder), "--format", "json", "-o", str(path)]) == 0
    return str(path)


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    """Two students' exports, and every session they played (to count from independently).

    Made once for the module: the tests only read them.
    """
    folder = tmp_path_factory.mktemp("classroom")
    sessions, files = [], []
    for student, name in enumerate(("Learner-Quill", "Learner-Zephyr")):
        records = Records(folder / name)
        for attempt in range(3):
            sessions.append(play(records, GRIEF, name, rng_seed=10 * student + attempt))
            sessions.append(play(records, SMALL, name, rng_seed=10 * student + attempt))
        files.append(export(records, folder / f"{name}.json"))
        records.close()
    return sessions, files


def expected_nodes(sessions, scenario_id):
    """node -> (attempts reaching it, choice text counts, stances, needs, expert misses), from play itself."""
    nodes = {}
    for session in (s for s in sessions if s.scenario.id == scenario_id):
        for node in {r.node_id for r in session.history}:
            nodes.setdefault(node, [0, Counter(), Counter(), Counter(), 0])[0] += 1
        for r in session.history:
            entry = nodes[r.node_id]
            entry[1][r.choice.text] += 1
            entry[2][r.stance] += 1
            entry[3][r.need.stance] += 1
            entry[4] += r.expert is not None
    return nodes


def test_two_exports_are_counted_per_scenario_and_per_node(classroom):
    sessions, files = classroom
    gathered = gather(files)
    assert gathered.problems == [] and gathered.duplicates == 0
    summaries = {s.id: s for s in summarize(gathered.attempts)}
    assert set(summaries) == {"grief-week3", "small-test"}
    for scenario_id, summary in summaries.items():
        played = [s for s in sessions if s.scenario.id == scenario_id]
        assert summary.attempts == len(played) and summary.learners == 2
        assert summary.outcomes == Counter(s.ending.outcome.value for s in played)
        expected = expected_nodes(sessions, scenario_id)
        assert {n.node for n in summary.nodes} == set(expected)
        for node in summary.nodes:
            reached, choices, stances, needs, missed = expected[node.node]
            assert node.reached == reached
            assert {c.text: c.count for c in node.choices if c.count} == dict(choices)
            assert node.decisions == sum(choices.values())
            assert dict(node.chose) == dict(stances) and dict(node.needed) == dict(needs)
            assert node.expert_missed == missed


def test_the_page_shows_the_shares_computed_from_the_data(classroom, tmp_path, capsys):
    sessions, files = classroom
    out = tmp_path / "class.html"
    code, printed, err = cli(capsys, "class-report", *files, "-o", out)
    assert code == 0 and printed == "", err
    page = out.read_text(encoding="utf-8")
    grief = [s for s in sessions if s.scenario.id == "grief-week3"]
    for outcome, count in Counter(s.ending.outcome.value for s in grief).items():
        assert f"{count} · {round(100 * count / len(grief))}%" in page
    for node, (reached, _, stances, needs, _) in expected_nodes(sessions, "grief-week3").items():
        total = sum(stances.values())
        lead, need_lead = stances["lead"], needs["lead"]
        assert f"Chose: lead {lead} of {total} ({round(100 * lead / total)}%)" in page
        assert f"Group needed: lead {need_lead} of {total} ({round(100 * need_lead / total)}%)" in page
        assert f"reached in {reached} of {len(grief)} attempts" in page
    assert "Most-missed expert choices" in page


def test_the_page_is_self_contained_and_names_no_learner(classroom, capsys):
    _, files = classroom
    code, page, _ = cli(capsys, "class-report", *files)
    assert code == 0 and page.startswith("<!DOCTYPE html>")
    assert not re.search(r"https?://", page) and not re.search(r"<(script|link|img)\b", page)
    assert "<svg" in page and 'role="img"' in page
    assert "Learner-Quill" not in page and "Learner-Zephyr" not in page


def test_the_same_attempt_in_several_files_counts_once(classroom, tmp_path, capsys):
    sessions, files = classroom
    document = json.loads(open(files[0], encoding="utf-8").read())
    # The same attempts, exported again on a machine in another time zone.
    for attempt in document["attempts"]:
        moment = datetime.fromisoformat(attempt["started"]).astimezone(timezone(timedelta(hours=-7)))
        attempt["started"] = moment.isoformat(timespec="milliseconds")
    elsewhere = tmp_path / "again.json"
    elsewhere.write_text(json.dumps(document))
    gathered = gather(files + [files[0], str(elsewhere)])
    assert len(gathered.attempts) == len(sessions)
    assert gathered.duplicates == 2 * len(document["attempts"])
    code, _, err = cli(capsys, "class-report", *files, files[0])
    assert code == 0 and "count once" in err


BAD_FILES = {
    "notes.txt": "These are my notes, not an export.",
    "binary.dat": bytes(range(256)) * 4,
    "other.json": json.dumps({"kind": "something-else", "version": 1, "attempts": []}),
    "newer.json": json.dumps({"kind": "circle-attempts", "version": 2, "attempts": []}),
    "list.json": json.dumps([1, 2, 3]),
    "broken.json": '{"kind": "circle-attempts", "version": 1, "attempts": [',
    "empty.json": "",
    "huge-number.json": '{"kind": "circle-attempts", "version": 1, "attempts": [{"id": 1e999}]}',
}


def write_bad_files(folder):
    paths = []
    for name, content in BAD_FILES.items():
        path = folder / name
        (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
        paths.append(path)
    return paths


def test_foreign_and_broken_files_are_named_and_skipped(classroom, tmp_path, capsys):
    _, files = classroom
    bad = write_bad_files(tmp_path)
    code, page, err = cli(capsys, "class-report", files[0], *bad, tmp_path / "no-such-file.json")
    assert code == 0 and "Traceback" not in err
    for path in bad + [tmp_path / "no-such-file.json"]:
        assert str(path) in err
    assert "newer version" in err and "not valid JSON" in err and "not a text file" in err
    assert page.startswith("<!DOCTYPE html>")


def test_with_no_usable_file_the_command_fails(tmp_path, capsys):
    code, page, err = cli(capsys, "class-report", *write_bad_files(tmp_path))
    assert code == 1 and page == "" and "no usable attempts" in err and "Traceback" not in err


def test_a_damaged_attempt_is_skipped_and_the_rest_of_its_file_counted(classroom, tmp_path):
    sessions, files = classroom
    document = json.loads(open(files[0], encoding="utf-8").read())
    document["attempts"][1]["decisions"][0]["fit"] = "perhaps"
    damaged = tmp_path / "damaged.json"
    damaged.write_text(json.dumps(document))
    gathered = gather([str(damaged)])
    assert len(gathered.attempts) == len(document["attempts"]) - 1
    (problem,) = gathered.problems
    assert str(damaged) in problem and "attempt 2" in problem and "fit" in problem


def test_no_scenario_file_is_needed(classroom, tmp_path, capsys):
    _, files = classroom
    document = json.loads(open(files[0], encoding="utf-8").read())
    for attempt in document["attempts"]:
        attempt["scenario"] = "taught-only-in-class"
        attempt["scenario_title"] = "A scenario nobody has here"
    unknown = tmp_path / "unknown.json"
    unknown.write_text(json.dumps(document))
    code, page, _ = cli(capsys, "class-report", unknown)
    assert code == 0 and "A scenario nobody has here" in page and "Decision by decision" in page
