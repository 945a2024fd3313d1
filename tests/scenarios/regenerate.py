"""Rewrite what the shipped library's numbers feed: `python -m tests.scenarios.regenerate`.

- the golden expert-path traces (tests/scenarios/golden/);
- with `--guide`, the balance columns of the authoring guide's table of shipped scenarios
  (100 simulated runs per policy, as the guide says).

Run it only after checking that a change in the numbers is intended (a model or scenario edit).
"""
import json
import re
import sys
from pathlib import Path

from game.authoring.simulate import simulate

from .test_library import GOLDEN, SHIPPED, expert_trace, scenario_of

GUIDE = Path(__file__).resolve().parents[2] / "scenarios" / "README.md"


def _cell(report) -> str:
    good = (report.endings.get("breakthrough", 0) + report.endings.get("growth", 0)) / report.runs
    return f"{good:.0%} · {report.mean_final['cohesion']:.2f}"


def refresh_guide() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    for path in SHIPPED:
        scenario = scenario_of(path).scenario
        cells = [_cell(simulate(scenario, runs=100, policy=p, seed=0)) for p in ("expert", "lead", "follow")]
        row = re.compile(rf"^(\| `{re.escape(scenario.id)}` \|(?:[^|]*\|){{5}}) [^|]* \| [^|]* \| [^|]* \|$", re.M)
        text = row.sub(lambda m: m.group(1) + " " + " | ".join(cells) + " |", text)
        print(f"guide: {scenario.id}: {' / '.join(cells)}")
    GUIDE.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    for path in SHIPPED:
        trace = expert_trace(scenario_of(path).scenario)
        (GOLDEN / f"{path.stem}.json").write_text(json.dumps(trace, indent=1) + "\n")
        print(f"{path.stem}: {len(trace['steps'])} steps, ending {trace['ending']}")
    if "--guide" in sys.argv:
        refresh_guide()
