"""xAPI statements are made with the choice, once, and say what an instructor needs (no LRS here)."""
import json
import os
import re
import stat
import uuid

import pytest

from game.engine import Session
from game.records import AttemptLog, Records, resume
from game.records import xapi
from game.records.lrs_link import join
from game.records.lrs_settings import Lrs
from game.scenario import load_path
from tests.records.playing import GRIEF, RISKY, SMALL, cli

from .xapi_rules import problems_of

NOWHERE = Lrs("http://127.0.0.1:9/xAPI/", "learner:hunter2-secret")
X = xapi.ext


def rows(records):
    return records.db.execute("SELECT verb, turn, choice, voided, body FROM outbox ORDER BY id").fetchall()


def statements(records, verb=None):
    return [json.loads(body) for v, _, _, _, body in rows(records) if verb in (None, v)]


def joined(folder, identify="anonymous"):
    records = Records(folder)
    join(records, NOWHERE, identify, start=False)
    return records


def play(records, path, learner="Ada", plan=(), seed=3):
    session = Session(load_path(path).scenario, seed=seed)
    log = AttemptLog(records, session, learner, str(path))
    plan = list(plan)
    while not session.ended:
        session.choose(plan.pop(0) if plan else session.choices[0].number)
        log.update()
    return session, log


def test_an_attempt_says_initialized_then_one_answered_per_decision_then_completed(tmp_path):
    records = joined(tmp_path)
    session, _ = play(records, GRIEF)
    made = statements(records)
    verbs = [s["verb"]["display"]["en-US"] for s in made]
    assert verbs == ["initialized"] + ["answered"] * len(session.history) + ["completed"]
    assert [s["context"]["extensions"][X("sequence")] for s in made] == list(range(1, len(made) + 1))
    assert len({s["context"]["registration"] for s in made}) == 1
    for statement in made:
        assert problems_of(statement) == [], statement["verb"]


def test_each_answer_carries_the_decision_on_both_axes(tmp_path):
    records = joined(tmp_path)
    session, _ = play(records, RISKY, plan=[4, 2])      # right stance, poor move; then harmful
    answers = statements(records, "answered")
    for reaction, answer in zip(session.history, answers):
        told = answer["result"]["extensions"]
        assert told[X("node")] == reaction.node_id and told[X("stance")] == reaction.stance
        assert told[X("skill")] == reaction.offered.skill and told[X("quality")] == reaction.quality
        assert told[X("verdict")] == reaction.verdict and told[X("need")] == reaction.need.stance
        assert told[X("need-reason")] == reaction.need.text(session.names)
        assert answer["result"]["success"] is (reaction.verdict == "met")
        assert answer["object"]["id"] == xapi.node_iri(session.scenario.id, reaction.node_id)
    assert answers[0]["result"]["extensions"][X("verdict")] == "partly"
    # no moment tried again and no reading of the room asked for: each a first try, no reading invented
    assert all(a["result"]["extensions"][X("try")] == "first-try" for a in answers)
    assert not any(X("reading") in a["result"]["extensions"] for a in answers)


def test_the_completion_says_outcome_safety_and_who_comes_back(tmp_path):
    records = joined(tmp_path)
    session, _ = play(records, RISKY, plan=[2, 1])       # growth, but the risk was missed
    (done,) = statements(records, "completed")
    told = done["result"]["extensions"]
    assert told[X("outcome")] == "growth" and told[X("safe")] is False
    assert done["result"]["success"] is False and done["result"]["completion"] is True
    assert told[X("members")] == {o.member: o.outcome for o in session.member_outcomes()}
    climate = told[X("climate")]   # the GCQ-S scales at the start and the end, 0..6
    assert set(climate["start"]) == set(climate["end"]) == {"engaged", "avoiding", "conflict"}
    assert all(0 <= v <= 6 for part in ("start", "end") for v in climate[part].values())
    assert climate["turns"] == 2


