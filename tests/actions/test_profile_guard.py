"""Outside the form, a mention inside a question is no fact, and the goal for now beats the last goal named."""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.profile_guard import ActionValidateSlotMappings, checked_values, side_readings
from components.message_parts import question_spans


def entity(text: str, words: str, name: str, value: Any, role: Any = None) -> Dict[str, Any]:
    start = text.index(words)
    return {"entity": name, "value": value, "role": role, "start": start, "end": start + len(words)}


@pytest.mark.parametrize("text, asked", [
    ("Do I have to do AZ-104 first?", ["Do I have to do AZ-104 first?"]),
    ("I want AZ-140. Do I have to do AZ-104 first?", ["Do I have to do AZ-104 first?"]),
    ("I have AZ-900, is that enough?", ["is that enough?"]),
    ("what if I do 8 hours a week", ["what if I do 8 hours a week"]),
    ("AZ-104 first?", ["AZ-104 first?"]),
    ("AZ-900 (does it expire?)", ["does it expire?"]),
    ("oh I forgot, I have AZ-900", []),
    ("can you change my hours to 8?", []),
])
def test_question_spans(text, asked):
    assert [text[a:b].strip() for a, b in question_spans(text)] == asked


def test_an_exam_named_in_a_question_is_not_held():
    text = "I want AZ-140. Do I have to do AZ-104 first?"
    found = [entity(text, "AZ-104", "exam_code", "AZ-104", "held")]
    assert checked_values(text, found, {"certifications_held": ["AZ-104"]}) == {}


def test_a_fact_before_the_question_stays():
    text = "I have AZ-900, is AZ-104 next?"
    found = [entity(text, "AZ-900", "exam_code", "AZ-900", "held"),
             entity(text, "AZ-104", "exam_code", "AZ-104", "held")]
    assert checked_values(text, found, {"certifications_held": ["AZ-900", "AZ-104"]}) == \
        {"certifications_held": ["AZ-900"]}


def test_a_goal_in_a_question_changes_nothing():
    text = "isn't data engineering a better fit for me?"
    found = [entity(text, "data engineering", "job_role", "data_engineer", "target")]
    assert checked_values(text, found, {"target_role": "data_engineer"}) == {}


def test_a_soc_analyst_is_no_data_analyst():
    text = "I want to work in a SOC as analyst first. isn't SC-200 better for that than SC-500?"
    found = [entity(text, "SOC", "job_role", "security_engineer", "target"),
             entity(text, "analyst", "job_role", "data_analyst", "target")]
    assert checked_values(text, found, {"target_role": "data_analyst"}) == {"target_role": "security_engineer"}


def test_a_data_analyst_stays_a_data_analyst():
    text = "I want to become a data analyst"
    found = [entity(text, "data analyst", "job_role", "data_analyst", "target")]
    assert checked_values(text, found, {"target_role": "data_analyst"}) == {"target_role": "data_analyst"}


def test_the_goal_for_now_beats_the_later_one():
    text = "I want to go into security now, maybe architect later"
    found = [entity(text, "security", "job_role", "security_engineer", "target"),
             entity(text, "architect", "job_role", "architect", "target")]
    assert checked_values(text, found, {"target_role": "architect"}) == {"target_role": "security_engineer"}


def _tracker(text: str, entities: List[Dict[str, Any]], before: Dict[str, Any], after: Dict[str, Any],
             form: str = "") -> Tracker:
    events = [{"event": "slot", "name": k, "value": v} for k, v in before.items()]
    events.append({"event": "user", "text": text, "parse_data": {"intent": {"name": "inform"}}})
    events += [{"event": "slot", "name": k, "value": v} for k, v in after.items()]
    return Tracker("u", {**before, **after}, {"text": text, "intent": {"name": "inform"}, "entities": entities},
                   events, False, None, {"name": form} if form else {}, "action_listen")


def _run(t: Tracker) -> Dict[str, Any]:
    events = asyncio.run(ActionValidateSlotMappings().run(CollectingDispatcher(), t, {}))
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_the_action_puts_back_what_a_question_changed():
    text = "isn't SC-200 better for me than SC-500? I mean, is security analyst more my thing?"
    found = [entity(text, "security analyst", "job_role", "security_engineer", "target")]
    t = _tracker(text, found, {"target_role": "architect"}, {"target_role": "security_engineer"})
    assert _run(t) == {"target_role": "architect"}


def test_the_action_leaves_the_form_alone():
    text = "do I need AZ-104 first?"
    found = [entity(text, "AZ-104", "exam_code", "AZ-104", "held")]
    t = _tracker(text, found, {}, {"certifications_held": ["AZ-104"]}, form="profile_form")
    assert _run(t) == {}


