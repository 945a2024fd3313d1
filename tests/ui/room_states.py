"""The same scene in different states, rendered as `screenshot --layout` renders it.

One group of eight, one moment (one member speaking), written as a scenario whose members
start with the numbers a test asks for: the model then holds exactly those numbers, and the
screenshot shows them. The numbers are drawn from the ranges the model reaches in play of
the shipped scenarios (2nd to 98th percentile of random playthroughs: distress about 0.3 to
0.7, engagement 0.2 to 0.75, trust 0.1 to 0.65), widened a little at each end.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

from game.commands.common import load_for_play
from game.commands.screenshot import render
from game.engine import Session

EVERYONE = [("ada", "Ada Brook"), ("ben", "Ben Ito"), ("cleo", "Cleo Marsh"), ("dev", "Dev Rao"),
            ("eli", "Eli Stone"), ("fay", "Fay Lund"), ("gus", "Gus Hale"), ("hana", "Hana Sato"),
            ("ivo", "Ivo Petrov"), ("jun", "Jun Park"), ("kai", "Kai Moreno"), ("lena", "Lena Vogel")]
MEMBERS = EVERYONE[:8]
LONG_LINE = ("I keep coming back to what you said last week about the kitchen and my mother, and I am "
             "not sure I agree with any of it, to be honest, though I have thought about little else.")
RANGES = {"engagement": (0.15, 0.8), "trust": (0.1, 0.7), "distress": (0.25, 0.8)}


def shoot_session(session, args, path: str = "") -> None:
    """`screenshot`'s own rendering, in a display of its own: a window an earlier test left
    (fullscreen, another size) would otherwise be reused at its size."""
    import pygame

    from game.ui import fonts

    scale = fonts.default.scale_name    # the window sets the shared text size: leave it as found
    pygame.quit()
    try:
        render(session, args, path)
    finally:
        fonts.set_text_scale(scale)


def random_states(seed: int) -> dict[str, tuple[float, float, float]]:
    """(engagement, trust, distress) for each member, each drawn on its own."""
    rng = random.Random(seed)
    return {mid: tuple(round(rng.uniform(*RANGES[n]), 2) for n in ("engagement", "trust", "distress"))
            for mid, _ in MEMBERS}


def scenario_text(states: dict[str, tuple[float, float, float]], speaker: str = "dev",
                  line: str = "I don't know what to say.") -> str:
    """A scenario of the members in `states` (in EVERYONE's order), `speaker` saying `line`."""
    lines = ["format: 1", "id: room-reading", "title: Reading the room", "objectives: {read: Read the room.}",
             "members:"]
    for mid, name in EVERYONE:
        if mid in states:
            e, t, d = states[mid]
            lines.append(f"  - {{id: {mid}, name: {name}, start: {{engagement: {e}, trust: {t}, distress: {d}}}}}")
    lines += ["start: moment", "nodes:", "  moment:", "    phase: working",
              "    narration: Week four. The room is quiet after a hard story.",
              "    lines:", f"      - {{speaker: {speaker}, text: \"{line}\"}}",
              "    choices:",
              "      - {text: Stay with the silence., stance: follow, skill: silence, next: done}",
              "      - {text: Ask who else felt that., stance: lead, skill: linking, next: done}",
              "  done:", "    phase: closing", "    ending: {outcome: growth, text: The hour ends.}"]
    return "\n".join(lines) + "\n"


def circle_of(n: int, seed: int = 0) -> dict[str, tuple[float, float, float]]:
    """`n` members (3..12) with numbers drawn as in random_states."""
    rng = random.Random(seed)
    return {mid: tuple(round(rng.uniform(*RANGES[k]), 2) for k in ("engagement", "trust", "distress"))
            for mid, _ in EVERYONE[:n]}


def shoot(folder: Path, shot: int, states, size=(1280, 720), text_size: str = "normal",
          speaker: str = "dev", line: str = "I don't know what to say."):
    """Render one state; returns (png, layout json, the model's numbers by member id, looks)."""
    path = folder / f"room-{shot}.yaml"
    path.write_text(scenario_text(states, speaker, line), encoding="utf-8")
    scenario, result = load_for_play(str(path))
    session = Session(scenario, seed=0)
    png, layout = folder / f"room-{shot}.png", folder / f"room-{shot}.json"
    args = argparse.Namespace(size=size, theme="light", text_size=text_size, meters=False, inner_state=False,
                              seed=0, out=str(png), layout=str(layout))
    shoot_session(session, args, str(result.path))
    model = {mid: session.state.member(mid) for mid in states}
    looks = {m.id: (m.look.model_dump() if m.look else None, i) for i, m in enumerate(scenario.members)}
    return png, layout, model, looks
