"""Reading the room from the picture alone: who is most distressed, who is withdrawing.

Stands in for a panel of people who have not seen the code: the reader in tests/ui/readers.py
is given screenshots of the same scene in different states (with their `--layout`) and each
member's colours, never the model's numbers, and measures the legend's cues in the pixels. Its
ranking of members by distress and by withdrawal must agree with the model's (Spearman's rank
correlation of 0.7 or better), over every member in every screenshot and on average within one.
"""
from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui.theme import complete_look  # noqa: E402
from tests.ui import readers, room_states  # noqa: E402

SHOTS = 16
AGREEMENT = 0.7


@pytest.fixture(scope="module")
def panel(tmp_path_factory):
    """Every member of every screenshot: (the reader's scores, the model's numbers)."""
    folder = tmp_path_factory.mktemp("room")
    readings, model = [], {}
    for shot in range(SHOTS):
        png, layout, numbers, looks = room_states.shoot(folder, shot, room_states.random_states(shot))
        pygame.init()
        image, drawn = readers.load(png, layout)
        colours = {mid: complete_look(look, i) for mid, (look, i) in looks.items()}
        readings += readers.read_shot(shot, image, drawn, colours)
        model.update({(mid, shot): m for mid, m in numbers.items()})
    return readers.scores(readings), model


def _agreement(panel, cue: str, truth) -> tuple[float, float]:
    """(over everyone in every screenshot, mean within one screenshot)."""
    scores, model = panel
    keys = list(scores[cue])
    pooled = readers.spearman([scores[cue][k] for k in keys], [truth(model[k]) for k in keys])
    within = [readers.spearman([scores[cue][k] for k in keys if k[1] == shot],
                               [truth(model[k]) for k in keys if k[1] == shot]) for shot in range(SHOTS)]
    return pooled, sum(within) / len(within)


def test_who_is_most_distressed_can_be_read_from_the_screenshots(panel):
    pooled, within = _agreement(panel, "distress", lambda m: m.distress)
    print(f"distress: rank correlation {pooled:.2f} over all, {within:.2f} within a screenshot")
    assert pooled >= AGREEMENT and within >= AGREEMENT


def test_who_is_withdrawing_can_be_read_from_the_screenshots(panel):
    pooled, within = _agreement(panel, "withdrawal", lambda m: 1 - m.engagement)
    print(f"withdrawal: rank correlation {pooled:.2f} over all, {within:.2f} within a screenshot")
    assert pooled >= AGREEMENT and within >= AGREEMENT


def test_spearman_is_one_for_the_same_order_and_minus_one_for_the_reverse():
    assert readers.spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert readers.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert readers.spearman([1, 1, 2], [5, 5, 9]) == pytest.approx(1.0)   # ties share their rank
