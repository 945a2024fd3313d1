"""Only regular files are read, and only up to the size limit: a path to a FIFO, a device or a
folder is a clear diagnostic at once, never a hang; a file too large is named with its size."""
import os
import threading

import pytest

from game.scenario import load_path
from game.scenario.yamlsource import MAX_BYTES

from .conftest import SMALL


def loaded_within(path, seconds: float = 5.0):
    """load_path(path) in a thread: a hang fails the test instead of stalling the suite."""
    box = []
    worker = threading.Thread(target=lambda: box.append(load_path(path)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert box, f"loading {path} did not return within {seconds} s"
    return box[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "scenario.yaml"
    os.mkfifo(fifo)
    result = loaded_within(fifo)
    assert [d.code for d in result.diagnostics] == ["file-unreadable"]
    assert "not a regular file" in result.diagnostics[0].message
    assert "pipe" in result.diagnostics[0].message


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this system")
def test_an_endless_device_is_refused_without_reading_it():
    result = loaded_within("/dev/zero")
    assert [d.code for d in result.diagnostics] == ["file-unreadable"]
    assert "device" in result.diagnostics[0].message


def test_a_folder_is_refused_as_not_a_regular_file(tmp_path):
    result = load_path(tmp_path)
    assert [d.code for d in result.diagnostics] == ["file-unreadable"]


def test_file_too_large_gives_the_real_size(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(SMALL.read_bytes() + b"# " + b"x" * (3 * MAX_BYTES) + b"\n")
    result = load_path(big)
    assert [d.code for d in result.diagnostics] == ["file-too-large"]
    assert f"file is {big.stat().st_size:,} bytes" in result.diagnostics[0].message


def test_a_regular_file_still_loads():
    assert load_path(SMALL).scenario is not None
