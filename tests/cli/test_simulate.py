"""`simulate`: seeded playthroughs, policies, coverage, stuck and failing runs, the exhaustive check."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.exhaustive import exhaustive
from game.authoring.simulate import MAX_TURNS, simulate
from game.engine import Session
from game.scenario import load_path, load_text

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))

HEADER = """\
format: 1
id: sim-test
objectives: {share: Share the floor.}
members:
  - {id: ana, name: Ana}
  - {id: ben, name: Ben}
  - {id: cai, name: Cai}
  - {id: dee, name: Dee}
  - {id: eli, name: Eli}
  - {id: fay, name: Fay}
start: opening
nodes:
"""

# Two decisions, both stances everywhere, an expert at each node, four endings.
BRANCHING = HEADER + """\
  opening:
    choices:
      - {text: Open a round., stance: lead, expert: true, next: middle}
      - {text: Wait., stance: follow, next: middle}
      - {text: Ask Ana., stance: lead, next: aside}
  middle:
    choices:
      - {text: Link them., stance: lead, next: good}
      - {text: Stay with it., stance: follow, expert: true, next: fine}
  aside:
    choices:
      - {text: Summarise., stance: lead, expert: true, next: fine}
      - {text: Let it go., stance: follow, next: bad}
  good: {ending: {outcome: breakthrough}}
  fine: {ending: {outcome: growth}}
  bad: {ending: {outcome: rupture}}
  orphan:
    choices:
      - {text: Never seen., stance: lead, next: good}
"""

# `middle` offers nothing: both of its conditions are false on every path.
STUCK = HEADER + """\
  opening:
    choices:
      - {text: Go on., stance: lead, next: middle}
      - {text: Wait., stance: follow, next: middle}
  middle:
    choices:
      - {text: Only later., stance: lead, if: turn > 50, next: done}
      - {text: Only when close., stance: follow, if: group.cohesion > 0.99, next: done}
  done: {ending: {outcome: growth}}
"""

# A loop whose only exit needs more turns than any run may take.
CYCLE = HEADER + """\
  opening:
    choices:
      - {text: Round again., stance: lead, next: again}
      - {text: Leave., stance: follow, if: turn > 100000, next: done}
  again:
    choices:
      - {text: Back., stance: follow, next: opening}
  done: {ending: {outcome: stalled}}
"""


def scenario_of(text: str):
    result = load_text(text)
    assert result.scenario is not None, [d.message for d in result.errors]
    return result.scenario


def replayed(scenario, seed: int, choices) -> Session:
    session = Session(scenario, seed=seed)
    session.replay(list(choices))
    return session


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


# -- every run is accounted for, and reproducible ------------------------------------------------

@pytest.mark.parametrize("policy", ["random", "lead", "follow", "expert"])
def test_every_run_ends_once_and_is_counted_once(policy):
    report = simulate(scenario_of(BRANCHING), runs=30, policy=policy, seed=5)
    assert report.ok
    assert sum(report.endings.values()) == 30
    assert sum(report.ending_nodes.values()) == 30


def test_run_i_uses_seed_plus_i_and_its_choices_replay_to_its_ending():
    scenario = scenario_of(BRANCHING)
    report = simulate(scenario, runs=12, policy="random", seed=40)
    assert [r.seed for r in report.results] == list(range(40, 52))
    for result in report.results:
        session = replayed(scenario, result.seed, result.choices)
        assert session.node_id == result.ending_node
        assert session.state.cohesion == pytest.approx(result.final["cohesion"])
        session.close()


def test_same_arguments_give_the_same_report_and_another_seed_another_history():
    scenario = scenario_of(BRANCHING)
    first = simulate(scenario, runs=25, policy="random", seed=3)
    again = simulate(scenario, runs=25, policy="random", seed=3)
    assert first.as_dict() == again.as_dict()
    assert [r.choices for r in first.results] == [r.choices for r in again.results]
    other = simulate(scenario, runs=25, policy="random", seed=4)
    assert [r.choices for r in other.results] != [r.choices for r in first.results]


def test_sessions_are_closed_so_the_shared_machine_does_not_grow():
    scenario = scenario_of(BRANCHING)
    simulate(scenario, runs=3)
    from game.engine.machine import machine_for
    before = len(machine_for(scenario).machine.models)
    simulate(scenario, runs=40)
    exhaustive(scenario)
    assert len(machine_for(scenario).machine.models) == before


# -- policies ------------------------------------------------------------------------------------

def taken_stances(report) -> set[str]:
    coverage = report.coverage
    return {coverage.choice(key).stance.value for key, hits in coverage.choice_hits.items() if hits}


def test_lead_and_follow_policies_take_their_stance_whenever_it_is_offered():
    scenario = scenario_of(BRANCHING)
    assert taken_stances(simulate(scenario, runs=20, policy="lead")) == {"lead"}
    assert taken_stances(simulate(scenario, runs=20, policy="follow")) == {"follow"}


def test_a_stance_policy_takes_any_choice_where_its_stance_is_not_offered():
    only_lead = HEADER + """\
  opening:
    choices:
      - {text: Lead., stance: lead, next: done}
      - {text: Also lead., stance: lead, next: done}
  done: {ending: {outcome: growth}}
