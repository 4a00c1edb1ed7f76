"""The web chat page in a real browser (Debian's chromium, driven by Playwright): a whole conversation through
the rasa-webchat widget and Rasa's socket.io channel, the roadmap, buttons, markup safety and a reload."""

from __future__ import annotations

import base64

import pytest
import requests
from playwright.sync_api import Page, expect

from scripts.servers import ROOT, Servers
from tests.channels.conftest import wait_for_slots

pytestmark = pytest.mark.e2e

SCREENSHOTS = ROOT / "reports"

RESPONSES = ".rw-conversation-container .rw-message .rw-response"
CLIENT_MESSAGES = ".rw-conversation-container .rw-message .rw-client"
ROADMAP = '.rw-conversation-container img.rw-image-frame[src^="data:image/svg+xml"]'


@pytest.fixture()
def page(browser_page: Page) -> Page:
    return browser_page


def responses(page: Page) -> int:
    return page.locator(RESPONSES).count()


def say(page: Page, text: str, then: str = "") -> None:
    """Type a message as a person would and wait for the answer (one that contains `then`, when given)."""
    before = responses(page)
    box = page.locator(".rw-new-message")
    box.fill(text)
    box.press("Enter")
    expect(page.locator(CLIENT_MESSAGES).last).to_contain_text(text.strip()[:20])
    expect(page.locator(RESPONSES).nth(before)).to_be_attached()
    if then:
        expect(page.locator(RESPONSES).last).to_contain_text(then)


def open_page(page: Page, servers: Servers) -> None:
    assert servers.web_url
    page.goto(servers.web_url)
    expect(page.locator(RESPONSES).first).to_contain_text("Azure certification path advisor")


def session_id(page: Page) -> str:
    stored = page.evaluate("JSON.parse(window.localStorage.getItem('chat_session') || '{}').session_id")
    assert stored, "the widget keeps its session id in localStorage"
    return str(stored)


def test_page_is_served_from_the_project_with_a_strict_policy(servers: Servers) -> None:
    assert servers.web_url
    page = requests.get(servers.web_url, timeout=10)
    assert page.status_code == 200 and "/webchat.js" in page.text
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    bundle = requests.get(f"{servers.web_url}/webchat.js", timeout=10)
    installed = ROOT / "web" / "node_modules" / "rasa-webchat" / "lib" / "index.js"
    assert bundle.status_code == 200 and bundle.content == installed.read_bytes()
    config = requests.get(f"{servers.web_url}/config.js", timeout=10).text
    assert servers.rasa_url in config
    assert requests.get(f"{servers.web_url}/../pyproject.toml", timeout=10).status_code == 404


def answer_the_profile(page: Page) -> None:
    """A Windows sysadmin who wants to be an architect answers every question, up to the recommendation."""
    for message, next_question in (("I've been a Windows sysadmin for 6 years", "code"),
                                   ("not really, I can tweak PowerShell scripts", "become"),
                                   ("a cloud architect, within two years", "experience"),
                                   ("some", "certifications"), ("none yet", "hours")):
        say(page, message, then=next_question)
    say(page, "5 hours a week", then="start over")


def test_conversation_to_a_roadmap_then_why_and_reload_keeps_history(page: Page, servers: Servers) -> None:
    open_page(page, servers)
    expect(page.locator(".rw-replies .rw-reply").first).to_be_visible()  # the role question's buttons
    answer_the_profile(page)

    roadmap = page.locator(ROADMAP)
    expect(roadmap).to_have_count(1)
    roadmap.scroll_into_view_if_needed()
    assert page.evaluate(f"document.querySelector({ROADMAP!r}).naturalWidth") > 300, "the SVG is drawn"
    svg = base64.b64decode(roadmap.get_attribute("src").split(",", 1)[1]).decode()  # type: ignore[union-attr]
    assert svg.index(">AZ-104<") < svg.index(">AZ-305<"), "steps in order"
    for expected in (">1<", ">2<", "Microsoft Azure Administrator", "associate", "expert", "weeks", "as of 2026-11-22"):
        assert expected in svg
    expect(page.locator(RESPONSES).filter(has_text="Why:").first).to_be_visible()  # the reasons, readable below
    buttons = page.locator(".rw-replies .rw-reply")
    expect(buttons.filter(has_text="Why?")).to_have_count(1)
    expect(buttons.filter(has_text="Start over")).to_have_count(1)
    SCREENSHOTS.mkdir(exist_ok=True)
    roadmap.evaluate("image => image.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(SCREENSHOTS / "web-widget-roadmap.png"))

    session = session_id(page)
    slots = wait_for_slots(servers, session, lambda slots: slots["recommended_path"] is not None)
    assert slots["recommended_path"] == ["AZ-104", "AZ-305"]

    before = responses(page)
    buttons.filter(has_text="Why?").click()
    expect(page.locator(RESPONSES).nth(before)).to_be_attached()
    expect(page.locator(RESPONSES).filter(has_text="source: https://").first).to_be_visible()

    say(page, "compare AZ-104 and AZ-305")  # what the "Compare" button sends; a comparison is a table here
    table = page.locator(f"{RESPONSES} table").last
    expect(table).to_contain_text("AZ-104")
    expect(table).to_contain_text("AZ-305")
    table.evaluate("table => table.scrollIntoView({block: 'center'})")
    page.screenshot(path=str(SCREENSHOTS / "web-widget-comparison.png"))

    page.reload()
    expect(page.locator(ROADMAP)).to_have_count(1)
    expect(page.locator(CLIENT_MESSAGES).filter(has_text="5 hours a week")).to_have_count(1)
    assert session_id(page) == session, "the same conversation goes on after a reload"
    say(page, "start over")
    slots = wait_for_slots(servers, session, lambda slots: slots["recommended_path"] is None)
    assert slots["recommended_path"] is None, "the message after the reload reached the same conversation"
    page.screenshot(path=str(SCREENSHOTS / "web-widget-after-reload.png"))


def test_markup_typed_by_the_user_is_shown_as_text_never_run(page: Page, servers: Servers) -> None:
    open_page(page, servers)
    page.evaluate("window.__pwned = 0")
    attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b id="injected">bold</b>'
    say(page, attack)
    bubble = page.locator(CLIENT_MESSAGES).last
    expect(bubble).to_contain_text('<img src=x onerror="window.__pwned=1">')
    expect(bubble).to_contain_text("<script>")
    assert page.locator("#injected").count() == 0
    assert page.locator('.rw-conversation-container img[src="x"]').count() == 0
    assert page.evaluate("window.__pwned") == 0
    say(page, "[click](javascript:window.__pwned=3)")
    for link in page.locator(".rw-conversation-container a").all():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    assert page.evaluate("window.__pwned") == 0
