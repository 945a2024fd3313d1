"""Against a real LRS (Ralph): statements arrive valid, exactly once, whatever happens to the LRS,
and the class report made from the LRS is the one made from the students' exported files."""
import json
import subprocess
import time
from collections import Counter
from datetime import datetime, timezone

from game.engine import Session
from game.records import AttemptLog, Records
from game.records.class_report import Gathered, gather, gather_store, summarize
from game.records.lrs import fetch
from game.records.lrs_link import connect, join
from game.records.lrs_settings import Lrs, LrsSettings, write_settings
from game.scenario import load_path
from tests.records.playing import GRIEF, RISKY, SMALL, circle, cli, play

from .local_lrs import LocalLRS, free_port
from .xapi_rules import problems_of

FAST = {"first_wait": 0.1, "longest_wait": 0.5}     # backoff kept short so the tests stay short
VALIDATE = """
import json, sys
from ralph.models.xapi.base.statements import BaseXapiStatement
for statement in json.load(sys.stdin):
    try:
        BaseXapiStatement.model_validate(statement)
    except Exception as err:
        print(statement.get("id"), str(err).replace(chr(10), " ")[:300])
"""


def store_of(lrs: LocalLRS) -> Lrs:
    return Lrs(lrs.endpoint, lrs.auth)


def outbox(records: Records) -> list[tuple[str, float | None]]:
    return records.db.execute("SELECT statement_id, sent_at FROM outbox ORDER BY id").fetchall()


