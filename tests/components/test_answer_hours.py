"""Study hours said as sessions, sums and totals (components/answer_hours.py); each value worked out by hand from
the stated rules: sessions x hours per session, weekdays 5, every day 7, a weekend 2 days, parts joined by plus
add up, a number called the total wins."""

from __future__ import annotations

import pytest

from components.answer_hours import read_study_hours, tidy
from components.answer_reader import read_answer


@pytest.mark.parametrize("text, hours", [
    # sessions times the hours of each
    ("three evenings, about 1.5h each", 4.5),
    ("4 evenings x 90 min", 6.0),
    ("2 nites a week, 2 hrs a nite", 4.0),
    ("1.5 hrs a night, 4 nights a week", 6.0),
    ("couple of hours, three times a week", 6.0),
    ("2-3 hrs, twice a week", 5.0),
    ("3 sessions of 2 hours", 6.0),
    ("twice a week for like an hour", 2.0),
    ("1h on tue and thu", 2.0),
    ("an hour and a half each weeknight", 7.5),
    ("an hour at lunch every workday", 5.0),
    ("hmm 2 hrs per day on weekends", 4.0),
    ("weekends only, 3h each day", 6.0),
    # a daily amount
    ("45 min every day", 5.25),
    ("half an hour every morning", 3.5),
    ("20 minutes daily", 2.3),
    ("2 hrs evry night", 14.0),
    # typos in the period words
    ("1h, 3 evenigs a week", 3.0),
    ("2h per sesh, 2 sesions a week", 4.0),
    ("wknds only, 2h each day", 4.0),
    # sums of parts
    ("an hour a day on weekdays plus 3 on sunday", 8.0),
    ("1 hr mon-fri + 4 on saturdays", 9.0),
    ("3h sat and 2h sun", 5.0),
    ("30 min each weekday and another 2h on the weekend", 4.5),
    ("three hours plus another 2", 5.0),
    ("4 + 2 more", 6.0),
    # a "+" between things that are not time adds nothing
    ("I run a team of 6 (sysadmins + helpdesk) and have maybe 2h a week", 2.0),
    ("10 people + 3 contractors, I can do 4 hours a week", 4.0),
    # a stated total wins over the first number
    ("couple hours on weeknights, maybe 6 total", 6.0),
    ("an hour here and there, about 5 hours total", 5.0),
    ("in total maybe 7", 7.0),
    ("4 hrs. no sorry, 4 on weekdays and 2 more on the weekend, so 6", 6.0),
    ("an hour most evenings plus some more at the weekend, maybe 9", 9.0),
    ("a couple hrs, maybe 3-4", 3.5),
    # a number for some weeks only is not the usual week
    ("5, maybe 10 in quiet weeks", 5.0),
    ("7 or 8, 15 during the holidays", 7.5),
    # a daily amount with the weekend days added is every day
    ("two hours each day, also on sat and sun", 14.0),
])
def test_sessions_sums_and_totals(text, hours):
    assert read_study_hours(text, asked=True) == hours
    reading = read_answer("weekly_hours", text, asked=True)
    assert reading is not None and reading.value == hours


@pytest.mark.parametrize("text, hours", [
    ("5 hours a week over 3 evenings", 5.0),  # already the week
    ("7h now and 20h in july-aug", 7.0),  # two times, not two parts of one week
    ("4+ hours a week", 4.0),
    ("10 hours a week, well maybe 8 realistically", 8.0),
])
def test_what_is_already_a_week_is_not_multiplied(text, hours):
    assert read_study_hours(text, asked=True) == hours


@pytest.mark.parametrize("text", [
    "so which ONE do i book first",
    "ok and which one comes first then",
    "which of the two exams should I start with",
])
def test_a_number_word_in_a_question_about_exams_is_no_hours(text):
    assert read_study_hours(text, asked=True) is None
    assert read_study_hours(text, asked=False) is None


def test_quarter_hours_stay_exact_and_the_rest_is_rounded():
    assert tidy(5.25) == 5.25
    assert tidy(20 * 12 / 52) == 4.6
