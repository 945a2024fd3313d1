"""Rewrite what the shipped library's numbers feed: `python -m tests.scenarios.regenerate`.

- the golden expert-path traces (tests/scenarios/golden/);
- with `--guide`, the authoring guide's table of shipped scenarios, from `simulate --audit`
  (200 runs per policy, seed 0, as the guide says).

Run it only after checking that a change in the numbers is intended (a model or scenario edit).
"""
import json
import re
import sys
from pathlib import Path


from .test_library import GOLDEN, SHIPPED, expert_trace, scenario_of

GUIDE = Path(__file__).resolve().parents[2] / "scenarios" / "README.md"


HEADER = ("| id | title | group | level | decisions | endings | expert | always lead | always follow "
          "| best cue player | agreement |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
TABLE = re.compile(r"^\| id \| title \|.*?\n(?=\n)", re.M | re.S)


def _cell(report, policy: str) -> str:
    row = report.tallies[policy].as_dict()
    return f"{row['good']:.0%} · {row['mean_final']['cohesion']:.2f}"


def _row(scenario) -> str:
    from game.authoring.audit import audit
    from game.authoring.policies import CUE_POLICIES

    report = audit(scenario, runs=200, seed=0)
    cue = max(CUE_POLICIES, key=report.good_share)
    decisions = sum(1 for n in scenario.nodes.values() if n.choices)
    endings = sum(1 for n in scenario.nodes.values() if n.ending)
    group = f"{scenario.focus}, {len(scenario.members)} members"
    cells = [f"`{scenario.id}`", scenario.display_title, group, scenario.level.value, str(decisions),
             str(endings), _cell(report, "expert"), _cell(report, "lead"), _cell(report, "follow"),
             f"{cue} {report.good_share(cue):.0%}", f"{report.agreement:.0%}"]
    print(f"guide: {scenario.id}: " + " / ".join(cells[6:]))
    return "| " + " | ".join(cells) + " |\n"


def refresh_guide() -> None:
    """The guide's table of shipped scenarios, every row from the audit (200 runs, seed 0)."""
    text = GUIDE.read_text(encoding="utf-8")
    table = HEADER + "".join(_row(scenario_of(path).scenario) for path in SHIPPED)
    GUIDE.write_text(TABLE.sub(lambda m: table, text, count=1), encoding="utf-8")


if __name__ == "__main__":
    for path in SHIPPED:
        trace = expert_trace(scenario_of(path).scenario)
        (GOLDEN / f"{path.stem}.json").write_text(json.dumps(trace, indent=1) + "\n")
        print(f"{path.stem}: {len(trace['steps'])} steps, ending {trace['ending']}")
    if "--guide" in sys.argv:
        refresh_guide()
