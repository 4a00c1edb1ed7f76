"""The recommended path laid out on the calendar: which days and weeks hold what (data only, no wording).

Plain Python (no Rasa import). `build_calendar_plan` takes what a calendar link carries (`PlanRequest`:
the path's exam codes, the weekly study hours, the study background, the date the plan was made and its
first day) and returns every event as dates and numbers; `advisor/calendar_ics.py` words them and writes
the iCalendar file. The week-by-week content is `advisor.study_plan.make_study_plan` for each exam in turn.

Stated rules (tested in tests/rules/test_calendar_plan.py):

1. **Weeks run Monday to Sunday.** A plan starts on the Monday on or after the day it is made
   (`plan_start`); each exam's plan starts the Monday after the previous exam's target week.
2. **Study sessions:** one all-day event per skill domain per study week, spanning the week, holding that
   domain's share of the weekly hours (`make_study_plan`'s allocation by domain weight); buffer and
   review weeks are one event each with the full weekly hours. All events are all-day dates: no time
   zone is needed, and nothing pretends to know the hour the person studies.
3. **Practice-assessment checkpoints** fall on the Monday of the weeks where the study plan puts them
   (baseline in week 1, halfway, and the final one in the review week).
4. **The exam's target week** is the plan's last week (the review week): the study plan's length is the
   time until the exam.
5. **"Book the exam"** is a reminder on the Monday two weeks before the target week (`BOOKING_LEAD_WEEKS`),
   never before the exam's own first study day.
6. **Renewal window:** for a certification that expires (not fundamentals), earned on the last day of its
   target week, the day the free online renewal opens and the last day it can be renewed
   (`advisor.certification_dates.certification_standing`). An exam that retires before its target week
   ends gets no renewal dates and is flagged (`retires_before_exam`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import List, Optional, Tuple

from advisor.certification_dates import certification_standing
from advisor.profile import Profile
from advisor.rules import NON_TECHNICAL_ROLES, study_background
from advisor.study_plan import PlanWeek, StudyPlan, StudyPlanError, make_study_plan
from knowledge.catalog import Catalog, Exam
from knowledge.vocabulary import BACKGROUNDS, MAX_WEEKLY_HOURS

BOOKING_LEAD_WEEKS = 2
MAX_PATH_EXAMS = 8  # a link never carries more exams than any recommendation has
WEEK = timedelta(days=7)
EVENT_KINDS: Tuple[str, ...] = ("study", "buffer", "review", "checkpoint", "book", "exam",
                                "renewal_opens", "renewal_closes")
CHECKPOINT_KINDS: Tuple[str, ...] = ("baseline", "progress", "final")


class CalendarPlanError(ValueError):
    """No calendar can be made from this request (unknown or retired exam, no skill domains, bad hours)."""


@dataclass(frozen=True)
class PlanRequest:
    """Everything needed to rebuild a calendar: what a calendar link carries (never who asked)."""

    path: Tuple[str, ...]  # exam codes in order (the `recommended_path` slot)
    weekly_hours: float
    background: str  # a key of knowledge.vocabulary.BACKGROUNDS (advisor.rules.study_background)
    as_of: date  # the day the plan was made: "today" for the retirement and status rules
    start: date  # the first day of the first study week (a Monday)


@dataclass(frozen=True)
class CalendarEvent:
    """One calendar entry. `end` is exclusive (the first day after it), as all-day iCalendar events are."""

    kind: str  # one of EVENT_KINDS
    exam_code: str
    start: date
    end: date
    week: int = 0  # the week of the exam's plan it belongs to (0: not a plan week)
    hours: float = 0.0  # study hours (study, buffer, review)
    domain: str = ""  # the skill domain (study)
    checkpoint: str = ""  # one of CHECKPOINT_KINDS (checkpoint)
    note: str = ""  # the study plan's own text for that week's checkpoint, when there is one


@dataclass(frozen=True)
class ExamSchedule:
    """One exam's stretch of the calendar."""

    exam: Exam
    plan: StudyPlan
    first_day: date  # Monday of its first study week
    exam_week: date  # Monday of its target week
    renewal_opens: Optional[date]
    renewal_closes: Optional[date]
    retires_before_exam: bool

    @property
    def exam_week_end(self) -> date:
        """The Sunday of the target week: the day the certification is assumed earned."""
        return self.exam_week + timedelta(days=6)


@dataclass(frozen=True)
class CalendarPlan:
    """The whole path on the calendar: one schedule per exam in path order, every event in date order."""

    request: PlanRequest
    exams: Tuple[ExamSchedule, ...]
    events: Tuple[CalendarEvent, ...]


def plan_start(as_of: date) -> date:
    """The Monday on or after `as_of` (rule 1)."""
    return as_of + timedelta(days=(7 - as_of.weekday()) % 7)


def profile_for_background(background: str) -> Profile:
    """A profile whose study background is `background` (the only profile fact a study plan's length uses)."""
    if background == "experienced":
        return Profile(azure_experience="extensive")
    if background == "some_azure":
        return Profile(azure_experience="some")
    if background == "newcomer":
        return Profile(current_role=NON_TECHNICAL_ROLES[0], azure_experience="none")
    if background == "new_to_azure":
        return Profile(azure_experience="none")
    raise CalendarPlanError(f"Unknown study background {background!r}.")


