"""Certification dates (advisor/certification_dates.py): expiry and renewal windows from earned dates,
imprecise earned dates, retired certifications, and the pace rule at its boundaries.

Expected dates are worked out by hand from the policy (valid one year; renewal opens six months
before expiry and adds one year; retired certifications cannot be renewed).
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from advisor.certification_dates import add_months, certification_standing, pace_check
from advisor.profile import Profile
from advisor.rules import held_and_active, recommend, study_background, weeks_for
from knowledge.catalog import Catalog

TODAY = date(2026, 11, 22)


def standing(catalog, code, earned, today=TODAY, **kwargs):
    return certification_standing(code, earned, today, catalog, **kwargs)


# -- calendar arithmetic ---------------------------------------------------------------------

@pytest.mark.parametrize("day, months, expected", [
    (date(2026, 3, 15), 12, date(2027, 3, 15)),
    (date(2026, 8, 31), 6, date(2027, 2, 28)),     # no 31 February: the month's last day
    (date(2024, 2, 29), 12, date(2025, 2, 28)),    # leap day
    (date(2027, 3, 15), -6, date(2026, 9, 15)),
    (date(2026, 1, 31), -2, date(2025, 11, 30)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


# -- renewal windows from earned dates (exact day) --------------------------------------------

@pytest.mark.parametrize("earned, expires, opens, active, renewable, open_now", [
    # lapsed in March 2026: the exam again
    (date(2025, 3, 15), date(2026, 3, 15), date(2025, 9, 15), False, False, False),
    # inside the window today
    (date(2026, 3, 15), date(2027, 3, 15), date(2026, 9, 15), True, True, True),
    # window opens later: renewable, not yet open
    (date(2026, 6, 30), date(2027, 6, 30), date(2026, 12, 30), True, True, False),
    # expiry date is the last active day
    (date(2025, 11, 22), date(2026, 11, 22), date(2026, 5, 22), True, True, True),
    (date(2025, 11, 21), date(2026, 11, 21), date(2026, 5, 21), False, False, False),
    # window opening day is inside the window; the day before is not
    (date(2026, 5, 22), date(2027, 5, 22), date(2026, 11, 22), True, True, True),
    (date(2026, 5, 23), date(2027, 5, 23), date(2026, 11, 23), True, True, False),
])
def test_renewal_window_from_earned_date(catalog, earned, expires, opens, active, renewable, open_now):
    s = standing(catalog, "AZ-104", earned)
    assert (s.expires_on, s.renewal_opens_on, s.active) == (expires, opens, active)
    assert (s.renewable, s.renewal_open_now) == (renewable, open_now)
    assert s.must_retake is (not active)
    assert s.retake_exam == (None if active else "AZ-104")
    assert s.renewal_closes_on == expires and s.certain


def test_passed_az104_in_march_2025_month_precision(catalog):
    # "I passed AZ-104 in March 2025": counts as 2025-03-31, expired 2026-03-31, on any reading.
    s = standing(catalog, "AZ-104", date(2025, 3, 1), precision="month")
    assert s.earned_on_used == date(2025, 3, 31)
    assert s.expires_on == date(2026, 3, 31) and s.renewal_opens_on == date(2025, 9, 30)
    assert not s.active and s.must_retake and s.certain


def test_month_precision_uncertain_inside_the_month(catalog):
    # On 2026-03-20, "March 2025" is active if earned on the 31st, lapsed if on the 1st.
    s = standing(catalog, "AZ-104", date(2025, 3, 10), today=date(2026, 3, 20), precision="month")
    assert s.active and s.expires_on == date(2026, 3, 31) and not s.certain


@pytest.mark.parametrize("earned_year, today, used, expires, active, certain", [
    (2021, TODAY, date(2021, 12, 31), date(2022, 12, 31), False, True),        # "from 2021"
    (2025, date(2026, 6, 15), date(2025, 12, 31), date(2026, 12, 31), True, False),
    (2026, TODAY, TODAY, date(2027, 11, 22), True, True),                      # never later than today
])
def test_year_only_date_counts_as_the_last_day_of_the_year(catalog, earned_year, today, used, expires, active,
                                                           certain):
    s = standing(catalog, "AZ-104", date(earned_year, 6, 1), today=today, precision="year")
    assert (s.earned_on_used, s.expires_on, s.active, s.certain) == (used, expires, active, certain)


def test_earned_dates_that_cannot_be(catalog):
    with pytest.raises(ValueError):
        standing(catalog, "AZ-104", date(2026, 12, 1))                    # after today
    with pytest.raises(ValueError):
        standing(catalog, "AZ-204", date(2026, 8, 1))                     # after AZ-204 retired (2026-07-31)
    with pytest.raises(ValueError):
        standing(catalog, "AZ-104", date(2026, 1, 1), precision="week")


# -- retired certifications ---------------------------------------------------------------------

def test_retired_exam_earned_before_window_could_open_is_active_but_not_renewable(catalog):
    # AZ-204 earned 2026-01-10: expires 2027-01-10, window would open 2026-07-10, but renewal ended
    # with the exam on 2026-07-31.
    s = standing(catalog, "AZ-204", date(2026, 1, 10))
    assert s.active and not s.renewable and not s.renewal_open_now
    assert s.expires_on == date(2027, 1, 10) and s.renewal_closes_on == date(2026, 7, 31)
    assert s.successor == "AI-200" and not s.must_retake


def test_retired_exam_year_only_is_clamped_to_the_retirement_date(catalog):
    s = standing(catalog, "AZ-204", date(2026, 1, 1), precision="year")
    assert s.earned_on_used == date(2026, 7, 31) and s.expires_on == date(2027, 7, 31)
    assert s.active and not s.renewable


def test_lapsed_retired_certification_retakes_the_successor(catalog):
    s = standing(catalog, "AZ-204", date(2025, 1, 10))
    assert not s.active and s.must_retake and s.retake_exam == "AI-200" and s.successor == "AI-200"


def test_renewed_just_before_retirement_stays_active_longer(catalog):
    # Renewed on 2026-07-31 with its expiry at 2027-01-31 (window just open): new expiry 2028-01-31.
    s = standing(catalog, "AZ-204", date(2026, 1, 31), today=date(2027, 12, 1), renewed_until=date(2028, 1, 31))
    assert s.active and not s.renewable and s.expires_on == date(2028, 1, 31)


@pytest.mark.parametrize("today, active", [
    (date(2028, 1, 31), True),    # 2026-07-31 + 6 months + 1 year
    (date(2028, 2, 1), False),
])
def test_unknown_earned_date_of_a_retired_certification(catalog, today, active):
    s = standing(catalog, "AZ-204", None, today=today)
    assert s.expires_on == date(2028, 1, 31) and s.active is active and not s.certain
    holder = Profile(certifications_held=("AZ-204",))
    assert held_and_active("AZ-204", holder, catalog, today) is active


def test_unknown_earned_date_of_an_available_certification(catalog):
    s = standing(catalog, "AZ-104", None)
    assert s.active and s.expires_on is None and not s.must_retake


def test_lapsed_retired_certification_without_successor(catalog):
    s = standing(catalog, "PL-600", date(2024, 1, 1), precision="year")    # retired 2026-06-30, no successor
    assert not s.active and s.must_retake and s.retake_exam is None and s.successor is None


@pytest.mark.parametrize("today, renewable, open_now", [
    (date(2026, 11, 22), True, True),     # inside the window, before the retirement
    (date(2027, 1, 31), True, True),      # retirement day: the last day it can be renewed
    (date(2027, 2, 1), False, False),     # still active until 2027-03-15, but no renewal any more
])
def test_retiring_exam_renewal_closes_on_the_retirement_date(catalog, today, renewable, open_now):
    shifted = _retiring(catalog, "AZ-104", date(2027, 1, 31), "AZ-802")
    s = certification_standing("AZ-104", date(2026, 3, 15), today, shifted)
    assert s.active and s.expires_on == date(2027, 3, 15) and s.renewal_closes_on == date(2027, 1, 31)
    assert (s.renewable, s.renewal_open_now) == (renewable, open_now)


def test_fundamentals_never_expire_even_when_retired(catalog):
    s = standing(catalog, "AZ-900", date(2019, 1, 1), precision="year")
    assert s.active and s.expires_on is None and not s.renewable and not s.must_retake
    retired = standing(catalog, "MS-900", date(2020, 5, 1))
    assert retired.active and retired.successor == "AB-900"


# -- the pace rule at its boundaries ------------------------------------------------------------

def _retiring(catalog: Catalog, code: str, retires: date, successor: str) -> Catalog:
    exam = catalog.exam(code)
    status = dataclasses.replace(exam.status, value="active", retirement_date=retires, successor=successor)
    exams = dict(catalog.exams)
    exams[code] = dataclasses.replace(exam, status=status)
    return dataclasses.replace(catalog, exams=exams)


@pytest.mark.parametrize("weeks, too_late", [(13, False), (14, False), (15, True)])
def test_pace_check_boundary(catalog, weeks, too_late):
    retires = date(2027, 2, 28)   # exactly 14 weeks after 2026-11-22
    shifted = _retiring(catalog, "AZ-104", retires, "AZ-802")
    check = pace_check(shifted.exam("AZ-104"), weeks, 5.0, TODAY, shifted)
    assert check is not None and check.too_late is too_late
    assert check.finish_on == TODAY + timedelta(weeks=weeks) and check.successor == "AZ-802"


def test_pace_check_ignores_exams_without_a_retirement_ahead(catalog):
    assert pace_check(catalog.exam("AZ-104"), 99, 1.0, TODAY, catalog) is None
    assert pace_check(catalog.exam("AZ-204"), 99, 1.0, TODAY, catalog) is None


def _admin(weekly_hours):
    return Profile(current_role="administrator", target_role="administrator", coding_comfort="low",
                   azure_experience="some", weekly_hours=weekly_hours)


@pytest.mark.parametrize("days_before_finish, replaced", [(0, False), (1, True)])
def test_path_replaces_an_exam_that_retires_before_the_person_could_finish(catalog, days_before_finish, replaced):
    person = _admin(5.0)
    hours = catalog.exam("AZ-104").study_hours.for_background(study_background(person))
    finish = TODAY + timedelta(weeks=weeks_for(hours, 5.0)[1])
    shifted = _retiring(catalog, "AZ-104", finish - timedelta(days=days_before_finish), "AZ-802")
    rec = recommend(person, shifted, TODAY)
    if not replaced:
        assert "AZ-104" in rec.path and not rec.pace_replacements
        return
    assert "AZ-104" not in rec.path and "AZ-802" in rec.path
    (check,) = rec.pace_replacements
    assert (check.exam_code, check.successor, check.weekly_hours) == ("AZ-104", "AZ-802", 5.0)
    assert check.retires_on == finish - timedelta(days=1) and check.finish_on == finish
    reason = rec.step("AZ-802").reasons[0]
    assert reason.rule == "replace_retired_exams"
    assert check.retires_on.isoformat() in reason.text and "5 h/week" in reason.text and "AZ-802" in reason.text
    # the step's exam facts are the successor's, not the left-out exam's
    facts = [f.text for r in rec.step("AZ-802").reasons[1:] for f in r.facts]
    assert any(t.startswith("AZ-802 earns") for t in facts) and not any(t.startswith("AZ-104 earns") for t in facts)


def test_faster_pace_keeps_the_retiring_exam(catalog):
    person = _admin(5.0)
    hours = catalog.exam("AZ-104").study_hours.for_background(study_background(person))
    shifted = _retiring(catalog, "AZ-104", TODAY + timedelta(weeks=weeks_for(hours, 5.0)[1] - 1), "AZ-802")
    assert "AZ-104" not in recommend(person, shifted, TODAY).path
    assert "AZ-104" in recommend(_admin(40.0), shifted, TODAY).path


def test_pace_rule_needs_weekly_hours(catalog):
    shifted = _retiring(catalog, "AZ-104", TODAY + timedelta(days=1), "AZ-802")
    assert "AZ-104" in recommend(_admin(None), shifted, TODAY).path
