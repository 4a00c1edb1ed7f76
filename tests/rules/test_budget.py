""""My employer pays for one exam": the pick follows the path, prerequisites and policies."""

from __future__ import annotations

import itertools

import pytest

from advisor.budget import best_single_exam
from advisor.profile import Profile
from advisor.rules import held_and_active, recommend
from advisor.study_plan import price_usd

BASE = dict(coding_comfort="medium", azure_experience="some")


def profile(**values) -> Profile:
    return Profile(**{**BASE, **values})


def track_targets(catalog, role):
    return [step.exam for step in catalog.track(role).steps if step.kind == "target"]


def prerequisite_codes(catalog, code):
    return {c for option in catalog.exam(code).prerequisite_sets for c in option}


# (case, profile values, how to find the expected exam from the catalog)
CASES = [
    ("architect without AZ-104: the expert's prerequisite",
     dict(current_role="administrator", target_role="architect"),
     lambda cat: prerequisite_codes(cat, track_targets(cat, "architect")[0])),
    ("architect holding AZ-104: the expert exam itself",
     dict(current_role="administrator", target_role="architect", certifications_held=("AZ-104",)),
     lambda cat: set(track_targets(cat, "architect"))),
    ("DevOps without a prerequisite: the prerequisite",
     dict(current_role="devops_engineer", target_role="devops_engineer"),
     lambda cat: prerequisite_codes(cat, track_targets(cat, "devops_engineer")[0])),
    ("security: the target, the foundation can be studied free",
     dict(current_role="administrator", target_role="security_engineer"),
     lambda cat: set(track_targets(cat, "security_engineer"))),
    ("newcomer: not the optional fundamentals",
     dict(current_role="student", target_role="administrator", azure_experience="none", coding_comfort="low"),
     lambda cat: set(track_targets(cat, "administrator"))),
    ("non-coder aiming at the developer exam: the non-coding step",
     dict(current_role="other", target_role="developer", coding_comfort="low"),
     lambda cat: {e.code for e in cat if e.coding.level != "application"}),
    ("data engineer: the target",
     dict(current_role="data_engineer", target_role="data_engineer"),
     lambda cat: set(track_targets(cat, "data_engineer"))),
]


@pytest.mark.parametrize("case, values, expected", CASES, ids=[c[0] for c in CASES])
def test_the_pick(catalog, today, case, values, expected):
    person = profile(**values)
    pick = best_single_exam(person, catalog, today)
    assert pick.code in expected(catalog)
    assert pick.price_usd == price_usd(pick.exam, catalog)
    assert pick.exam.label in pick.text
    assert "vary by country" in pick.text
    sources = [f.source for f in pick.facts]
    assert catalog.policy("price").source in sources
    assert catalog.policy("practice_assessments").source in sources
    assert pick.weak == any(f.weak for f in pick.facts)
    assert pick.considered[0].exam == pick.exam
    assert [c.score for c in pick.considered] == sorted((c.score for c in pick.considered), reverse=True)


def test_the_given_recommendation_is_used(catalog, today):
    person = profile(current_role="administrator", target_role="architect")
    rec = recommend(person, catalog, today)
    pick = best_single_exam(person, catalog, today, rec)
    assert {c.code for c in pick.considered} == set(rec.path)


def test_fundamentals_is_considered_but_never_picked_over_a_role_based_exam(catalog, today):
    person = profile(current_role="student", target_role="administrator", azure_experience="none")
    rec = recommend(person, catalog, today)
    fundamentals = [s.code for s in rec.steps if s.exam.level == "fundamentals"]
    assert fundamentals, "the newcomer's path starts with a fundamentals exam"
    pick = best_single_exam(person, catalog, today, rec)
    assert pick.exam.level != "fundamentals"
    assert catalog.policy("fundamentals_not_prerequisite").source in [f.source for f in pick.facts]
    assert any(fundamentals[0] in part and "optional" in part for part in pick.text.split(";"))


def test_when_the_path_is_done_the_next_step_is_picked(catalog, today):
    person = profile(current_role="administrator", target_role="administrator", certifications_held=("AZ-104",))
    pick = best_single_exam(person, catalog, today)
    track = catalog.track("administrator")
    assert pick.code in set(track.next) | {a.exam for a in track.alternatives}
    assert "already hold" in pick.text


def test_nothing_left(catalog, today):
    track = catalog.track("data_analyst")
    held = tuple({s.exam for s in track.steps} | set(track.next) | {a.exam for a in track.alternatives}
                 | {track.fundamentals})
    pick = best_single_exam(profile(current_role="data_analyst", target_role="data_analyst",
                                    certifications_held=held), catalog, today)
    assert pick.exam is None and pick.code is None and pick.price_usd is None
    assert catalog.policy("renewal").source in [f.source for f in pick.facts]


ROLES = ["administrator", "developer", "architect", "devops_engineer", "security_engineer", "network_engineer",
         "database_administrator", "data_engineer", "data_analyst", "ai_engineer"]


def test_never_retired_never_held_and_never_fundamentals_when_more_is_on_the_path(catalog, today):
    holdings = [(), ("AZ-104",), ("AZ-900", "AZ-104"), ("AZ-204",), ("SC-200",)]
    for role, experience, comfort, held in itertools.product(
            ROLES, ("none", "some", "extensive"), ("low", "high"), holdings):
        person = Profile(current_role="administrator" if role == "architect" else role, target_role=role,
                         azure_experience=experience, coding_comfort=comfort, certifications_held=held)
        rec = recommend(person, catalog, today)
        pick = best_single_exam(person, catalog, today, rec)
        if pick.exam is None:
            continue
        assert not pick.exam.is_retired_on(today)
        assert not held_and_active(pick.code, person, catalog, today)
        if any(s.exam.level != "fundamentals" for s in rec.steps):
            assert pick.exam.level != "fundamentals", (role, experience, held)
        for candidate in pick.considered:
            assert not candidate.exam.is_retired_on(today)


def test_an_expert_exam_without_its_prerequisite_says_the_certification_is_withheld(catalog, today):
    person = profile(current_role="administrator", target_role="architect")
    pick = best_single_exam(person, catalog, today)
    expert = track_targets(catalog, "architect")[0]
    (candidate,) = [c for c in pick.considered if c.code == expert]
    assert "does not earn" in candidate.summary
    assert all(code in candidate.summary for code in prerequisite_codes(catalog, expert))
    holder = best_single_exam(profile(current_role="administrator", target_role="architect",
                                      certifications_held=tuple(prerequisite_codes(catalog, expert))), catalog, today)
    (same,) = [c for c in holder.considered if c.code == expert]
    assert same.score > candidate.score
