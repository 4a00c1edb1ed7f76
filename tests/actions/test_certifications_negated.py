"""Certifications held in a message: negated possession removes (never adds), older exams are experience."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker

from actions.held_reading import read_certifications_held
from actions.profile_guard import checked_values

KNOWN = ["AZ-104", "AZ-900", "AZ-305", "PL-300", "DP-900"]


def tracker(text: str, held_before: Optional[List[str]], requested: Optional[str]) -> Tracker:
    message = {"text": text, "intent": {"name": "inform"}, "entities": []}
    events: List[Dict[str, Any]] = []
    if held_before is not None:
        events.append({"event": "slot", "name": "certifications_held", "value": held_before})
    events.append({"event": "user", "text": text, "parse_data": message})
    slots = {"certifications_held": held_before, "requested_slot": requested, "recommended_path": ["AZ-305"]}
    return Tracker("someone", slots, message, events, False, None, {}, "action_listen")


# (text, held before, asked, held after or None when unchanged)
@pytest.mark.parametrize("text, before, asked, after", [
    ("I don't hold AZ-104 anymore", ["AZ-104", "AZ-900"], False, ["AZ-900"]),
    ("I don't have PL-300 itself", ["PL-300"], False, []),
    ("no, not the 900", ["AZ-104", "AZ-900"], False, ["AZ-104"]),
    ("no, not the 900", None, True, []),
    ("oh wait I forgot, I do have AZ-900 from 2021. changes anything?", ["AZ-104"], False, ["AZ-104", "AZ-900"]),
    ("I have AZ-900, not AZ-104", ["AZ-104"], False, ["AZ-900"]),
])
def test_held_after_the_message(text, before, asked, after):
    reading = read_certifications_held(tracker(text, before, "certifications_held" if asked else None),
                                       "certifications_held" if asked else None, KNOWN)
    assert reading.values.get("certifications_held") == after


@pytest.mark.parametrize("text, said", [
    ("DA-100 and 70-778", "DA-100 and 70-778 are retired Microsoft exams"),
    ("MCSA 2016", "retired Microsoft (MCSA, MCSE) certification counts as experience"),
    ("70-533", "70-533 is a retired Microsoft exam"),
    ("XY-123", "I don't know an exam called XY-123"),
])
def test_older_exams_are_acknowledged_and_the_question_moves_on(text, said):
    reading = read_certifications_held(tracker(text, None, "certifications_held"), "certifications_held", KNOWN)
    assert reading.values.get("certifications_held") == [], "answered: nothing held, the form moves on"
    assert any(said in note for note in reading.notes), reading.notes


@pytest.mark.parametrize("text, words", [
    ("I don't hold AZ-104 anymore", "AZ-104"),
    ("I don't have PL-300 itself", "PL-300"),
    ("I have AZ-900, not AZ-104", "AZ-104"),
])
def test_the_nlu_reading_a_negated_exam_adds_nothing(text, words):
    start = text.index(words)
    found = [{"entity": "exam_code", "value": words, "role": "held", "start": start, "end": start + len(words)}]
    assert checked_values(text, found, {"certifications_held": [words]}, {"certifications_held": []}) == {}


def test_a_certification_remembered_late_is_added_and_the_path_said_again():
    """"oh wait I forgot, I do have AZ-900 from 2021. changes anything?" got the retake rules."""
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    from actions.recommendation import ActionRecommendPath

    text = "oh wait I forgot, I do have AZ-900 from 2021. changes anything?"
    profile = {"current_role": "administrator", "target_role": "architect", "coding_comfort": "low",
               "azure_experience": "some", "weekly_hours": 5.0, "recommended_path": ["AZ-104", "AZ-305"]}
    message = {"text": text, "intent": {"name": "inform"}, "entities": []}
    events = [{"event": "slot", "name": "certifications_held", "value": []},
              {"event": "user", "text": text, "parse_data": message},
              {"event": "slot", "name": "certifications_held", "value": ["AZ-900"]}]
    track = Tracker("someone", {**profile, "certifications_held": ["AZ-900"]}, message, events, False, None, {},
                    "profile_form")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionRecommendPath().run(dispatcher, track, {}))
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert ("Noted: AZ-900 (AZ-900 won't expire: fundamentals certifications don't). That doesn't change your "
            "path.") in said, said
    assert said.startswith("Your path: Azure Solutions Architect Expert")
    assert "retake" not in said.lower()
