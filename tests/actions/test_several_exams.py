"""Several exams in one path edit: "add SC-500 and SC-100 after AZ-305" adds both; "AI-103 first and then AB-100,
put that on my path" puts both on it, in that order."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from actions.context import catalog
from actions.exam_choice import ActionChooseExam
from advisor.profile import Profile
from advisor.rules import recommend
from tests.actions.test_question_actions import run, text_of, tracker
from tests.conftest import TODAY

ARCHITECT: Dict[str, Any] = {"current_role": "administrator", "target_role": "architect", "coding_comfort": "low",
                             "azure_experience": "some", "certifications_held": ["AZ-104"], "weekly_hours": 8.0}


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setenv("ADVISOR_TODAY", TODAY.isoformat())


def path_after(text: str) -> list:
    profile = Profile(**{k: tuple(v) if isinstance(v, list) else v for k, v in ARCHITECT.items()})
    before = recommend(profile, catalog(), TODAY).path
    assert "SC-500" not in before and "SC-100" not in before and "AB-100" not in before
    slots = dict(ARCHITECT, recommended_path=before)
    messages, events = run(ActionChooseExam(), tracker(text, "choose_exam", slots=slots))
    paths = [e["value"] for e in events if e.get("name") == "recommended_path"]
    assert paths, text_of(messages)
    return paths[-1]


def test_two_exams_added_at_once():
    path = path_after("add SC-500 and SC-100 after AZ-305")
    assert path.index("SC-500") < path.index("SC-100")


def test_an_order_of_two_new_exams_puts_both_on_the_path():
    path = path_after("AI-103 first and then AB-100, put that on my path")
    assert path.index("AI-103") < path.index("AB-100")
