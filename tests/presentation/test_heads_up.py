"""A heads-up about an exam the person holds is said once: about their own certification."""

from __future__ import annotations

from datetime import date

from advisor.profile import Profile
from advisor.rules import recommend
from knowledge.catalog import Catalog
from presentation.recommendation_text import _heads_up


def test_a_held_retired_exam_gets_one_heads_up(catalog: Catalog, today: date) -> None:
    holder = Profile(current_role="data_engineer", target_role="data_engineer", coding_comfort="medium",
                     azure_experience="some", certifications_held=("DP-203",), weekly_hours=6)
    rec = recommend(holder, catalog, today)
    assert sum("DP-203" in w.text for w in rec.warnings) == 2  # the rules give both; the wording keeps one
    lines = _heads_up(rec)
    assert [line for line in lines if "DP-203" in line] == [line for line in lines if line.startswith(
        "Heads-up: Your DP-203")]
    assert len([line for line in lines if "DP-203" in line]) == 1
