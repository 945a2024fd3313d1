"""`simulate --audit` (TEACHING.md): it catches the scenarios a student could win without reading
the group, and passes an honest one."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from game.authoring.audit import AUDIT_POLICIES, audit
from game.scenario import load_text

ROOT = Path(__file__).resolve().parents[2]
MEMBERS = """\
format: 1
id: audit-test
objectives: {o: Read the group.}
members: [{id: ana, name: Ana}, {id: ben, name: Ben}, {id: cai, name: Cai},
          {id: dee, name: Dee}, {id: eli, name: Eli}, {id: fay, name: Fay}]
group: {start: {cohesion: 0.6, conflict: 0.1}}
start: n1
nodes:
"""
ENDINGS = """\
  last:
    need: {stance: lead, why: the session is ending}
    choices:
      - {text: Close., stance: lead, expert: true, feedback: f, next: [{if: score.o >= 4, goto: best}, {goto: flat}]}
      - {text: Stay., stance: follow, feedback: f, next: [{if: score.o >= 4, goto: best}, {goto: flat}]}
  best:
    ending: {outcome: breakthrough}
  flat:
    ending: {outcome: stalled}
"""


def honest_node(name: str, needed: str, then: str) -> str:
    """Four choices of about the same length, no warm words, no pleasant skills: only the one
    of the needed stance done well scores."""
    other = "follow" if needed == "lead" else "lead"
    return f"""\
  {name}:
    need: {{stance: {needed}, why: the author knows}}
    choices:
      - {{text: Option alpha goes now., stance: {needed}, skill: questioning, expert: true, score: {{o: 1}}, feedback: f, next: {then}}}
      - {{text: Option beta goes on too., stance: {needed}, skill: questioning, quality: poor, feedback: f, next: {then}}}
      - {{text: Option gamma goes on too., stance: {other}, skill: questioning, quality: good, feedback: f, next: {then}}}
      - {{text: Option delta goes on and on., stance: {other}, skill: questioning, quality: poor, feedback: f, next: {then}}}
"""


def honest() -> str:
    stances = ["lead", "follow", "follow", "lead"]
    nodes = [honest_node(f"n{i + 1}", s, f"n{i + 2}" if i < 3 else "last") for i, s in enumerate(stances)]
    return MEMBERS + "".join(nodes) + ENDINGS


def longest_wins() -> str:
    """The expert is always the longest text, and only experts score."""
    text = honest()
    return text.replace("Option alpha goes now.", "'Option alpha is the long, careful and considered one.'")


def unsafe_good() -> str:
    """Ana hints at a risk; a path that never checks it can still reach the breakthrough."""
    text = honest().replace("  n1:\n", "  n1:\n    lines:\n      - {speaker: ana, text: \"I won't be around.\", risk: true}\n", 1)
    return text.replace("      - {text: Option beta goes on too., stance: lead,",
                        "      - {text: 'Ana, are you safe?', stance: lead, targets: [ana], checks_risk: true,"
                        " score: {o: 1}, feedback: f, next: n2}\n      - {text: Option beta goes on too., stance: lead,", 1)


def codes(report) -> dict[str, str]:
    return {f.code: f.severity for f in report.findings}


def test_an_honest_scenario_passes_with_no_findings():
    report = audit(load_text(honest()).scenario, runs=60, seed=0)
    assert report.findings == [], [f.message for f in report.findings]
    assert report.agreement == 1.0 and report.good_share("expert") == 1.0
    assert all(report.good_share(p) <= 0.8 for p in AUDIT_POLICIES[1:])


def test_a_scenario_the_longest_text_wins_is_caught():
    report = audit(load_text(longest_wins()).scenario, runs=60, seed=0)
    assert codes(report).get("cue-wins") == "error" and codes(report).get("tell-longest") == "warning"
    assert any("'longest'" in f.message for f in report.findings if f.code == "cue-wins")
    assert not report.ok


def test_a_good_ending_reached_with_a_risk_missed_is_caught_and_never_counted_good():
    report = audit(load_text(unsafe_good()).scenario, runs=60, seed=0)
    assert codes(report).get("good-ending-unsafe") == "error"
    assert report.good_share("expert") == 0.0, "the expert never checks Ana's risk, so never ends well"


def test_an_expert_the_model_disagrees_with_is_caught_with_its_nodes():
    swapped = honest().replace("need: {stance: follow, why: the author knows}", "need: {stance: lead, why: the author disagrees}")
    report = audit(load_text(swapped).scenario, runs=20, seed=0)
    finding = next(f for f in report.findings if f.code == "expert-disagrees")
    assert finding.severity == "error" and {"n2", "n3"} <= set(finding.nodes)


def test_the_command_prints_the_contract_json_and_exits_1_on_an_error(tmp_path):
    path = tmp_path / "gameable.yaml"
    path.write_text(longest_wins(), encoding="utf-8")
    done = subprocess.run([sys.executable, "main.py", "simulate", str(path), "--audit", "--runs", "20", "--json"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    assert set(data) >= {"scenario", "runs", "seed", "policies", "agreement", "findings"}
    assert set(data["policies"]) == set(AUDIT_POLICIES)
    for row in data["policies"].values():
        assert set(row) >= {"good", "breakthrough", "mean_final", "met"}
        assert 0 <= row["good"] <= 1 and 0 <= row["met"] <= 1
    assert {"code", "severity", "message", "nodes"} <= set(data["findings"][0])
    text = subprocess.run([sys.executable, "main.py", "simulate", str(path), "--audit", "--runs", "20"],
                          cwd=ROOT, capture_output=True, text=True)
    assert text.returncode == 1 and "cue-wins" in text.stdout and "fix:" in text.stdout


def test_an_honest_scenario_exits_0(tmp_path):
    path = tmp_path / "honest.yaml"
    path.write_text(honest(), encoding="utf-8")
    done = subprocess.run([sys.executable, "main.py", "simulate", str(path), "--audit", "--runs", "30"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
