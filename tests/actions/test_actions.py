"""The custom actions, driven with rasa-sdk Trackers and a CollectingDispatcher."""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import ActionStartOver
from actions.profile_form import ValidateProfileForm
from actions.recommendation import ActionExplainRecommendation, ActionRecommendPath

DOMAIN: Dict[str, Any] = {
    "slots": {name: {} for name in (
        "current_role", "target_role", "coding_comfort", "azure_experience", "certifications_held",
        "weekly_hours", "org_cloud_maturity", "recommended_path", "requested_slot")},
    "forms": {"profile_form": {"required_slots": [
        "current_role", "coding_comfort", "target_role", "azure_experience", "certifications_held", "weekly_hours",
        "org_cloud_maturity"]}},
}


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setenv("ADVISOR_TODAY", "2026-11-22")


def tracker(slots: Dict[str, Any], intent: str = "inform", new: Optional[Dict[str, Any]] = None,
            form: Optional[str] = None, events: Optional[List[Dict[str, Any]]] = None,
            text: Optional[str] = None) -> Tracker:
    """A tracker whose latest user message (`text`) set `new` (slot values to validate)."""
    history = list(events or [])
    history.append({"event": "user", "text": text or "...", "parse_data": {"intent": {"name": intent}}})
    history += [{"event": "slot", "name": k, "value": v} for k, v in (new or {}).items()]
    latest = {"intent": {"name": intent}, "entities": [], **({"text": text} if text else {})}
    return Tracker("user", {**slots, **(new or {})}, latest, history, False, None,
                   {"name": form} if form else {}, "action_listen")


def run(action, t: Tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, t, DOMAIN))
    return events, dispatcher.messages


ARCHITECT = {"current_role": "administrator", "target_role": "architect", "coding_comfort": "low",
             "azure_experience": "some", "certifications_held": [], "weekly_hours": 5.0}


def test_recommend_path_sets_the_slot_and_explains_each_step(catalog):
    events, messages = run(ActionRecommendPath(), tracker(ARCHITECT))
    assert {"event": "slot", "timestamp": None, "name": "recommended_path", "value": ["AZ-104", "AZ-305"]} in events
    text = "\n".join(m["text"] for m in messages)
    assert "1. AZ-104" in text and "2. AZ-305" in text
    assert catalog.exam("AZ-305").certification in text
    assert "Why:\n- AZ-104: " in text and "\n- AZ-305: " in text, "one reason per step"
    assert "at 5 h/week" in text
    assert messages[-1]["buttons"][0]["payload"] == "/explain_recommendation"


def test_developer_hears_about_the_az204_retirement(catalog):
    slots = {**ARCHITECT, "current_role": "developer", "target_role": "developer", "coding_comfort": "high"}
    events, messages = run(ActionRecommendPath(), tracker(slots))
    text = "\n".join(m["text"] for m in messages)
    retired = catalog.exam("AZ-204").status.retirement_date.isoformat()
    assert f"AZ-204 (Developing Solutions for Microsoft Azure) retired on {retired}" in text
    assert "AI-200" in text
    assert any(e.get("value") == ["AI-200"] for e in events)


def test_explain_gives_sources_and_needs_a_recommendation_first(catalog):
    _, messages = run(ActionExplainRecommendation(), tracker({**ARCHITECT, "recommended_path": ["AZ-104", "AZ-305"]}))
    text = "\n".join(m["text"] for m in messages)
    assert catalog.exam("AZ-305").prerequisites.source.url in text
    assert "checked" in text and "Expert prerequisites" in text
    _, messages = run(ActionExplainRecommendation(), tracker({"current_role": "developer"}))
    assert "haven't recommended a path yet" in messages[0]["text"]


def test_start_over_resets_every_profile_slot():
    events, messages = run(ActionStartOver(), tracker(ARCHITECT))
    reset = {e["name"] for e in events if e["event"] == "slot" and e["value"] is None}
    assert set(ARCHITECT) | {"recommended_path"} <= reset
    assert messages[0]["response"] == "utter_start_over"


