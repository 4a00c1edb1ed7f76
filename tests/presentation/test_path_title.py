"""The path's title names the certification the path leads to, not the track's usual one."""

from __future__ import annotations

import pytest

from advisor.profile import Profile
from advisor.rules import recommend
from presentation.roadmap import roadmap

BASE = dict(coding_comfort="medium", azure_experience="some", weekly_hours=5.0)


@pytest.mark.parametrize("values, title", [
    (dict(current_role="ai_engineer", target_role="ai_engineer", chosen_exams=("AI-300",)), "AI-300"),
    (dict(current_role="data_engineer", target_role="data_engineer", chosen_exams=("DP-750",)), "DP-750"),
    (dict(current_role="devops_engineer", target_role="devops_engineer", certifications_held=("AZ-104",),
          added_exams=("GH-200",)), "AZ-400"),  # an exam added after the goal's exam keeps the track's title
    (dict(current_role="manager", target_role="undecided", goal_scope="fundamentals"), None),
])
def test_the_title_follows_the_exam_the_path_leads_to(values, title, catalog, today):
    rec = recommend(Profile(**{**BASE, **values}), catalog, today)
    expected = (f"Your path: {catalog.exam(title).certification}" if title else
                "Your path: the overview (fundamentals)")
    assert roadmap(rec).heading == expected
