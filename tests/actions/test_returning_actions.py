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
    assert text == ("Welcome back. Last time: AZ-104, then AZ-305. Have you taken AZ-104 yet, or shall we check you're "
                    "on track?")
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


def after_welcome(text: str, slots: Dict[str, Any], bot: str, before: Optional[Dict[str, Any]] = None) -> Tracker:
    """A tracker whose latest message answers `bot`; `before` are slots set before that message."""
    message = {"text": text, "intent": {"name": "inform"}, "entities": []}
    events: List[Dict[str, Any]] = [{"event": "slot", "name": k, "value": v} for k, v in (before or {}).items()]
    events += [{"event": "bot", "text": bot},
               {"event": "user", "text": text, "parse_data": message, "input_channel": "rest"}]
    return Tracker("someone", dict(slots), message, events, False, None, {}, "action_listen")


AVD_PATH = {**PROFILE, "target_role": "administrator", "recommended_path": ["AZ-104", "AZ-140"]}
ASKED_104 = ("Welcome back. Last time: AZ-104, then AZ-140. Have you taken AZ-104 yet, or shall we check you're on "
             "track?")


def slot_values(events: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


# (message, slots before, exam passed, held after, a phrase said): the exam passed is never one asked about in a
# question or denied; a denied exam that was held is taken off, out loud.
PASSED_CASES = [
    ("passed on the 20th. do I really still need 104 for the next one?", {}, "AZ-140", ["AZ-140"], "on 2026-11-20"),
    ("passed it on monday! can I book az-400 right away or is there a waiting period?", {}, "AZ-104", ["AZ-104"],
     "on 2026-11-16"),
    ("cleared it yesterday :) is az-305 worth doing after?", {}, "AZ-104", ["AZ-104"], "on 2026-11-21"),
    ("no!! I did NOT pass 104. I passed 140 on 20 november", {"certifications_held": ["AZ-104"]}, "AZ-140",
     ["AZ-140"], "I've taken AZ-104 off the certifications you hold"),
    ("no, I passed AZ-140, not AZ-104", {"certifications_held": ["AZ-104"]}, "AZ-140", ["AZ-140"],
     "I've taken AZ-104 off"),
    ("I passed 140 last week, never passed the 104", {}, "AZ-140", ["AZ-140"], "on 2026-11-15"),
]


@pytest.mark.parametrize("text, extra, code, held, said", PASSED_CASES)
def test_the_exam_passed_is_the_one_stated_not_the_one_asked_about_or_denied(text, extra, code, held, said):
    slots = {**AVD_PATH, **extra}
    reply, events = run(ActionRecordExamResult(), after_welcome(text, slots, ASKED_104))
    assert reply.startswith(f"Congratulations on passing {code}"), reply
    assert said in reply
    values = slot_values(events)
    assert values["certifications_held"] == held
    assert "failed_exams" not in values, "a correction is no failure"


def test_with_the_asked_exam_in_the_question_the_exam_in_focus_was_passed():
    """"do I really still need 104?" after "Have you taken AZ-104 yet?": the exam talked about before, AZ-140."""
    slots = {**PROFILE, "exam_in_focus": "AZ-140"}
    asked = ASKED_104.replace("AZ-140", "AZ-305")
    track = after_welcome("passed on the 20th. do I still need 104?", slots, asked)
    reply, events = run(ActionRecordExamResult(), track)
    assert reply.startswith("Congratulations on passing AZ-140 on 2026-11-20!"), reply
    assert slot_values(events)["certifications_held"] == ["AZ-140"]


def test_a_question_naming_every_exam_asks_which_was_passed():
    only = {**AVD_PATH, "recommended_path": ["AZ-104"]}
    reply, events = run(ActionRecordExamResult(), after_welcome("passed! do I still need 104?", only, ASKED_104))
    assert reply.startswith("Which exam was it?") and "certifications_held" not in slot_values(events)


# (message, failed_exams before this message, failed_exams set during this turn, wait said)
FAILED_CASES = [
    ("i failed dp-700 yesterday, got 620", [], None, "24 hours after a first failure"),
    ("i failed dp-700 yesterday, got 620", [], ["DP-700"], "24 hours after a first failure"),  # answered twice
    ("i failed dp-700 yesterday, got 620", ["AZ-104"], None, "24 hours after a first failure"),
    ("failed dp-700 again, 650 this time", [], None, "14 days after a second failure"),
    ("i failed dp-700 yesterday", ["DP-700"], None, "14 days after a second failure"),
]


@pytest.mark.parametrize("text, before, now, wait", FAILED_CASES)
def test_a_failure_is_counted_once(text, before, now, wait):
    slots = {**PROFILE, "failed_exams": now if now is not None else before}
    events_before = {"failed_exams": before} if before else {}
    track = after_welcome(text, slots, "Anything else?", events_before)
    if now is not None:  # the same message already answered once in this turn
        track.events.append({"event": "slot", "name": "failed_exams", "value": now})
    reply, events = run(ActionRecordExamResult(), track)
    assert wait in reply, reply
    assert slot_values(events)["failed_exams"] == before + ["DP-700"]


def test_yes_to_have_you_taken_it_yet_asks_how_it_went():
    reply, events = run(ActionRecordExamResult(), after_welcome("yes", AVD_PATH, ASKED_104))
    assert reply == "How did AZ-104 go?"
    assert "certifications_held" not in slot_values(events) and "failed_exams" not in slot_values(events)
