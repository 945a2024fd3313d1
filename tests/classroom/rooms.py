"""Real classroom servers for the tests, on 127.0.0.1 only.

`InProcessRoom`: the server on its thread and an owner thread that owns the Session, as the
window or the headless command would; tests read the Classroom directly. `HeadlessCommand`: the
real command, `main.py play SCENARIO --classroom --headless`, in its own process, read from its
one JSON line (the load and browser tests use it, so the numbers are the program's own).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from game.classroom import Classroom, SessionDriver, build_app, start_server
from game.commands.common import load_for_play
from game.engine import Session

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "tutorial"
SEED = 7


class InProcessRoom:
    def __init__(self, records_folder=None, auto_open: bool = True):
        self.room = Classroom(auto_open=auto_open)
        self.server = start_server(build_app(self.room), "127.0.0.1", 0)
        self.room.urls = {"join": self.server.url(f"/j/{self.room.code}"),
                          "instructor": self.server.url(f"/i/{self.room.token}")}
        self.base = self.server.url("")
        self.code, self.token = self.room.code, self.room.token
        self.records_folder = records_folder
        self._stop = threading.Event()
        self._ready = threading.Event()
        self.owner = threading.Thread(target=self._own, daemon=True)
        self.owner.start()
        self._ready.wait(10)
        self.http = httpx.Client(base_url=self.base, timeout=10)

    def _own(self) -> None:
        """The owner thread: the Session (and the records' connection) live and move only here."""
        scenario, _ = load_for_play(SCENARIO)
        self.session = Session(scenario, seed=SEED)
        self.log = None
        if self.records_folder is not None:
            from game.records import AttemptLog, Records
            from game.records.class_votes import record_class_votes
            self.records = Records(self.records_folder)
            self.log = AttemptLog(self.records, self.session, "class", "")
            self.room.recorder = lambda s, d: (self.log.update(s), record_class_votes(self.log, d))
        self.session.begin()
        driver = SessionDriver(self.session)
        self.room.sync(self.session)
        self._ready.set()
        while not self._stop.is_set():
            self.room.pump(self.session, driver, wait=0.05)
        self.session.close()     # its seat at the scenario's shared machine goes back
        if self.records_folder is not None:
            self.records.close()

    # -- the routes, as a phone or the instructor's page uses them -----------------------------

    def state(self) -> dict:
        return self.http.get("/api/state", params={"code": self.code}).json()

    def vote(self, voter: str, shown: int, stance: str = "lead", **extra) -> httpx.Response:
        return self.http.post("/api/vote", json={"code": self.code, "voter": voter, "shown": shown,
                                                 "stance": stance, **extra})

    def act(self, action: str, **body) -> httpx.Response:
        return self.http.post(f"/api/instructor/{action}", params={"token": self.token}, json=body)

    def close(self) -> None:
        self.http.close()
        self._stop.set()
        self.owner.join(5)
        self.server.stop()


class HeadlessCommand:
    """`python main.py play tutorial --classroom --headless --seed 7` in its own process."""

    def __init__(self, data_dir: Path, *extra: str):
        env = {**os.environ, "CIRCLE_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "main.py", "play", SCENARIO, "--classroom", "--headless", "--seed", str(SEED),
             "--learner", "class", *extra],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the classroom did not start: " + self.process.stderr.read())
        self.urls = json.loads(line)
        join, instructor = urlsplit(self.urls["join"]), urlsplit(self.urls["instructor"])
        self.base = f"{join.scheme}://{join.netloc}"
        self.code = join.path.rsplit("/", 1)[1]
        self.token = instructor.path.rsplit("/", 1)[1]

    def act(self, action: str, **body) -> httpx.Response:
        return httpx.post(f"{self.base}/api/instructor/{action}", params={"token": self.token}, json=body, timeout=10)

    def stop(self) -> int:
        """SIGTERM, as a service manager would: the command saves and exits 0."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(10)
        finally:
            self.process.stdout.close()
            self.process.stderr.close()
