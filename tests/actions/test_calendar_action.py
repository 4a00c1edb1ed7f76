"""`action_send_calendar` driven with a rasa-sdk Tracker: the link for the recommended path (followed through the
page's answer and parsed back), what it asks for without a path or weekly hours, and the follow-up button."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any, Dict, List, Optional
from urllib.parse import urlsplit

import pytest
from icalendar import Calendar
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.calendar import ActionSendCalendar
from actions.context import catalog
from advisor.calendar_link import calendar_download
from advisor.profile import Profile
from advisor.rules import recommend
from presentation.buttons import follow_up_buttons
from tests.conftest import TODAY

WEB_URL = "https://advisor.example.org"
ARCHITECT = {"current_role": "administrator", "target_role": "architect", "coding_comfort": "low",
             "azure_experience": "some", "certifications_held": [], "weekly_hours": 5.0}
LINK = re.compile(r"^(https?://\S+/calendar/\S+\.ics)$", re.MULTILINE)


@pytest.fixture(autouse=True)
def environment(monkeypatch):
    monkeypatch.setenv("ADVISOR_TODAY", TODAY.isoformat())
    monkeypatch.setenv("WEB_URL", WEB_URL)
    monkeypatch.setenv("CALENDAR_SECRET", "action-test-secret-0123456789")


def tracker(slots: Optional[Dict[str, Any]] = None, channel: str = "rest") -> Tracker:
    text = "put it in my calendar"
    message = {"text": text, "intent": {"name": "nlu_fallback"}, "entities": []}
    events = [{"event": "user", "text": text, "parse_data": message, "input_channel": channel}]
    return Tracker("someone-7f3a", dict(slots or {}), message, events, False, None, {}, "action_listen")


def run(track: Tracker) -> tuple:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionSendCalendar().run(dispatcher, track, {}))
    return dispatcher.messages, events


def text_of(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def with_path(**changes: Any) -> Dict[str, Any]:
    slots = {**ARCHITECT, **changes}
    slots.setdefault("recommended_path", recommend(Profile.from_slots(slots), catalog(), TODAY).path)
    return slots


def test_the_reply_has_a_link_that_downloads_the_path_as_a_calendar():
    slots = with_path()
    messages, events = run(tracker(slots))
    text = text_of(messages)
    match = LINK.search(text)
    assert match, text
    assert "30 days" in text and "Outlook" in text and "Google Calendar" in text
    assert "someone-7f3a" not in match.group(1), "the link never names the sender"
    answer = calendar_download(urlsplit(match.group(1)).path, catalog)
    assert answer.status == 200
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(answer.body).walk("VEVENT")]
    for code in slots["recommended_path"]:
        assert f"Book {code}" in summaries
        assert any(s.startswith(f"Study {code}: ") for s in summaries)
    assert {"event": "slot", "name": "answer_kind", "value": "calendar", "timestamp": None} in events


@pytest.mark.parametrize("channel", ["rest", "socketio", "slack", "botframework", "cmdline"])
def test_every_channel_gets_the_link_whole(channel):
    """Slack and Teams carry the text in blocks and cards: the link must come through unbroken in each."""
    messages, _ = run(tracker(with_path(), channel))
    found = set(re.findall(r"https?://[^\s\"\\<>|]+", json.dumps(messages)))
    assert len(found) == 1, found
    (link,) = found
    assert link.startswith(f"{WEB_URL}/calendar/") and link.endswith(".ics")
    assert calendar_download(urlsplit(link).path, catalog).status == 200


def test_without_a_recommendation_it_says_what_it_needs():
    messages, events = run(tracker({"weekly_hours": 5.0}))
    assert "recommended a path" in text_of(messages) and events == []
    assert not LINK.search(text_of(messages))


def test_without_weekly_hours_it_asks_for_them():
    messages, events = run(tracker(with_path(weekly_hours=None)))
    assert "hours a week" in text_of(messages) and events == []
    assert not LINK.search(text_of(messages))


def test_an_empty_path_has_nothing_to_put_in_a_calendar():
    messages, _ = run(tracker(with_path(recommended_path=[])))
    assert "nothing to put in a calendar" in text_of(messages)


def test_the_recommendation_offers_the_calendar_when_the_hours_are_known():
    kb = catalog()
    buttons = {b.title: b.payload for b in follow_up_buttons(recommend(Profile.from_slots(ARCHITECT), kb, TODAY))}
    assert buttons["Put it in my calendar"] == "put it in my calendar"
    assert len(buttons) <= 6
    no_hours = recommend(Profile.from_slots({**ARCHITECT, "weekly_hours": None}), kb, TODAY)
    assert "Put it in my calendar" not in {b.title for b in follow_up_buttons(no_hours)}


def test_renewal_is_mentioned_only_for_certifications_that_expire():
    kb = catalog()
    fundamentals = next(e.code for e in kb if e.level == "fundamentals" and not e.is_retired_on(TODAY)
                        and e.skills and e.study_hours and not e.status.retirement_date)
    expiring = next(e.code for e in kb if e.level != "fundamentals" and not e.is_retired_on(TODAY)
                    and e.skills and e.study_hours and not e.status.retirement_date)
    only_fundamentals = text_of(run(tracker(with_path(recommended_path=[fundamentals])))[0])
    assert LINK.search(only_fundamentals) and "renewal" not in only_fundamentals
    both = text_of(run(tracker(with_path(recommended_path=[fundamentals, expiring])))[0])
    assert f"renewal opens for {expiring}" in both and fundamentals not in both.split("renewal", 1)[1]
