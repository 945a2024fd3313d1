"""The tutorial in a real window, driven by real X key presses and clicks (Xvfb and xdotool).

Keyboard only, then mouse only, from the menu to the debrief; choosing the first card each
time, by its number key or with the focus ring, so the test does not depend on the tutorial's
words; at the moments marked to read the room, LEAD and Done (L and Enter, or two clicks). Skipped, saying why, where Xvfb or xdotool is not installed.
"""
from __future__ import annotations

import time

import pytest

from tests.ui.xwindow import XWindow, missing_tools

pytestmark = pytest.mark.skipif(bool(missing_tools()), reason=(
    f"real-window tests need {' and '.join(missing_tools())} (apt-get install xvfb xdotool)"))

LIMIT = 180.0      # seconds for a whole session
STILL = 12         # actions in a row that change nothing on screen: stuck


class Steering:
    """Acts on what the window shows until the debrief, failing when it stops moving."""

    def __init__(self, window: XWindow):
        self.window, self.decisions, self.same, self.last = window, 0, 0, None

    def until_debrief(self, act) -> dict:
        end = time.monotonic() + LIMIT
        status = self.window.status()
        while status.get("scene") != "DebriefScene":
            assert time.monotonic() < end, f"no debrief within {LIMIT:.0f} s; last status: {status}"
            after = act(self, status)
            if after is None:          # nothing to do yet (the room answering, the menu loading)
                time.sleep(0.1)
                status = self.window.status()
                continue
            status = after
            self._note(status)
        return status

    def _note(self, status: dict) -> None:
        seen = tuple(status.get(k) for k in ("scene", "stage", "node", "line", "focused"))
        self.same = self.same + 1 if seen == self.last else 0
        self.last = seen
        assert self.same < STILL, f"stuck: {STILL} actions changed nothing; status: {status}"

    def tutorial_card(self, status: dict) -> str | None:
        entries = status.get("entries") or []
        return f"card:{entries.index('tutorial')}" if "tutorial" in entries else None


def by_keyboard(steer: Steering, status: dict) -> dict | None:
    """Keys only: a name and Enter, Tab to the tutorial, Enter; Space through the lines; each
    decision by its number key or (every other one) Space to show the focus ring, then Enter."""
    window, scene, stage = steer.window, status.get("scene"), status.get("stage")
    if scene == "NameScene":
        window.type("Tess")
        return window.key("Return")
    if scene == "MenuScene":
        card = steer.tutorial_card(status)
        if card is None:
            return None
        return window.key("Return" if status.get("focused") == card else "Tab")
    if scene == "BriefingScene":
        return window.key("Return")
    if scene == "PlayScene" and stage == "choose":
        steer.decisions += 1
        return window.key("1") if steer.decisions % 2 else window.key("space", "Return")
    if scene == "PlayScene" and stage in ("lines", "ended"):
        return window.key("space" if stage == "lines" else "Return")
    if scene == "PlayScene" and stage in ("ask", "reveal"):   # read the room: L, then Enter; Enter
        return window.key("l", "Return") if stage == "ask" else window.key("Return")
    return None


def by_mouse(steer: Steering, status: dict) -> dict | None:
    """Clicks only: Skip the name, the tutorial's card, Start, Next through the lines, the first
    card at each decision, and the debrief button at the end."""
    window, scene, stage = steer.window, status.get("scene"), status.get("stage")
    wanted = {"NameScene": "skip", "MenuScene": steer.tutorial_card(status), "BriefingScene": "start"}.get(scene)
    if scene == "PlayScene":
        wanted = {"lines": "next", "choose": "choice:1", "ended": "debrief", "reveal": "reveal:ok"}.get(stage)
    if scene == "PlayScene" and stage == "ask":     # read the room: LEAD, then Done
        wanted = "ask:done" if getattr(steer, "read_at", None) == status.get("node") else "ask:lead"
        steer.read_at = status.get("node")
    if wanted is None or wanted not in status.get("controls", {}):
        return None
    return window.click(wanted)


@pytest.mark.parametrize("hands", [by_keyboard, by_mouse], ids=["keyboard only", "mouse only"])
def test_the_tutorial_is_played_from_the_menu_to_the_debrief_in_a_real_window(tmp_path, hands):
    with XWindow(tmp_path) as window:
        steer = Steering(window)
        steer.until_debrief(hands)
        assert steer.decisions >= 1 or hands is by_mouse
        window.check_alive()
        assert "Traceback" not in window.log(), window.log()
