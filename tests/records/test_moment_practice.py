"""Practising one moment: the choices played to reach it are never counted as the learner's."""
from __future__ import annotations

import json

from game.engine import Session
from game.present import practise_from
from game.records import AttemptLog, Records
from game.scenario import load_path

from .playing import GRIEF, circle, cli

MOMENT = "rosa_fills_silence"


def practise_moment(records: Records, learner: str) -> Session:
    session = Session(load_path(GRIEF).scenario, seed=4)
    practise_from(session, MOMENT)
    log = AttemptLog(records, session, learner, str(GRIEF))
    session.subscribe(log.update)
    while not session.ended:
        session.choose(session.choices[-1].number)
    return session


def test_the_lead_in_is_kept_with_the_attempt_and_left_out_of_progress(tmp_path, capsys):
    records = Records(tmp_path)
    session = practise_moment(records, "Ana")
    attempt = records.attempts(learner="Ana")[0]
    assert attempt.play_settings["lead_in"] == session.lead_in > 0
    records.close()
    code, out, _ = cli(capsys, "progress", "--learner", "Ana", "--json", "--data-dir", str(tmp_path))
    counted = json.loads(out)["skills"]
    assert code == 0
    assert sum(s["tried"] for s in counted.values()) == session.turn - session.lead_in


def test_play_at_a_moment_in_the_terminal_says_so_and_refuses_an_unknown_one(tmp_path):
    done = circle("play", "grief-week3", "--text", "--at", MOMENT, "--no-records", "--seed", "1",
                  input="\nq\n")
    assert done.returncode == 0, done.stderr
    assert "You start at the moment you chose to practise" in done.stdout
    node = load_path(GRIEF).scenario.nodes[MOMENT]
    assert node.narration.strip().split()[0] in done.stdout
    wrong = circle("play", "grief-week3", "--text", "--at", "nowhere", "--no-records", input="q\n")
    assert wrong.returncode != 0 and "no such node" in wrong.stderr and "Traceback" not in wrong.stderr
