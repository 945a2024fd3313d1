"""The terminal front end under hostile input: any answer only asks again, and nothing it
prints can act on the terminal, even text that never went through the validator."""
import io
from pathlib import Path

import pytest

from game.engine import Session
from game.scenario import load_path
from game.text import TextPlay
from game.text.play import offered_number

SMALL = Path(__file__).resolve().parents[1] / "scenario" / "small.yaml"


def play(keys: str, scenario=None):
    session = Session(scenario or load_path(SMALL).scenario, seed=1)
    out = io.StringIO()
    code = TextPlay(session, stdin=io.StringIO(keys), stdout=out, coach=True).run()
    return code, out.getvalue(), session


@pytest.mark.parametrize("answer", ["9" * 5000, "1" + "0" * 4400, "²", "١", "0", "-1", "+1", " 1 2", "\x00", "\x1b[2J",
                                    "\u202e1", "\u200b"])
def test_any_answer_that_is_not_an_offered_number_asks_again(answer):
    code, text, session = play(f"\n{answer}\n1\n1\n")
    assert code == 0 and session.ended
    assert "Please type a number from 1 to 2" in text


def test_offered_number_takes_only_short_ascii_digits():
    assert offered_number("2", 2) and not offered_number("3", 2)
    assert not offered_number("٢", 2) and not offered_number("9" * 5000, 2)


def test_text_from_a_file_is_printed_with_its_control_characters_escaped():
    """The validator refuses such text; this is the second line of defence (a scenario
    built in code, or a check that missed one)."""
    scenario = load_path(SMALL).scenario
    node = scenario.nodes["opening"]
    node.narration = "Six chairs.\x1b[2J\x1b]0;owned\x07 \u202eevil\nSecond line.\tTabbed."
    node.choices[0].text = "Thank Ana\x1b[31m and open a round."
    _, text, _ = play("\n1\n1\n", scenario)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "Six chairs.\\x1b[2J" in text and "\\u202eevil" in text
    assert "Second line." in text and "Thank Ana\\x1b[31m and open a round." in text
