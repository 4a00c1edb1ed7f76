"""'Is AZ-400 worth it?' is answered about that exam on the person's path, never with the generic job note only."""

from __future__ import annotations

from datetime import date

from actions.follow_ups import career_reply
from advisor.profile import Profile
from advisor.rules import recommend
from knowledge.catalog import Catalog

ADMIN_TO_DEVOPS = Profile(current_role="administrator", target_role="devops_engineer", coding_comfort="medium",
                          azure_experience="some", weekly_hours=6)


def test_a_step_on_the_path_says_what_it_earns(catalog: Catalog, today: date) -> None:
    rec = recommend(ADMIN_TO_DEVOPS, catalog, today)
    assert "AZ-400" in rec.path
    text = career_reply(rec, ["AZ-400"]).text
    first = text.splitlines()[0]
    assert first.startswith("For your goal, yes: AZ-400 earns DevOps Engineer Expert")
    assert "no salary" in text


def test_an_exam_beside_the_path_gets_the_why_not(catalog: Catalog, today: date) -> None:
    rec = recommend(ADMIN_TO_DEVOPS, catalog, today)
    text = career_reply(rec, ["DP-900"]).text
    assert "DP-900" in text.splitlines()[0]
    assert "For your goal, yes" not in text


def test_no_exam_named_keeps_the_honest_path_note(catalog: Catalog, today: date) -> None:
    rec = recommend(ADMIN_TO_DEVOPS, catalog, today)
    assert career_reply(rec).text.startswith("I can't promise a job or a raise")
