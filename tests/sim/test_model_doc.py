"""MODEL.md, which the authoring guide quotes, must name every constant at its current value."""
from __future__ import annotations

import re
from pathlib import Path

from game.sim import constants

DOC = Path(constants.__file__).with_name("MODEL.md").read_text(encoding="utf-8")


def _documented() -> dict[str, str]:
    return dict(re.findall(r"^\| `([A-Z_]+)` \| ([^|]+) \|", DOC, flags=re.MULTILINE))


def _shown(value) -> str:
    return ", ".join(value) if isinstance(value, tuple) else repr(value)


def test_every_constant_is_documented_with_its_value():
    names = [n for n in vars(constants) if n.isupper()]
    documented = _documented()
    assert sorted(documented) == sorted(names)
    for name in names:
        assert documented[name].strip() == _shown(getattr(constants, name)), name
