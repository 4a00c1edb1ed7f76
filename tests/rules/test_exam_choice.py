"""Exams the person chose: what the choice does to the profile, and where the chosen exam lands on the path.

Expected paths come from the tracks in knowledge/role_tracks.yml as a reader would apply them by hand
(an alternative of the same level takes the target's place), not from running the code.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from advisor.exam_choice import choice_command, choice_offer, choose_exam, without_own_choice
from advisor.profile import Profile
from advisor.rules import recommend

BASE = dict(coding_comfort="medium", azure_experience="some", weekly_hours=5.0)


def profile(**values) -> Profile:
    return Profile(**{**BASE, **values})


# (case, profile values, expected path)
PATHS = [
    ("an identity engineer holding SC-300 switches to SC-100: the expert alone",
     dict(current_role="security_engineer", target_role="security_engineer", certifications_held=("SC-300",),
          chosen_exams=("SC-100",)), ["SC-100"]),
    ("without a security associate held, SC-100 comes after SC-500",
     dict(current_role="security_engineer", target_role="security_engineer", chosen_exams=("SC-100",)),
     ["AZ-104", "SC-500", "SC-100"]),
    ("a data engineer switches to DP-600: it takes DP-700's place",
     dict(current_role="data_engineer", target_role="data_engineer", chosen_exams=("DP-600",)), ["DP-600"]),
    ("SOC analyst chooses SC-200 over SC-500; AZ-104 was only SC-500's foundation",
     dict(current_role="security_engineer", target_role="security_engineer", chosen_exams=("SC-200",)), ["SC-200"]),
    ("hybrid Windows admin chooses AZ-802 over AZ-104",
     dict(current_role="administrator", target_role="administrator", chosen_exams=("AZ-802",)), ["AZ-802"]),
    ("MLOps person chooses AI-300 over AI-103",
     dict(current_role="data_engineer", target_role="ai_engineer", coding_comfort="high", chosen_exams=("AI-300",)),
     ["AI-300"]),
    ("Databricks data engineer chooses DP-750 over DP-700",
     dict(current_role="data_engineer", target_role="data_engineer", chosen_exams=("DP-750",)), ["DP-750"]),
    ("a specialty exam is added after the target, not instead of it",
     dict(current_role="administrator", target_role="administrator", chosen_exams=("AZ-140",)), ["AZ-104", "AZ-140"]),
    ("GH-200 (associate) joins the DevOps expert path after AZ-400",
     dict(current_role="devops_engineer", target_role="devops_engineer", chosen_exams=("GH-200",)),
     ["AZ-104", "AZ-400", "GH-200"]),
    ("a choice that belongs to another goal is ignored on this one",
     dict(current_role="administrator", target_role="administrator", chosen_exams=("SC-200",)), ["AZ-104"]),
    ("fundamentals still come first for a newcomer who chose SC-200",
     dict(current_role="support", target_role="security_engineer", azure_experience="none", chosen_exams=("SC-200",)),
     ["SC-900", "SC-200"]),
    ("a chosen exam already held is not repeated",
     dict(current_role="administrator", target_role="administrator", chosen_exams=("AZ-802",),
          certifications_held=("AZ-802",)), []),
]


@pytest.mark.parametrize("case, values, expected", PATHS, ids=[p[0] for p in PATHS])
def test_chosen_exam_on_path(case, values, expected, catalog, today):
    assert recommend(profile(**values), catalog, today).path == expected


def test_chosen_step_says_why_and_what_it_replaced(catalog, today):
    rec = recommend(profile(current_role="security_engineer", target_role="security_engineer",
                            chosen_exams=("SC-200",)), catalog, today)
    text = " ".join(r.text for r in rec.steps[0].reasons)
    assert "SC-200 takes the place of SC-500" in text and "AZ-104" in text


def _choose(code: str, person: Profile, catalog, today):
    rec = recommend(person, catalog, today)
    return choose_exam(code, person, rec.path, rec.track, catalog, today)


def test_choosing_an_alternative_keeps_the_goal(catalog, today):
    person = profile(current_role="security_engineer", target_role="security_engineer")
    choice = _choose("SC-200", person, catalog, today)
    assert (choice.chosen_exams, choice.target_role, choice.refused) == (("SC-200",), None, None)
    assert recommend(replace(person, chosen_exams=choice.chosen_exams), catalog, today).path == ["SC-200"]


def test_choosing_another_tracks_goal_moves_the_goal(catalog, today):
    person = profile(current_role="data_engineer", target_role="data_engineer")
    choice = _choose("AZ-700", person, catalog, today)
    assert (choice.target_role, choice.chosen_exams) == ("network_engineer", ())


def test_choosing_another_tracks_alternative_moves_the_goal_and_keeps_the_choice(catalog, today):
    person = profile(current_role="data_engineer", target_role="data_engineer", coding_comfort="high")
    choice = _choose("AI-300", person, catalog, today)
    assert (choice.target_role, choice.chosen_exams) == ("ai_engineer", ("AI-300",))
    changed = replace(person, target_role=choice.target_role, chosen_exams=choice.chosen_exams)
    assert recommend(changed, catalog, today).path == ["AI-300"]


def test_a_retired_exam_is_chosen_as_its_successor(catalog, today):
    person = profile(current_role="administrator", target_role="administrator")
    choice = _choose("AZ-800", person, catalog, today)  # retired 2026-09-30, successor AZ-802
    assert (choice.code, choice.replaced, choice.chosen_exams) == ("AZ-802", "AZ-800", ("AZ-802",))


def test_an_exam_already_on_the_path_changes_nothing(catalog, today):
    person = profile(current_role="administrator", target_role="architect")
    choice = _choose("AZ-104", person, catalog, today)
    assert choice.already_on_path and choice.chosen_exams == ()


def test_an_exam_on_no_track_is_refused(catalog, today):
    person = profile(current_role="administrator", target_role="administrator")
    assert _choose("GH-900", person, catalog, today).refused == "not_on_any_track"


def test_a_held_exam_is_refused(catalog, today):
    person = profile(current_role="administrator", target_role="architect", certifications_held=("AZ-104",))
    assert _choose("AZ-104", person, catalog, today).refused == "held"


# (case, profile values, exam to skip, refused, path after)
SKIPS = [
    ("a network engineer may skip the AZ-104 foundation", dict(current_role="network_engineer",
     target_role="network_engineer"), "AZ-104", None, ["AZ-700"]),
    ("a newcomer may skip the optional fundamentals", dict(current_role="support", target_role="administrator",
     azure_experience="none"), "AZ-900", None, ["AZ-104"]),
    ("the architect's AZ-104 is required by the certification", dict(current_role="administrator",
     target_role="architect"), "AZ-104", "required", ["AZ-104", "AZ-305"]),
    ("the goal itself cannot be skipped", dict(current_role="administrator", target_role="administrator"),
     "AZ-104", "required", ["AZ-104"]),
    ("an exam not on the path", dict(current_role="administrator", target_role="administrator"), "AZ-700",
     "not_on_path", ["AZ-104"]),
    ("the goal's exam comes off when the expert after it is met by a held SC-300",
     dict(current_role="security_engineer", target_role="security_engineer", certifications_held=("SC-300",),
          added_exams=("SC-100",)), "SC-500", None, ["SC-100"]),
    ("without a held prerequisite the expert after it needs it", dict(current_role="security_engineer",
     target_role="security_engineer", added_exams=("SC-100",)), "SC-500", "required", ["AZ-104", "SC-500", "SC-100"]),
]


@pytest.mark.parametrize("case, values, code, refused, after", SKIPS, ids=[s[0] for s in SKIPS])
def test_skipping_a_step(case, values, code, refused, after, catalog, today):
    from advisor.exam_choice import skip_exam

    person = profile(**values)
    choice = skip_exam(code, person, recommend(person, catalog, today), catalog)
    assert choice.refused == refused
    assert recommend(replace(person, skipped_exams=choice.skipped_exams), catalog, today).path == after


def test_an_exam_from_the_tracks_next_list_is_added_after_the_target(catalog, today):
    person = profile(current_role="devops_engineer", target_role="devops_engineer", certifications_held=("AZ-104",))
    assert recommend(replace(person, added_exams=("AZ-305",)), catalog, today).path == ["AZ-400", "AZ-305"]
    choice = choose_exam("AZ-305", person, ["AZ-400"], catalog.track("devops_engineer"), catalog, today, add=True)
    assert (choice.added_exams, choice.chosen_exams) == (("AZ-305",), ())


def test_choosing_the_tracks_own_exam_undoes_the_alternative_and_is_remembered(catalog, today):
    from advisor.exam_choice import declined_alternatives

    person = profile(current_role="security_engineer", target_role="security_engineer", chosen_exams=("SC-200",))
    rec = recommend(person, catalog, today)
    choice = choose_exam("SC-500", person, rec.path, rec.track, catalog, today)
    changed = replace(person, chosen_exams=choice.chosen_exams)
    assert recommend(changed, catalog, today).path == ["AZ-104", "SC-500"]
    assert declined_alternatives(changed, rec.track)


def test_a_fundamentals_exam_beside_a_longer_path_is_offered_first_and_the_goal_stays(catalog, today):
    """An architect asking "no AZ-900 first?" is offered AZ-900 before AZ-104, never the administrator goal."""
    architect = profile(current_role="administrator", target_role="architect")
    rec = recommend(architect, catalog, today)
    assert rec.path == ["AZ-104", "AZ-305"]
    assert choice_command("AZ-900", architect, rec, catalog) == "put AZ-900 first"
    assert "before AZ-104" in (choice_offer("AZ-900", architect, rec, catalog) or "")
    taken = replace(architect, added_exams=("AZ-900",), first_exams=("AZ-900",))
    assert recommend(taken, catalog, today).path == ["AZ-900", "AZ-104", "AZ-305"]


def test_an_exam_the_person_added_can_be_taken_off_again(catalog, today):
    added = profile(current_role="developer", target_role="ai_engineer", coding_comfort="high",
                    added_exams=("AI-200",))
    assert "AI-200" in recommend(added, catalog, today).path
    removed = without_own_choice("AI-200", added)
    assert removed is not None and "AI-200" not in recommend(removed, catalog, today).path
    assert without_own_choice("AI-103", added) is None  # the goal's own exam was never the person's choice
