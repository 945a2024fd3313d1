"""Path tests (`paths:`): what they name is checked when the file loads, and `validate` plays
them, each failed expectation one `path-failed` error at the entry's line."""
from __future__ import annotations

import pytest

from game.authoring.paths import path_diagnostics, run_path
from game.engine import Session
from game.scenario import load_text

from .conftest import SMALL

BASE = SMALL.read_text(encoding="utf-8")


def with_paths(block: str):
    """small.yaml with a `paths:` block after it; the result and the line the block starts at."""
    first = BASE.count("\n") + 1
    result = load_text(BASE + "paths:\n" + block, "small.yaml")
    return result, first


def failures(block: str) -> list[str]:
    result, _ = with_paths(block)
    assert result.scenario is not None, [d.format_text("small.yaml") for d in result.errors]
    return [d.message for d in path_diagnostics(result.scenario)]


def test_a_file_without_paths_has_none():
    assert load_text(BASE).scenario.paths == []


def test_a_path_whose_expectations_hold_passes():
    assert failures("""
  - name: expert path
    choices: [1, 2]
    seed: 3
    ending: end_growth
    safe: true
    visits: [middle]
    avoids: [end_stalled]
    no_events: [risk-missed]
    holds: score.universality == 1 and visited.middle
""") == []


def test_an_ending_may_be_an_outcome_and_choices_may_be_written_as_on_the_command_line():
    assert failures("  - {name: grows, choices: '1,2', ending: growth}\n") == []


def test_a_failed_expectation_is_path_failed_at_the_entrys_line_saying_what_happened():
    result, first = with_paths("  - name: silence first\n    choices: [2]\n    ending: growth\n")
    (diagnostic,) = path_diagnostics(result.scenario)
    assert diagnostic.code == "path-failed" and diagnostic.is_error
    assert (diagnostic.line, diagnostic.col) == (first + 1, 5)
    assert diagnostic.message == ("path 'silence first': expected to end at 'growth', but it ended at "
                                  "'end_stalled' (stalled) after 1 choice")


def test_each_failed_expectation_is_its_own_error():
    messages = failures("""
  - name: all wrong
    choices: [1, 2]
    ending: end_stalled
    safe: false
    visits: [end_stalled]
    avoids: [middle]
    events: [breakthrough: ben]
    holds: group.cohesion > 0.99
""")
    assert len(messages) == 6
    assert "expected safe: false, but no risk of harm was missed" in messages[1]
    assert "expected the event 'breakthrough: ben', which never fired (what fired: " in messages[2]
    assert "expected to pass through 'end_stalled', which it never reached (it went: opening > middle > end_growth)" in messages[3]
    assert "expected never to reach 'middle', but it went there at turn 1" in messages[4]
    assert messages[5].startswith("path 'all wrong': expected `group.cohesion > 0.99` to hold at the end, "
                                  "but it does not (group.cohesion = 0.")


def test_choices_left_over_after_the_ending_are_named():
    (message,) = failures("  - {name: too long, choices: [2, 1, 1], ending: stalled}\n")
    assert message == ("path 'too long': it reached the ending 'end_stalled' (stalled) after 1 choice; "
                       "the rest were not used: 1, 1")


def test_a_choice_not_offered_stops_the_path_and_is_the_one_failure():
    (message,) = failures("  - {name: bad number, choices: [1, 4], ending: growth, safe: false}\n")
    assert message == "path 'bad number': choice 2 of the path: choice 4 is not offered at node 'middle' (offered: 1, 2)"


def test_an_event_that_must_not_fire_is_named_with_its_turn():
    session = Session(load_text(BASE).scenario, seed=0)
    session.replay([1, 2])
    fired = [(r.turn, e) for r in session.history for e in r.events]
    assert fired, "this path makes something happen in the room"
    turn, event = fired[0]
    (message, *_) = failures(f"  - {{name: eventful, choices: [1, 2], no_events: [{event.type}]}}\n")
    assert f"expected no event '{event.type}', but it fired: {event.type} {event.member} at turn {turn}" in message


def test_the_path_is_played_with_its_seed():
    result, _ = with_paths("  - {name: seeded, choices: [1], seed: 42}\n")
    assert result.scenario.paths[0].seed == 42
    assert run_path(result.scenario, result.scenario.paths[0]).passed


# -- what a path names must exist -------------------------------------------------------------

@pytest.mark.parametrize("entry,code,words", [
    ("{name: a, choices: [1], ending: end_grwoth}", "unknown-node",
     "no ending node or outcome 'end_grwoth' (did you mean 'end_growth'?)"),
    ("{name: a, choices: [1], ending: middle}", "bad-value", "node 'middle' is not an ending"),
    ("{name: a, choices: [1], visits: [midle]}", "unknown-node", "no node 'midle' (did you mean 'middle'?)"),
    ("{name: a, choices: [1], avoids: [nowhere]}", "unknown-node", "no node 'nowhere'"),
    ("{name: a, choices: [1], events: [risk-mised]}", "bad-value", "(did you mean 'risk-missed'?)"),
    ("{name: a, choices: [1], events: [breakthrough: bne]}", "unknown-member", "no member 'bne' (did you mean 'ben'?)"),
    ("{name: a, choices: [1], holds: group.cohesin > 0.5}", "unknown-name", "unknown name 'group.cohesin'"),
    ("{name: a, choices: [1], holds: cohesion >}", "bad-expression", "cannot read condition"),
    ("{name: a, choices: [0]}", "out-of-range", "'choices' item 1: should be greater than or equal to 1"),
    ("{name: a, choices: [1], expect: growth}", "unknown-key", "unknown key 'expect'"),
    ("{choices: [1]}", "missing-key", "missing required key 'name'"),
])
def test_what_a_path_names_is_checked_at_its_own_line(entry, code, words):
    result, first = with_paths(f"  - {entry}\n")
    found = [d for d in result.errors if d.code == code]
    assert found and words in found[0].message, [d.format_text("s") for d in result.diagnostics]
    assert found[0].line == first + 1


def test_an_underscored_event_name_is_the_same_event():
    assert failures("  - {name: a, choices: [1, 2], no_events: [risk_missed]}\n") == []