@pytest.mark.parametrize("slot, value, stored, problem", [
    ("current_role", "hacker", None, "isn't something I can use as your current role"),
    ("current_role", "administrator", "administrator", None),
    ("target_role", "support", None, "can't plan certifications towards"),
    ("target_role", "undecided", "undecided", None),
    ("weekly_hours", 200, None, "more than 80"),
    ("weekly_hours", 0, None, "greater than zero"),
    ("weekly_hours", "7", 7.0, None),
    ("weekly_hours", 5.25, 5.25, None),  # 45 minutes every day: quarter hours stay exact
    ("weekly_hours", 20 * 12 / 52, 4.6, None),  # 20 hours a month
    ("coding_comfort", "expert", None, "coding comfort"),
    ("certifications_held", ["az104", "AZ 900"], ["AZ-104", "AZ-900"], None),
    ("certifications_held", ["none"], [], None),
    # an unknown code is said once and the form moves on (issue 9): nothing unknown is stored
    ("certifications_held", ["AZ-999"], [], "I don't know an exam called AZ-999"),
])
def test_form_validation_keeps_values_inside_the_contract(slot, value, stored, problem):
    t = tracker({"requested_slot": slot}, new={slot: value}, form="profile_form")
    events, messages = run(ValidateProfileForm(), t)
    sets = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert sets[slot] == stored
    texts = " ".join(m["text"] or "" for m in messages)
    if problem:
        assert problem in texts
    else:
        assert "isn't" not in texts


def test_form_asks_again_when_an_answer_fills_nothing():
    t = tracker({"requested_slot": "coding_comfort", "current_role": "administrator"}, form="profile_form")
    events, messages = run(ValidateProfileForm(), t)
    assert any("couldn't read how comfortable you are writing code" in m["text"] for m in messages)
    assert {"event": "slot", "timestamp": None, "name": "coding_comfort", "value": None} in events


@pytest.mark.parametrize("intent, text", [
    ("inform", "is it crazy to think I could get a job in cloud?"),
    ("deny", "what's the salary like, or not worth it?"),
])
def test_a_question_without_an_answer_of_its_own_is_kept_for_later_and_stores_nothing(intent, text):
    slots = {"requested_slot": "certifications_held", "current_role": "manager"}
    events, messages = run(ValidateProfileForm(), tracker(slots, intent=intent, form="profile_form", text=text))
    said = " ".join(m["text"] for m in messages)
    assert "ask me again right after" in said and "couldn't read" not in said
    sets = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert sets.get("certifications_held") is None, "a question holds no certifications"
    assert "unanswered_question" not in sets, "a question is not a failed answer"


@pytest.mark.parametrize("text", [
    "and which certs should my helpdesk guys do vs my infra guys?",
    "so student discount or not?",
    "does AZ-305 have coding questions?",
])
def test_a_question_answered_elsewhere_is_declined_by_the_form(text):
    slots = {"requested_slot": "target_role", "current_role": "manager"}
    events, messages = run(ValidateProfileForm(), tracker(slots, intent="inform", form="profile_form", text=text))
    assert not messages and not [e for e in events if e["event"] == "slot"], "nothing read, nothing said"


@pytest.mark.parametrize("role, target, held, asked", [
    ("administrator", "undecided", ["AZ-104"], True),
    ("administrator", "undecided", [], False),
    ("administrator", "architect", ["AZ-104"], False),
    ("developer", "undecided", ["AZ-104"], False),
])
def test_form_asks_maturity_only_for_an_undecided_administrator_with_az104(role, target, held, asked):
    slots = {"current_role": role, "target_role": target, "certifications_held": held}
    required = DOMAIN["forms"]["profile_form"]["required_slots"]
    wanted = asyncio.run(ValidateProfileForm().required_slots(required, CollectingDispatcher(), tracker(slots), DOMAIN))
    assert ("org_cloud_maturity" in wanted) is asked


