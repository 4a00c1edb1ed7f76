"""The one renewal answer in `action_answer_follow_up` (actions/held_validity.py): dates from the message,
else from `certification_dates`, else one question; a lapsed certification leaves `certifications_held`.

Expected dates by hand (knowledge/policies.yml: valid one year from earning, renewal opens six months before
expiry); today is pinned to 2026-11-22.
"""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.follow_ups import ActionAnswerFollowUp
from tests.conftest import TODAY

ADMIN = {"current_role": "administrator", "target_role": "architect", "coding_comfort": "low",
         "azure_experience": "some", "certifications_held": ["AZ-104"], "weekly_hours": 5.0,
         "recommended_path": ["AZ-305"]}


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setenv("ADVISOR_TODAY", TODAY.isoformat())


def run(text: str, slots: Dict[str, Any], bot: str = "") -> tuple:
    message = {"text": text, "intent": {"name": "ask_exam_question"}, "entities": []}
    events: List[Dict[str, Any]] = [{"event": "user", "text": "earlier"}, {"event": "bot", "text": bot}] if bot else []
    events.append({"event": "user", "text": text, "parse_data": message})
    track = Tracker("someone", dict(slots), message, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ActionAnswerFollowUp().run(dispatcher, track, {}))
    slots_set = {e["name"]: e["value"] for e in result if e["event"] == "slot"}
    return "\n".join(m.get("text") or "" for m in dispatcher.messages), slots_set


def test_an_expiry_month_is_used_and_remembered():
    text, slots = run("my SC-200 runs out in february 2027, renew it now or start on AZ-305?", ADMIN)
    # expiry 1–28 Feb 2027 → window opened 1–28 Aug 2026, open on 22 Nov 2026; renew by the earliest expiry
    assert text.startswith("Yes, your renewal window opened in August 2026; renew by 1 February 2027"), text
    assert slots["certification_dates"] == {"SC-200": {"expires": "2027-02"}}
    again, _ = run("so is the renewal open already?", {**ADMIN, **slots})
    assert again.startswith("Yes, your renewal window opened in August 2026"), again


def test_a_date_given_earlier_answers_a_later_question():
    _, slots = run("I passed AZ-104 in January 2026", ADMIN)
    assert slots["certification_dates"] == {"AZ-104": {"earned": "2026-01"}}
    text, _ = run("when does my AZ-104 expire?", {**ADMIN, **slots})
    # earned January 2026 → expires in January 2027; window opened in July 2026
    assert "Tell me when you passed" not in text and "January 2027" in text, text


def test_a_day_without_an_exam_uses_the_exam_in_focus():
    text, _ = run("i got it 15 june 2026. so when does it expire?", {**ADMIN, "exam_in_focus": "AZ-104"})
    assert "15 June 2027" in text.split("\n")[0], text


def test_no_date_asks_once():
    first, _ = run("when does my AZ-104 expire?", ADMIN)
    assert "Tell me when you passed it" in first
    second, _ = run("when does my AZ-104 expire?", ADMIN, bot=first)
    assert "Tell me when you passed it" not in second and "Microsoft Learn profile" in second


def test_a_lapsed_certification_is_no_longer_held():
    text, slots = run("AZ-104 expired last year", ADMIN)
    assert "lapsed" in text and "pass AZ-104 again" in text, text
    assert slots["certifications_held"] == []
    assert slots["recommended_path"][0] == "AZ-104"  # the architect path needs it again


def test_a_profile_answer_with_a_pass_date_stores_it():
    from actions.held_validity import dates_with_held

    assert dates_with_held("AZ-104, passed it in January 2026", ["AZ-104"], None, TODAY) == {
        "AZ-104": {"earned": "2026-01"}}
    assert dates_with_held("az104 and az-900, both from 2025", ["AZ-104", "AZ-900"], None, TODAY) is None  # which?
    assert dates_with_held("AZ-104", ["AZ-104"], {"SC-200": "2026-03-02"}, TODAY) is None


def test_the_form_stores_the_date_with_the_certification():
    from actions.profile_form import ValidateProfileForm

    message = {"text": "just AZ-104, passed it in January 2026", "intent": {"name": "inform"}, "entities": []}
    track = Tracker("someone", {"requested_slot": "certifications_held"}, message,
                    [{"event": "user", "text": message["text"], "parse_data": message}], False, None, {},
                    "action_listen")
    result = ValidateProfileForm().validate_certifications_held(["AZ-104"], CollectingDispatcher(), track, {})
    assert result["certifications_held"] == ["AZ-104"]
    assert result["certification_dates"] == {"AZ-104": {"earned": "2026-01"}}
