"""The authoring guide's pictures of `graph --format html`: `python -m tests.cli.graph_picture`
writes assets/graph-html.png (the tutorial, its expert path highlighted, a node's panel open on
hover) and assets/graph-html-trouble.png (a node the audit marks), in headless Chromium."""
from __future__ import annotations

import tempfile
from pathlib import Path

from game.authoring.audit import audit
from game.authoring.graph_html import html_page
from game.scenario import load_path
from tests.classroom.browser import chromium, why_no_browser

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "assets"


def picture(scenario_path: Path, hover: str, out: Path, size: dict, runs: int = 200) -> None:
    scenario = load_path(scenario_path).scenario
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "graph.html"
        page_file.write_text(html_page(scenario, audit(scenario, runs=runs, seed=0)), encoding="utf-8")
        with chromium(viewport=size) as browser:
            page = browser.new_page()
            page.goto(page_file.as_uri())
            page.hover(f"g.node[data-id='{hover}']")
            page.mouse.move(size["width"] - 5, size["height"] - 5)   # the panel stays; no hover glow
            page.screenshot(path=str(out))


if __name__ == "__main__":
    reason = why_no_browser()
    if reason:
        raise SystemExit(f"graph_picture: {reason}")
    picture(ROOT / "scenarios" / "tutorial.yaml", "overlooked", ASSETS / "graph-html.png",
            {"width": 1600, "height": 1000})
    picture(ROOT / "tests" / "records" / "risky.yaml", "middle", ASSETS / "graph-html-trouble.png",
            {"width": 1100, "height": 760})
    print("wrote assets/graph-html.png and assets/graph-html-trouble.png")
