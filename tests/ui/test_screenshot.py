"""`screenshot` and the screen's `bench` figures."""
from __future__ import annotations

import subprocess
import sys

import pygame
import pytest

from game import cli
from game.bench import report, screen
from game.scenario import load_text
from tests.ui.driver import ROOT, SMALL


def test_a_screenshot_of_a_node_is_a_png_of_the_requested_size(tmp_path):
    out = tmp_path / "shot.png"
    done = subprocess.run([sys.executable, "main.py", "screenshot", str(SMALL), "--node", "middle",
                           "--size", "800x600", "--theme", "dark", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "middle" in done.stdout
    image = pygame.image.load(str(out))
    assert image.get_size() == (800, 600)
    assert image.get_at((400, 2))[:3] == (0, 0, 0), "letterboxed: bars above and below"
    assert image.get_at((400, 300))[:3] != (0, 0, 0)


@pytest.mark.parametrize("argv, code", [
    (["--node", "nowhere"], 1),
    (["--size", "big"], 2),
    (["--size", "10x10"], 2),
])
def test_bad_nodes_exit_1_and_bad_usage_exits_2(argv, code, tmp_path, capsys):
    out = tmp_path / "x.png"
    try:
        result = cli.main(["screenshot", str(SMALL), "--out", str(out)] + argv)
    except SystemExit as stop:
        result = stop.code
    assert result == code and not out.exists()
    if code == 1:
        assert "no node 'nowhere'" in capsys.readouterr().err


def test_a_scenario_that_does_not_load_exits_1(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\n", encoding="utf-8")
    assert cli.main(["screenshot", str(bad), "--out", str(tmp_path / "x.png")]) == 1
    assert "bad.yaml" in capsys.readouterr().err


def test_without_out_is_bad_usage(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["screenshot", str(SMALL)])
    assert stop.value.code == 2


# -- bench ------------------------------------------------------------------------------------

def test_the_bench_circle_has_ten_members_and_loads_cleanly():
    result = load_text(screen.ten_member_scenario(), "bench.yaml")
    assert result.scenario is not None, [d.format_text("bench.yaml") for d in result.errors]
    assert len(result.scenario.members) == 10


def test_frames_are_timed_while_the_room_moves():
    cpu, wall = screen.frame_times(40, warmup=5)
    assert len(cpu) == len(wall) == 40 and all(t > 0 for t in cpu)


def test_the_screen_figures_appear_in_the_bench_report(monkeypatch):
    monkeypatch.setattr(screen, "frame_times", lambda frames, warmup=120: ([1.0, 2.0, 3.0], [1.5, 2.5, 3.5]))
    monkeypatch.setattr(screen, "idle_cpu", lambda seconds: 0.02)
    monkeypatch.setattr(screen, "startup", lambda runs: (0.3, 0.5))
    figures = screen.figures(quick=True)
    for figure, baseline, *_ in screen.LINES:
        assert figure in figures and baseline in figures
    assert {"frame_p50_ms", "frame_p99_ms", "idle_cpu", "startup_baseline_s", "startup_s"} <= set(figures)
    text = report.format_text(figures)
    assert "frame_p99_ms" in text and "startup_s" in text