def test_facts_stated_outside_the_form_are_validated_and_lists_extend():
    """An inform outside the form activates it; its validation checks what was stated."""
    previous = [{"event": "slot", "name": "certifications_held", "value": ["AZ-900"]}]
    t = tracker({"certifications_held": ["AZ-104"]}, new={"certifications_held": ["AZ-104"], "current_role": "wizard"},
                form="profile_form", events=previous)
    events, messages = run(ValidateProfileForm(), t)
    sets = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert sets["certifications_held"] == ["AZ-900", "AZ-104"]
    assert sets["current_role"] is None
    assert "wizard" in messages[0]["text"]


def test_maturity_outside_its_question_is_validated_too():
    t = tracker({"requested_slot": "current_role"}, new={"org_cloud_maturity": "sideways"}, form="profile_form")
    events, messages = run(ValidateProfileForm(), t)
    assert {e["name"]: e["value"] for e in events if e["event"] == "slot"}["org_cloud_maturity"] is None
    assert "cloud maturity" in messages[0]["text"]


def test_form_is_done_without_maturity_when_rule_1_does_not_need_it():
    slots = {"current_role": "developer", "target_role": "developer", "certifications_held": [],
             "coding_comfort": "high", "azure_experience": "some", "weekly_hours": 5.0,
             "requested_slot": "weekly_hours"}
    events, _ = run(ValidateProfileForm(), tracker(slots, new={"weekly_hours": 5.0}, form="profile_form"))
    assert {"event": "slot", "timestamp": None, "name": "requested_slot", "value": None} in events


def test_no_to_the_certifications_question_means_none():
    t = tracker({"requested_slot": "certifications_held"}, intent="deny", form="profile_form")
    events, messages = run(ValidateProfileForm(), t)
    assert {"event": "slot", "timestamp": None, "name": "certifications_held", "value": []} in events
    assert not messages


def test_a_rejected_value_keeps_the_previous_one():
    previous = [{"event": "slot", "name": "coding_comfort", "value": "medium"}]
    t = tracker({"requested_slot": "weekly_hours"}, new={"coding_comfort": "guru"}, form="profile_form",
                events=previous)
    events, messages = run(ValidateProfileForm(), t)
    assert {e["name"]: e["value"] for e in events if e["event"] == "slot"}["coding_comfort"] == "medium"
    assert "guru" in messages[0]["text"]


def test_start_over_clears_are_not_treated_as_bad_answers():
    previous = [{"event": "slot", "name": "current_role", "value": "administrator"}]
    t = tracker({}, new={"current_role": None}, form="profile_form", intent="start_over", events=previous)
    events, messages = run(ValidateProfileForm(), t)
    assert {e["name"]: e["value"] for e in events if e["event"] == "slot"}.get("current_role") is None
    assert not messages


def test_a_form_started_by_a_message_after_the_recommendation_asked_nothing():
    """Rasa names the next slot to fill in `requested_slot` when a message starts the form again; nobody asked
    it, so "which one is the second cert" is no "1" to the hours question."""
    done = {**ARCHITECT, "recommended_path": ["AZ-104", "AZ-305"]}
    history = [{"event": "active_loop", "name": "profile_form"}, {"event": "active_loop", "name": None}]
    t = tracker({**done, "requested_slot": "weekly_hours"}, new={}, form="profile_form", events=history)
    t.latest_message["text"] = "if i want to move up to architect which one is the second cert"
    events, _ = run(ValidateProfileForm(), t)
    assert "weekly_hours" not in {e["name"] for e in events if e["event"] == "slot"}


@pytest.mark.parametrize("text", ["put AZ-104 back on my path pls, i need it now", "add az-104 back"])
def test_a_skipped_exam_can_be_put_back(text):
    from actions.exam_choice import ActionChooseExam

    slots = {"current_role": "network_engineer", "target_role": "network_engineer", "coding_comfort": "medium",
             "azure_experience": "some", "certifications_held": [], "weekly_hours": 5.0,
             "skipped_exams": ["AZ-104"], "recommended_path": ["AZ-700"]}
    events, messages = run(ActionChooseExam(), tracker(slots, text=text))
    sets = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert sets["skipped_exams"] == [] and sets["recommended_path"] == ["AZ-104", "AZ-700"]
    assert "AZ-104 is back on your path" in " ".join(m.get("text") or "" for m in messages)


