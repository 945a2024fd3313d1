"""The class report over exports that carry practice: the reading-match rate per scenario from
each learner's readings, the expert choices missed counted by the first try at each moment, and
exports from before practice was kept still read (as "no readings")."""
from __future__ import annotations

import json

from game.cli import main
from game.records import Records
from game.records.class_report import gather, summarize
from game.records.exchange import read_attempts

from .playing import GRIEF, SMALL, cli, play
from .practising import practise


def export(records: Records, path) -> str:
    assert main(["report", "--data-dir", str(records.folder), "--format", "json", "-o", str(path)]) == 0
    return str(path)


def two_learners(tmp_path):
    """Two learners who read the room at every moment and try missed moments again."""
    sessions, files = [], []
    for number, name in enumerate(("Learner-A", "Learner-B")):
        records = Records(tmp_path / name)
        sessions += [practise(records, GRIEF, name, rng_seed=10 * number + seed, retry_share=0.8)[0]
                     for seed in (1, 2)]
        files.append(export(records, tmp_path / f"{name}.json"))
        records.close()
    return sessions, files


def test_the_reading_match_rate_comes_from_both_learners_readings(tmp_path, capsys):
    sessions, files = two_learners(tmp_path)
    (summary,) = summarize(gather(files).attempts)
    readings = [r for s in sessions for r in s.readings]
    assert summary.readings_asked == len(readings) > 0
    assert summary.readings_matched == sum(r.matched for r in readings)
    code, page, err = cli(capsys, "class-report", *files)
    assert code == 0, err
    share = round(100 * summary.readings_matched / summary.readings_asked)
    assert f"Reading the room: {summary.readings_matched} of {len(readings)} ({share}%) matched" in page


def test_a_retry_that_found_the_expert_choice_does_not_hide_the_first_miss(tmp_path):
    sessions, files = two_learners(tmp_path)
    expected: dict[str, int] = {}
    for session in sessions:
        numbers = session.choice_numbers
        for i, reaction in enumerate(session.history):
            path = tuple(numbers[:i])
            first = next((t.reaction for t in session.tries if t.path == path), reaction)
            has_expert = reaction.choice.expert or reaction.expert is not None
            if has_expert and not first.choice.expert:
                expected[reaction.node_id] = expected.get(reaction.node_id, 0) + 1
    (summary,) = summarize(gather(files).attempts)
    assert {n.node: n.expert_missed for n in summary.nodes if n.expert_missed} == expected
    hidden = [r for s in sessions for i, r in enumerate(s.history)
              if r.retry and r.choice.expert
              and not next(t for t in s.tries if t.path == tuple(s.choice_numbers[:i])).reaction.choice.expert]
    assert hidden, "some moment was missed first and met with the expert choice on a retry"


def test_exports_carry_each_attempts_tries_and_readings(tmp_path):
    sessions, files = two_learners(tmp_path)
    attempts = [a for f in files for a in read_attempts(f)[0]]
    assert [len(a.tries) for a in attempts] == [len(s.tries) for s in sessions]
    assert [[r.matched for r in a.readings] for a in attempts] == [[r.matched for r in s.readings] for s in sessions]
    assert [[d.retries for d in a.decisions] for a in attempts] == [[r.retry for r in s.history] for s in sessions]


def test_an_export_from_before_practice_still_reads_and_says_no_readings(tmp_path, capsys):
    records = Records(tmp_path / "old")
    play(records, SMALL, "Learner-C", rng_seed=1)
    path = tmp_path / "old.json"
    export(records, path)
    records.close()
    document = json.loads(path.read_text())
    for attempt in document["attempts"]:
        for key in ("tries", "readings", "play_settings", "climate"):
            attempt.pop(key, None)
        for decision in attempt["decisions"]:
            for key in ("retries", "first_verdict", "first_choice_text", "first_expert_chosen", "reading_matched"):
                decision.pop(key, None)
    path.write_text(json.dumps(document))
    code, page, err = cli(capsys, "class-report", path)
    assert code == 0, err
    assert "Reading the room: no readings." in page
