"""The README's classroom pictures: `python -m tests.classroom.pictures` writes
assets/classroom-phone.png and classroom-verdict.png (a phone, 390 px wide, in headless Chromium:
voting, then the coach's verdict on the class's choice) and
assets/classroom-tally.png (the presenter screen, rendered with the dummy video driver)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import httpx  # noqa: E402
import pygame  # noqa: E402

from game.classroom import Classroom, build_app, start_server  # noqa: E402
from tests.ui.driver import frames, key, start_app  # noqa: E402

from .browser import chromium  # noqa: E402
from .rooms import ROOT, HeadlessCommand  # noqa: E402

ASSETS = ROOT / "assets"
CLASS = [(2, "follow")] * 5 + [(1, "lead")] * 14 + [(3, "follow")] * 4   # 23 students


def class_votes(base: str, code: str, prefix: str) -> None:
    for n, (shown, stance) in enumerate(CLASS):
        httpx.post(f"{base}/api/vote", json={"code": code, "voter": f"{prefix}{n}", "shown": shown, "stance": stance})


def tally_picture(out: Path) -> None:
    room = Classroom(auto_open=False)
    server = start_server(build_app(room), "127.0.0.1", 0)
    room.urls = {"join": f"http://192.168.1.20:8765/j/{room.code}", "instructor": ""}
    with tempfile.TemporaryDirectory() as records:
        app = start_app(scenario="tutorial", presenter=True, seed=7, classroom_room=room, data_dir=records,
                        learner="class", no_records=True)
        app.change_setting("animations", False)
        frames(app, 1, [key(pygame.K_RETURN)])
        for _ in range(60):
            if app.scene.stage == "choose":
                break
            frames(app, 1, [key(pygame.K_SPACE)])
        room.control("open")
        class_votes(server.url(""), room.code, "s")
        frames(app, 3)
        pygame.image.save(app.canvas, str(out))
        server.stop()
        pygame.quit()


def phone_picture(out: Path) -> None:
    with tempfile.TemporaryDirectory() as records:
        command = HeadlessCommand(Path(records))
        try:
            class_votes(command.base, command.code, "p")
            with chromium(scale=2) as browser:
                from playwright.sync_api import expect
                phone = browser.new_page()
                phone.goto(command.urls["join"])
                expect(phone.locator("#connection")).to_have_text("Live")
                phone.get_by_role("radio", name="Lead", exact=True).check()
                phone.check("input[name=choice][value='1']")
                phone.get_by_role("button", name="Send my vote").click()
                expect(phone.locator("#sent")).not_to_be_empty()
                phone.evaluate("document.activeElement.blur()")
                phone.locator("#vote-heading").scroll_into_view_if_needed()
                phone.evaluate("window.scrollBy(0, document.getElementById('vote').getBoundingClientRect().top - 12)")
                phone.screenshot(path=str(out))
                command.act("take")
                expect(phone.locator("#verdict")).to_be_visible()
                phone.evaluate("window.scrollTo(0, 0)")
                phone.screenshot(path=str(out.with_name("classroom-verdict.png")))
        finally:
            command.stop()


if __name__ == "__main__":
    tally_picture(ASSETS / "classroom-tally.png")
    phone_picture(ASSETS / "classroom-phone.png")
    print("wrote", ASSETS / "classroom-tally.png", "and", ASSETS / "classroom-phone.png")