def ralph_says(lrs: LocalLRS, statements: list[dict]) -> list[str]:
    """Ralph's own xAPI models on each statement: a line per statement they reject."""
    python = lrs.program.parent / "python"
    done = subprocess.run([str(python), "-c", VALIDATE], input=json.dumps(statements), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.splitlines()


def held_by(lrs: LocalLRS) -> list[dict]:
    """What the LRS holds, asked with another HTTP client than the one Circle sends with."""
    import requests

    url, found = lrs.endpoint + "statements", []
    for _ in range(1000):
        answer = requests.get(url, auth=(lrs.user, lrs.password), timeout=30,
                              headers={"X-Experience-API-Version": "1.0.3"})
        answer.raise_for_status()
        page = answer.json()
        found += page["statements"]
        if not page.get("more"):
            return found
        url = requests.compat.urljoin(url, page["more"])
    raise AssertionError("the LRS kept offering more statements")


def test_statements_arrive_and_are_valid_xapi_1_0_3(ralph, tmp_path):
    records = Records(tmp_path)
    sender = join(records, store_of(ralph), sender_options=FAST)
    play(records, RISKY, "Ada", [4, 2])
    play(records, GRIEF, "Ada", rng_seed=1)
    session = Session(load_path(SMALL).scenario, seed=2)
    log = AttemptLog(records, session, "Ada", str(SMALL))
    for step in (lambda: session.choose(1), lambda: session.choose(1), session.undo, lambda: session.choose(2)):
        step()
        log.update()                       # the undo voids two statements: voiding is xAPI too
    assert sender.wait_idle(60), sender.last
    sender.close()
    made = {statement_id for statement_id, sent in outbox(records)}
    assert all(sent for _, sent in outbox(records))
    held = {s["id"]: s for s in held_by(ralph) if s["id"] in made}
    assert set(held) == made
    assert all(s["version"] == "1.0.3" for s in held.values())
    assert Counter(s["verb"]["display"]["en-US"] for s in held.values())["voided"] == 2
    assert [p for s in held.values() for p in problems_of(s)] == []
    assert ralph_says(ralph, list(held.values())) == []


def test_the_lrs_stopping_mid_session_costs_nothing_and_every_statement_arrives_exactly_once(tmp_path, monkeypatch):
    lrs = LocalLRS(tmp_path / "lrs").start()
    monkeypatch.setenv("CIRCLE_LRS_AUTH", lrs.auth)
    try:
        records = Records(tmp_path / "records")
        sender = join(records, store_of(lrs), sender_options=FAST)
        session = Session(load_path(GRIEF).scenario, seed=11)
        log = AttemptLog(records, session, "Ada", str(GRIEF))

        def choose():
            started = time.monotonic()
            session.choose(session.choices[0].number)
            log.update()
            assert time.monotonic() - started < 1.0        # play never waits for the LRS

        for _ in range(3):
            choose()
        assert sender.wait_idle(30)
        lrs.stop()
        for _ in range(3):
            choose()
        session.undo()
        log.update()
        choose()
        deadline = time.monotonic() + 20
        while not (sender.last and sender.last.problem) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "cannot be reached" in sender.last.problem
        assert records.attempts()[0].choices == session.choice_numbers
        lrs.start()
        while not session.ended:
            choose()
        assert sender.wait_idle(60), sender.last
        sender.close()
        ids = [statement_id for statement_id, _ in outbox(records)]
        written = Counter(s["id"] for s in lrs.stored())
        assert set(written) == set(ids) and max(written.values()) == 1
        assert all(sent for _, sent in outbox(records))
        # A crash between the LRS's answer and the mark: everything is sent again, kept once.
        records.db.execute("UPDATE outbox SET sent_at = NULL")
        records.close()
        result = circle("records", "sync", "--data-dir", tmp_path / "records", "--lrs", lrs.endpoint)
        assert result.returncode == 0 and f"sent {len(ids)} statements" in result.stdout
        assert Counter(s["id"] for s in lrs.stored()) == written
    finally:
        lrs.stop()


def test_what_waits_is_sent_on_the_next_start(ralph, tmp_path):
    records = Records(tmp_path)
    join(records, Lrs(f"http://127.0.0.1:{free_port()}/xAPI/"), start=False)
    play(records, SMALL, "Ada", [1, 1])
    waiting = [statement_id for statement_id, sent in outbox(records) if sent is None]
    assert len(waiting) == 4
    records.close()
    write_settings(tmp_path, LrsSettings(endpoint=ralph.endpoint, auth=ralph.auth))
    records = Records(tmp_path)
    sender = connect(records, sender_options=FAST)
    assert sender.wait_idle(30), sender.last
    sender.close()
    assert set(waiting) <= {s["id"] for s in fetch(store_of(ralph))}


def test_play_goes_on_with_the_lrs_away_and_records_sync_sends_what_waits(ralph, lrs_auth, tmp_path):
    away = f"http://127.0.0.1:{free_port()}/xAPI/"
    started = time.monotonic()
    result = circle("play", SMALL, "--text", "--learner", "Sam", "--data-dir", tmp_path, "--lrs", away,
                    input="\n1\n1\n")
    assert result.returncode == 0 and time.monotonic() - started < 30, result.stderr
    result = circle("records", "sync", "--data-dir", tmp_path, "--lrs", ralph.endpoint)
    assert result.returncode == 0 and "sent 4 statements" in result.stdout and lrs_auth not in result.stdout
    result = circle("records", "sync", "--data-dir", tmp_path, "--lrs", ralph.endpoint)
    assert result.returncode == 0 and "nothing was waiting" in result.stdout


def test_play_with_the_lrs_there_sends_as_it_goes(ralph, lrs_auth, tmp_path):
    result = circle("play", SMALL, "--text", "--learner", "Sam", "--data-dir", tmp_path, "--lrs", ralph.endpoint,
                    input="\n1\n1\n")
    assert result.returncode == 0, result.stderr
    records = Records(tmp_path)
    sent = {statement_id for statement_id, when in outbox(records) if when}
    assert len(outbox(records)) == 4 and sent <= {s["id"] for s in fetch(store_of(ralph))}
    result = circle("records", "sync", "--data-dir", tmp_path, "--lrs", ralph.endpoint)
    assert result.returncode == 0 and (len(sent) == 4) == ("nothing was waiting" in result.stdout)


def a_class(folder, lrs: Lrs) -> list[str]:
    """Two students play (ends, a missed risk, an undo, one left unfinished) and export."""
    files = []
    for number, name in enumerate(("Learner-Quill", "Learner-Zephyr")):
        records = Records(folder / name)
        sender = join(records, lrs, sender_options=FAST)
        play(records, GRIEF, name, rng_seed=number)
        play(records, RISKY, name, [2, 1])
        play(records, SMALL, name, [1, 1])
        play(records, GRIEF, name, rng_seed=10 + number, stop_after=3)
        session = Session(load_path(SMALL).scenario, seed=number)
        log = AttemptLog(records, session, name, str(SMALL))
        for choice in (1, 1):
            session.choose(choice)
            log.update()
        session.undo()
        log.update()
        assert sender.wait_idle(60), sender.last
        sender.close()
        records.close()
        files.append(str(folder / f"{name}.json"))
        assert circle("report", "--data-dir", folder / name, "--format", "json", "-o", files[-1]).returncode == 0
    return files


def body(html: str) -> str:
    """The report without the lines that name its source and the time it was made."""
    return "\n".join(line for line in html.splitlines() if 'class="lede">' not in line[:40] and "<footer>" not in line)


def test_the_class_report_from_the_lrs_is_the_one_from_exported_files(ralph, lrs_auth, tmp_path, capsys):
    since = datetime.now(timezone.utc)
    files = a_class(tmp_path, store_of(ralph))
    from_files = gather(files)
    from_store = gather_store(Gathered(), ralph.endpoint, fetch(store_of(ralph)), since=since)
    assert from_store.problems == [] and len(from_store.attempts) == len(from_files.attempts) == 10
    assert summarize(from_store.attempts) == summarize(from_files.attempts)
    code, _, err = cli(capsys, "class-report", *files, "-o", tmp_path / "files.html")
    assert code == 0, err
    code, _, err = cli(capsys, "class-report", "--lrs", ralph.endpoint, "--since", since.isoformat(),
                       "-o", tmp_path / "lrs.html")
    assert code == 0 and "10 attempts" in err and lrs_auth not in err
    from_lrs = (tmp_path / "lrs.html").read_text()
    assert body(from_lrs) == body((tmp_path / "files.html").read_text())
    assert f"the learning record store at {ralph.endpoint}" in from_lrs and "not-a-real-secret" not in from_lrs
    code, _, err = cli(capsys, "class-report", "--lrs", ralph.endpoint, "--since", since.isoformat(),
                       "--scenario", "small-test", "-o", tmp_path / "small.html")
    assert code == 0 and "4 attempts" in err
    code, _, err = cli(capsys, "class-report", "--lrs", ralph.endpoint, "--since", "2999-01-01")
    assert code == 1 and "no usable attempts in the store" in err


def test_the_lrs_refusing_the_credentials_is_said_plainly(ralph, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CIRCLE_LRS_AUTH", "circle-test:wrong-password")
    code, _, err = cli(capsys, "class-report", "--lrs", ralph.endpoint)
    assert code == 1 and "refused the credentials" in err and "wrong-password" not in err
