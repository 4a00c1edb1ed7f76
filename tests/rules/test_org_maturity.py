"""Rule 1's question about the organisation's cloud maturity: asked only where its answer decides the track.

`needs_org_maturity` is what the profile form asks (actions/profile_form.py) before putting the question.
"""

from __future__ import annotations

import pytest

from advisor.profile import Profile
from advisor.rules import needs_org_maturity, recommend

# (current role, target role, certifications held, whether the maturity answer matters)
CASES = [
    ("administrator", "undecided", ["AZ-104"], True),
    ("administrator", "undecided", ["AZ-900", "AZ-104"], True),
    ("administrator", "undecided", [], False),
    ("administrator", "undecided", ["AZ-900"], False),
    ("administrator", None, ["AZ-104"], False),  # no goal stated yet: the goal question comes first
    ("administrator", "architect", ["AZ-104"], False),
    ("administrator", "administrator", ["AZ-104"], False),
    ("developer", "undecided", ["AZ-104"], False),
    ("devops_engineer", "undecided", ["AZ-104"], False),
    (None, "undecided", ["AZ-104"], False),
]


def profile(role, target, held, maturity=None) -> Profile:
    return Profile(current_role=role, target_role=target, certifications_held=tuple(held), coding_comfort="medium",
                   azure_experience="some", weekly_hours=5.0, org_cloud_maturity=maturity)


@pytest.mark.parametrize("role, target, held, matters", CASES)
def test_needs_org_maturity(catalog, today, role, target, held, matters):
    assert needs_org_maturity(profile(role, target, held), catalog, today) is matters


@pytest.mark.parametrize("role, target, held, matters", CASES)
def test_the_answer_changes_the_path_exactly_when_it_matters(catalog, today, role, target, held, matters):
    early = recommend(profile(role, target, held, "early"), catalog, today)
    mature = recommend(profile(role, target, held, "mature"), catalog, today)
    assert (early.track.role != mature.track.role) is matters
