"""A returning person: the welcome back, an exam passed, and whether the plan still fits before an exam date.

Plain Python, no Rasa. Stated rules:
- the welcome back names the path of the last recommendation and asks about its first exam;
- a passed exam is added to the certifications held (with the day, when given) and the path is recomputed
  by the same rules as every recommendation (`advisor/rules.recommend`); for a certification that expires,
  the answer says when its free renewal opens (`advisor/certification_dates.py`);
- "on track" compares the study hours the knowledge base estimates for the exam at the person's
  background with weekly hours × weeks left: it fits when the high end fits, is tight when only the low end
  does, and otherwise says the weekly hours that would fit, or to move the exam date; for an exam the person
  failed before, it says the estimate is for a first attempt and where the hours go instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import List, Optional, Sequence, Tuple

from advisor.certification_dates import certification_standing
from advisor.profile import Profile
from advisor.recommendation import Fact, Recommendation
from advisor.rules import recommend, study_background
from knowledge.catalog import Catalog
from presentation.compose import compose
from presentation.reply import Button, Reply

MAX_WEEKLY_HOURS = 80.0


def welcome_back_text(path: Sequence[str]) -> str:
    """"Welcome back. Last time: AZ-104, then AZ-305. How did AZ-104 go?"."""
    if not path:
        return "Welcome back. Last time your path was complete. Anything new to plan?"
    steps = ", then ".join(path)
    return f"Welcome back. Last time: {steps}. How did {path[0]} go?"


def welcome_back_reply(path: Sequence[str]) -> Reply:
    """The welcome back with the three answers people give most."""
    buttons: Tuple[Button, ...] = ()
    if path:
        buttons = (Button(f"I passed {path[0]}", f"I passed {path[0]}"),
                   Button("I didn't pass", f"I failed {path[0]}"),
                   Button("Am I on track?", "am I on track?"))
    return Reply(text=welcome_back_text(path), buttons=buttons)


@dataclass(frozen=True)
class Passed:
    """A passed exam noted: the new held list and the recomputed recommendation."""

    held: Tuple[str, ...]
    recommendation: Recommendation
    reply: Reply


def passed(code: str, earned_on: Optional[date], profile: Profile, catalog: Catalog, today: date) -> Passed:
    """Congratulations, the exam added to those held, and the path from there."""
    held = profile.certifications_held if profile.holds(code) else profile.certifications_held + (code,)
    rec = recommend(replace(profile, certifications_held=held), catalog, today)
    exam = catalog.exam(code)
    when = f" on {earned_on.isoformat()}" if earned_on else ""
    heading = f"Congratulations on passing {code}{when}! You now hold the {exam.certification}."
    facts: List[Fact] = []
    if rec.path:
        nxt = rec.steps[0]
        span = f" (about {nxt.study_hours[0]}–{nxt.study_hours[1]} hours of study)" if nxt.study_hours else ""
        facts.append(Fact(f"Your path from here: {' → '.join(rec.path)}. Next up: {nxt.exam.label}{span}.", None))
    else:
        facts.append(Fact("That completes your path: every certification on it is yours.", None))
    if earned_on is not None and exam.level != "fundamentals":
        standing = certification_standing(code, earned_on, today, catalog)
        if standing.renewal_opens_on and standing.expires_on:
            renewal = catalog.policy("renewal")
            facts.append(Fact(f"It is valid until {standing.expires_on.isoformat()}; renew it free online from "
                              f"{standing.renewal_opens_on.isoformat()}.", renewal.source))
    elif exam.level != "fundamentals":
        facts.append(Fact("It is valid for a year and renews free online; tell me the day you passed and I'll give "
                          "you the renewal dates.", catalog.policy("validity").source))
    buttons = (Button("Put it in my calendar", "put it in my calendar"), Button("Why this path?",
                                                                             "/explain_recommendation"))
    return Passed(held, rec, compose(heading, facts, buttons if rec.path else ()))


@dataclass(frozen=True)
class TrackCheck:
    """The plan against the calendar for one exam."""

    code: str
    hours: Tuple[int, int]
    weekly_hours: float
    weeks_left: int
    available: float
    verdict: str  # fits | tight | short
    needed_weekly: Tuple[float, float]


def weeks_until(exam_day: date, today: date) -> int:
    """Whole weeks of study left before the exam day (at least 0)."""
    return max(0, (exam_day - today).days // 7)


def track_check(code: str, profile: Profile, weekly_hours: float, weeks_left: int, catalog: Catalog) -> Optional[
        TrackCheck]:
    """Hours the exam needs at the person's background against weekly hours × weeks left."""
    exam = catalog.exam(code)
    if exam.study_hours is None:
        return None
    hours = exam.study_hours.for_background(study_background(profile))
    available = weekly_hours * weeks_left
    verdict = "fits" if available >= hours[1] else "tight" if available >= hours[0] else "short"
    weeks = max(weeks_left, 1)
    needed = (math.ceil(hours[0] / weeks * 2) / 2, math.ceil(hours[1] / weeks * 2) / 2)
    return TrackCheck(code, hours, weekly_hours, weeks_left, available, verdict, needed)


def on_track_reply(code: str, profile: Profile, weekly_hours: Optional[float], exam_day: Optional[date],
                   catalog: Catalog, today: date, retake: bool = False) -> Reply:
    """Plainly whether the plan fits before the exam day, why, and what to change."""
    if exam_day is None:
        return Reply(text=f"When is your {code} exam? Tell me the date or how far off it is (\"in 3 weeks\") and I'll "
                          "check your plan against it.")
    if not weekly_hours:
        return Reply(text=f"To check your plan before {exam_day.isoformat()}, I need your study time: how many hours "
                          "a week can you give it?")
    weeks = weeks_until(exam_day, today)
    check = track_check(code, profile, weekly_hours, weeks, catalog)
    if check is None:
        return Reply(text=f"I have no study-time estimate for {code}, so I can't check your plan against the date.")
    low, high = check.hours
    basis = (f"{code} takes about {low}–{high} hours of study for you; {weekly_hours:g} h/week × {weeks} weeks "
             f"left is {check.available:g} hours.")
    if check.verdict == "fits":
        heading = f"Yes, you're on track: {basis}"
        advice = "Keep your weekly hours and spend the last week on the practice assessment and your weakest areas."
    elif check.verdict == "tight":
        heading = f"Tight but possible: {basis}"
        advice = (f"It fits at the quick end of the estimate. To be safe, study about "
                  f"{check.needed_weekly[1]:g} h/week, "
                  "or count the hours you have already put in: if they cover the gap, you're fine.")
    else:
        later = today + timedelta(weeks=math.ceil(low / weekly_hours))
        more = (f"about {check.needed_weekly[0]:g}–{check.needed_weekly[1]:g} h/week"
                if check.needed_weekly[0] <= MAX_WEEKLY_HOURS else "more hours than a week has")
        heading = f"Not at this pace: {basis}"
        advice = (f"Either study {more} from now, or move the exam to {later.isoformat()} or later "
                  "(check your booking's rescheduling terms), unless you have already done most of the study.")
    source = catalog.exam(code).study_hours
    if retake:  # the estimate is for a first attempt: most of it is done
        heading = f"For a retake, it depends on how close your score was: {basis}"
        advice = (f"You've sat {code} before, so much of this is done: the estimate is for a first attempt. Put the "
                  f"{check.available:g} hours into the areas your score report showed as weak.")
    facts = [Fact(advice, None)] + ([Fact("Study hours are the knowledge base's estimate for your background.",
                                          source.source)] if source else [])
    return compose(heading, facts, (Button("Study plan", "/ask_study_plan"),))