"""
    report = simulate(scenario_of(only_lead), runs=10, policy="follow")
    assert report.ok and report.endings["growth"] == 10


def test_expert_policy_takes_the_expert_choice_at_every_node():
    report = simulate(scenario_of(BRANCHING), runs=15, policy="expert")
    hits = report.coverage.choice_hits
    assert hits[("opening", 0)] == 15 and hits[("middle", 1)] == 15
    assert report.endings["growth"] == 15


def test_random_policy_prefers_untried_choices_so_n_runs_cover_n_choices():
    six = HEADER + "  opening:\n    choices:\n" + "".join(
        f"      - {{text: Choice {i}., stance: {'lead' if i % 2 else 'follow'}, next: done}}\n" for i in range(6)
    ) + "  done: {ending: {outcome: growth}}\n"
    report = simulate(scenario_of(six), runs=6, policy="random", seed=11)
    assert report.coverage.choices_dict()["taken"] == 6


def test_unknown_policy_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown policy 'cautious'"):
        simulate(scenario_of(BRANCHING), runs=1, policy="cautious")


# -- coverage and summary numbers ----------------------------------------------------------------

def test_unreachable_node_and_its_choices_are_reported_never_reached():
    data = simulate(scenario_of(BRANCHING), runs=40).as_dict()
    assert data["nodes"]["never"] == ["orphan"]
    assert data["nodes"]["visited"] == data["nodes"]["total"] - 1
    assert {"node": "orphan", "choice": 1, "text": "Never seen."} in data["choices"]["never"]
    assert all(c["node"] == "orphan" for c in data["choices"]["never"])


def test_node_hits_count_visits_and_choice_hits_count_takes():
    data = simulate(scenario_of(BRANCHING), runs=30).as_dict()
    assert data["nodes"]["hits"]["opening"] == 30
    assert sum(data["choices"]["hits"]["opening"].values()) == 30
    endings = sum(data["nodes"]["hits"][n] for n in ("good", "fine", "bad"))
    assert endings == 30


def test_mean_turns_and_final_state_summarise_the_runs():
    scenario = scenario_of(BRANCHING)
    report = simulate(scenario, runs=1, seed=9)
    (only,) = report.results
    session = replayed(scenario, 9, only.choices)
    assert report.mean_turns == 2  # every path here makes exactly two choices
    for name, value in report.as_dict()["mean_final"].items():
        assert value == pytest.approx(getattr(session.state, name), abs=1e-4)
    session.close()


# -- stuck, circling and raising runs ------------------------------------------------------------

def test_stuck_run_names_the_node_the_seed_and_the_choices_that_reproduce_it():
    scenario = scenario_of(STUCK)
    report = simulate(scenario, runs=4, seed=20)
    assert not report.ok and len(report.stuck) == 4
    for problem in report.stuck:
        assert "middle" in problem.message and "turn > 50" in problem.message
        session = replayed(scenario, problem.seed, problem.choices)
        assert session.stuck and session.node_id == "middle"
        session.close()


def test_a_cycle_with_no_way_out_is_stopped_at_the_turn_cap_and_reported():
    report = simulate(scenario_of(CYCLE), runs=1)
    (problem,) = report.stuck
    assert len(problem.choices) == MAX_TURNS
    assert "no ending after" in problem.message and "'again'" in problem.message


def test_a_run_that_raises_is_reported_with_the_choices_up_to_the_failure(monkeypatch):
    import game.engine.session as session_module

    real_step = session_module.step

    def failing_step(state, move, world, seed, turn, **more):
        if turn == 2:
            raise ZeroDivisionError("model broke")
        return real_step(state, move, world, seed=seed, turn=turn, **more)

    monkeypatch.setattr(session_module, "step", failing_step)
    report = simulate(scenario_of(BRANCHING), runs=3, seed=1)
    assert not report.ok and len(report.errors) == 3
    for problem in report.errors:
        assert "ZeroDivisionError: model broke" in problem.message
        assert len(problem.choices) == 2


# -- the command line ----------------------------------------------------------------------------

def test_cli_json_has_the_contract_keys_and_is_byte_identical_on_repeat(tmp_path):
    path = tmp_path / "branching.yaml"
    path.write_text(BRANCHING, encoding="utf-8")
    args = ("simulate", str(path), "--runs", "20", "--policy", "random", "--seed", "7", "--json")
    first, again = cli(*args), cli(*args)
    assert first.returncode == 0, first.stderr
    assert first.stdout == again.stdout
    data = json.loads(first.stdout)
    assert (data["runs"], data["policy"], data["seed"]) == (20, "random", 7)
    assert set(data["endings"]) == {"breakthrough", "growth", "stalled", "rupture"}
    assert {"visited", "total", "never"} <= set(data["nodes"])
    assert set(data["mean_final"]) == {"cohesion", "engagement", "avoidance", "conflict"}
    assert data["stuck"] == [] and data["errors"] == [] and "choices" in data
    assert isinstance(data["mean_turns"], float)


def test_cli_stuck_scenario_exits_1_and_prints_seed_and_reproduce_line(tmp_path):
    path = tmp_path / "stuck.yaml"
    path.write_text(STUCK, encoding="utf-8")
    text = cli("simulate", str(path), "--runs", "3", "--seed", "2")
    assert text.returncode == 1
    assert "Stuck runs: 3" in text.stdout and "seed 2:" in text.stdout
    assert f"python main.py run {path} --seed 2 --choices" in text.stdout
    data = json.loads(cli("simulate", str(path), "--runs", "3", "--json").stdout)
    assert [p["seed"] for p in data["stuck"]] == [0, 1, 2]
    assert all(len(p["choices"]) == 1 and p["message"] for p in data["stuck"])


def test_the_reproduce_line_replays_the_stuck_run_exactly(tmp_path):
    path = tmp_path / "stuck.yaml"
    path.write_text(STUCK, encoding="utf-8")
    (problem,) = simulate(scenario_of(STUCK), runs=1, seed=8).stuck
    command = problem.reproduce(str(path)).split()
    assert command[:3] == ["python", "main.py", "run"]
    out = cli(*command[2:])
    trace = json.loads(out.stdout)
    assert trace["ending"] is None and trace["seed"] == 8
    assert [step["choice"] for step in trace["steps"]] == list(problem.choices)


def test_a_run_stuck_at_the_start_reproduces_without_choices():
    at_start = STUCK.replace("start: opening", "start: middle")
    (problem,) = simulate(scenario_of(at_start), runs=1, seed=2).stuck
    assert problem.choices == ()
    assert problem.reproduce("s.yaml") == "python main.py run s.yaml --seed 2"


def test_cli_text_report_draws_a_histogram_and_lists_what_was_never_reached(tmp_path):
    path = tmp_path / "branching.yaml"
    path.write_text(BRANCHING, encoding="utf-8")
    out = cli("simulate", str(path), "--runs", "30")
    assert out.returncode == 0
    assert "█" in out.stdout and "never reached: orphan" in out.stdout
    assert "Mean turns: 2.0" in out.stdout


def test_cli_refuses_bad_usage_and_broken_files_without_a_traceback(tmp_path):
    assert cli("simulate", "x.yaml", "--runs", "0").returncode == 2
    assert cli("simulate", "x.yaml", "--policy", "cautious").returncode == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text(BRANCHING.replace("next: middle", "next: midle"), encoding="utf-8")
    out = cli("simulate", str(broken))
    assert out.returncode == 1 and "unknown-node" in out.stderr and "Traceback" not in out.stderr


# -- exhaustive ----------------------------------------------------------------------------------

def layered(layers: int) -> str:
    """Two nodes per layer (one in the first), each choice leading to either node of the next."""
    text = HEADER.replace("start: opening", "start: l0a")
    for layer in range(layers):
        for side in ("a" if layer == 0 else "ab"):
            after = [f"l{layer + 1}a", f"l{layer + 1}b"] if layer + 1 < layers else ["done", "done"]
            text += f"  l{layer}{side}:\n    choices:\n"
            text += f"      - {{text: Left., stance: lead, next: {after[0]}}}\n"
            text += f"      - {{text: Right., stance: follow, next: {after[1]}}}\n"
    return text + "  done: {ending: {outcome: growth}}\n"


def test_exhaustive_takes_every_choice_with_work_growing_with_choices_not_paths():
    layers = 12  # 2**12 paths through 46 choices
    report = exhaustive(scenario_of(layered(layers)))
    data = report.as_dict()
    assert report.ok and data["choices"]["never"] == [] and data["nodes"]["never"] == []
    assert report.explored <= 2 * data["choices"]["total"]
    assert report.probes == 0  # nothing was missing, so no random probing


def test_exhaustive_reaches_a_branch_that_needs_a_particular_history():
    history = HEADER + """\
  opening:
    choices:
      - {text: Lead., stance: lead, next: middle}
      - {text: Follow., stance: follow, next: middle}
  middle:
    choices:
      - text: Go on.
        stance: lead
        next:
          - {if: follows >= 1, goto: quiet}
          - goto: loud
  quiet: {ending: {outcome: growth}}
  loud: {ending: {outcome: stalled}}
