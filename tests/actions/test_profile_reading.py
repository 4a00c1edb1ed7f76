"""The form's reading of a reply for the slot it asked (actions/profile_reading.py), with the NLU's entities as
Rasa would hand them over: typos the lexicon misses, jobs outside IT, someone else's role or certification, and a
question after the path that names no hours."""

from __future__ import annotations

from datetime import date
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker

from actions.held_reading import read_certifications_held
from actions.profile_reading import (
    read_current_role,
    read_simple,
    read_target_role,
)

TODAY = date(2026, 12, 1)


def entity(text: str, words: str, name: str, value: Any, role: Any = None) -> Dict[str, Any]:
    start = text.index(words)
    return {"entity": name, "value": value, "role": role, "start": start, "end": start + len(words)}


def tracker(text: str, entities: Optional[List[Dict[str, Any]]] = None, before: Optional[Dict[str, Any]] = None,
            mapped: Optional[Dict[str, Any]] = None, form: str = "profile_form") -> Tracker:
    """The latest message `text`; `mapped` are the slots Rasa's mappings set from it."""
    before, mapped = dict(before or {}), dict(mapped or {})
    events: List[Dict[str, Any]] = [{"event": "slot", "name": k, "value": v} for k, v in before.items()]
    events.append({"event": "user", "text": text, "parse_data": {"intent": {"name": "inform"}}})
    events += [{"event": "slot", "name": k, "value": v} for k, v in mapped.items()]
    return Tracker("u", {**before, **mapped}, {"text": text, "intent": {"name": "inform"},
                                                "entities": entities or []},
                   events, False, None, {"name": form} if form else {}, "action_listen")


@pytest.mark.parametrize("text, role", [
    ("sys admn", "administrator"),
    ("data enginer", "data_engineer"),
    ("cybersec mostly", "security_engineer"),
    ("netwrk engineer", "network_engineer"),
    ("retired plumber doing this for fun", "other"),
    ("marketing", "other"),
])
def test_the_role_question_reads_what_the_lexicon_missed(text, role):
    t = tracker(text, before={"requested_slot": "current_role"})
    assert read_current_role(t, "current_role") == role


def test_someone_elses_role_is_not_the_answer():
    text = "my wife is a DBA, I do helpdesk"
    found = [entity(text, "DBA", "job_role", "database_administrator", "current"),
             entity(text, "helpdesk", "job_role", "support", "current")]
    t = tracker(text, found, {"requested_slot": "current_role"}, {"current_role": "database_administrator"})
    assert read_current_role(t, "current_role") == "support"

    text = "my boss is an architect but I'm just a junior dev"
    found = [entity(text, "architect", "job_role", "architect"),
             entity(text, "dev", "job_role", "developer", "current")]
    t = tracker(text, found, {"requested_slot": "current_role"}, {"current_role": "architect"})
    assert read_current_role(t, "current_role") == "developer"


def test_only_someone_elses_role_answers_nothing():
    text = "my husband is a network engineer"
    found = [entity(text, "network engineer", "job_role", "network_engineer", "current")]
    t = tracker(text, found, {"requested_slot": "current_role"}, {"current_role": "network_engineer"})
    assert read_current_role(t, "current_role") == "__drop__"


def test_the_role_the_nlu_found_stays():
    text = "I'm a sysadmin"
    found = [entity(text, "sysadmin", "job_role", "administrator", "current")]
    t = tracker(text, found, {"requested_slot": "current_role"}, {"current_role": "administrator"})
    assert read_current_role(t, "current_role") is None  # nothing to change


@pytest.mark.parametrize("text, goal", [
    ("cloud archtect", "architect"),
    ("data eng i think", "data_engineer"),
    ("secops", "security_engineer"),
])
def test_the_goal_question_reads_typos(text, goal):
    t = tracker(text, before={"requested_slot": "target_role", "current_role": "administrator"})
    assert read_target_role(t, "target_role").values.get("target_role") == goal


def test_a_job_outside_it_is_no_goal():
    t = tracker("nurse", before={"requested_slot": "target_role", "current_role": "other"})
    assert "target_role" not in read_target_role(t, "target_role").values


def test_someone_elses_certification_is_not_held(catalog):
    text = "my manager has AZ-305, I have none"
    found = [entity(text, "AZ-305", "exam_code", "AZ-305", "held")]
    t = tracker(text, found, {"requested_slot": "certifications_held"}, {"certifications_held": ["AZ-305"]})
    reading = read_certifications_held(t, "certifications_held", sorted(catalog.exams))
    assert reading.values.get("certifications_held") == []


@pytest.mark.parametrize("text, hours", [
    ("2 nights a week, 2 hours a night", 4.0),
    ("weekday evenings 1h, plus 2h on saturday", 7.0),
])
def test_the_hours_question_multiplies_and_adds(text, hours):
    t = tracker(text, before={"requested_slot": "weekly_hours"})
    assert read_simple(t, "weekly_hours", "weekly_hours", TODAY).values == {"weekly_hours": hours}


def test_a_question_after_the_path_sets_no_hours():
    text = "so which ONE do i book first"
    before = {"weekly_hours": 5.0, "recommended_path": ["AZ-104", "AZ-305"]}
    t = tracker(text, [{"entity": "number", "value": 1.0, "start": 9, "end": 12}], before, {"weekly_hours": 1.0},
                form="")
    assert read_simple(t, "weekly_hours", None, TODAY).values == {"weekly_hours": 5.0}


def test_a_question_about_a_next_exam_says_nothing_about_certifications_held():
    t = tracker("after SC-500, is SC-100 the next logical step?", before={"requested_slot": "azure_experience"})
    reading = read_certifications_held(t, "azure_experience", ["SC-100", "SC-500"])
    assert "certifications_held" not in reading.values


@pytest.mark.parametrize("text, number", [("I will move it to mid-March then, 15 March 2027.", 15.0),
                                          ("how hard is 104 for someone like me", 104.0)])
def test_a_date_or_an_exam_number_is_no_hours(text, number):
    t = tracker(text, [], {"weekly_hours": 6.0}, {"weekly_hours": number}, form="")
    assert read_simple(t, "weekly_hours", None, TODAY).values == {"weekly_hours": 6.0}


def test_hours_studied_so_far_are_no_weekly_hours():
    t = tracker("I already studied 12 hours for DP-700. am I on track for 15 march?", [], {"weekly_hours": 6.0},
                {"weekly_hours": 12.0}, form="")
    assert read_simple(t, "weekly_hours", None, TODAY).values == {"weekly_hours": 6.0}
    t = tracker("I've already bumped it, it's 12 hours a week now", [], {"weekly_hours": 6.0},
                {"weekly_hours": 12.0}, form="")
    assert read_simple(t, "weekly_hours", None, TODAY).values.get("weekly_hours", 12.0) == 12.0
