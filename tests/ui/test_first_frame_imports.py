"""The menu's first frame does not wait for what it does not show: the scenario format
(pydantic, yaml), the engine, the attempt log and the statement sender are loaded later, when
the library is read or an attempt is played."""
import json
import os
import subprocess
import sys

from tests.ui.driver import ROOT

# Bare `python main.py` up to the menu's first frame (CIRCLE_EXIT_AFTER_FIRST_FRAME stops the
# loop there), then what had been imported by then.
PROBE = """
import json, sys
from game.cli import main
code = main([])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

NOT_BEFORE_THE_FIRST_FRAME = ("pydantic", "yaml", "game.scenario", "game.engine", "game.sim",
                              "game.records.attempt_log", "game.records.sender", "urllib.request")


def modules_at_the_first_frame(data_dir) -> tuple[int, set[str]]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               CIRCLE_EXIT_AFTER_FIRST_FRAME="1", CIRCLE_DATA_DIR=str(data_dir))
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return found["code"], set(found["modules"])


def test_the_menus_first_frame_loads_neither_the_scenario_format_nor_the_engine(tmp_path):
    code, modules = modules_at_the_first_frame(tmp_path)
    assert code == 0
    assert "game.ui.scenes.menu" in modules, "the menu was drawn"
    early = [name for name in NOT_BEFORE_THE_FIRST_FRAME if name in modules]
    assert not early, f"loaded before the menu's first frame: {early}"
