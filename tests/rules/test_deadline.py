"""The deadline rule at its boundaries: an exam of 80–120 study hours at 10 h/week takes 11–17 weeks
(80 ÷ 8 = 10 weeks + 1 practice week; 120 ÷ 8 = 15 weeks + 2), by rule 8's stated conversion."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from advisor.deadline import check_step, hours_to_fit, weeks_left
from advisor.recommendation import Step

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("weeks, verdict, needed", [
    (17, "fits", None), (16, "tight", None), (11, "tight", None), (10, "too_short", 12.0), (1, "too_short", None),
])
def test_verdict_at_the_boundaries(weeks, verdict, needed, catalog):
    step = Step(exam=catalog.exam("AZ-104"), kind="target", study_hours=(80, 120))
    check = check_step(step, 10.0, TODAY, TODAY + timedelta(weeks=weeks))
    assert check is not None
    assert (check.weeks, check.weeks_left, check.verdict, check.hours_needed) == ((11, 17), weeks, verdict, needed)


def test_weeks_left_counts_whole_weeks_and_never_goes_negative():
    assert weeks_left(TODAY, TODAY + timedelta(days=13)) == 1
    assert weeks_left(TODAY, TODAY - timedelta(days=3)) == 0


def test_hours_that_fit_and_the_impossible_deadline():
    assert hours_to_fit((80, 120), 6) == 20.0  # 5 study weeks: 80 ÷ (5 × 0.8) = 20 h a week
    assert hours_to_fit((80, 120), 2) is None  # 1 study week would need 100 h, above the 80 h a week cap


def test_two_steps_are_checked_one_after_another(catalog):
    from advisor.deadline import check_path
    from advisor.profile import Profile
    from advisor.rules import recommend, weeks_for

    person = Profile(current_role="administrator", target_role="architect", coding_comfort="medium",
                     azure_experience="some", weekly_hours=12.0)
    rec = recommend(person, catalog, TODAY)
    assert rec.path == ["AZ-104", "AZ-305"]
    first, second = (weeks_for(s.study_hours, 12.0) for s in rec.steps)
    both = (first[0] + second[0], first[1] + second[1])
    check = check_path(rec, ["AZ-104", "AZ-305"], 12.0, TODAY + timedelta(weeks=both[1]))
    assert check is not None and (check.code, check.weeks, check.verdict) == ("AZ-104 and AZ-305", both, "fits")
    assert check_path(rec, ["AZ-104", "AZ-305"], 12.0, TODAY + timedelta(weeks=both[0] - 1)).verdict == "too_short"


def test_the_hours_that_fit_cover_the_whole_estimate_or_say_quick_end():
    from advisor.deadline import hours_to_fit

    # 80–120 h in 17 weeks: the quick end needs 7 h/week (16 study weeks × 0.8), the slow end 10 h/week (15 weeks)
    assert hours_to_fit((80, 120), 17) == 7.0
    assert hours_to_fit((80, 120), 17, whole=True) == 10.0
    assert hours_to_fit((80, 120), 2, whole=True) is None
