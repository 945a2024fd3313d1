"""Shared helpers: a small valid scenario, and a way to break one line of it."""
from pathlib import Path

import pytest

SMALL = Path(__file__).with_name("small.yaml")


def small_lines() -> list[str]:
    return SMALL.read_text(encoding="utf-8").splitlines()


def edited(replacements: dict[int, str]) -> str:
    """small.yaml with 1-based line N replaced by replacements[N] (same number of lines)."""
    lines = small_lines()
    for number, text in replacements.items():
        lines[number - 1] = text
    return "\n".join(lines) + "\n"


@pytest.fixture
def small_text() -> str:
    return SMALL.read_text(encoding="utf-8")
