"""A real X display for tests: Xvfb, the app in a window on it, xdotool's keys and clicks.

Posting pygame events to the dummy driver skips everything between a key and the scene: the
window system, SDL's own translation (a key press is both KEYDOWN and TEXTINPUT), focus and
timing. Here the keys and clicks are real X events sent to a real window, and the app runs
its own loop (tests/ui/xwindow_app.py), which reports where it is in a status file so a test
can steer by what is on screen, as a learner does. Everything started is ended by its handle.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xdotool")
KEY_GAP = 0.05        # seconds between key presses, a fast typist's
START_LIMIT = 30.0    # seconds for the window to appear


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class XWindow:
    """`with XWindow(folder) as window:` the app's menu in a window on a private X display."""

    def __init__(self, folder: Path, scenario: str | None = None):
        self.folder = Path(folder)
        self.scenario = scenario
        self.status_path = self.folder / "status.json"
        self.log_path = self.folder / "app.log"
        self.server = self.app = self._log = None
        self.env: dict[str, str] = {}

    # -- starting and ending ----------------------------------------------------------------

    def __enter__(self) -> "XWindow":
        try:
            self._start_display()
            self._start_app()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        for process in (self.app, self.server):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        if self._log is not None:
            self._log.close()

    def _start_display(self) -> None:
        """Xvfb on a free display number, which it reports itself (-displayfd): no clashes."""
        read, write = os.pipe()
        self.server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x720x24",
                                        "-nolisten", "tcp"], pass_fds=(write,),
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_")}
        self.env.update(DISPLAY=f":{number}", SDL_VIDEODRIVER="x11", SDL_AUDIODRIVER="dummy",
                        PYGAME_HIDE_SUPPORT_PROMPT="1", CIRCLE_DATA_DIR=str(self.folder / "data"))

    def _start_app(self) -> None:
        command = [sys.executable, "-m", "tests.ui.xwindow_app", str(self.status_path)]
        self._log = self.log_path.open("w")
        self.app = subprocess.Popen(command + ([self.scenario] if self.scenario else []), cwd=ROOT, env=self.env,
                                    stdout=subprocess.DEVNULL, stderr=self._log)
        self.wait_for(lambda s: s.get("window"), START_LIMIT, "the window never appeared")
        self._xdotool("windowfocus", "--sync", str(self.window))

    # -- what is on screen --------------------------------------------------------------------

    @property
    def window(self) -> int:
        return self.status()["window"]

    def status(self) -> dict:
        try:
            return json.loads(self.status_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def fresh(self, since: float, limit: float = 3.0) -> dict:
        """The status as written after `since` (time.time()): what the app made of the input."""
        end = time.monotonic() + limit
        while time.monotonic() < end:
            self.check_alive()
            try:
                if self.status_path.stat().st_mtime > since:
                    return self.status()
            except OSError:
                pass
            time.sleep(0.03)
        return self.status()

    def wait_for(self, done, seconds: float, why: str) -> dict:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.check_alive()
            now = self.status()
            if done(now):
                return now
            time.sleep(0.05)
        raise AssertionError(f"{why}; last status: {self.status()}")

    def check_alive(self) -> None:
        if self.app.poll() is not None:
            raise AssertionError(f"the app ended (exit {self.app.returncode}):\n{self.log()}")

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    # -- a learner's hands --------------------------------------------------------------------

    def key(self, *names: str) -> dict:
        """Press and release each key (X keysym names: space, Return, Tab, 1...)."""
        since = time.time()
        for name in names:
            self._xdotool("key", "--window", str(self.window), name)
            time.sleep(KEY_GAP)
        return self.fresh(since)

    def type(self, words: str) -> dict:
        since = time.time()
        self._xdotool("type", "--window", str(self.window), "--delay", "40", words)
        return self.fresh(since)

    def click(self, control: str) -> dict:
        """Move the pointer onto a control, as the app last reported it, and press the left button."""
        x, y = self.status()["controls"][control]
        since = time.time()
        self._xdotool("mousemove", "--window", str(self.window), str(x), str(y), "click", "1")
        time.sleep(KEY_GAP)
        return self.fresh(since)

    def _xdotool(self, *words: str) -> None:
        subprocess.run(["xdotool", *words], env=self.env, timeout=10, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
