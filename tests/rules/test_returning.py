"""The rules for a returning person: an exam passed, a failed exam's retake rule and plan, and "am I on track?".
Their wording is `tests/presentation/test_returning_replies.py`'s."""

from __future__ import annotations

from datetime import date

from advisor.profile import Profile
from advisor.retake import retake_plan, retake_rule, weak_domains
from advisor.returning import day_that_fits, passed, track_check, weeks_until

ADMIN = Profile(current_role="administrator", coding_comfort="low", target_role="architect",
                azure_experience="some", weekly_hours=5.0)


def test_a_passed_exam_is_held_and_the_path_starts_after_it(catalog, today):
    result = passed("AZ-104", date(2026, 11, 21), ADMIN, catalog, today)
    assert result.held == ("AZ-104",)
    assert "AZ-104" not in result.recommendation.path and result.recommendation.path == ["AZ-305"]
    assert result.answer.heading.startswith("Congratulations on passing AZ-104 on 2026-11-21!")
    assert any("renew it free online from 2027-05-21" in fact.text for fact in result.answer.facts)


def test_the_retake_rule_comes_from_the_knowledge_base(catalog):
    policy = catalog.policy("retakes")
    first = retake_rule(date(2026, 11, 22), 1, catalog)
    assert first.earliest == date(2026, 11, 23) and first.wait == f"{policy.values['first_wait_hours']} hours"
    later = retake_rule(date(2026, 11, 22), 2, catalog)
    assert later.earliest == date(2026, 12, 6) and later.max_per_year == policy.values["max_attempts_per_year"]
    assert later.source.source == policy.source
    assert not later.yearly_limit_reached
    assert retake_rule(date(2026, 11, 22), later.max_per_year, catalog).yearly_limit_reached


def test_weak_areas_are_the_exams_skill_domains_in_the_persons_words(catalog):
    exam = catalog.exam("AZ-104")
    assert [d.name for d in weak_domains(exam, "networking part killed me")] == [
        "Implement and manage virtual networking"]
    assert {d.name for d in weak_domains(exam, "vnets and blob stuff")} == {
        "Implement and manage virtual networking", "Implement and manage storage"}
    assert [d.name for d in weak_domains(exam, "vnets were the worst, identity too. storage and compute went fine")] \
        == ["Manage Azure identities and governance", "Implement and manage virtual networking"]
    assert [d.name for d in weak_domains(exam, "storage wasn't ok, but compute was fine")] == [
        "Implement and manage storage"]
    plan = retake_plan(exam, weak_domains(exam, "networking"), 5.0)
    assert plan[0].weak and plan[0].domain.name == "Implement and manage virtual networking"
    assert sum(row.hours_per_week for row in plan) == 5.0


def test_on_track_compares_hours_needed_with_hours_left(catalog, today):
    assert weeks_until(date(2026, 12, 13), today) == 3 and weeks_until(today, today) == 0
    check = track_check("AZ-104", ADMIN, 5.0, 3, catalog)
    assert check is not None and check.verdict == "short" and check.available == 15
    assert check.hours == (60, 100) and check.pace_possible
    assert day_that_fits(check, today) == date(2027, 2, 14)
    fits = track_check("AZ-104", ADMIN, 40.0, 3, catalog)
    assert fits is not None and fits.verdict == "fits"


def test_a_pass_that_completes_the_path_says_what_comes_next(catalog, today):
    admin = Profile(current_role="administrator", target_role="administrator", coding_comfort="low",
                    azure_experience="some", weekly_hours=5.0)
    texts = [fact.text for fact in passed("AZ-104", date(2026, 11, 20), admin, catalog, today).answer.facts]
    assert texts[0].startswith("That completes your path")
    assert texts[1].startswith("Worth doing next on the Azure Administrator track: AZ-305")
