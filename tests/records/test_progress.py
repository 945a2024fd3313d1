"""`progress`: a learner's skills over all their attempts, the moments missed most, what next.

Every count is checked against the sessions as they were played, not against numbers copied
from the code: a skill's `tried` is how many decisions used it, `met` how many of those had the
verdict `met`.
"""
from __future__ import annotations

import json
import shutil
from collections import Counter

import pytest

from game.records import Records
from game.scenario.model import Skill

from .playing import CHECKED, GRIEF, MISSED_RISK, RISKY, SMALL, cli, play
from .practising import practise


@pytest.fixture
def records(tmp_path):
    store = Records(tmp_path / "data")
    yield store
    store.close()


def progress_json(capsys, records, *extra) -> dict:
    code, out, err = cli(capsys, "progress", "--json", "--data-dir", str(records.folder), *extra)
    assert code == 0, err
    return json.loads(out)


def expected_skills(*sessions) -> dict[str, dict[str, int]]:
    tried, met = Counter(), Counter()
    for session in sessions:
        for reaction in session.history:
            if reaction.offered.skill:
                tried[reaction.offered.skill] += 1
                met[reaction.offered.skill] += reaction.verdict == "met"
    return {s.value: {"tried": tried[s.value], "met": met[s.value]} for s in Skill}


def not_met(*sessions) -> Counter:
    return Counter((s.scenario.id, r.node_id) for s in sessions for r in s.history if r.verdict != "met")


# -- the JSON ---------------------------------------------------------------------------------

def test_json_has_exactly_skills_reading_and_next(records, capsys):
    play(records, GRIEF, "Sam", rng_seed=1)
    found = progress_json(capsys, records, "--learner", "Sam")
    assert set(found) == {"skills", "reading", "next"}
    assert set(found["skills"]) == {s.value for s in Skill}
    assert all(set(tally) == {"tried", "met"} for tally in found["skills"].values())
    assert found["reading"] == {"asked": 0, "matched": 0}
    assert found["next"] and all(set(s) == {"scenario", "node", "why"} for s in found["next"])


def test_each_skill_counts_its_tries_and_its_met_verdicts_over_all_attempts(records, capsys):
    sessions = [play(records, GRIEF, "Sam", rng_seed=seed) for seed in (1, 2, 3)]
    sessions.append(play(records, RISKY, "Sam", MISSED_RISK))
    found = progress_json(capsys, records, "--learner", "Sam")
    assert found["skills"] == expected_skills(*sessions)
    assert sum(t["tried"] for t in found["skills"].values()) > 10


def test_an_unfinished_attempt_counts_the_decisions_it_made(records, capsys):
    session = play(records, GRIEF, "Sam", rng_seed=4, stop_after=3)
    assert not session.ended
    found = progress_json(capsys, records, "--learner", "Sam")
    assert found["skills"] == expected_skills(session)
    assert sum(t["tried"] for t in found["skills"].values()) == 3


def test_only_the_learners_own_attempts_count(records, capsys):
    mine = play(records, GRIEF, "Sam", rng_seed=1)
    play(records, SMALL, "Kim", rng_seed=2)
    assert progress_json(capsys, records, "--learner", "Sam")["skills"] == expected_skills(mine)


def test_without_learner_the_name_given_when_playing_is_used(records, capsys):
    mine = play(records, RISKY, "Sam", CHECKED)
    play(records, GRIEF, "Kim", rng_seed=2)
    records.set_setting("learner", "Sam")
    assert progress_json(capsys, records)["skills"] == expected_skills(mine)


# -- what to practise next ----------------------------------------------------------------------

def test_the_moment_missed_most_comes_first_in_next(records, capsys):
    sessions = [play(records, GRIEF, "Sam", rng_seed=seed) for seed in (1, 2, 3)]
    missed = not_met(*sessions)
    most = max(missed.values())
    first = progress_json(capsys, records, "--learner", "Sam")["next"][0]
    assert missed[(first["scenario"], first["node"])] == most
    assert f"Not met at the first try {most} of" in first["why"]


