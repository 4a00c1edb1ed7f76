"""The path on the calendar (advisor/calendar_plan.py), checked against the calendar, the knowledge base's skill
domains and renewal policy, and the person's weekly hours; the .ics file (advisor/calendar_ics.py) parsed back
with the `icalendar` library."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone

import pytest
from dateutil.relativedelta import relativedelta
from icalendar import Calendar

from advisor.calendar_ics import build_ics, ics_filename
from advisor.calendar_plan import (
    CalendarPlanError,
    PlanRequest,
    build_calendar_plan,
    plan_request,
    plan_start,
    profile_for_background,
)
from advisor.profile import Profile
from advisor.rules import recommend, study_background
from knowledge.vocabulary import BACKGROUNDS

ARCHITECT = Profile(current_role="administrator", target_role="architect", coding_comfort="low",
                    azure_experience="none", weekly_hours=5.0)
STAMP = datetime(2026, 11, 22, 9, 30, tzinfo=timezone.utc)
HOURS = re.compile(r"^(\d+(?:\.\d+)?) h\b")


@pytest.fixture(scope="module")
def architect_plan(catalog, today):
    rec = recommend(ARCHITECT, catalog, today)
    assert len(rec.path) >= 2, "the architect path has at least two exams"
    return build_calendar_plan(plan_request(tuple(rec.path), ARCHITECT, today), catalog)


@pytest.fixture(scope="module")
def parsed(architect_plan):
    return Calendar.from_ical(build_ics(architect_plan, STAMP))


def events_of(calendar: Calendar):
    return list(calendar.walk("VEVENT"))


# -- dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("offset", range(7))
def test_a_plan_starts_on_the_next_monday_or_today_when_it_is_one(offset):
    day = date(2026, 11, 16) + timedelta(days=offset)  # 16 November 2026 is a Monday
    start = plan_start(day)
    assert start.weekday() == 0 and 0 <= (start - day).days < 7


@pytest.mark.parametrize("background", BACKGROUNDS)
def test_the_background_a_link_carries_gives_the_same_study_background(background):
    assert study_background(profile_for_background(background)) == background


def test_an_unknown_background_is_refused():
    with pytest.raises(CalendarPlanError):
        profile_for_background("wizard")


def test_the_plan_starts_on_the_monday_after_today_and_exams_follow_each_other(architect_plan, today):
    assert architect_plan.request.start == plan_start(today)
    schedules = architect_plan.exams
    assert schedules[0].first_day == architect_plan.request.start
    for before, after in zip(schedules, schedules[1:], strict=False):
        assert after.first_day == before.exam_week + timedelta(days=7), "the next exam starts after the exam week"
    for schedule in schedules:
        spans = [e for e in architect_plan.events if e.exam_code == schedule.exam.code
                 and e.kind in ("study", "buffer", "review")]
        assert min(e.start for e in spans) == schedule.first_day
        assert max(e.end for e in spans) == schedule.exam_week + timedelta(days=7)


# -- study sessions --------------------------------------------------------------------------------

def test_study_weeks_hold_the_weekly_hours_spread_over_the_exams_domains(architect_plan):
    by_week = defaultdict(float)
    for event in architect_plan.events:
        if event.kind in ("study", "buffer", "review"):
            assert event.start.weekday() == 0 and event.end - event.start == timedelta(days=7)
            by_week[(event.exam_code, event.start)] += event.hours
    assert by_week
    for hours in by_week.values():
        assert hours == pytest.approx(ARCHITECT.weekly_hours, abs=0.15)
    for schedule in architect_plan.exams:
        domains = {d.name for d in schedule.exam.skills.domains}
        studied = {e.domain for e in architect_plan.events if e.kind == "study" and e.exam_code == schedule.exam.code}
        assert studied == domains, f"{schedule.exam.code}: every skill domain gets study time, nothing else"


def test_heavier_domains_get_more_study_time(architect_plan):
    """Strictly more when the plan has room (every domain gets some time, so a short plan can tie)."""
    for schedule in architect_plan.exams:
        study_weeks = sum(1 for week in schedule.plan.weeks if week.kind == "study")
        hours = defaultdict(float)
        for event in architect_plan.events:
            if event.kind == "study" and event.exam_code == schedule.exam.code:
                hours[event.domain] += event.hours
        domains = schedule.exam.skills.domains
        heaviest = max(domains, key=lambda d: d.weight_low + d.weight_high)
        lightest = min(domains, key=lambda d: d.weight_low + d.weight_high)
        assert hours[heaviest.name] >= hours[lightest.name]
        if heaviest.weight_low > lightest.weight_high and study_weeks >= 2 * len(domains):
            assert hours[heaviest.name] > hours[lightest.name]


# -- checkpoints, booking, exam week, renewal ---------------------------------------------------------

def test_practice_assessments_from_the_first_week_to_the_exam_week(architect_plan):
    for schedule in architect_plan.exams:
        checks = [e for e in architect_plan.events if e.kind == "checkpoint" and e.exam_code == schedule.exam.code]
        assert len(checks) >= 2
        assert all(e.start.weekday() == 0 and e.end - e.start == timedelta(days=1) for e in checks)
        assert min(e.start for e in checks) == schedule.first_day and checks[0].checkpoint == "baseline"
        assert max(e.start for e in checks) == schedule.exam_week and checks[-1].checkpoint == "final"


def test_a_booking_reminder_two_weeks_before_each_exam_week(architect_plan):
    for schedule in architect_plan.exams:
        (book,) = [e for e in architect_plan.events if e.kind == "book" and e.exam_code == schedule.exam.code]
        assert book.start == max(schedule.first_day, schedule.exam_week - timedelta(weeks=2))
        (exam,) = [e for e in architect_plan.events if e.kind == "exam" and e.exam_code == schedule.exam.code]
        assert (exam.start, exam.end) == (schedule.exam_week, schedule.exam_week + timedelta(days=7))


def test_the_renewal_window_follows_the_knowledge_bases_renewal_policy(architect_plan, catalog):
    years = int(catalog.policy_value("validity", "role_based_years"))
    window = int(catalog.policy_value("renewal", "window_months"))
    for schedule in architect_plan.exams:
        kinds = {e.kind: e for e in architect_plan.events if e.exam_code == schedule.exam.code}
        if schedule.exam.level == "fundamentals":
            assert "renewal_opens" not in kinds
            continue
        expires = schedule.exam_week_end + relativedelta(years=years)
        assert kinds["renewal_closes"].start == expires
        assert kinds["renewal_opens"].start == expires - relativedelta(months=window)


def test_fundamentals_never_expire_so_they_get_no_renewal(catalog, today):
    fundamentals = next(e for e in catalog if e.level == "fundamentals" and not e.is_retired_on(today)
                        and e.skills and e.study_hours and not e.status.retirement_date)
    plan = build_calendar_plan(plan_request((fundamentals.code,), Profile(weekly_hours=3.0), today), catalog)
    assert {e.kind for e in plan.events} >= {"study", "checkpoint", "book", "exam"}
    assert not [e for e in plan.events if e.kind.startswith("renewal")]


def test_an_exam_that_retires_before_its_exam_week_is_flagged_and_gets_no_renewal(catalog):
    retiring = next(e for e in catalog if e.status.retirement_date and e.skills and e.study_hours
                    and e.level != "fundamentals")
    made = retiring.status.retirement_date - timedelta(days=20)
    plan = build_calendar_plan(plan_request((retiring.code,), Profile(weekly_hours=2.0), made), catalog)
    (schedule,) = plan.exams
    assert schedule.exam_week_end > retiring.status.retirement_date
    assert schedule.retires_before_exam
    assert not [e for e in plan.events if e.kind.startswith("renewal")]


@pytest.mark.parametrize("change, message", [
    (dict(path=()), "no exam"),
    (dict(path=("AZ-999",)), "Unknown exam"),
    (dict(weekly_hours=0.0), "Weekly hours"),
    (dict(weekly_hours=200.0), "Weekly hours"),
    (dict(background="wizard"), "background"),
    (dict(start=date(2026, 11, 24)), "Monday"),
])
def test_requests_that_cannot_be_planned_are_refused(catalog, today, change, message):
    values = dict(path=("AZ-104",), weekly_hours=5.0, background="new_to_azure", as_of=today,
                  start=plan_start(today))
    values.update(change)
    with pytest.raises(CalendarPlanError, match=message):
        build_calendar_plan(PlanRequest(**values), catalog)


def test_a_retired_exam_is_refused_with_its_successor(catalog, today):
    retired = next(e for e in catalog if e.is_retired_on(today) and catalog.current_successor(e.code, today))
    with pytest.raises(CalendarPlanError, match=catalog.current_successor(retired.code, today).code):
        build_calendar_plan(plan_request((retired.code,), Profile(weekly_hours=5.0), today), catalog)


def test_without_weekly_hours_there_is_no_calendar(today):
    with pytest.raises(CalendarPlanError, match="hours a week"):
        plan_request(("AZ-104",), Profile(), today)


# -- the .ics file, parsed back ---------------------------------------------------------------------

def test_the_file_has_what_outlook_and_google_calendar_need(parsed):
    assert str(parsed["VERSION"]) == "2.0"
    assert str(parsed["PRODID"]).startswith("-//")
    events = events_of(parsed)
    assert events
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids), "one UID per event"
    for event in events:
        stamp = event.decoded("DTSTAMP")
        assert isinstance(stamp, datetime) and stamp.utcoffset() == timedelta(0)
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and type(end) is date and end > start, "all-day dates: no time zone needed"
        assert str(event["SUMMARY"]) and str(event["DESCRIPTION"])


def test_events_are_named_after_the_exams_and_their_domains(parsed, architect_plan):
    summaries = [str(e["SUMMARY"]) for e in events_of(parsed)]
    for schedule in architect_plan.exams:
        code = schedule.exam.code
        for domain in schedule.exam.skills.domains:
            assert f"Study {code}: {domain.name}" in summaries
        assert f"Book {code}" in summaries
        assert any(s.startswith(f"Practice assessment {code}") for s in summaries)
        assert any(code in s and "exam" in s for s in summaries)


def test_study_sessions_in_the_file_add_up_to_the_weekly_hours(parsed):
    by_week = defaultdict(float)
    for event in events_of(parsed):
        summary = str(event["SUMMARY"])
        if summary.startswith("Study "):
            match = HOURS.match(str(event["DESCRIPTION"]))
            assert match, summary
            by_week[(summary.split(":")[0], event.decoded("DTSTART"))] += float(match.group(1))
    assert by_week
    for hours in by_week.values():
        assert hours == pytest.approx(ARCHITECT.weekly_hours, abs=0.15)


def test_checkpoints_and_booking_reminders_are_single_days(parsed, architect_plan):
    events = events_of(parsed)
    for schedule in architect_plan.exams:
        code = schedule.exam.code
        for event in events:
            summary = str(event["SUMMARY"])
            if summary == f"Book {code}" or summary.startswith(f"Practice assessment {code}"):
                assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(days=1)
        assert sum(str(e["SUMMARY"]) == f"Book {code}" for e in events) == 1


def test_the_same_plan_gives_the_same_uids(architect_plan):
    first = [str(e["UID"]) for e in events_of(Calendar.from_ical(build_ics(architect_plan, STAMP)))]
    later = [str(e["UID"]) for e in events_of(Calendar.from_ical(
        build_ics(architect_plan, STAMP + timedelta(days=3))))]
    assert first == later, "importing the file again updates the events instead of doubling them"


def test_the_file_name_names_the_path(architect_plan):
    name = ics_filename(architect_plan)
    assert name.endswith(".ics") and all(code in name for code in architect_plan.request.path)
    assert re.fullmatch(r"[A-Za-z0-9.-]+", name)