def test_the_words_that_answered_the_question_fill_no_other_slot():
    text = "none really, maybe clicked around the portal once"
    found = [entity(text, "none really", "amount", "none"),
             entity(text, "clicked around the portal", "azure_experience", "some"),
             entity(text, "clicked around the portal", "coding_comfort", "low")]
    assert side_readings("azure_experience", found, {"azure_experience": "some", "coding_comfort": "low"}) == \
        ["coding_comfort"]
    t = _tracker(text, found, {"coding_comfort": "medium", "requested_slot": "azure_experience"},
                 {"azure_experience": "some", "coding_comfort": "low"}, form="profile_form")
    assert _run(t) == {"coding_comfort": "medium"}


def test_a_second_fact_in_its_own_words_stays():
    text = "some azure, and I write python daily"
    found = [entity(text, "some azure", "azure_experience", "some"),
             entity(text, "I write python daily", "coding_comfort", "medium")]
    assert side_readings("azure_experience", found, {"azure_experience": "some", "coding_comfort": "medium"}) == []


def test_an_exam_failed_is_not_held_and_a_pass_keeps_what_was_held():
    failed = "i took ai-200 and failed, 640 :( when can i retake"
    found = [entity(failed, "ai-200", "exam_code", "AI-200", "held")]
    assert checked_values(failed, found, {"certifications_held": ["AI-200"]}, {"certifications_held": []}) == {}
    passed = "i passed AZ-305 today"
    found = [entity(passed, "AZ-305", "exam_code", "AZ-305", "held")]
    held = ["AZ-104", "AZ-800", "AZ-801"]
    assert checked_values(passed, found, {"certifications_held": ["AZ-305"]}, {"certifications_held": held}) == \
        {"certifications_held": held + ["AZ-305"]}


def test_a_known_role_changes_only_when_the_person_says_what_they_are():
    side = "i've never really done azure networking, vnets etc"
    found = [entity(side, "azure networking", "job_role", "network_engineer", "current")]
    assert checked_values(side, found, {"current_role": "network_engineer"}, {"current_role": "administrator"}) == {}
    denied = "DP-800 sounds like developer stuff, I'm not a dev"
    found = [entity(denied, "dev", "job_role", "developer", "current")]
    assert checked_values(denied, found, {"current_role": "developer"}, {"current_role": "database_administrator"}) \
        == {}
    said = "actually I'm more of a sysadmin"
    found = [entity(said, "sysadmin", "job_role", "administrator", "current")]
    assert checked_values(said, found, {"current_role": "administrator"}, {"current_role": "developer"}) == \
        {"current_role": "administrator"}


def test_a_goal_named_with_the_role_is_no_side_reading():
    text = "I'm a sysadmin, I tweak PowerShell scripts, and I want to become an architect"
    found = [entity(text, "sysadmin", "job_role", "administrator", "current"),
             entity(text, "architect", "job_role", "architect", "target")]
    assert side_readings("current_role", found, {"current_role": "administrator", "target_role": "architect"}) == []


def test_a_question_in_the_answer_to_the_certifications_question_holds_nothing():
    from actions.held_reading import read_certifications_held
    text = "None yet. do I need AZ-104 before AZ-700?"
    found = [entity(text, "AZ-104", "exam_code", "AZ-104"), entity(text, "AZ-700", "exam_code", "AZ-700")]
    t = _tracker(text, found, {"requested_slot": "certifications_held"}, {}, form="profile_form")
    assert read_certifications_held(t, "certifications_held", ["AZ-104", "AZ-700"]).values == \
        {"certifications_held": []}


def test_a_goal_someone_else_wants_is_not_the_persons():
    from actions.profile_reading import read_target_role
    text = "my manager wants me to be an architect but I want to do devops"
    found = [entity(text, "architect", "job_role", "architect", "target"),
             entity(text, "devops", "job_role", "devops_engineer", "target")]
    t = _tracker(text, found, {"requested_slot": "target_role"}, {}, form="profile_form")
    assert read_target_role(t, "target_role").values.get("target_role") == "devops_engineer"


def test_the_role_named_first_answers_the_role_question():
    from actions.profile_reading import read_current_role
    text = "PhD student in ML"
    found = [entity(text, "PhD student", "job_role", "student", "current"),
             entity(text, "ML", "job_role", "ai_engineer")]
    t = _tracker(text, found, {"requested_slot": "current_role"}, {"current_role": "ai_engineer"}, form="profile_form")
    assert read_current_role(t, "current_role") == "student"