def test_with_no_attempts_the_tutorial_comes_first(records, capsys):
    found = progress_json(capsys, records, "--learner", "Nobody")
    assert found["next"][0] == {"scenario": "tutorial", "node": None,
                                "why": found["next"][0]["why"]}
    assert all(s["node"] is None for s in found["next"])
    assert found["skills"] == expected_skills()


def test_suggestions_never_repeat_a_scenario_or_moment(records, capsys):
    for seed in (1, 2, 3, 4):
        play(records, GRIEF, "Sam", rng_seed=seed)
    suggestions = progress_json(capsys, records, "--learner", "Sam")["next"]
    assert 1 <= len(suggestions) <= 3
    keys = [(s["scenario"], s["node"]) for s in suggestions]
    assert len(set(keys)) == len(keys)
    wholes = [s["scenario"] for s in suggestions if s["node"] is None]
    assert not set(wholes) & {s["scenario"] for s in suggestions if s["node"] is not None}


# -- reading the room -------------------------------------------------------------------------

def test_reading_counts_the_readings_made_in_the_learners_attempts(records, capsys):
    mine = [practise(records, GRIEF, "Sam", rng_seed=seed)[0] for seed in (1, 2)]
    practise(records, GRIEF, "Kim", rng_seed=3)
    made = [reading for session in mine for reading in session.readings]
    assert made, "asking at every node makes readings"
    found = progress_json(capsys, records, "--learner", "Sam")["reading"]
    assert found == {"asked": len(made), "matched": sum(r.matched for r in made)}


# -- text, and attempts that cannot be replayed --------------------------------------------------

def test_text_names_each_skill_with_its_asgw_domain_and_the_moments_missed(records, capsys):
    sessions = [play(records, GRIEF, "Sam", rng_seed=seed) for seed in (1, 2)]
    code, out, err = cli(capsys, "progress", "--learner", "Sam", "--data-dir", str(records.folder))
    assert code == 0, err
    assert out.startswith("Progress: Sam\n2 attempts at 1 scenario")
    assert "Implementation of group interventions" in out
    (scenario, node), count = not_met(*sessions).most_common(1)[0]
    assert f"at '{node}': not met at the first try {count} of" in out
    assert "What to practise next:\n  1. " in out
    assert "Reading the room: no readings kept yet." in out


def test_an_attempt_whose_scenario_is_gone_is_named_and_not_counted(records, capsys, tmp_path):
    copy = tmp_path / "small-copy.yaml"
    shutil.copy(SMALL, copy)
    play(records, copy, "Sam", rng_seed=1)
    kept = play(records, GRIEF, "Sam", rng_seed=2)
    copy.unlink()
    code, out, err = cli(capsys, "progress", "--json", "--learner", "Sam", "--data-dir", str(records.folder))
    assert code == 0
    assert "could not be replayed" in err and "its decisions are not counted" in err
    assert json.loads(out)["skills"] == expected_skills(kept)


# -- the rules behind `next`, on counts given directly --------------------------------------------

def test_a_weak_skill_points_to_a_moment_whose_recommended_move_uses_it():
    from game.records.progress import Progress, SkillTally, suggest
    from game.scenario import load_path

    library = [load_path(GRIEF).scenario, load_path(SMALL).scenario]
    progress = Progress("Sam", attempts=3)
    progress.played.update({"grief-week3": 3, "small-test": 1})
    progress.good.update({"grief-week3", "small-test"})
    progress.skills["drawing_out"] = SkillTally(tried=4, met=1)
    (suggestion,) = suggest(progress, library)
    scenario = next(s for s in library if s.id == suggestion.scenario)
    expert = next(c for c in scenario.nodes[suggestion.node].choices if c.expert)
    assert expert.skill == Skill.drawing_out
    assert suggestion.why.startswith("Drawing out (Implementation of group interventions) met the group's need 1 of 4")


def test_a_scenario_never_ended_well_is_suggested_again_when_nothing_else_is():
    from game.records.progress import Progress, suggest

    progress = Progress("Sam", attempts=2)
    progress.played.update({"grief-week3": 2})
    (suggestion,) = suggest(progress, [])
    assert (suggestion.scenario, suggestion.node) == ("grief-week3", None)
    assert "never yet to a safe breakthrough or growth" in suggestion.why
