"""A real Learning Record Store on this machine: Ralph (ralph-malph) with its file-system backend.

The tests start one on 127.0.0.1 with a test account; `python -m tests.lrs.local_lrs` starts one
to try Circle with (see the README). Ralph lives in its own virtual environment (.venv-lrs, made
on first use): its pinned server packages (uvicorn 0.30, starlette 0.38) cannot share Circle's.

Ralph 5.1's file-system backend creates its statements file on the first write and refuses
every later one ("already exists and overwrite is not allowed"), so such an LRS takes exactly
one request. A `sitecustomize` put on the server's path makes that backend append instead, as a
store in one file must; everything else (the xAPI API, validation, authentication, the handling
of statement ids already stored) is Ralph's own.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv-lrs"
RALPH = "ralph-malph[backend-fs,lrs,cli]==5.1.0"
INSTALL_PATIENCE = 900      # seconds for a first install of Ralph and its packages
START_PATIENCE = 60         # seconds for the server to answer
READY = "circle-ralph-installed"   # written in VENV once the install has finished
APPEND_PATCH = '''\
# Written by tests/lrs/local_lrs.py: Ralph's file-system LRS appends statements to its file
# (as released, it refuses every write after the first).
try:
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.lrs.fs import FSLRSBackend
    FSLRSBackend.default_operation_type = BaseOperationType.APPEND
except Exception:   # not Ralph's server, or another Ralph: leave it as it is
    pass
'''


class RalphMissing(RuntimeError):
    """Ralph cannot be installed or found; the message says why, for a skip reason."""


def ralph_command() -> Path:
    """The `ralph` program: $CIRCLE_TEST_RALPH, else .venv-lrs's, installed there if need be."""
    given = os.environ.get("CIRCLE_TEST_RALPH")
    if given:
        if not Path(given).is_file():
            raise RalphMissing(f"CIRCLE_TEST_RALPH={given} is not a file")
        return Path(given)
    program = VENV / ("Scripts" if os.name == "nt" else "bin") / "ralph"
    if not program.is_file() or _installed() != RALPH:     # never installed, half, or another version
        _install()
        (VENV / READY).write_text(RALPH + "\n", encoding="utf-8")
    return program


def _installed() -> str | None:
    try:
        return (VENV / READY).read_text(encoding="utf-8").strip()
    except OSError:
        return None


def _install() -> None:
    python = VENV / ("Scripts" if os.name == "nt" else "bin") / "python"
    steps = [[sys.executable, "-m", "venv", "--clear", str(VENV)],
             [str(python), "-m", "pip", "install", "-q", RALPH, "requests"]]
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, text=True, timeout=INSTALL_PATIENCE)
        except (OSError, subprocess.TimeoutExpired) as err:
            raise RalphMissing(f"installing Ralph failed: {err}") from None
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:]
            raise RalphMissing(f"installing Ralph failed ({' '.join(step[-2:])}): {' '.join(tail)}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LocalLRS:
    """One Ralph LRS keeping its statements and its account under `folder`."""

    def __init__(self, folder: Path, port: int | None = None, user: str = "circle-test",
                 password: str = "not-a-real-secret"):
        self.folder = Path(folder)
        self.port = port or free_port()
        self.user, self.password = user, password
        self.program = ralph_command()
        self.process: subprocess.Popen | None = None
        for part in ("app", "data", "run", "patch"):
            (self.folder / part).mkdir(parents=True, exist_ok=True)
        (self.folder / "patch" / "sitecustomize.py").write_text(APPEND_PATCH, encoding="utf-8")

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI/"

    @property
    def auth(self) -> str:
        return f"{self.user}:{self.password}"

    @property
    def statements_file(self) -> Path:
        return self.folder / "data" / "fs_lrs.jsonl"

    def _env(self) -> dict:
        return {**os.environ, "RALPH_APP_DIR": str(self.folder / "app"), "RALPH_RUNSERVER_BACKEND": "fs",
                "PYTHONPATH": str(self.folder / "patch"), "PYTHONDONTWRITEBYTECODE": "1"}

    def add_account(self) -> None:
        """`ralph auth ... -w`: the test account, allowed everything, written to the app folder."""
        if (self.folder / "app" / "auth.json").is_file():
            return
        done = subprocess.run([str(self.program), "auth", "-u", self.user, "-p", self.password, "-s", "all",
                               "-M", f"mailto:{self.user}@example.org", "-w"],
                              env=self._env(), cwd=self.folder / "run", capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RalphMissing(f"`ralph auth` failed: {done.stderr.strip()[-300:]}")

    def start(self) -> "LocalLRS":
        """`ralph runserver -b fs` on 127.0.0.1, in its own process group; waits until it answers."""
        self.add_account()
        log = open(self.folder / "server.log", "ab")
        self.process = subprocess.Popen(
            [str(self.program), "runserver", "-b", "fs", "-h", "127.0.0.1", "-p", str(self.port),
             "--fs-default-directory-path", str(self.folder / "data")],
            env=self._env(), cwd=self.folder / "run", stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        log.close()
        deadline = time.monotonic() + START_PATIENCE
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RalphMissing(f"`ralph runserver` stopped at once: {self.log_tail()}")
            if self.answers():
                return self
            time.sleep(0.2)
        self.stop()
        raise RalphMissing(f"`ralph runserver` did not answer within {START_PATIENCE}s: {self.log_tail()}")

    def answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=2) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def stop(self) -> None:
        """Stop the server and its reloader (the process group this object started)."""
        if self.process is None or self.process.poll() is not None:
            self.process = None
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=15)
        self.process = None
        deadline = time.monotonic() + 10
        while self.answers() and time.monotonic() < deadline:
            time.sleep(0.1)

    def stored(self) -> list[dict]:
        """Every statement the LRS has written to its file, as written (duplicates would show)."""
        if not self.statements_file.is_file():
            return []
        lines = self.statements_file.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join((self.folder / "server.log").read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def main() -> int:
    parser = argparse.ArgumentParser(description="Start a local Learning Record Store (Ralph) to try Circle with.")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--user", default="circle")
    parser.add_argument("--password", default="circle")
    parser.add_argument("--folder", default=str(VENV / "local"), help="where its statements and account are kept")
    args = parser.parse_args()
    try:
        lrs = LocalLRS(Path(args.folder), args.port, args.user, args.password).start()
    except RalphMissing as err:
        print(f"local LRS: {err}", file=sys.stderr)
        return 1
    print(f"A local LRS is listening at {lrs.endpoint} (statements kept in {lrs.statements_file}).\n"
          f"Play with it:   CIRCLE_LRS_AUTH={lrs.auth} python main.py play tutorial --text --lrs {lrs.endpoint}\n"
          f"Class report:   CIRCLE_LRS_AUTH={lrs.auth} python main.py class-report --lrs {lrs.endpoint} -o class.html\n"
          "Ctrl-C stops it.")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))     # stopped by a process manager: clean up too
    try:
        while lrs.process and lrs.process.poll() is None:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        lrs.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
