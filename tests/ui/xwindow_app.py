"""The app in a real X window for the real-window tests: the production loop, and a status file.

Run as `python -m tests.ui.xwindow_app STATUS [SCENARIO]` with DISPLAY set. The app is made as
`play` makes it and runs its own loop (`App.run`), reading real X events; every tenth of a
second it writes what a tester needs to steer it, since the test sits in another process:
the window's X id, the scene, the play stage, the focused control and where each control is
on the window. Nothing else is changed: what the window shows is what a learner sees.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

CHUNK = 0.1   # seconds of the real loop between status writes


def arguments(scenario: str | None) -> argparse.Namespace:
    """What `python main.py play [SCENARIO] --seed 7` would pass, records in CIRCLE_DATA_DIR."""
    return argparse.Namespace(scenario=scenario, presenter=False, fullscreen=False, seed=7, resume=False,
                              learner=None, data_dir=None, no_records=False, demo=False, text=False, coach=False)


def status(app) -> dict:
    """The scene on top and how to reach its controls, in window pixels."""
    import pygame

    scene = app.scene
    controls = getattr(scene, "controls", None)
    places = {}
    for control in getattr(controls, "items", []):
        if control.enabled:
            x, y = app.viewport.to_window(control.rect.center)
            places[control.name] = [int(x), int(y)]
    stage = getattr(scene, "stage", "")
    return {"window": pygame.display.get_wm_info().get("window"), "scene": type(scene).__name__,
            "stage": str(getattr(stage, "value", stage)), "focused": getattr(controls, "focused", None),
            "controls": places, "entries": [entry.id for entry in getattr(scene, "entries", [])],
            "node": getattr(getattr(scene, "session", None), "node_id", None),
            "line": getattr(scene, "line_index", None), "frames": app.frames}


def write(path: Path, data: dict) -> None:
    part = path.with_suffix(".part")
    part.write_text(json.dumps(data), encoding="utf-8")
    os.replace(part, path)


def main(argv: list[str]) -> int:
    import pygame

    from game.ui.app import App
    from game.commands.window import prepare
    from game.ui.scenes.start import first_scene

    path = Path(argv[0])
    args = arguments(argv[1] if len(argv) > 1 else None)
    app = App(args)
    if pygame.display.get_driver() != "x11":
        print(f"not an X window: SDL chose {pygame.display.get_driver()}", file=sys.stderr)
        return 2
    try:
        app.show(first_scene(app, prepare(args)))
        while app.running:
            app.run(seconds=CHUNK)
            if app.scene is not None:
                write(path, status(app))
        return app.exit_code
    finally:
        pygame.quit()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
