"""The calendar plan as an iCalendar (.ics) file, written with the `icalendar` library: titles and texts.

`advisor/calendar_plan.py` says what happens when; this module words it ("Study AZ-104: Manage Azure
identities and governance", "Book AZ-104", …) and serialises it. What Outlook and Google Calendar need:
VERSION 2.0, a PRODID, METHOD:PUBLISH, and per event a stable UID (the same plan gives the same UIDs, so
importing it again updates rather than duplicates), a DTSTAMP in UTC and all-day dates (no time zone).
Events are marked free time (TRANSP:TRANSPARENT): a week of study must not block a person's diary.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from typing import Dict

from icalendar import Calendar, Event

from advisor.calendar_plan import CalendarEvent, CalendarPlan, ExamSchedule

PRODID = "-//Azure certification path advisor//Study plan//EN"
UID_DOMAIN = "azure-cert-advisor"
CHECKPOINT_LABELS = {"baseline": "baseline", "progress": "progress check", "final": "final check"}


def _hours(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0") + " h"


# The title of each kind of event: {code} is the exam, {detail} the domain or the checkpoint.
EVENT_TITLES = {
    "study": "Study {code}: {detail}", "buffer": "Study {code}: catch-up week", "review": "Study {code}: final review",
    "checkpoint": "Practice assessment {code}: {detail}", "book": "Book {code}", "exam": "{code} exam: target week",
    "renewal_opens": "Renew {code}: free renewal opens", "renewal_closes": "Renew {code}: last day",
}


def event_summary(event: CalendarEvent) -> str:
    """The event's title, named after its exam."""
    if event.kind not in EVENT_TITLES:
        raise ValueError(f"unknown event kind {event.kind!r}")
    detail = CHECKPOINT_LABELS.get(event.checkpoint, event.checkpoint) if event.kind == "checkpoint" else event.domain
    return EVENT_TITLES[event.kind].format(code=event.exam_code, detail=detail)


def event_description(event: CalendarEvent, schedule: ExamSchedule) -> str:
    """The event's notes: what to do, with the exam's page."""
    exam = schedule.exam
    week = f"week {event.week} of {schedule.plan.total_weeks} for {exam.code}"
    if event.kind == "study":
        body = f"{_hours(event.hours)} of study this week ({week}): {event.domain}."
    elif event.kind == "buffer":
        body = f"{_hours(event.hours)} this week ({week}): catch up on whatever slipped, revisit your weakest domain."
    elif event.kind == "review":
        body = (f"{_hours(event.hours)} this week ({week}): weakest domains, hands-on labs, exam-day logistics. "
                "Aim to sit the exam at the end of this week.")
    elif event.kind == "checkpoint":
        body = f"Take Microsoft's free practice assessment for {exam.code} ({week}): {event.note}."
    elif event.kind == "book":
        body = (f"Book {exam.code} for the week of {schedule.exam_week.isoformat()} (online or at a test centre). "
                "If your practice assessment scores are not there yet, book a later date.")
    elif event.kind == "exam":
        body = f"Target week for {exam.code}: take the exam by {schedule.exam_week_end.isoformat()}."
        if schedule.retires_before_exam and exam.status.retirement_date:
            body += f" Careful: {exam.code} retires on {exam.status.retirement_date.isoformat()}."
    elif event.kind == "renewal_opens":
        closes = schedule.renewal_closes.isoformat() if schedule.renewal_closes else "the expiry date"
        body = (f"If you passed {exam.code} in its target week, the free online renewal assessment opens today "
                f"on Microsoft Learn; renew by {closes}.")
    else:
        body = f"If you passed {exam.code} in its target week, today is the last day to renew it online."
    return f"{body}\n\n{exam.code} {exam.title}: {exam.learn_url}"


def _uid(plan: CalendarPlan, event: CalendarEvent, index: int) -> str:
    request = plan.request
    basis = "|".join([",".join(request.path), f"{request.weekly_hours:g}", request.background,
                      request.start.isoformat(), event.kind, event.exam_code, event.start.isoformat(), str(index)])
    return f"{hashlib.sha256(basis.encode()).hexdigest()[:32]}@{UID_DOMAIN}"


def calendar_name(plan: CalendarPlan) -> str:
    return "Azure study plan: " + " → ".join(plan.request.path)


def build_ics(plan: CalendarPlan, stamp: datetime) -> bytes:
    """The .ics file for `plan`; `stamp` (made timezone-aware UTC) is every event's DTSTAMP."""
    stamp = stamp.astimezone(timezone.utc) if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)
    schedules: Dict[str, ExamSchedule] = {s.exam.code: s for s in plan.exams}
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", calendar_name(plan))
    for index, item in enumerate(plan.events):
        event = Event()
        event.add("uid", _uid(plan, item, index))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("summary", event_summary(item))
        event.add("description", event_description(item, schedules[item.exam_code]))
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["Azure certification"])
        calendar.add_component(event)
    return calendar.to_ical()


def ics_filename(plan: CalendarPlan) -> str:
    """`azure-study-plan-AZ-104-AZ-305.ics`: safe in a Content-Disposition header."""
    return "azure-study-plan-" + "-".join(plan.request.path) + ".ics"
