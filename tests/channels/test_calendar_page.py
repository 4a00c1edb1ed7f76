"""The calendar link over HTTP from the real page server (scripts/web_page.py on a free port): the .ics file as a
download with the page's security headers, parsed back with `icalendar`; expired and forged links refused; and in
Debian's chromium, a link in the page (opening in a new tab, as the widget's links do) downloads the file."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Dict, Iterator, Tuple

import pytest
import requests
from icalendar import Calendar

from advisor.calendar_link import calendar_link
from advisor.calendar_plan import PlanRequest, plan_start
from advisor.calendar_token import make_token
from scripts.servers import free_port
from tests.channels.calendar_helpers import click_for_download, page_server
from tests.conftest import TODAY

SECRET = "page-server-test-secret-0123456789abcdef"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tuple[str, Dict[str, str]]]:
    workdir: Path = tmp_path_factory.mktemp("calendar-page")
    port = free_port()
    env = dict(os.environ, CALENDAR_SECRET=SECRET, DATABASE_URL=f"sqlite:///{workdir / 'knowledge.db'}",
               WEB_URL=f"http://127.0.0.1:{port}")
    with page_server(workdir, port, "http://127.0.0.1:9", env):
        yield f"http://127.0.0.1:{port}", env


def plan_request() -> PlanRequest:
    return PlanRequest(("AZ-104", "AZ-305"), 6.0, "some_azure", TODAY, plan_start(TODAY))


def test_the_link_downloads_a_calendar_file(page):
    url, env = page
    link, _ = calendar_link(plan_request(), environ=env)
    assert link.startswith(f"{url}/calendar/")
    response = requests.get(link, timeout=60)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and "AZ-104" in disposition and disposition.endswith('.ics"')
    assert "default-src 'none'" in response.headers["Content-Security-Policy"], "the page's policy is kept"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    calendar = Calendar.from_ical(response.content)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert "Book AZ-104" in summaries and "Book AZ-305" in summaries
    assert any(s.startswith("Study AZ-104: ") for s in summaries)


def test_head_answers_without_a_body(page):
    url, env = page
    link, _ = calendar_link(plan_request(), environ=env)
    response = requests.head(link, timeout=60)
    assert response.status_code == 200 and response.content == b""
    assert int(response.headers["Content-Length"]) > 0


def test_an_expired_link_is_gone(page):
    url, _ = page
    token = make_token(plan_request(), SECRET.encode(), int(time.time()) - 60)
    response = requests.get(f"{url}/calendar/{token}.ics", timeout=30)
    assert response.status_code == 410 and "expired" in response.text
    assert response.headers["Content-Type"].startswith("text/plain")


def test_a_forged_link_is_forbidden(page):
    url, _ = page
    token = make_token(plan_request(), b"not-the-servers-secret", int(time.time()) + 3600)
    response = requests.get(f"{url}/calendar/{token}.ics", timeout=30)
    assert response.status_code == 403 and "not valid" in response.text
    genuine = make_token(plan_request(), SECRET.encode(), int(time.time()) + 3600)
    tampered = genuine[:-2] + ("aa" if not genuine.endswith("aa") else "bb")
    assert requests.get(f"{url}/calendar/{tampered}.ics", timeout=30).status_code == 403


def test_other_calendar_paths_are_not_found_and_the_page_still_serves(page):
    url, _ = page
    assert requests.get(f"{url}/calendar/", timeout=30).status_code == 404
    assert requests.get(f"{url}/calendar/plan.ics", timeout=30).status_code == 404
    assert requests.get(f"{url}/health", timeout=30).text == "ok\n"


def test_in_the_browser_a_link_in_the_page_downloads_the_calendar_file(page, browser_page):
    url, env = page
    link, _ = calendar_link(plan_request(), environ=env)
    tab = browser_page
    tab.goto(f"{url}/")  # the chat page, with its Content-Security-Policy
    tab.evaluate("""link => {
        const anchor = document.createElement('a');
        anchor.href = link; anchor.target = '_blank'; anchor.id = 'calendar-link'; anchor.textContent = link;
        document.body.appendChild(anchor);
    }""", link)  # a link as the widget renders a URL in a message
    download = click_for_download(tab, tab.locator("#calendar-link"))
    assert download.suggested_filename == "azure-study-plan-AZ-104-AZ-305.ics"
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert "Book AZ-104" in summaries and "Book AZ-305" in summaries

