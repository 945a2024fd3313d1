"""The model is plain Python: no pygame, nothing from the engine or the front ends."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_importing_the_model_imports_neither_pygame_nor_the_engine_nor_a_front_end():
    code = ("import sys, game.sim; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pygame' "
            "or m.startswith(('game.engine', 'game.ui', 'game.text'))))")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "[]"
