"""The report of one practised attempt (Markdown, HTML) and the CSV of every attempt: first tries
and retries apart, each reading of the room beside the model's, the members' climate from start
to end, and each skill named with its ASGW domain."""
from __future__ import annotations

import csv
import html
import io
import re

from game.scenario.skill_domains import skill_with_domain
from game.sim.climate import session_climate

from .playing import GRIEF, cli
from .practising import practised_until_a_retry

from game.records import Records


def report(capsys, records, attempt_id, fmt) -> str:
    code, out, err = cli(capsys, "report", "--data-dir", records.folder, "--attempt", attempt_id, "--format", fmt)
    assert code == 0, err
    return out


def practised(tmp_path):
    records = Records(tmp_path / "data")
    session, log = practised_until_a_retry(records, GRIEF, "Sam", retry_share=0.8)
    return records, session, log.attempt_id


def test_markdown_shows_first_tries_and_retries_apart_and_each_reading(tmp_path, capsys):
    records, session, attempt_id = practised(tmp_path)
    text = report(capsys, records, attempt_id, "md")
    retried = [r for r in session.history if r.retry]
    assert text.count("This choice came after") == len(retried) > 0
    assert text.count("Your reading first:") == sum(1 for r in session.history if r.reading is not None)
    matched = sum(1 for r in session.history if r.reading is not None and r.reading.matched)
    assert text.count(" matched the group's (") == matched
    assert f"Moments tried again: {len({r.turn for r in retried})}." in text
    made = len(session.readings)
    assert f"Reading the room: {sum(r.matched for r in session.readings)} of {made} reading" in text


def test_the_members_climate_start_and_end_are_those_of_the_replayed_history(tmp_path, capsys):
    records, session, attempt_id = practised(tmp_path)
    climate = session_climate(session.history, session.state)
    text = report(capsys, records, attempt_id, "md")
    for scale in ("engaged", "avoiding", "conflict"):
        start, end = getattr(climate.start, scale), getattr(climate.end, scale)
        assert f"{scale} {start:.1f} → {end:.1f}" in text


def test_html_names_each_skill_with_its_domain_and_escapes_what_it_shows(tmp_path, capsys):
    records, session, attempt_id = practised(tmp_path)
    page = report(capsys, records, attempt_id, "html")
    for reaction in session.history:
        if reaction.offered.skill:
            assert f'<span class="skill">{html.escape(skill_with_domain(reaction.offered.skill))}</span>' in page
    numbers = session.choice_numbers
    for i, reaction in enumerate(session.history):
        if reaction.retry:
            first = next(t for t in session.tries if t.path == tuple(numbers[:i]))
            assert html.escape(f"First try: “{first.reaction.choice.text}”") in page
    assert page.count('<p class="first-try">') == sum(1 for r in session.history if r.retry)


def test_csv_counts_retries_first_tries_and_readings_per_attempt(tmp_path, capsys):
    records, session, attempt_id = practised(tmp_path)
    code, out, err = cli(capsys, "report", "--data-dir", records.folder, "--format", "csv")
    assert code == 0, err
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert int(row["retried"]) == sum(1 for r in session.history if r.retry)
    numbers = session.choice_numbers
    first_met = 0
    for i, reaction in enumerate(session.history):
        first = next((t.reaction for t in session.tries if t.path == tuple(numbers[:i])), reaction)
        first_met += first.verdict == "met"
    assert int(row["first_tries_met"]) == first_met
    assert int(row["readings"]) == len(session.readings)
    assert int(row["readings_matched"]) == sum(r.matched for r in session.readings)
    climate = session_climate(session.history, session.state)
    assert float(row["gcq_engaged_end"]) == round(climate.end.engaged, 2)


def test_a_first_try_written_as_markup_is_shown_as_text(tmp_path, capsys):
    from game.engine import Session
    from game.records import AttemptLog
    from game.scenario import load_path

    from .playing import SMALL

    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(SMALL.read_text().replace("Stay quiet.", "<img src=x onerror=alert(1)> [link](http://x)"))
    records = Records(tmp_path / "data")
    session = Session(load_path(hostile).scenario, seed=0, ask_every=True)
    log = AttemptLog(records, session, "Sam", str(hostile))
    session.subscribe(log.update)
    session.read_room("follow")
    session.choose(next(c.number for c in session.choices if c.choice.text.startswith("<img")))
    assert session.can_retry, "staying quiet while Ana runs on does not meet the need"
    session.retry()
    session.choose(next(c.number for c in session.choices if c.choice.expert))
    page = report(capsys, records, log.attempt_id, "html")
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    text = report(capsys, records, log.attempt_id, "md")
    assert "\\<img src=x" in text                                  # shown as the text it is
    assert not re.search(r"(?<!\\)<img", text) and not re.search(r"(?<!\\)\]\(http", text)
