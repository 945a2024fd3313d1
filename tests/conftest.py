"""Every test runs headless and keeps its records in a temporary folder, never the user's."""
import os

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


@pytest.fixture(autouse=True)
def _private_records(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("CIRCLE_DATA_DIR", str(tmp_path_factory.mktemp("records")))
