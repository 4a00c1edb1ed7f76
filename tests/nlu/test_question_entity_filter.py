"""Question-only entities are kept only in the questions that use them."""

from __future__ import annotations

import pytest

from components.question_entity_filter import QuestionEntityFilter, filter_entities

ALLOWED = QuestionEntityFilter.get_default_config()["allowed_intents"]


def aspect(value: str) -> dict:
    return {"entity": "exam_aspect", "value": value}


@pytest.mark.parametrize("intent, entities, kept", [
    ("ask_exam_fact", [aspect("price")], [aspect("price")]),
    ("inform", [aspect("coding"), {"entity": "coding_comfort", "value": "high"}],
     [{"entity": "coding_comfort", "value": "high"}]),
    ("ask_exam_fact", [aspect("overview"), aspect("passing_score")], [aspect("passing_score")]),
    ("ask_exam_fact", [aspect("overview")], [aspect("overview")]),
    ("ask_exam_fact", [aspect("price"), aspect("price")], [aspect("price")]),
    ("compare_exams", [aspect("overview"), {"entity": "exam_code", "value": "AZ-104"}],
     [{"entity": "exam_code", "value": "AZ-104"}]),
    ("ask_study_plan", [{"entity": "weeks_until_exam", "value": "6 weeks"}],
     [{"entity": "weeks_until_exam", "value": "6 weeks"}]),
    ("inform", [{"entity": "weeks_until_exam", "value": "6 weeks"}], []),
    ("nlu_fallback", [aspect("price")], []),
])
def test_filter(intent, entities, kept):
    assert filter_entities(entities, intent, ALLOWED) == kept
