"""Hot reload replays the choices on the edited file, or keeps the last good version."""
from pathlib import Path

from game.engine import Session, reload_session
from game.scenario import load_path, load_text

SMALL = Path(__file__).resolve().parents[1] / "scenario" / "small.yaml"


def played():
    session = Session(load_path(SMALL).scenario, seed=2)
    session.choose(1)
    return session


def test_an_edit_to_text_lands_where_the_trainee_was():
    session = played()
    edited = load_text(SMALL.read_text().replace("Ben looks at the floor.", "Ben stares at the floor."))
    outcome = reload_session(session, edited)
    assert outcome.ok and outcome.session.node_id == "middle"
    assert outcome.session.node.narration == "Ben stares at the floor."
    assert outcome.session.choice_numbers == [1]


def test_a_file_with_errors_keeps_the_last_good_version_and_says_why():
    session = played()
    broken = load_text(SMALL.read_text().replace("next: middle", "next: nowhere"))
    outcome = reload_session(session, broken)
    assert outcome.session is session and not outcome.ok
    assert any("unknown-node" in p for p in outcome.problems)


def test_a_choice_that_no_longer_fits_stops_at_the_last_point_that_exists():
    session = played()
    session.choose(1)  # ends at end_growth
    fewer = SMALL.read_text().replace(
        "      - text: Ben, you have been quiet.", "      - if: turn > 99\n        text: Ben, you have been quiet.")
    outcome = reload_session(session, load_text(fewer))
    assert outcome.ok and outcome.session.node_id == "middle"
    assert outcome.session.choice_numbers == [1] and "no longer fits" in outcome.message
