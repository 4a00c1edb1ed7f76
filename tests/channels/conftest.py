"""One set of real servers for every channel test: the action server, the Rasa server with REST, socket.io,
Slack and Teams enabled (their remote services played by a local stand-in), and the web chat page."""

from __future__ import annotations

import time
from typing import Any, Callable, Dict, Iterator

import pytest

from scripts.servers import Servers, running_servers
from tests.channels.browser import browser, browser_page  # noqa: F401 (fixtures for the browser tests)
from tests.channels.stand_ins import StandIn

APP_ID = "00000000-0000-4000-8000-00000000b0t1"
APP_PASSWORD = "stand-in-app-password"
SLACK_TOKEN = "xoxb-stand-in"
SLACK_SIGNING_SECRET = "stand-in-signing-secret"
TODAY = "2026-11-22"


@pytest.fixture(scope="package")
def stand_in() -> Iterator[StandIn]:
    with StandIn(APP_ID, APP_PASSWORD) as running:
        yield running


@pytest.fixture(scope="package")
def servers(tmp_path_factory: pytest.TempPathFactory, stand_in: StandIn) -> Iterator[Servers]:
    env = {
        "ADVISOR_TODAY": TODAY,
        "REDIS_URL": "",  # delivery memory in this process: the fixed retry ids here never meet an earlier run's
        "SLACK_TOKEN": SLACK_TOKEN,
        "SLACK_SIGNING_SECRET": SLACK_SIGNING_SECRET,
        "SLACK_API_URL": f"{stand_in.url}/slack/api/",
        "MICROSOFT_APP_ID": APP_ID,
        "MICROSOFT_APP_PASSWORD": APP_PASSWORD,
        "BOTFRAMEWORK_OPENID_METADATA_URL": f"{stand_in.url}/bf/openid",
        "MICROSOFT_TOKEN_URL": f"{stand_in.url}/bf/token",
    }
    with running_servers(tmp_path_factory.mktemp("channels"), env=env, web=True) as running:
        yield running


def wait_for_slots(servers: Servers, sender: str, condition: Callable[[Dict[str, Any]], bool],
                   timeout: float = 60) -> Dict[str, Any]:
    """The conversation's slots once `condition` holds (channels send replies before the turn is saved)."""
    deadline = time.monotonic() + timeout
    while True:
        slots: Dict[str, Any] = servers.tracker(sender)["slots"]
        if condition(slots) or time.monotonic() > deadline:
            return slots
        time.sleep(0.2)
