"""A returning person's words: exam results, "am I on track?", "forget me", and answers to the assistant's questions."""

from __future__ import annotations

from datetime import date

import pytest

from components.follow_up_reader import follow_up_kind
from components.returning_reader import (
    FORGET_QUESTION,
    answer_to_question,
    failed_attempts,
    read_exam_day,
    read_result_date,
    returning_kind,
)

TODAY = date(2026, 11, 22)
WEAK_QUESTION = "Which skill areas did your score report show as weakest? Tell me and I'll weight a plan to them."


@pytest.mark.parametrize("text, kind", [
    ("I passed AZ-104", "exam_passed"),
    ("passed 104 yesterday!!", "exam_passed"),
    ("I passed AZ-104, now what?", "exam_passed"),
    ("i failed az-104 :(", "exam_failed"),
    ("didn't pass, networking part killed me", "exam_failed"),
    ("I failed it, when can I retake?", "exam_failed"),
    ("exam's in 3 weeks am i on track", "on_track"),
    ("Am I on track? Exam in 3 weeks", "on_track"),
    ("exam is on the 28th. been doing like 6h a week not 10 tho, still ok?", "on_track"),
    ("delete my data", "forget_me"),
    ("forget everything about me", "forget_me"),
    ("forget me", "forget_me"),
    ("delete everything you know about me", "forget_me"),
    # a correction: the exam denied is not the news, the exam passed is
    ("no!! I did NOT pass 104. I passed 140 on 27 november", "exam_passed"),
    ("no, I passed AZ-140, not AZ-104", "exam_passed"),
    ("i didn't pass 104 - i passed the 140 one", "exam_passed"),
    ("I passed 140 last week, never passed the 104", "exam_passed"),
    ("i didn't pass az-104", "exam_failed"),  # alone, it is the failure of AZ-104
    ("did not pass az-104. failed the networking part", "exam_failed"),
])
def test_the_returning_kinds(text, kind):
    assert follow_up_kind(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("forget everything I said and start again", None),  # a start over, not a deletion
    ("what if I fail the exam?", "policy"),
    # a fear of failing is no failure (one recorded from it made the real one count as a second): the rules
    ("booked dp-700 for next week, scared I'll fail it", "policy"),
    ("I really don't want to fail it again", "policy"),
    ("afraid to fail it", "policy"),
    ("how many times can I retake if i fail", "policy"),
    ("I haven't passed it yet", None),
    ("I passed AZ-104 in March 2025", "held_validity"),  # a past certification: its dates
    ("passed AZ-104 on 3 march 2025", "held_validity"),
    ("remove my AZ-104", None),
    ("I have AZ-900", "profile"),
])
def test_what_they_are_not(text, kind):
    assert follow_up_kind(text) == kind


def test_answers_to_the_deletion_question_only_after_it():
    asked = f"{FORGET_QUESTION} That is your profile …"
    assert answer_to_question("yes, delete everything", asked) == "forget_confirmed"
    assert answer_to_question("Yes", asked) == "forget_confirmed"
    assert answer_to_question("no, keep it", asked) == "forget_cancelled"
    assert answer_to_question("yes", "Say yes, or \"switch to DP-750\".") is None


TAKEN_QUESTION = ("Welcome back. Last time: AZ-104, then AZ-305. Have you taken AZ-104 yet, or shall we check "
                  "you're on track?")


@pytest.mark.parametrize("text, kind", [
    ("not yet", "on_track"), ("no, still studying", "on_track"), ("nope", "on_track"),
    ("yes", "exam_taken"), ("yep, last week", "exam_taken"),
    ("yes, passed!", None),  # the news itself: an exam passed (follow_up_kind)
    ("what's on AZ-305?", None),
])
def test_answers_to_have_you_taken_it_yet(text, kind):
    assert answer_to_question(text, TAKEN_QUESTION) == kind
    assert answer_to_question(text, "Your path: AZ-104") is None


