"""Reports speak both axes of the verdict, safety first, and never call an unsafe ending good.

Built on a small scenario in which Wren hints at a risk of harm (risky.yaml): moving on from it
ends in growth, but unsafe.
"""
import csv
import html
import io
import json
import re

import pytest

from game.engine import debrief_of
from game.records import Records
from game.records.class_report import UNSAFE, gather, summarize
from game.records.exchange import read_attempts

from .playing import CHECKED, GRIEF, MISSED_RISK, POORLY_CHECKED, RISKY, SAFE_STALL, SMALL, UNSAFE_STALL, cli, play


@pytest.fixture
def records(tmp_path):
    store = Records(tmp_path / "data")
    yield store
    store.close()


def report(capsys, records, *more) -> str:
    code, text, err = cli(capsys, "report", "--data-dir", str(records.folder), *more)
    assert code == 0, err
    return text


def decision_blocks(page: str) -> list[tuple[str, str]]:
    """(the verdict in the block's class, the block's HTML), one per decision, in order."""
    return re.findall(r'<li class="decision (\w+)"><article>(.*?)</article></li>', page, re.S)


def body_text(page: str) -> str:
    """The page's words in reading order, tags dropped."""
    body = page[page.index("<main>"):]
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


# -- the learner's report ---------------------------------------------------------------------

def test_the_report_starts_with_the_missed_risk_then_who_may_not_come_back(records, capsys):
    session = play(records, RISKY, "Sam", MISSED_RISK)
    debrief = debrief_of(session)
    assert not session.safe and debrief.missed_risks
    words = body_text(report(capsys, records))
    heading_end = words.index("decisions", words.index("seed")) + len("decisions")
    first = words.index(debrief.missed_risks[0])
    assert words[heading_end:first].strip(" ·\n") == ""          # nothing comes between
    dropping = [o.reason for o in debrief.members if o.outcome == "may_drop_out"]
    assert dropping and all(first < words.index(reason) < words.index("Unsafe") for reason in dropping)


def test_an_unsafe_ending_is_said_and_never_styled_as_good(records, capsys):
    play(records, RISKY, "Sam", MISSED_RISK)
    page = report(capsys, records)
    outcome = re.search(r'<section class="outcome (\w+)"[^>]*>(.*?)</section>', page, re.S)
    assert outcome.group(1) == "unsafe"
    assert "Unsafe: a risk of harm was missed" in outcome.group(2) and "Growth" in outcome.group(2)
    play(records, RISKY, "Sam", CHECKED)
    page = report(capsys, records)
    assert re.search(r'<section class="outcome (\w+)"', page).group(1) == "good"
    assert "Unsafe" not in page[page.index("<main>"):page.index("Compared with your other attempts")]


@pytest.mark.parametrize("plan", [MISSED_RISK, CHECKED, POORLY_CHECKED, SAFE_STALL])
def test_only_a_met_need_earns_a_tick(records, capsys, plan):
    session = play(records, RISKY, "Sam", plan)
    debrief = debrief_of(session)
    page = report(capsys, records)
    blocks = decision_blocks(page)
    assert [verdict for verdict, _ in blocks] == [d.verdict for d in debrief.decisions]
    for (verdict, block), decision in zip(blocks, debrief.decisions):
        assert ("✓" in block) == (verdict == "met")
        assert html.escape(decision.verdict_line) in block
        assert f"The move itself: {'a poor move' if decision.quality == 'poor' else ''}" in block
        assert f"(choice {decision.shown} as shown)" in block
    assert page.count("✓") == sum(d.verdict == "met" for d in debrief.decisions)


def test_a_right_stance_with_a_poor_move_is_partly_met_and_says_what_was_wrong(records, capsys):
    play(records, RISKY, "Sam", POORLY_CHECKED)
    page = report(capsys, records)
    (verdict, block), (_, harmful) = decision_blocks(page)
    assert verdict == "partly" and "~ Partly met" in block and "a poor move" in block
    assert "✓" not in block and "shames" in block
    assert "a harmful move" in harmful and "✓" not in harmful
    assert "took the right stance with a poor or harmful move" in page


def test_ticks_follow_the_verdict_in_a_shipped_scenario_too(records, capsys):
    for seed in (1, 2, 3):
        session = play(records, GRIEF, "Sam", rng_seed=seed)
        verdicts = [d.verdict for d in debrief_of(session).decisions]
        blocks = decision_blocks(report(capsys, records))
        assert [v for v, _ in blocks] == verdicts
        assert all(("✓" in block) == (v == "met") for v, block in blocks)