def plan_request(path: Tuple[str, ...], profile: Profile, as_of: date,
                 start_on: Optional[date] = None) -> PlanRequest:
    """The request for a person's path at their weekly hours, starting the Monday on or after `start_on` (the
    date they asked for) or else `as_of`."""
    if profile.weekly_hours is None:
        raise CalendarPlanError("A calendar needs the hours a week you can study.")
    return PlanRequest(tuple(path), float(profile.weekly_hours), study_background(profile), as_of,
                       plan_start(max(start_on or as_of, as_of)))


def _check(request: PlanRequest, catalog: Catalog) -> None:
    if not request.path:
        raise CalendarPlanError("The path has no exam to plan.")
    if len(request.path) > MAX_PATH_EXAMS:
        raise CalendarPlanError(f"A calendar holds at most {MAX_PATH_EXAMS} exams.")
    unknown = [code for code in request.path if not catalog.has_exam(code)]
    if unknown:
        raise CalendarPlanError(f"Unknown exam {unknown[0]}.")
    if not 0 < request.weekly_hours <= MAX_WEEKLY_HOURS:
        raise CalendarPlanError(f"Weekly hours must be more than 0 and at most {MAX_WEEKLY_HOURS:g}.")
    if request.background not in BACKGROUNDS:
        raise CalendarPlanError(f"Unknown study background {request.background!r}.")
    if request.start.weekday() != 0:
        raise CalendarPlanError("A plan starts on a Monday.")


def _checkpoint_kind(week: PlanWeek) -> str:
    if week.kind == "review":
        return "final"
    return "baseline" if week.number == 1 else "progress"


def _week_events(code: str, week: PlanWeek, monday: date) -> List[CalendarEvent]:
    end = monday + WEEK
    if week.kind == "study":
        events = [CalendarEvent("study", code, monday, end, week.number, slot.hours, slot.domain.name)
                  for slot in week.topics]
    else:
        events = [CalendarEvent(week.kind, code, monday, end, week.number, week.hours)]
    if week.checkpoint:
        events.append(CalendarEvent("checkpoint", code, monday, monday + timedelta(days=1), week.number,
                                    checkpoint=_checkpoint_kind(week), note=week.checkpoint))
    return events


def _renewal(exam: Exam, earned: date, catalog: Catalog) -> Tuple[Optional[date], Optional[date], bool]:
    """(renewal opens, last day to renew, retires before the exam) for a certification earned on `earned`."""
    retired = exam.status.retirement_date
    if retired is not None and retired < earned:
        return None, None, True
    standing = certification_standing(exam.code, earned, earned, catalog)
    if standing.expires_on is None or not standing.renewable:
        return None, None, False
    return standing.renewal_opens_on, standing.renewal_closes_on, False


def _schedule(code: str, request: PlanRequest, first_day: date, catalog: Catalog) -> Tuple[
        ExamSchedule, List[CalendarEvent]]:
    profile = profile_for_background(request.background)
    try:
        plan = make_study_plan(code, profile, catalog, request.as_of, weekly_hours=request.weekly_hours)
    except StudyPlanError as error:
        raise CalendarPlanError(str(error)) from error
    events: List[CalendarEvent] = []
    for index, week in enumerate(plan.weeks):
        events.extend(_week_events(code, week, first_day + index * WEEK))
    exam_week = first_day + (plan.total_weeks - 1) * WEEK
    book = max(first_day, exam_week - BOOKING_LEAD_WEEKS * WEEK)
    events.append(CalendarEvent("book", code, book, book + timedelta(days=1)))
    events.append(CalendarEvent("exam", code, exam_week, exam_week + WEEK, plan.total_weeks))
    opens, closes, retires_first = _renewal(plan.exam, exam_week + timedelta(days=6), catalog)
    if opens is not None and closes is not None:
        events.append(CalendarEvent("renewal_opens", code, opens, opens + timedelta(days=1)))
        events.append(CalendarEvent("renewal_closes", code, closes, closes + timedelta(days=1)))
    schedule = ExamSchedule(plan.exam, plan, first_day, exam_week, opens, closes, retires_first)
    return schedule, events


def build_calendar_plan(request: PlanRequest, catalog: Catalog) -> CalendarPlan:
    """Every event of the path's plan, exam after exam (rules 1–6). Raises CalendarPlanError."""
    _check(request, catalog)
    schedules: List[ExamSchedule] = []
    events: List[CalendarEvent] = []
    first_day = request.start
    for code in request.path:
        schedule, exam_events = _schedule(code, request, first_day, catalog)
        schedules.append(schedule)
        events.extend(exam_events)
        first_day = schedule.exam_week + WEEK
    ordered = sorted(events, key=lambda e: (e.start, EVENT_KINDS.index(e.kind)))
    return CalendarPlan(request, tuple(schedules), tuple(ordered))
