"""Playing attempts into a records folder, as a learner would, for the report tests."""
from __future__ import annotations

import random
from pathlib import Path

from game.cli import main
from game.engine import Session
from game.records import AttemptLog, Records
from game.scenario import load_path

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "tests" / "scenario" / "small.yaml"
GRIEF = ROOT / "scenarios" / "grief-week3.yaml"
RISKY = Path(__file__).with_name("risky.yaml")   # Wren hints at a risk of harm in the opening

# Plans through RISKY (choice numbers as written):
MISSED_RISK = [2, 1]      # moves on from Wren's hint: ends in growth, but unsafe
CHECKED = [1, 1]          # asks Wren directly: a safe growth
POORLY_CHECKED = [4, 2]   # right stance, poor move (partly), then a harmful one toward Ben
SAFE_STALL = [1, 3]       # checks the risk, then lets the session stall
UNSAFE_STALL = [2, 3]


def play(records: Records, path: Path, learner: str, choices=None, *, rng_seed: int | None = None,
         seed: int = 0, stop_after: int | None = None) -> Session:
    """Play one attempt: the given choice numbers, then random offered ones (seeded) to the end,
    or only `stop_after` choices."""
    scenario = load_path(path).scenario
    session = Session(scenario, seed=seed)
    log = AttemptLog(records, session, learner, str(path))
    rng = random.Random(rng_seed)
    plan = list(choices or [])
    while not session.ended:
        if stop_after is not None and len(session.history) >= stop_after:
            break
        number = plan.pop(0) if plan else rng.choice(session.choices).number
        session.choose(number)
        log.update()
    return session


def cli(capsys, *argv) -> tuple[int, str, str]:
    """Run a command as the user would; (exit code, stdout, stderr)."""
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


# A command in a real second process, with a short wait for locked records (the default wait is
# for people; tests keep it short so they stay fast).
SHORT_WAIT = 0.3
_RUN = ("import sys; import game.records.opening as o; o.LOCKED_PATIENCE = float(sys.argv[1]); "
        "from game.cli import main; sys.exit(main(sys.argv[2:]))")


def circle(*argv, input: str = "", timeout: float = 60):
    """Run `python main.py ARGV...` in its own process; the CompletedProcess (text)."""
    import os
    import subprocess
    import sys
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run([sys.executable, "-c", _RUN, str(SHORT_WAIT), *map(str, argv)], cwd=ROOT, env=env,
                          input=input, capture_output=True, text=True, timeout=timeout)