"""
    report = exhaustive(scenario_of(history))
    assert report.endings() == {"growth": ["quiet"], "stalled": ["loud"]}
    session = replayed(report.scenario, report.seed, report.paths["quiet"])
    assert session.node_id == "quiet"
    session.close()


def test_exhaustive_explains_what_a_condition_kept_out_of_reach():
    guarded = HEADER + """\
  opening:
    choices:
      - {text: Push., stance: lead, if: group.conflict > 0.99, next: secret}
      - {text: Wait., stance: follow, next: done}
  secret:
    choices:
      - {text: Reveal., stance: lead, next: done}
  done: {ending: {outcome: growth}}
"""
    data = exhaustive(scenario_of(guarded), probes=5).as_dict()
    (choice,) = [c for c in data["choices"]["never"] if c["node"] == "opening"]
    assert "group.conflict > 0.99" in choice["why"]
    assert data["nodes"]["never"] == ["secret"]
    assert "group.conflict > 0.99" in data["nodes"]["why"]["secret"]
    assert any(c["node"] == "secret" and "never reached" in c["why"] for c in data["choices"]["never"])


def test_exhaustive_reports_a_stuck_node_with_the_path_to_it():
    scenario = scenario_of(STUCK)
    report = exhaustive(scenario)
    assert not report.ok
    (problem,) = report.stuck
    session = replayed(scenario, problem.seed, problem.choices)
    assert session.stuck
    session.close()


def test_cli_exhaustive_json_and_exit_status(tmp_path):
    path = tmp_path / "branching.yaml"
    path.write_text(BRANCHING, encoding="utf-8")
    out = cli("simulate", str(path), "--exhaustive", "--json")
    assert out.returncode == 0
    data = json.loads(out.stdout)
    assert data["mode"] == "exhaustive"
    assert data["nodes"]["never"] == ["orphan"]
    assert "no choice leads here" in data["nodes"]["why"]["orphan"]
    stuck = tmp_path / "stuck.yaml"
    stuck.write_text(STUCK, encoding="utf-8")
    assert cli("simulate", str(stuck), "--exhaustive").returncode == 1


# -- the shipped scenarios -----------------------------------------------------------------------

@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_shipped_scenario_never_strands_a_player(path):
    result = load_path(path)
    assert result.scenario is not None, f"{path.name} does not load: run validate"
    for policy in ("random", "lead", "follow", "expert"):
        report = simulate(result.scenario, runs=8, policy=policy, seed=0)
        assert report.ok, [p.message for p in report.stuck + report.errors]
        assert sum(report.endings.values()) == 8


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_shipped_scenario_exhaustive_check_takes_every_reachable_choice(path):
    scenario = load_path(path).scenario
    report = exhaustive(scenario, probes=10)
    assert report.ok
    data = report.as_dict()
    assert data["nodes"]["visited"] >= 2 and data["endings"]
    for choice in data["choices"]["never"]:  # anything missed has a reason naming a condition
        assert "condition" in choice["why"] or "never reached" in choice["why"]
