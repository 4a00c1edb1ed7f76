"""After a recommendation, a goal stated outright changes the goal, never the current role; a path edit lists no
certification held."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

from actions.held_reading import _PATH_EDIT_RE
from actions.profile_guard import stated_goal


def role(text: str, words: str, value: str, role_name: Any = None) -> Dict[str, Any]:
    start = text.index(words)
    return {"entity": "job_role", "value": value, "role": role_name, "start": start, "end": start + len(words)}


@pytest.mark.parametrize("text, words, value, goal", [
    ("ok I've decided, security it is", "security", "security_engineer", "security_engineer"),
    ("change my goal to devops please", "devops", "devops_engineer", "devops_engineer"),
    ("put me down for data engineer", "data engineer", "data_engineer", "data_engineer"),
    ("my new goal is architect", "architect", "architect", "architect"),
    ("I'm a developer, I've decided nothing yet", "developer", "developer", None),  # the title comes before the cue
])
def test_a_goal_stated_outright(text, words, value, goal):
    assert stated_goal(text, [role(text, words, value)]) == goal


@pytest.mark.parametrize("text, goal", [
    ("just mark me as undecided for now", "undecided"),
    ("put me down as not sure", "undecided"),
    ("should I change my goal to something else?", None),  # a question changes nothing
    ("thanks, that makes sense", None),
])
def test_undecided_and_questions(text, goal):
    entities: List[Dict[str, Any]] = []
    assert stated_goal(text, entities) == goal


@pytest.mark.parametrize("text, edit", [
    ("no, keep AI-200 and add AZ-104 after it", True), ("put the 900 first", True), ("switch to DP-750", True),
    ("AZ-104 and AZ-900", False), ("I passed AZ-104, then AZ-305 last year", False),
])
def test_a_path_edit_lists_no_certification(text, edit):
    assert bool(_PATH_EDIT_RE.search(text)) is edit


@pytest.mark.parametrize("text, hours", [
    ("ok fine ill do 8 hrs a week then. how much does az-104 cost", 8.0), ("what if I do 8 hrs a week", None),
    ("is 8 hours a week enough?", None), ("did 25 hours so far", None),
])
def test_hours_stated_beside_a_question(text, hours):
    from actions.profile_guard import stated_hours

    assert stated_hours(text) == hours
