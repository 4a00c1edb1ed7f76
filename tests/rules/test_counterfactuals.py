"""Counterfactuals re-run the rules: what they say must agree with `recommend` itself."""

from __future__ import annotations

from dataclasses import replace

import pytest

from advisor.counterfactuals import coding_changes, goals_that_include, raised_coding
from advisor.profile import Profile
from advisor.rules import recommend
from presentation.why_answers import what_if, why_not

ARCHITECT = Profile(current_role="administrator", target_role="architect", coding_comfort="low",
                    azure_experience="some", weekly_hours=5)
DEVELOPER = Profile(current_role="developer", target_role="developer", coding_comfort="low",
                    azure_experience="none", weekly_hours=8)


@pytest.mark.parametrize("profile", [ARCHITECT, DEVELOPER])
def test_an_exam_in_the_path_is_said_to_be_in_it_with_its_step(catalog, today, profile):
    rec = recommend(profile, catalog, today)
    for number, code in enumerate(rec.path, start=1):
        text = why_not(code, profile, catalog, today).text
        assert f"step {number} of {len(rec.path)}" in text


def test_a_retired_exam_names_its_successor_and_where_it_is_in_the_path(catalog, today):
    rec = recommend(DEVELOPER, catalog, today)
    successor = catalog.current_successor("AZ-204", today)
    text = why_not("AZ-204", DEVELOPER, catalog, today).text
    assert "retired" in text and successor.label in text
    if successor.code in rec.path:
        assert f"step {rec.path.index(successor.code) + 1} of your path" in text


def test_a_held_exam_is_not_repeated(catalog, today):
    profile = replace(ARCHITECT, certifications_held=("AZ-104",))
    assert "you already hold AZ-104" in why_not("AZ-104", profile, catalog, today).text


@pytest.mark.parametrize("code", ["AI-200", "AZ-400", "DP-700", "AZ-700"])
def test_the_goals_offered_really_put_the_exam_in_the_path(catalog, today, code):
    goals = goals_that_include(code, ARCHITECT, catalog, today)
    assert goals, f"some goal should lead to {code}"
    for goal in goals:
        assert code in recommend(replace(ARCHITECT, target_role=goal), catalog, today).path
    text = why_not(code, ARCHITECT, catalog, today).text
    assert "Your goal decides the track" in text
    assert " ".join(recommend(ARCHITECT, catalog, today).path).replace(" ", " → ") in text


@pytest.mark.parametrize("comfort, expected", [(None, ("medium", "high")), ("low", ("medium", "high")),
                                               ("medium", ("high",)), ("high", ())])
def test_raised_coding_levels(comfort, expected):
    assert raised_coding(Profile(coding_comfort=comfort)) == expected


def test_learning_to_code_reports_what_the_rules_give(catalog, today):
    reply = what_if(coding_changes(DEVELOPER), DEVELOPER, catalog, today)
    for label, changed in coding_changes(DEVELOPER):
        other = recommend(changed, catalog, today)
        assert label in reply.text
        assert " → ".join(other.path) in reply.text


def test_a_different_goal_shows_the_new_path(catalog, today):
    changed = replace(ARCHITECT, target_role="data_engineer")
    reply = what_if([("With the goal data engineer", changed)], ARCHITECT, catalog, today)
    assert " → ".join(recommend(changed, catalog, today).path) in reply.text
    assert "the path becomes" in reply.text


def test_an_exam_that_is_only_an_alternative_says_when_it_fits(catalog, today):
    track = catalog.track("security_engineer")
    option = next(o for o in track.alternatives if o.exam == "SC-200")
    text = why_not("SC-200", ARCHITECT, catalog, today).text
    assert f"With the goal security engineer, SC-200 is the alternative when {option.when}" in text
