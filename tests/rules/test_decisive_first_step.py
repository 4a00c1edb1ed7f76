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
