"""The plan in a calendar, end to end through REST: a conversation to a recommendation, "put it in my calendar",
then the link fetched from the real page server (scripts/web_page.py) and the .ics parsed back with `icalendar`;
the same link refused once altered or expired. Needs a model trained with `action_send_calendar` in the domain.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from typing import Iterator, List
from urllib.parse import urlsplit

import pytest
import requests
from icalendar import Calendar

from advisor.calendar_plan import PlanRequest, plan_start
from advisor.calendar_token import make_token
from scripts.servers import Servers
from tests.conftest import TODAY
from tests.e2e.helpers import servers_with_page, slots, texts

pytestmark = pytest.mark.e2e

SECRET = "e2e-calendar-secret-0123456789abcdef"
LINK = re.compile(r"https?://\S+/calendar/[A-Za-z0-9]+\.[A-Za-z0-9]+\.ics")
HOURS = re.compile(r"^(\d+(?:\.\d+)?) h\b")


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[Servers]:
    """The action server and the Rasa server, plus the page server on the address the actions put in links."""
    yield from servers_with_page(tmp_path_factory.mktemp("e2e-calendar"), {"CALENDAR_SECRET": SECRET})


def recommendation(servers: Servers, user: str) -> List[dict]:
    replies: List[dict] = []
    for message in ("I've been a Windows sysadmin for 6 years", "not really, I can tweak PowerShell scripts",
                    "a cloud architect, within two years", "some", "none yet", "5 hours a week"):
        replies = servers.say(user, message)
    assert slots(servers, user)["recommended_path"] == ["AZ-104", "AZ-305"]
    return replies


def link_in(replies: List[dict]) -> str:
    found = LINK.findall(texts(replies))
    assert len(found) == 1, f"one calendar link expected; the model must know action_send_calendar:\n{texts(replies)}"
    return found[0]


def test_recommendation_then_calendar_link_then_the_file(servers):
    user = "e2e-calendar"
    replies = recommendation(servers, user)
    buttons = {b["title"]: b["payload"] for b in replies[-1].get("buttons", [])}
    assert buttons.get("Put it in my calendar") == "put it in my calendar"

    answer = servers.say(user, "put it in my calendar")
    link = link_in(answer)
    assert link.startswith(f"{servers.web_url}/calendar/") and "30 days" in texts(answer)
    assert user not in link, "the link never names the sender"
    assert slots(servers, user)["recommended_path"] == ["AZ-104", "AZ-305"], "the path is untouched"

    response = requests.get(link, timeout=60)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/calendar")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    events = list(Calendar.from_ical(response.content).walk("VEVENT"))
    summaries = [str(e["SUMMARY"]) for e in events]
    assert "Study AZ-104: Manage Azure identities and governance" in summaries
    assert "Book AZ-104" in summaries and "Book AZ-305" in summaries
    assert any(s.startswith("Practice assessment AZ-104") for s in summaries)
    assert any(s.startswith("Practice assessment AZ-305") for s in summaries)
    weekly = defaultdict(float)
    for event in events:
        if str(event["SUMMARY"]).startswith("Study "):
            match = HOURS.match(str(event["DESCRIPTION"]))
            assert match
            weekly[(str(event["SUMMARY"]).split(":")[0], event.decoded("DTSTART"))] += float(match.group(1))
    assert weekly and all(hours == pytest.approx(5.0, abs=0.15) for hours in weekly.values())


def test_the_buttons_payload_gives_a_link_and_altered_or_expired_links_are_refused(servers):
    user = "e2e-calendar-button"
    replies = recommendation(servers, user)
    payload = {b["title"]: b["payload"] for b in replies[-1].get("buttons", [])}["Put it in my calendar"]
    link = link_in(servers.say(user, payload))  # what a click sends
    path = urlsplit(link).path
    altered = path[:-6] + ("aa" if not path[:-4].endswith("aa") else "bb") + ".ics"
    refused = requests.get(f"{servers.web_url}{altered}", timeout=30)
    assert refused.status_code == 403 and "not valid" in refused.text

    request = PlanRequest(("AZ-104", "AZ-305"), 5.0, "some_azure", TODAY, plan_start(TODAY))
    expired = make_token(request, SECRET.encode(), int(time.time()) - 1)
    gone = requests.get(f"{servers.web_url}/calendar/{expired}.ics", timeout=30)
    assert gone.status_code == 410 and "expired" in gone.text

