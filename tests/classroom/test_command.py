"""`python main.py play SCENARIO --classroom --headless`: the real command, in its own process."""
import re
import socket
import subprocess
import sys

import httpx

from game.records import Records
from game.records.class_votes import class_votes, is_class_session

from .rooms import ROOT, HeadlessCommand

JOIN = re.compile(r"http://127\.0\.0\.1:(\d+)/j/([A-Z0-9]{6})")
INSTRUCTOR = re.compile(r"http://127\.0\.0\.1:(\d+)/i/([A-Za-z0-9_-]{20,})")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_it_prints_one_json_line_with_the_join_and_instructor_addresses(tmp_path):
    command = HeadlessCommand(tmp_path)
    try:
        assert list(command.urls) == ["join", "instructor"]
        join, instructor = JOIN.fullmatch(command.urls["join"]), INSTRUCTOR.fullmatch(command.urls["instructor"])
        assert join and instructor and join.group(1) == instructor.group(1)
        assert httpx.get(command.urls["join"]).status_code == 200
        assert httpx.get(command.urls["instructor"]).status_code == 200
    finally:
        assert command.stop() == 0


def test_port_chooses_the_port(tmp_path):
    port = free_port()
    command = HeadlessCommand(tmp_path, "--port", str(port))
    try:
        assert JOIN.fullmatch(command.urls["join"]).group(1) == str(port)
    finally:
        command.stop()


def test_a_port_in_use_is_one_clear_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        done = subprocess.run([sys.executable, "main.py", "play", "tutorial", "--classroom", "--headless",
                               "--port", str(taken.getsockname()[1])], cwd=ROOT, capture_output=True, text=True,
                              timeout=60)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("play: cannot listen on 127.0.0.1:") and "Traceback" not in done.stderr


def test_every_interface_is_announced_by_an_address_phones_can_use():
    from game.classroom.server import advertised_host
    assert advertised_host("127.0.0.1") == "127.0.0.1"
    assert advertised_host("0.0.0.0") not in ("0.0.0.0", "")


def test_classroom_is_not_for_the_terminal(tmp_path):
    done = subprocess.run([sys.executable, "main.py", "play", "tutorial", "--classroom", "--text"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "--text" in done.stderr


def test_the_class_session_is_saved_with_its_first_and_second_votes(tmp_path):
    command = HeadlessCommand(tmp_path)
    try:
        vote = lambda voter, shown, stance: httpx.post(f"{command.base}/api/vote", json={
            "code": command.code, "voter": voter, "shown": shown, "stance": stance})
        assert vote("amy", 1, "lead").status_code == 200
        assert vote("ben", 1, "lead").status_code == 200
        command.act("close")
        command.act("open")
        assert vote("amy", 2, "follow").status_code == 200
        assert command.act("take").json()["taken"] == 2   # the second vote decides
        verdict = httpx.get(f"{command.base}/api/state", params={"code": command.code}).json()["verdict"]
        assert verdict["verdict"] in ("met", "partly", "missed")
    finally:
        assert command.stop() == 0
    records = Records(tmp_path)
    try:
        (attempt,) = records.attempts()
        assert attempt.learner == "class" and len(attempt.choices) == 1
        assert is_class_session(records, attempt.id)
        (decision,) = class_votes(records, attempt.id)
        assert decision["first"]["votes"]["1"] == 2
        assert decision["second"]["votes"]["2"] == 1 and decision["switched"] == 1
        assert decision["taken"] == verdict["shown"]
    finally:
        records.close()


def test_finish_ends_the_headless_session(tmp_path):
    command = HeadlessCommand(tmp_path)
    assert command.act("finish").status_code == 200
    assert command.process.wait(10) == 0
    command.stop()
