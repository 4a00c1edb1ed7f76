"""After a recommendation, a goal stated outright changes the goal, never the current role."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

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
