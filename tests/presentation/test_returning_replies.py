"""A returning person's replies: the welcome back, an exam passed, a failed exam's retake rule and plan, and
"am I on track?" (the rules behind them are `tests/rules/test_returning.py`'s)."""

from __future__ import annotations

from datetime import date

from advisor.profile import Profile
from advisor.returning import passed
from components.returning_reader import answer_to_question
from presentation.returning_replies import (
    WEAK_AREAS_QUESTION,
    failed_reply,
    on_track_reply,
    passed_reply,
    retake_rule_reply,
    weak_areas_reply,
    welcome_back_reply,
    welcome_back_text,
)

ADMIN = Profile(current_role="administrator", coding_comfort="low", target_role="architect",
                azure_experience="some", weekly_hours=5.0)


def test_welcome_back_names_the_path_and_asks_about_its_first_exam():
    path = ["AZ-104", "AZ-305"]
    # no exam day known (it may be months away): no "how did it go?"
    assert welcome_back_text(path) == ("Welcome back. Last time: AZ-104, then AZ-305. Have you taken AZ-104 yet, or "
                                       "shall we check you're on track?")
    assert welcome_back_text(path, date(2026, 11, 20), date(2026, 11, 22)) == (
        "Welcome back. Last time: AZ-104, then AZ-305. How did AZ-104 go?")
    assert welcome_back_text(path, date(2027, 2, 1), date(2026, 11, 22)) == (
        "Welcome back. Last time: AZ-104, then AZ-305. Your AZ-104 exam is on 2027-02-01: shall we check you're on "
        "track?")
    assert [b.title for b in welcome_back_reply(["AZ-104", "AZ-305"]).buttons] == [
        "I passed AZ-104", "I didn't pass", "Am I on track?"]
    assert welcome_back_reply([]).buttons == ()


def test_a_passed_exam_congratulates_and_gives_the_path_and_renewal(catalog, today):
    reply = passed_reply(passed("AZ-104", date(2026, 11, 21), ADMIN, catalog, today))
    assert reply.text.startswith("Congratulations on passing AZ-104 on 2026-11-21!")
    assert "Your path from here: AZ-305. Next up: AZ-305" in reply.text
    assert "renew it free online from 2027-05-21" in reply.text
    assert [b.title for b in reply.buttons] == ["Put it in my calendar", "Why this path?"]


def test_the_failed_answer_gives_the_date_the_rule_its_source_and_the_plan(catalog, today):
    text = failed_reply(catalog.exam("AZ-104"), today, 1, "didn't pass, networking part killed me", 5.0, catalog).text
    assert text.startswith("Sorry it didn't go your way. You can sit AZ-104 again from Monday 23 November 2026")
    assert "https://learn.microsoft.com/en-us/credentials/support/retake-policy, checked 2026-07-15" in text
    assert "most of it on Implement and manage virtual networking" in text
    asked = failed_reply(catalog.exam("AZ-104"), today, 1, "i failed az-104 :(", 5.0, catalog).text
    assert "score report show as weakest" in asked
    assert weak_areas_reply(catalog.exam("AZ-104"), "storage and compute", 5.0) is not None


def test_the_weak_areas_question_is_read_as_asked():
    # components/returning_reader.py recognises the question by its wording: the two must not drift apart.
    assert answer_to_question("storage and compute", WEAK_AREAS_QUESTION) == "weak_areas"


def test_on_track_compares_hours_needed_with_hours_left(catalog, today):
    text = on_track_reply("AZ-104", ADMIN, 5.0, date(2026, 12, 13), catalog, today).text
    assert text.startswith("Not at this pace: AZ-104 takes about 60–100 hours of study for you; 5 h/week × 3 weeks")
    assert "h/week from now, or move the exam to 2027-02-14 or later" in text
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
