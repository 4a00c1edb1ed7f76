"""The returning-person actions driven with a rasa-sdk Tracker: the session start carries the profile and
welcomes back only a person who had a path; exam results; "forget me" asks once, then marks the turn."""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.returning import ActionForgetMe, ActionRecordExamResult, ActionSessionStart
from components.returning_reader import FORGET_QUESTION
from tests.conftest import TODAY

PROFILE = {"current_role": "administrator", "target_role": "architect", "coding_comfort": "low",
           "azure_experience": "some", "certifications_held": [], "weekly_hours": 5.0,
           "recommended_path": ["AZ-104", "AZ-305"], "requested_slot": None, "answer_kind": "recommendation"}
DOMAIN = {"session_config": {"carry_over_slots_to_new_session": True}}


@pytest.fixture(autouse=True)
def environment(monkeypatch):
    monkeypatch.setenv("ADVISOR_TODAY", TODAY.isoformat())


def tracker(text: str, slots: Dict[str, Any], bot: Optional[str] = None) -> Tracker:
    message = {"text": text, "intent": {"name": "inform"}, "entities": []}
    events: List[Dict[str, Any]] = []
    if bot is not None:
        events += [{"event": "user", "text": "forget me"}, {"event": "bot", "text": bot}]
    events.append({"event": "user", "text": text, "parse_data": message, "input_channel": "rest"})
    return Tracker("someone", dict(slots), message, events, False, None, {}, "action_listen")


def run(action: Any, track: Tracker) -> tuple:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, track, DOMAIN))
    return "\n".join(m.get("text") or "" for m in dispatcher.messages), events


def test_session_start_carries_the_profile_and_welcomes_back():
    text, events = run(ActionSessionStart(), tracker("/session_start", PROFILE))
    assert text == "Welcome back. Last time: AZ-104, then AZ-305. How did AZ-104 go?"
    assert events[0]["event"] == "session_started"
    assert events[-1]["event"] == "action" and events[-1]["name"] == "action_listen"
    carried = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert carried["current_role"] == "administrator" and carried["recommended_path"] == ["AZ-104", "AZ-305"]
    assert "requested_slot" not in carried
    assert carried["answer_kind"] == "welcome_back", "the session's own events say it welcomed back (not carried)"


def test_a_first_session_gets_no_welcome_back():
    text, events = run(ActionSessionStart(), tracker("hi", {}))
    assert text == "" and [e["event"] for e in events] == ["session_started", "action"]


def test_passed_without_a_code_is_the_paths_first_exam():
    text, events = run(ActionRecordExamResult(), tracker("I passed!!", PROFILE))
    assert text.startswith("Congratulations on passing AZ-104!")
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["certifications_held"] == ["AZ-104"] and slots["recommended_path"] == ["AZ-305"]


def test_forget_me_asks_then_marks_the_confirmed_turn():
    text, events = run(ActionForgetMe(), tracker("forget me", PROFILE))
    assert text.startswith(FORGET_QUESTION) and events[-1]["value"] == "forget_asked"
    text, events = run(ActionForgetMe(), tracker("yes, delete everything", PROFILE, bot=f"{FORGET_QUESTION} …"))
    assert text.startswith("Done. I've deleted your profile") and events[-1]["value"] == "forgotten"
    text, events = run(ActionForgetMe(), tracker("no, keep it", PROFILE, bot=f"{FORGET_QUESTION} …"))
    assert text.startswith("OK, I've deleted nothing") and events[-1]["value"] == "forget_cancelled"


def test_a_question_in_the_news_is_not_the_exam_passed():
    """Round 11: "passed on nov 27. do i really still need 104?" congratulated on AZ-104."""
    avd = {**PROFILE, "target_role": "administrator", "recommended_path": ["AZ-140"]}
    text, events = run(ActionRecordExamResult(), tracker("passed on nov 27. do i really still need 104?", avd))
    assert "AZ-140" in text and "passing AZ-104" not in text
