"""'One answer please': an optional first step gets a decision for this person, not the options again."""

from __future__ import annotations

from datetime import date

from advisor.path_questions import path_step_facts, step_named
from advisor.profile import Profile
from advisor.rules import recommend
from knowledge.catalog import Catalog


def helpdesk(azure: str) -> Profile:
    return Profile(current_role="other", target_role="administrator", coding_comfort="low", azure_experience=azure,
                   weekly_hours=8)


def test_new_to_azure_books_the_fundamentals_first(catalog: Catalog, today: date) -> None:
    profile = helpdesk("none")
    assert recommend(profile, catalog, today).path[:2] == ["AZ-900", "AZ-104"]
    answer = path_step_facts(["AZ-900"], "just tell me: AZ-900 first, or straight to AZ-104? one answer", profile,
                             catalog, today).answer
    assert answer is not None and answer.heading.startswith("Book AZ-900 first")
    assert "optional" not in answer.heading  # a decision, not the options again


def test_which_one_first_is_the_first_step(catalog: Catalog) -> None:
    assert step_named("ok but which exam do I start with first", ["AZ-900", "AZ-104"], catalog) == "AZ-900"


def test_a_fundamentals_exam_beside_the_path_gets_a_decision(catalog: Catalog, today: date) -> None:
    analyst = Profile(current_role="security_engineer", target_role="security_engineer", coding_comfort="medium",
                      azure_experience="some", weekly_hours=6)
    rec = recommend(analyst, catalog, today)
    assert "SC-900" not in rec.path
    answer = path_step_facts(["SC-900"], "a colleague said do SC-900 first, good idea?", analyst, catalog, today).answer
    assert answer is not None and answer.heading.startswith("Not needed: SC-900 is optional")
