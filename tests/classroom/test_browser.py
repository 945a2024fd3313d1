"""A real browser joins by the join address, reads the room, votes and sees the verdict."""
import re

import httpx
import pytest

from .browser import chromium, why_no_browser
from .rooms import HeadlessCommand

pytestmark = pytest.mark.skipif(why_no_browser() is not None, reason=why_no_browser() or "")
if why_no_browser() is None:
    from playwright.sync_api import expect
# (Waiting is done with `expect`, never with a script string: the pages' policy forbids eval.)


@pytest.fixture
def command(tmp_path):
    served = HeadlessCommand(tmp_path)
    yield served
    served.stop()


def state_of(command) -> dict:
    return httpx.get(f"{command.base}/api/state", params={"code": command.code}).json()


def test_a_phone_joins_answers_lead_or_follow_votes_and_sees_the_verdict(command):
    with chromium() as browser:
        phone = browser.new_page()
        phone.goto(command.urls["join"])
        expect(phone.locator("#connection")).to_have_text("Live")
        assert "open" in phone.text_content("#vote-state")
        assert phone.is_disabled("input[name=choice] >> nth=0")          # read the room first
        phone.get_by_role("radio", name="Follow", exact=True).check()
        assert phone.is_enabled("input[name=choice] >> nth=0")
        phone.check("input[name=choice][value='2']")
        phone.get_by_role("button", name="Send my vote").click()
        expect(phone.locator("#sent")).to_have_text(re.compile("^Counted"))
        assert state_of(command)["votes"]["2"] == 1

        instructor = browser.new_page()
        instructor.goto(command.urls["instructor"])
        expect(instructor.locator("#bars .count", has_text="1 vote")).to_have_count(1)
        instructor.get_by_role("button", name="Take the winner").click()

        expect(phone.locator("#verdict")).to_be_visible()
        verdict = state_of(command)["verdict"]
        assert verdict["shown"] == 2
        assert phone.text_content("#verdict-line") == verdict["verdict_line"]
        assert phone.text_content("#verdict-mark") == verdict["mark"]
        assert "The class took 2" in phone.text_content("#verdict-taken")


def test_without_websockets_the_page_polls_and_still_follows_the_room(command):
    with chromium() as browser:
        phone = browser.new_page()
        phone.add_init_script("delete window.WebSocket")
        phone.goto(command.urls["join"])
        expect(phone.locator("#connection")).to_have_text(re.compile("^Updating"))
        first = phone.text_content("#narration")
        httpx.post(f"{command.base}/api/vote", json={"code": command.code, "voter": "v", "shown": 1, "stance": "lead"})
        command.act("take")
        expect(phone.locator("#verdict")).to_be_visible(timeout=10_000)
        assert phone.text_content("#narration") != first or state_of(command)["turn"] == 1


def test_the_vote_can_be_cast_with_the_keyboard_alone(command):
    with chromium() as browser:
        phone = browser.new_page()
        phone.goto(command.urls["join"])
        expect(phone.locator("#connection")).to_have_text("Live")
        phone.focus("input[name=stance][value=lead]")
        phone.keyboard.press("Space")
        phone.focus("input[name=choice][value='1']")
        phone.keyboard.press("Space")
        phone.keyboard.press("Tab")
        for _ in range(6):   # on to the button, whatever the choices in between
            if phone.evaluate("document.activeElement.id") == "send":
                break
            phone.keyboard.press("Tab")
        phone.keyboard.press("Enter")
        expect(phone.locator("#sent")).to_have_text(re.compile("^Counted"))
        assert state_of(command)["votes"]["1"] == 1


def test_a_wrong_code_shows_a_page_that_says_so(command):
    with chromium() as browser:
        phone = browser.new_page()
        answer = phone.goto(command.urls["join"].rsplit("/", 1)[0] + "/ZZZZZZ")
        assert answer.status == 403
        assert "does not open the class" in phone.text_content("h1")
        phone.goto(command.base + "/")
        phone.fill("#join-code", command.code.lower())
        phone.get_by_role("button", name="Join").click()
        expect(phone.locator("#connection")).to_have_text("Live")