def test_dates_that_are_no_day():
    assert read_result_date("passed, doing 2 hours a week on 305 now", TODAY) is None
    assert read_result_date("passed on 30 november", TODAY) is None  # still to come


def test_weak_areas_named_after_the_question():
    assert answer_to_question("networking and storage", WEAK_QUESTION) == "weak_areas"
    assert answer_to_question("what's on AZ-305?", WEAK_QUESTION) is None
    assert answer_to_question("networking and storage", "Your path: AZ-104") is None


@pytest.mark.parametrize("text, day", [
    ("passed 104 yesterday!!", date(2026, 11, 21)),
    ("passed it today", TODAY),
    ("failed 3 days ago", date(2026, 11, 19)),
    ("passed last week", date(2026, 11, 15)),
    ("passed AZ-104 in March 2025", date(2025, 3, 1)),  # its month (components/answer_earned.py)
    ("passed it on monday!", date(2026, 11, 16)),  # TODAY is a Sunday: the Monday before
    ("passed on sunday", TODAY),
    ("passed on the 20th.", date(2026, 11, 20)),
    ("passed on the 27th", date(2026, 10, 27)),  # the 27th still to come this month: last month's
    ("I passed 140 on 20 november", date(2026, 11, 20)),
    ("cleared it on nov 3rd", date(2026, 11, 3)),
    ("passed AZ-104 on march 3, 2025", date(2025, 3, 3)),
])
def test_the_day_of_the_exam(text, day):
    found = read_result_date(text, TODAY)
    assert found is not None and found[0] == day


@pytest.mark.parametrize("text, kind", [
    ("studying for AZ-104 right now, nothing passed yet", None),
    ("when will I be ready for AZ-305 if I study in the evenings", None),  # a study-time question
    ("will I be ready in time for the exam?", "on_track"),
])
def test_more_that_are_not_news(text, kind):
    assert follow_up_kind(text) == kind


@pytest.mark.parametrize("text, attempts", [
    ("i failed az-104 :(", 1), ("failed it again", 2), ("I failed AZ-104 twice 😭", 2), ("third time I failed", 3)])
def test_failed_attempts(text, attempts):
    assert failed_attempts(text) == attempts


def test_the_exam_date_after_the_question():
    asked = ("When is your AZ-104 exam? Tell me the date or how far off it is (\"in 3 weeks\") and I'll check your "
             "plan against it.")
    assert answer_to_question("in 3 weeks", asked) == "on_track"
    assert answer_to_question("no idea", asked) is None


@pytest.mark.parametrize("text, day", [("in 3 weeks", date(2026, 12, 13)), ("3 weeks", date(2026, 12, 13)),
                                       ("exam's in 3 weeks am i on track", date(2026, 12, 13)),
                                       ("on dec 20", date(2026, 12, 20))])
def test_the_exam_day(text, day):
    assert read_exam_day(text, TODAY) == day


@pytest.mark.parametrize("text, kind", [
    ("5 of my 8 admins passed AZ-104 last week, 3 failed. I passed AZ-104 as well!", "exam_passed"),
    ("my coworker failed dp-700 on friday", None),
    ("no, I didn't fail, I passed AZ-900 - it was two of my team who failed", "exam_passed"),
    ("failed SC-200 this morning, my friend passed though", "exam_failed"),
])
def test_other_peoples_results_are_not_the_persons_own(text, kind):
    assert returning_kind(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("did az-104 on saturday, got 655, ugh", "exam_failed"),
    ("sat DP-600 yesterday - 688", "exam_failed"),
    ("scored 790/1000 on AI-103 this morning", "exam_passed"),
    ("I got AZ-104 and AZ-305 years ago", None),
])
def test_a_score_says_passed_or_failed(text, kind):
    assert returning_kind(text) == kind


@pytest.mark.parametrize("text", [
    "is the AI-900 really necessary, I'm a dev with 204 already",
    "just curious - what if I had AZ-900 already, would you drop DP-900?",
    "I got 104 done last year",
])
def test_exam_numbers_are_no_scores(text):
    assert returning_kind(text) is None