def test_the_report_lists_who_comes_back_with_the_reasons(records, capsys):
    session = play(records, RISKY, "Sam", MISSED_RISK, seed=7)
    page = report(capsys, records)
    section = page[page.index("Who comes back"):page.index("</table>", page.index("Who comes back"))]
    outcomes = debrief_of(session).members
    assert {o.member for o in outcomes} == {"wren", "ana", "ben"}
    for outcome in outcomes:
        assert html.escape(outcome.reason) in section
    assert section.index("Wren") < section.index("Ana")          # who may not come back first
    assert "seed 7" in page[:page.index("</header>")]


def test_markdown_tells_the_same_story(records, capsys):
    session = play(records, RISKY, "Sam", MISSED_RISK)
    debrief = debrief_of(session)
    text = report(capsys, records, "--format", "md")
    lines = [line for line in text.splitlines() if line.strip()]
    assert debrief.missed_risks[0] in lines[2] and "seed 0" in lines[1]
    assert text.index(debrief.missed_risks[0]) < text.index("## Outcome")
    assert "## Who comes back" in text
    sections = text.split("### Turn")[1:]
    for section, decision in zip(sections, debrief.decisions):
        assert ("✓" in section) == decision.met
    assert text.count("✓") == debrief.fits


def test_the_comparison_never_calls_an_unsafe_ending_the_best(records, capsys):
    play(records, RISKY, "Sam", MISSED_RISK)      # growth, unsafe
    play(records, RISKY, "Sam", SAFE_STALL)       # stalled, safe
    page = report(capsys, records)
    section = page[page.index("Compared with your other attempts"):]
    assert "Your best outcome here: stalled (this one)" in section
    assert "unsafe (growth)" in section and "no: a risk was missed" in section


# -- what the instructor gets -------------------------------------------------------------------

def test_the_csv_keeps_its_columns_and_counts_no_unsafe_ending_as_good(records, capsys):
    plans = [MISSED_RISK, CHECKED, POORLY_CHECKED, UNSAFE_STALL]
    sessions = [play(records, RISKY, "Sam", plan) for plan in plans]
    rows = list(csv.DictReader(io.StringIO(report(capsys, records, "--format", "csv"))))
    assert list(rows[0])[:16] == ["id", "learner", "scenario", "digest", "seed", "choices", "started", "finished",
                                  "outcome", "ending", "score:safety", "cohesion", "engagement", "avoidance",
                                  "conflict", "decisions"]
    for row, session in zip(rows, sessions):
        decisions = debrief_of(session).decisions
        assert row["safe"] == ("yes" if session.safe else "no")
        assert row["good"] == ("yes" if session.good_ending else "no")
        assert row["fits"] == str(sum(d.fit for d in decisions))
        for verdict in ("met", "partly", "missed"):
            assert row[verdict] == str(sum(d.verdict == verdict for d in decisions))
        assert ("wren" in row["may_drop_out"].lower()) == (not session.safe)
    assert rows[0]["outcome"] == "growth" and rows[0]["good"] == "no" and "Wren" in rows[0]["missed_risks"]


def test_the_json_carries_safety_and_member_outcomes(records, capsys):
    session = play(records, RISKY, "Sam", MISSED_RISK)
    (exported,) = json.loads(report(capsys, records, "--format", "json"))["attempts"]
    assert exported["safe"] is False and exported["good"] is False and exported["outcome"] == "growth"
    assert exported["missed_risks"] == list(debrief_of(session).missed_risks)
    assert {m["member"]: m["outcome"] for m in exported["members"]} == session.trace()["ending"]["members"]
    assert all(m["reason"] and m["name"] for m in exported["members"])
    qualities = {o["text"]: o["quality"] for o in exported["decisions"][0]["offered"]}
    assert qualities["Wren, you're not going to do anything stupid, are you?"] == "poor"


def test_an_attempt_that_no_longer_replays_keeps_its_stored_safety(records, tmp_path, capsys):
    copy = tmp_path / "risky-copy.yaml"
    copy.write_text(RISKY.read_text())
    play(records, copy, "Sam", MISSED_RISK)
    copy.unlink()
    (attempt,) = records.attempts()
    assert attempt.safe is False and attempt.member_outcomes["wren"] == "may_drop_out"
    (exported,) = json.loads(report(capsys, records, "--format", "json"))["attempts"]
    assert not exported["replayed"] and exported["safe"] is False and exported["good"] is False
    page = report(capsys, records)
    assert "Unsafe" in page and re.search(r'<section class="outcome (\w+)"', page).group(1) == "unsafe"
    assert page.index("Risk missed") < page.index("The decisions cannot be shown")


