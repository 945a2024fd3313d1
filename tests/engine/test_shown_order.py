"""No answer key in the layout (TEACHING.md): choices are shown lead first, then follow, each in
an order drawn from the attempt's seed and the node's id; `run` keeps the authored numbers and
the trace says what each choice was numbered on screen."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from game.engine import Session
from game.scenario import load_text

ROOT = Path(__file__).resolve().parents[2]

MANY = """\
format: 1
id: order-test
objectives: {o: An objective.}
members: [{id: ana, name: Ana}, {id: ben, name: Ben}, {id: cai, name: Cai},
          {id: dee, name: Dee}, {id: eli, name: Eli}, {id: fay, name: Fay}]
start: pick
nodes:
  pick:
    choices:
      - {text: Expert lead., stance: lead, expert: true, next: again, score: {o: 1}}
      - {text: Follow one., stance: follow, next: again}
      - {text: Lead two., stance: lead, next: again}
      - {text: Follow two., stance: follow, next: again}
      - {text: Lead three., stance: lead, next: again}
      - {text: Follow three., stance: follow, next: again}
  again:
    choices:
      - {text: Back., stance: lead, expert: true, next: pick}
      - {text: End., stance: follow, next: end}
  end:
    ending: {outcome: growth}
"""


def scenario():
    return load_text(MANY).scenario


def test_lead_choices_come_first_then_follow_numbered_as_shown():
    for seed in range(20):
        shown = Session(scenario(), seed=seed).shown_choices
        stances = [c.stance for c in shown]
        assert stances == sorted(stances, key=lambda s: s != "lead")
        assert [c.shown for c in shown] == list(range(1, len(shown) + 1))
        assert sorted(c.number for c in shown) == [1, 2, 3, 4, 5, 6]


def test_the_expert_is_not_always_first():
    firsts = {Session(scenario(), seed=seed).shown_choices[0].choice.expert for seed in range(30)}
    assert firsts == {True, False}


def test_the_same_seed_shows_the_same_order_again_even_on_a_revisit():
    session = Session(scenario(), seed=7)
    first_visit = [c.index for c in session.shown_choices]
    session.choose(1)
    session.choose(1)          # back to 'pick'
    assert session.node_id == "pick"
    assert [c.index for c in session.shown_choices] == first_visit
    assert [c.index for c in Session(scenario(), seed=7).shown_choices] == first_visit


def test_choose_shown_takes_the_choice_under_that_number_and_the_trace_says_so():
    session = Session(scenario(), seed=3)
    third = session.shown_choices[2]
    reaction = session.choose_shown(3)
    assert reaction.offered.index == third.index
    step = session.trace()["steps"][0]
    assert step["choice"] == third.number and step["shown"] == 3


def test_run_keeps_the_authored_numbers_and_adds_shown_quality_verdict_and_why(tmp_path):
    path = tmp_path / "order.yaml"
    path.write_text(MANY, encoding="utf-8")
    out = subprocess.run([sys.executable, "main.py", "run", str(path), "--choices", "1,2", "--seed", "5"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    trace = json.loads(out)
    first = trace["steps"][0]
    assert first["choice"] == 1 and first["stance"] == "lead"
    expected = next(c.shown for c in Session(scenario(), seed=5).shown_choices if c.number == 1)
    assert first["shown"] == expected
    assert first["quality"] == "best" and first["verdict"] in ("met", "partly", "missed")
    assert isinstance(first["why"], str) and first["why"]
    assert trace["ending"]["safe"] is True and set(trace["ending"]["members"]) == {"ana", "ben", "cai", "dee", "eli", "fay"}


def test_with_a_risk_open_the_debrief_recommends_the_check_not_the_nodes_expert():
    from game.engine import debrief_of
    text = MANY.replace("  pick:\n", "  pick:\n    lines:\n      - {speaker: ana, text: \"I won't be here next week.\", risk: true}\n", 1)
    text = text.replace("      - {text: Lead three., stance: lead, next: again}",
                        "      - {text: 'Ana, do you mean you might not be alive?', stance: lead, targets: [ana],"
                        " checks_risk: true, quality: good, next: again}")
    session = Session(load_text(text).scenario, seed=1)
    session.choose(1)          # the node's expert, which does not check Ana's risk
    decision = debrief_of(session).decisions[0]
    assert decision.verdict == "missed"
    assert decision.expert_text == "Ana, do you mean you might not be alive?"


def test_with_a_risk_open_and_no_check_offered_the_nodes_own_expert_is_recommended():
    """The recommendation is the expert of the node where the choice was made, never of the
    node the story moved on to (whose expert here is another choice's number)."""
    from game.engine import debrief_of
    text = MANY.replace("  pick:\n", "  pick:\n    lines:\n      - {speaker: ana, text: \"I won't be here next week.\", risk: true}\n", 1)
    text = text.replace("      - {text: Back., stance: lead, expert: true, next: pick}\n"
                        "      - {text: End., stance: follow, next: end}",
                        "      - {text: Back., stance: lead, next: pick}\n"
                        "      - {text: End., stance: follow, expert: true, next: end}\n"
                        "      - {text: 'Ana, are you safe?', stance: lead, targets: [ana], checks_risk: true,"
                        " next: pick}")
    scenario = load_text(text).scenario
    assert scenario is not None
    session = Session(scenario, seed=1)
    session.choose(2)          # "Follow one.": neither the expert nor a check of Ana's risk
    decision = debrief_of(session).decisions[0]
    assert decision.expert_text == "Expert lead."
