"""Rewrite the golden expert-path traces: `python -m tests.scenarios.regenerate`.

Run it only after checking that a change in the traces is intended (a model or scenario edit).
"""
import json

from .test_library import GOLDEN, SHIPPED, expert_trace, scenario_of

if __name__ == "__main__":
    for path in SHIPPED:
        trace = expert_trace(scenario_of(path).scenario)
        (GOLDEN / f"{path.stem}.json").write_text(json.dumps(trace, indent=1) + "\n")
        print(f"{path.stem}: {len(trace['steps'])} steps, ending {trace['ending']}")
