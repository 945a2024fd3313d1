"""xAPI statements of a practised attempt: a choice taken back to try again stays on record as the
first try, the answer made in its place says it is a retry, and a reading of the room goes with
the answer made after it, as a plain object that says whether it matched."""
from __future__ import annotations

import json

from game.records import Records, xapi
from game.records.lrs_link import join
from game.records.lrs_settings import Lrs

from .playing import GRIEF
from .practising import practised_until_a_retry

NOWHERE = Lrs("http://127.0.0.1:9/xAPI/", "learner:secret")
X = xapi.ext


def answers(records) -> list[tuple[int, int, bool, dict]]:
    """(turn, choice number, voided, body) of every answered statement, in the order made."""
    found = records.db.execute("SELECT turn, choice, voided, body FROM outbox WHERE verb = 'answered' ORDER BY id")
    return [(turn, choice, bool(voided), json.loads(body)) for turn, choice, voided, body in found]


def test_a_try_taken_back_stays_a_first_try_and_the_answer_after_it_is_a_retry(tmp_path):
    records = Records(tmp_path)
    join(records, NOWHERE, "anonymous", start=False)
    session, _ = practised_until_a_retry(records, GRIEF, "Ada", retry_share=1.0)
    made = answers(records)
    assert not any(voided for _, _, voided, _ in made), "a retry takes nothing off the record"
    numbers = session.choice_numbers
    moments = {tuple(t.path) for t in session.tries} | {tuple(numbers[:i]) for i in range(len(session.history))}
    decisions = len(session.tries) + len(session.history)
    labels = [body["result"]["extensions"][X("try")] for _, _, _, body in made]
    assert len(made) == decisions
    assert labels.count("first-try") == len(moments)
    assert labels.count("retry") == decisions - len(moments) >= 1
    taken_back = sorted((t.turn, t.number, t.reaction.verdict) for t in session.tries)
    on_record = sorted((turn, choice, body["result"]["extensions"][X("verdict")]) for turn, choice, _, body in made)
    assert all(item in on_record for item in taken_back)


def test_a_reading_goes_with_the_answer_made_after_it_as_a_plain_object(tmp_path):
    records = Records(tmp_path)
    join(records, NOWHERE, "anonymous", start=False)
    session, _ = practised_until_a_retry(records, GRIEF, "Ada")
    standing = {(turn, choice): body for turn, choice, voided, body in answers(records) if not voided}
    for reaction in session.history:
        told = standing[(reaction.turn, reaction.offered.number)]["result"]["extensions"]
        reading = reaction.reading
        assert reading is not None, "asked at every node"
        assert told[X("reading")] == json.loads(json.dumps(reading.as_dict()))
        assert told[X("reading")]["matched"] is reading.matched
