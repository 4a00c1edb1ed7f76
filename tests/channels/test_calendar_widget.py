"""The plan in a calendar on the web page, in Debian's chromium: a conversation to a recommendation through the
rasa-webchat widget, the "Put it in my calendar" button, and the link in the answer, clicked, downloads the .ics
file. Needs a model trained with `action_send_calendar` in the domain."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Dict, Iterator

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

from scripts.servers import find_model, free_port, start_actions, start_rasa
from tests.channels.browser import WAIT_MS
from tests.channels.calendar_helpers import click_for_download, page_server, stop
from tests.channels.test_web_widget import RESPONSES, answer_the_profile
from tests.conftest import TODAY

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def web_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Action server, Rasa server (socket.io open to the page's origin) and the page server on the address the
    action server puts in calendar links."""
    workdir: Path = tmp_path_factory.mktemp("calendar-widget")
    actions_port, rasa_port, web_port = free_port(), free_port(), free_port()
    web = f"http://127.0.0.1:{web_port}"
    env: Dict[str, str] = dict(os.environ, ADVISOR_TODAY=TODAY.isoformat(), WEB_URL=web, RASA_TELEMETRY_ENABLED="false",
                               CALENDAR_SECRET="calendar-widget-secret-0123456789",
                               DATABASE_URL=f"sqlite:///{workdir / 'knowledge.db'}", PYTHONWARNINGS="ignore")
    actions = start_actions(workdir, actions_port, env)
    try:
        rasa = start_rasa(workdir, find_model(), rasa_port, actions_port, env, cors=[web])
        try:
            with page_server(workdir, web_port, f"http://127.0.0.1:{rasa_port}", env):
                yield web
        finally:
            stop(rasa)
    finally:
        stop(actions)


def test_the_calendar_button_gives_a_link_that_downloads_the_plan(browser_page: Page, web_url: str) -> None:
    page = browser_page
    page.goto(web_url)
    expect(page.locator(RESPONSES).first).to_contain_text("Azure certification path advisor")
    answer_the_profile(page)

    page.locator(".rw-replies .rw-reply").filter(has_text="Put it in my calendar").click()
    link = page.locator(f'{RESPONSES} a[href^="{web_url}/calendar/"]')
    expect(link).to_have_count(1, timeout=WAIT_MS)
    expect(page.locator(RESPONSES).last).to_contain_text("30 days", timeout=WAIT_MS)

    download = click_for_download(page, link)
    assert download.suggested_filename.endswith(".ics") and "AZ-104" in download.suggested_filename
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(Path(download.path()).read_bytes()).walk("VEVENT")]
    assert "Study AZ-104: Manage Azure identities and governance" in summaries
    assert "Book AZ-104" in summaries and "Book AZ-305" in summaries
