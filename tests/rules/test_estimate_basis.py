"""'Those hours look like beginner numbers': which estimate was used, and what would change it."""

from __future__ import annotations

from datetime import date

import pytest

from advisor.estimate_basis import PUSHBACK_RE, estimate_basis
from advisor.profile import Profile
from advisor.rules import recommend
from knowledge.catalog import Catalog


def test_new_to_azure_is_named_and_how_to_change_it(catalog: Catalog, today: date) -> None:
    aws = Profile(current_role="architect", target_role="architect", coding_comfort="medium", azure_experience="none",
                  weekly_hours=18)
    answer = estimate_basis(recommend(aws, catalog, today))
    assert answer.heading.startswith("These hours are the estimate for someone from IT who is new to Azure")
    assert any("some Azure experience" in fact.text for fact in answer.facts)


def test_experienced_points_to_the_hours(catalog: Catalog, today: date) -> None:
    admin = Profile(current_role="administrator", target_role="architect", coding_comfort="low",
                    azure_experience="extensive", weekly_hours=6)
    answer = estimate_basis(recommend(admin, catalog, today))
    assert "hands-on Azure experience" in answer.heading
    assert "hours a week" in answer.facts[0].text


@pytest.mark.parametrize("text, pushback", [
    ("these are beginner numbers, come on", True), ("I'm not new to IT at all", True),
    ("15 years in infrastructure, doesn't that count?", True), ("I'm new to Azure", False), ("thanks", False),
])
def test_pushback_words(text, pushback):
    assert bool(PUSHBACK_RE.search(text)) is pushback