def test_a_question_no_answer_fits_is_said_honestly_and_never_suggests_a_retired_exam(catalog):
    slots = {**ARCHITECT, "recommended_path": ["AZ-104", "AZ-305"]}
    events, messages = run(ActionRecommendPath(), tracker(slots, text="is there a healthcare cloud cert for nurses?"))
    said = " ".join(m.get("text") or "" for m in messages)
    assert said.startswith("I don't have a good answer to that one") and "AZ-204" not in said
    assert {e["name"]: e["value"] for e in events if e["event"] == "slot"}["answer_kind"] == "not_understood"
    _, messages = run(ActionRecommendPath(), tracker(slots, text="ok cool"))
    assert messages[0]["text"].startswith("Your path is unchanged") and "AZ-204" not in messages[0]["text"]


@pytest.mark.parametrize("text, expected", [
    ("if i pass in feb when do i renew", "If you pass AZ-700 in February 2027, it is valid until February 2028; "
                                         "you can renew it free online from August 2027"),
    ("once I pass AZ-700 in june 2027, when does it expire?",
     "If you pass AZ-700 in June 2027, it is valid until June 2028; you can renew it free online from December 2027"),
])
def test_dates_of_a_pass_to_come_are_worked_out_and_nothing_is_stored(text, expected):
    from actions.follow_ups import ActionAnswerFollowUp

    slots = {"current_role": "network_engineer", "target_role": "network_engineer", "coding_comfort": "medium",
             "azure_experience": "some", "certifications_held": [], "weekly_hours": 5.0,
             "skipped_exams": ["AZ-104"], "recommended_path": ["AZ-700"], "exam_in_focus": "AZ-700"}
    events, messages = run(ActionAnswerFollowUp(), tracker(slots, text=text))
    assert expected in messages[0]["text"]
    assert not [e for e in events if e["event"] == "slot" and e["name"] in ("certifications_held",
                                                                            "certification_dates")]


def test_a_certification_found_expired_leaves_the_list_held():
    from actions.follow_ups import ActionAnswerFollowUp

    slots = {"current_role": "data_analyst", "target_role": "data_engineer", "coding_comfort": "medium",
             "azure_experience": "some", "certifications_held": ["PL-300"], "weekly_hours": 5.0,
             "recommended_path": ["DP-700"]}
    events, messages = run(ActionAnswerFollowUp(), tracker(slots, text="is my PL-300 from march 2025 still valid?"))
    said = " ".join(m.get("text") or "" for m in messages)
    assert said.startswith("No: your PL-300 expired") and "I no longer count PL-300" in said
    assert {e["name"]: e["value"] for e in events if e["event"] == "slot"}["certifications_held"] == []


@pytest.mark.parametrize("text", ["ok so take PL-300 off my list, i dont have it anymore",
                                  "remove PL-300 from my certs"])
def test_a_held_certification_can_be_taken_off_the_list(text):
    from actions.exam_choice import ActionChooseExam

    slots = {"current_role": "data_analyst", "target_role": "data_engineer", "coding_comfort": "medium",
             "azure_experience": "some", "certifications_held": ["PL-300", "DP-900"], "weekly_hours": 5.0,
             "recommended_path": ["DP-700"]}
    events, messages = run(ActionChooseExam(), tracker(slots, text=text))
    assert "PL-300 is off the certifications you hold" in " ".join(m.get("text") or "" for m in messages)
    assert {e["name"]: e["value"] for e in events if e["event"] == "slot"}["certifications_held"] == ["DP-900"]


@pytest.mark.parametrize("extra", [{"certifications_held": ["AZ-900"]}, {"skipped_exams": ["AZ-900"]}])
def test_the_quickest_answer_never_offers_fundamentals_held_or_skipped(extra):
    from actions.follow_ups import faster_reply
    from actions.recommendation import _recommendation

    slots = {"current_role": "administrator", "target_role": "architect", "coding_comfort": "low",
             "azure_experience": "none", "certifications_held": [], "weekly_hours": 5.0, **extra}
    reply = faster_reply(_recommendation(tracker(slots)))
    assert not reply.text.startswith("Quickest: AZ-900") and reply.text.startswith("The quickest way is your path")
