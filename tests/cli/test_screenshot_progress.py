"""`screenshot --screen progress`: the progress screen drawn headless over a records folder."""
from __future__ import annotations

import pygame

from game.records import Records
from tests.records.playing import GRIEF, cli
from tests.records.practising import practise


def test_it_draws_the_progress_of_the_records_at_the_size_asked(tmp_path, capsys):
    records = Records(tmp_path / "data")
    practise(records, GRIEF, "Sam", rng_seed=1)
    records.close()
    out = tmp_path / "progress.png"
    code, said, err = cli(capsys, "screenshot", "--screen", "progress", "--data-dir", tmp_path / "data",
                          "--learner", "Sam", "--size", "960x540", "--out", out)
    assert code == 0, err
    assert "progress of Sam: 1 attempt" in said
    assert pygame.image.load(str(out)).get_size() == (960, 540)


def test_a_scenario_with_screen_progress_and_none_without_it_are_refused_in_a_line(tmp_path, capsys):
    out = tmp_path / "x.png"
    code, _, err = cli(capsys, "screenshot", "tutorial", "--screen", "progress", "--out", out)
    assert code == 1 and "leave SCENARIO out" in err and "Traceback" not in err
    code, _, err = cli(capsys, "screenshot", "--out", out)
    assert code == 1 and "give a SCENARIO" in err and not out.exists()
