"""The welcome back, an exam passed, a failed exam's retake rule and plan, and "am I on track?"."""

from __future__ import annotations

from datetime import date

from advisor.profile import Profile
from advisor.retake import failed_reply, retake_plan, retake_rule, retake_rule_reply, weak_areas_reply, weak_domains
from advisor.returning import on_track_reply, passed, track_check, welcome_back_reply, welcome_back_text

ADMIN = Profile(current_role="administrator", coding_comfort="low", target_role="architect",
                azure_experience="some", weekly_hours=5.0)


def test_welcome_back_names_the_path_and_asks_about_its_first_exam():
    assert welcome_back_text(["AZ-104", "AZ-305"]) == "Welcome back. Last time: AZ-104, then AZ-305. How did AZ-104 go?"
    assert [b.title for b in welcome_back_reply(["AZ-104", "AZ-305"]).buttons] == [
        "I passed AZ-104", "I didn't pass", "Am I on track?"]


def test_a_passed_exam_is_held_and_the_path_starts_after_it(catalog, today):
    result = passed("AZ-104", date(2026, 11, 21), ADMIN, catalog, today)
    assert result.held == ("AZ-104",)
    assert "AZ-104" not in result.recommendation.path and result.recommendation.path == ["AZ-305"]
    assert result.reply.text.startswith("Congratulations on passing AZ-104 on 2026-11-21!")
    assert "renew it free online from 2027-05-21" in result.reply.text


def test_the_retake_rule_comes_from_the_knowledge_base(catalog):
    policy = catalog.policy("retakes")
    first = retake_rule(date(2026, 11, 22), 1, catalog)
    assert first.earliest == date(2026, 11, 23) and first.wait == f"{policy.values['first_wait_hours']} hours"
    later = retake_rule(date(2026, 11, 22), 2, catalog)
    assert later.earliest == date(2026, 12, 6) and later.max_per_year == policy.values["max_attempts_per_year"]
    assert later.source.source == policy.source


def test_weak_areas_are_the_exams_skill_domains_in_the_persons_words(catalog):
    exam = catalog.exam("AZ-104")
    assert [d.name for d in weak_domains(exam, "networking part killed me")] == [
        "Implement and manage virtual networking"]
    assert {d.name for d in weak_domains(exam, "vnets and blob stuff")} == {
        "Implement and manage virtual networking", "Implement and manage storage"}
    plan = retake_plan(exam, weak_domains(exam, "networking"), 5.0)
    assert plan[0].weak and plan[0].domain.name == "Implement and manage virtual networking"
    assert sum(row.hours_per_week for row in plan) == 5.0


def test_the_failed_answer_gives_the_date_the_rule_its_source_and_the_plan(catalog, today):
    text = failed_reply(catalog.exam("AZ-104"), today, 1, "didn't pass, networking part killed me", 5.0, catalog).text
    assert text.startswith("Sorry it didn't go your way. You can sit AZ-104 again from Monday 23 November 2026")
    assert "https://learn.microsoft.com/en-us/credentials/support/retake-policy, checked 2026-07-15" in text
    assert "most of it on Implement and manage virtual networking" in text
    asked = failed_reply(catalog.exam("AZ-104"), today, 1, "i failed az-104 :(", 5.0, catalog).text
    assert "score report show as weakest" in asked
    assert weak_areas_reply(catalog.exam("AZ-104"), "storage and compute", 5.0) is not None


def test_on_track_compares_hours_needed_with_hours_left(catalog, today):
    check = track_check("AZ-104", ADMIN, 5.0, 3, catalog)
    assert check is not None and check.verdict == "short" and check.available == 15
    text = on_track_reply("AZ-104", ADMIN, 5.0, date(2026, 12, 13), catalog, today).text
    assert text.startswith("Not at this pace: AZ-104 takes about 60–100 hours")
    assert "h/week from now, or move the exam to" in text
    fits = on_track_reply("AZ-104", ADMIN, 40.0, date(2026, 12, 13), catalog, today).text
    assert fits.startswith("Yes, you're on track")
    assert on_track_reply("AZ-104", ADMIN, 5.0, None, catalog, today).text.startswith("When is your AZ-104 exam?")


def test_without_an_exam_the_rule_itself(catalog):
    text = retake_rule_reply(catalog).text
    assert text.startswith("You can retake a failed exam 24 hours after a first failure and 14 days after each later")
    assert "retake-policy, checked 2026-07-15" in text


def test_on_track_for_a_retake_says_the_estimate_is_for_a_first_attempt(catalog, today):
    text = on_track_reply("AZ-104", ADMIN, 5.0, date(2026, 12, 13), catalog, today, retake=True).text
    assert "You've sat AZ-104 before" in text and "15 hours into the areas your score report showed as weak" in text


def test_the_yearly_limit(catalog, today):
    third = failed_reply(catalog.exam("AZ-104"), today, 3, "failed again", 5.0, catalog).text
    assert "(14 days after a third failure;" in third
    fifth = failed_reply(catalog.exam("AZ-104"), today, 5, "failed again", 5.0, catalog).text
    assert "5 in 12 months is the most allowed" in fifth
