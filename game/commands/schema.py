"""`schema`: print the JSON Schema (draft 2020-12) of the scenario format, for editors.

The repository keeps a copy in assets/scenario.schema.json (regenerate it with
`python main.py schema > assets/scenario.schema.json`); a scenario's first line points at it:
`# yaml-language-server: $schema=../assets/scenario.schema.json`.
"""
from __future__ import annotations

import sys

from game.authoring.schema import schema_text


def add_arguments(parser) -> None:
    """No arguments: the schema is the same for every scenario."""


def run(args) -> int:
    sys.stdout.write(schema_text())
    return 0
