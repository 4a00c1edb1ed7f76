"""Paths for the people someone asks about: a typical profile per role, the person's own untouched."""

from __future__ import annotations

import pytest

from advisor.team_paths import team_answer, typical_profile
from components.answer_roles import roles_named


@pytest.mark.parametrize("text, roles", [
    ("which certs for my service desk people vs the sysadmins?", ["support", "administrator"]),
    ("what should our devs, dbas and data scientists take", ["developer", "database_administrator", "ai_engineer"]),
    ("and for the infra team?", ["administrator"]),
    ("what about my team?", []),
])
def test_roles_named_for_others(text, roles):
    assert roles_named(text) == roles


def test_each_role_gets_its_own_track(catalog, today):
    answer = team_answer(["support", "developer", "data_analyst"], catalog, today)
    lines = [fact.text for fact in answer.facts]
    assert len(lines) == 3
    assert lines[0].startswith("IT support") and "AZ-104" in lines[0]
    assert lines[1].startswith("Developer") and "AZ-104" not in lines[1]
    assert lines[2].startswith("Data analyst") and "PL-300" in lines[2]
    assert "Your own path stays as it is" in answer.heading


def test_a_manager_gets_the_overview_and_no_roles_asks_for_them(catalog, today):
    answer = team_answer(["manager"], catalog, today)
    assert answer.facts[0].text.startswith("Manager: AZ-900 (")
    assert not team_answer([], catalog, today).facts
    assert "Tell me their roles" in team_answer([], catalog, today).heading


def test_typical_profiles_are_new_to_azure():
    profile = typical_profile("database_administrator")
    assert (profile.azure_experience, profile.certifications_held, profile.coding_comfort) == ("none", (), "medium")


def test_the_chosen_track_names_the_person_in_plain_words(catalog, today):
    from advisor.profile import Profile
    from advisor.rules import recommend

    outsider = recommend(Profile(current_role="other", target_role="undecided", coding_comfort="low",
                                 azure_experience="none", weekly_hours=5.0), catalog, today)
    assert "for someone from outside IT the natural next track" in outsider.track_reason.text
    admin = recommend(Profile(current_role="administrator", target_role="undecided", coding_comfort="low",
                              azure_experience="some", weekly_hours=5.0, org_cloud_maturity="early"), catalog, today)
    assert "for an administrator" in admin.track_reason.text


def test_a_finished_path_of_fundamentals_asks_for_no_renewal(catalog, today):
    from advisor.profile import Profile
    from advisor.rules import recommend

    manager = recommend(Profile(current_role="manager", target_role="undecided", coding_comfort="low",
                                azure_experience="none", weekly_hours=2.0, goal_scope="fundamentals",
                                certifications_held=("AZ-900",)), catalog, today)
    assert manager.path == []
    assert "don't expire" in manager.next_actions[0] and "renewal is free" not in manager.next_actions[0]