# -- the class report ---------------------------------------------------------------------------

def export(records, path, capsys) -> str:
    report(capsys, records, "--format", "json", "-o", path)
    return str(path)


def test_an_attempt_that_missed_a_risk_is_not_counted_as_good_in_the_class_report(tmp_path, capsys):
    store = Records(tmp_path / "class")
    plans = [MISSED_RISK, CHECKED, UNSAFE_STALL, POORLY_CHECKED]
    sessions = [play(store, RISKY, "Learner-A", plan) for plan in plans]
    exported = export(store, tmp_path / "a.json", capsys)
    store.close()
    (summary,) = summarize(gather([exported]).attempts)
    assert summary.outcomes["growth"] == 3                       # as authored...
    assert summary.good == sum(s.good_ending for s in sessions) == 2   # ...but only the safe ones are good
    assert summary.endings[UNSAFE] == 2 and summary.endings["growth"] == 2 and summary.endings["stalled"] == 0
    assert summary.missed_risk == 2 and sum(summary.endings.values()) == len(plans)
    wren = next(m for m in summary.members if m.member == "wren")
    assert summary.members[0] is wren and wren.outcomes["may_drop_out"] == 2
    code, page, _ = cli(capsys, "class-report", exported)
    assert code == 0
    assert "Good endings (breakthrough or growth, and safe): 2 of 4" in page
    assert "A risk of harm was missed in 2 of 4 attempts" in page
    assert "Unsafe: a risk of harm was missed" in page and "Who may not come back" in page
    growth_bar = re.search(r'<span class="label">Growth</span>.*?<span class="count">([^<]+)</span>', page, re.S)
    assert growth_bar.group(1) == "2 · 50%"


def test_class_report_nodes_count_met_needs_on_both_axes(tmp_path, capsys):
    store = Records(tmp_path / "class")
    sessions = [play(store, RISKY, "Learner-A", plan) for plan in (CHECKED, POORLY_CHECKED, MISSED_RISK)]
    exported = export(store, tmp_path / "a.json", capsys)
    store.close()
    (summary,) = summarize(gather([exported]).attempts)
    opening = next(n for n in summary.nodes if n.node == "opening")
    made = [s.history[0] for s in sessions]
    assert opening.met == sum(r.met for r in made) and opening.partly == sum(r.verdict == "partly" for r in made)
    assert opening.fits == sum(r.fit for r in made) and opening.judged == 3
    _, page, _ = cli(capsys, "class-report", exported)
    assert f"need met (right stance and a sound move) in {opening.met} of 3" in page
    assert "poor move · " in page and "harmful move · " in page


def test_older_exports_without_the_new_keys_are_still_read_and_never_counted_as_good(tmp_path, capsys):
    store = Records(tmp_path / "old")
    play(store, SMALL, "Learner-A", [1, 1])
    play(store, RISKY, "Learner-A", MISSED_RISK)
    document = json.loads(open(export(store, tmp_path / "new.json", capsys), encoding="utf-8").read())
    store.close()
    for attempt in document["attempts"]:
        for key in ("safe", "good", "missed_risks", "members"):
            attempt.pop(key)
        for decision in attempt["decisions"]:
            for key in ("verdict", "verdict_line", "quality", "shown"):
                decision.pop(key)
            for option in decision["offered"]:
                option.pop("quality")
    old = tmp_path / "old.json"
    old.write_text(json.dumps(document))
    attempts, skipped = read_attempts(old)
    assert skipped == [] and len(attempts) == 2
    small, risky = attempts
    assert small.safety is True and small.good                      # judged by its events
    assert risky.safety is False and not risky.good                 # its risk-missed event says so
    assert all(not d.met for a in attempts for d in a.decisions)    # no verdict: never counted as met
    document["attempts"][0]["decisions"] = []
    old.write_text(json.dumps(document))
    unknown, _ = read_attempts(old)
    assert unknown[0].safety is None and not unknown[0].good
    code, page, _ = cli(capsys, "class-report", old)
    assert code == 0 and "older exports" in page
