"""Which study-time estimate fits: an IT manager is an IT professional new to Azure, not someone new to IT."""

from __future__ import annotations

import pytest

from advisor.profile import Profile
from advisor.rules import study_background


@pytest.mark.parametrize("role, azure, background", [
    ("manager", "none", "new_to_azure"),
    ("other", "none", "newcomer"),
    ("student", None, "newcomer"),
    ("administrator", "none", "new_to_azure"),
    ("manager", "some", "some_azure"),
    ("developer", "extensive", "experienced"),
])
def test_background(role, azure, background):
    assert study_background(Profile(current_role=role, azure_experience=azure)) == background