def test_activity_ids_are_the_same_in_every_attempt_and_statement_ids_never_repeat(tmp_path):
    records = joined(tmp_path)
    play(records, SMALL, plan=[1, 1])
    play(records, SMALL, plan=[1, 1], seed=9)
    made = statements(records)
    first, second = made[:len(made) // 2], made[len(made) // 2:]
    assert [s["object"]["id"] for s in first] == [s["object"]["id"] for s in second]
    assert first[0]["object"]["id"] == "https://circle-sim.invalid/xapi/scenarios/small-test"
    ids = [s["id"] for s in made]
    assert len(set(ids)) == len(ids) and all(uuid.UUID(i).version == 4 for i in ids)
    assert first[0]["context"]["registration"] != second[0]["context"]["registration"]


def test_recording_again_replaying_or_resuming_adds_no_statement(tmp_path):
    records = joined(tmp_path)
    session = Session(load_path(GRIEF).scenario, seed=5)
    log = AttemptLog(records, session, "Ada", str(GRIEF))
    for _ in range(3):
        session.choose(session.choices[0].number)
        log.update()
    before = rows(records)
    log.update()
    session.replay(session.choice_numbers)    # a hot reload replays the same choices
    log.update()
    (attempt,) = records.attempts()
    resumed = resume(records, attempt, load_path(GRIEF).scenario)
    resumed.update()
    assert rows(records) == before
    resumed.session.choose(resumed.session.choices[0].number)
    resumed.update()
    assert [r[0] for r in rows(records)[len(before):]] == ["answered"]


def test_an_undo_voids_what_it_took_back_and_the_path_goes_on_from_there(tmp_path):
    records = joined(tmp_path)
    session = Session(load_path(SMALL).scenario, seed=1)
    log = AttemptLog(records, session, "Ada")
    session.choose(1); log.update()
    session.choose(1); log.update()           # an ending
    session.undo(); log.update()
    session.choose(2); log.update()
    voided = {s["object"]["id"] for s in statements(records, "voided")}
    kept = [(v, turn, choice) for v, turn, choice, void, _ in rows(records) if not void and v != "voided"]
    assert kept == [("initialized", None, None), ("answered", 1, 1), ("answered", 2, 2), ("completed", None, None)]
    assert all(problems_of(s) == [] for s in statements(records, "voided"))
    taken_back = [s for s in statements(records) if s["id"] in voided]
    assert [s["verb"]["display"]["en-US"] for s in taken_back] == ["answered", "completed"]


def test_the_learner_is_anonymous_unless_they_choose_to_be_named(tmp_path):
    records = joined(tmp_path / "a")
    play(records, SMALL, "Ada Lovelace", plan=[1, 1])
    play(records, SMALL, "Ada Lovelace", plan=[1, 1])
    play(records, SMALL, "Grace", plan=[1, 1])
    actors = [s["actor"] for s in statements(records, "initialized")]
    assert actors[0] == actors[1] != actors[2]
    assert "Ada" not in json.dumps(statements(records)) and "name" not in actors[0]
    named = joined(tmp_path / "b", identify="name")
    play(named, SMALL, "Ada Lovelace", plan=[1, 1])
    assert statements(named)[0]["actor"]["name"] == "Ada Lovelace"


class Later:
    """A reaction or session as the practice loop will make them: the same, plus what it adds."""

    def __init__(self, inner, **more):
        self._inner, self._more = inner, more

    def __getattr__(self, name):
        return self._more[name] if name in self._more else getattr(self._inner, name)


def test_a_retry_a_reading_and_climate_scores_go_in_when_the_session_has_them(tmp_path):
    records = joined(tmp_path)
    session, _ = play(records, SMALL, plan=[1, 1])
    reaction = session.history[0]
    told = xapi.decision_extensions(Later(reaction, retry=True, reading={"stance": "lead", "member": "ana",
                                                                          "matched": True}))
    assert told[X("try")] == "retry" and told[X("reading")]["matched"] is True
    assert xapi.decision_extensions(Later(reaction, retry=False))[X("try")] == "first-try"
    facts = xapi.AttemptFacts(1, str(uuid.uuid4()), {"objectType": "Agent", "account": {
        "homePage": xapi.LEARNERS, "name": "x"}}, "small-test", "Small", "2025-01-01T00:00:00+00:00", 0, "")
    climate = {"engaged": 4.2, "avoiding": 1.5, "conflict": 0.8}
    done = xapi.completed(facts, 4, 0.0, Later(session, climate=lambda: climate),
                          {"members": [], "choices": [1, 1]})
    assert done["result"]["extensions"][X("climate")] == climate
    assert problems_of(done) == []


def test_a_statement_that_cannot_be_made_never_costs_the_choice_and_is_made_with_the_next(tmp_path, monkeypatch,
                                                                                          capsys):
    records = joined(tmp_path)
    session = Session(load_path(GRIEF).scenario, seed=2)
    log = AttemptLog(records, session, "Ada")
    session.choose(session.choices[0].number)
    monkeypatch.setattr(xapi, "answered", lambda *a, **k: 1 / 0)
    log.update()
    assert records.attempts()[0].choices == session.choice_numbers     # the choice is recorded
    assert "could not be made" in capsys.readouterr().err
    monkeypatch.undo()
    session.choose(session.choices[0].number)
    log.update()
    assert [(v, t) for v, t, _, _, _ in rows(records)] == [("initialized", None), ("answered", 1), ("answered", 2)]


def test_the_password_is_kept_private_and_never_printed(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CIRCLE_LRS_AUTH", raising=False)
    folder = tmp_path / "records"
    code, out, err = cli(capsys, "records", "lrs", "--data-dir", folder,
                         "--url", "http://reader:hunter2-secret@127.0.0.1:9/xAPI", "--identify", "name")
    assert code == 0 and "hunter2" not in out + err
    assert "http://127.0.0.1:9/xAPI/" in out and "credentials: kept in the settings" in out
    kept = folder / "lrs.json"
    assert json.loads(kept.read_text())["auth"] == "reader:hunter2-secret"
    if os.name != "nt":
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert "hunter2" not in repr(NOWHERE)
    records = Records(folder)
    join(records, NOWHERE, start=False)
    play(records, SMALL, plan=[1, 1])
    records.close()
    for fmt in ("json", "csv", "html", "md"):
        code, out, err = cli(capsys, "report", "--data-dir", folder, "--format", fmt)
        assert code == 0 and "hunter2" not in out + err


def test_records_sync_says_when_the_store_is_away_and_keeps_everything(tmp_path, capsys):
    records = joined(tmp_path)
    play(records, SMALL, plan=[1, 1])
    records.close()
    code, out, err = cli(capsys, "records", "sync", "--data-dir", tmp_path, "--lrs", "http://127.0.0.1:9/xAPI/")
    assert code == 1 and re.search(r"cannot be reached .*sent 0 statements, 4 statements still waiting", err)
    code, out, err = cli(capsys, "records", "sync", "--data-dir", tmp_path / "empty")
    assert code == 1 and "no learning record store is set" in err


@pytest.mark.parametrize("address", ["ftp://example.org/xAPI/", "127.0.0.1:8100", "http:///xAPI"])
def test_a_bad_address_is_a_usage_error(address, capsys):
    with pytest.raises(SystemExit) as stopped:
        cli(capsys, "play", SMALL, "--text", "--lrs", address)
    assert stopped.value.code == 2


def test_the_sender_waits_longer_each_time_the_store_is_away_and_keeps_everything(tmp_path):
    from game.records.sender import Sender, connect_db

    records = joined(tmp_path)
    play(records, SMALL, plan=[1, 1])
    sender = Sender(records.path, NOWHERE, first_wait=1.0, longest_wait=8.0)
    db = connect_db(records.path)
    waits = [sender._pass(db) for _ in range(6)]
    db.close()
    for number, wait in enumerate(waits):
        assert 0.8 * min(8.0, 2 ** number) <= wait <= 1.2 * 8.0
    assert "cannot be reached" in sender.last.problem and sender.last.waiting == 4
    assert all(sent is None for (sent,) in records.db.execute("SELECT sent_at FROM outbox"))
