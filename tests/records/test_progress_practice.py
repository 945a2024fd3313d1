"""`progress` over records where moments were tried again and the room was read.

A try taken back was tried, and so was the retry after it: each counts for its skill as it was.
A moment counts once among the moments missed, by its first try, so meeting the need at a retry
never hides that it was missed first.
"""
from __future__ import annotations

import json
from collections import Counter

import pytest

from game.records import Records
from game.scenario.model import Skill

from .playing import GRIEF, cli
from .practising import practise, practised_until_a_retry


@pytest.fixture
def records(tmp_path):
    store = Records(tmp_path / "data")
    yield store
    store.close()


def progress(capsys, records, *extra) -> tuple[str, str]:
    code, out, err = cli(capsys, "progress", "--data-dir", str(records.folder), "--learner", "Sam", *extra)
    assert code == 0, err
    return out, err


def every_decision(session) -> list[tuple[tuple, str, str | None, str]]:
    """(moment path, node, skill, verdict) of each try taken back and each choice kept."""
    made = [(t.path, t.node_id, t.reaction.offered.skill, t.reaction.verdict) for t in session.tries]
    numbers = session.choice_numbers
    made += [(tuple(numbers[:i]), r.node_id, r.offered.skill, r.verdict) for i, r in enumerate(session.history)]
    return made


def test_skills_count_each_try_taken_back_and_each_retry(records, capsys):
    sessions = [practised_until_a_retry(records, GRIEF, "Sam", first_seed=s)[0] for s in (0, 40)]
    tried, met = Counter(), Counter()
    for session in sessions:
        for _, _, skill, verdict in every_decision(session):
            if skill:
                tried[skill] += 1
                met[skill] += verdict == "met"
    found = json.loads(progress(capsys, records, "--json")[0])
    assert found["skills"] == {s.value: {"tried": tried[s.value], "met": met[s.value]} for s in Skill}
    assert sum(tried.values()) > sum(1 for s in sessions for r in s.history if r.offered.skill)


def test_the_text_says_how_many_decisions_were_retries(records, capsys):
    session, _ = practised_until_a_retry(records, GRIEF, "Sam")
    out, _ = progress(capsys, records)
    retries = len(session.tries)       # each try taken back was followed by a retry at its moment
    words = "was a retry" if retries == 1 else "were retries"
    assert f", {retries} {words} of a moment tried again" in out


def test_a_moment_missed_first_and_met_on_a_retry_still_counts_as_missed(records, capsys):
    for rng_seed in range(300):
        session, log = practise(records, GRIEF, "Sam", rng_seed=rng_seed)
        fixed = [t for t in session.tries
                 if any(tuple(session.choice_numbers[:i]) == t.path and r.verdict == "met"
                        for i, r in enumerate(session.history))]
        if fixed:
            break
        records.discard(log.attempt_id)
    else:
        pytest.fail("no attempt met a need at a retry")
    first_misses = Counter()
    seen = set()
    for path, node, _, verdict in every_decision(session):
        if path not in seen:
            seen.add(path)
            first_misses[node] += verdict != "met"
    node = fixed[0].node_id
    out, _ = progress(capsys, records)
    assert f"at '{node}': not met at the first try {first_misses[node]} of" in out


def test_next_after_retries_names_only_moments_and_scenarios_that_exist(records, capsys):
    for first in (0, 40, 80):
        practised_until_a_retry(records, GRIEF, "Sam", first_seed=first)
    suggestions = json.loads(progress(capsys, records, "--json")[0])["next"]
    from game.scenario import load_path
    nodes = load_path(GRIEF).scenario.nodes
    assert suggestions
    for suggestion in suggestions:
        if suggestion["scenario"] == "grief-week3" and suggestion["node"] is not None:
            assert suggestion["node"] in nodes and not nodes[suggestion["node"]].ending
    keys = [(s["scenario"], s["node"]) for s in suggestions]
    assert len(set(keys)) == len(keys)


def test_a_damaged_reading_is_named_and_not_counted(records, capsys):
    session, log = practised_until_a_retry(records, GRIEF, "Sam")
    records.db.execute("UPDATE readings SET matched = 'yes' WHERE attempt_id = ? AND seq = 0", (log.attempt_id,))
    out, err = progress(capsys, records, "--json")
    kept = session.readings[1:]
    assert json.loads(out)["reading"] == {"asked": len(kept), "matched": sum(r.matched for r in kept)}
    assert f"a reading of the room (#0) of attempt #{log.attempt_id} is damaged" in err
