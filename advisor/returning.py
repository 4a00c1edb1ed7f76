"""A returning person: an exam passed, and whether the plan still fits before an exam date.

Plain Python, no Rasa; the rules and their data only. The replies (the welcome back, congratulations, "am I on
track?") are `presentation/returning_replies.py`'s. Stated rules:
- a passed exam is added to the certifications held (with the day, when given), an exam the person says they
  did not pass is taken off them (said), and the path is recomputed
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
from typing import List, Optional, Tuple

from advisor.certification_dates import certification_standing
from advisor.path_questions import beyond_path
from advisor.profile import Profile
from advisor.recommendation import Answer, Fact, Recommendation
from advisor.rules import recommend, study_background
from knowledge.catalog import Catalog
from presentation.formats import exam_reference, path_label, span

MAX_WEEKLY_HOURS = 80.0


@dataclass(frozen=True)
class Passed:
    """A passed exam noted: the new held list, the recomputed recommendation, and what to say about it
    (congratulations, the path from here, the renewal dates): `presentation.returning_replies.passed_reply`."""

    held: Tuple[str, ...]
    recommendation: Recommendation
    answer: Answer


def passed(code: str, earned_on: Optional[date], profile: Profile, catalog: Catalog, today: date,
           withdrawn: Tuple[str, ...] = ()) -> Passed:
    """Congratulations, the exam added to those held, and the path from there; `withdrawn` are exams the person
    says they did not pass ("I passed 140, not 104"), taken off those held (and said, when they were held)."""
    kept = tuple(held for held in profile.certifications_held if held not in withdrawn)
    held = kept if code in kept else kept + (code,)
    rec = recommend(replace(profile, certifications_held=held), catalog, today)
    exam = catalog.exam(code)
    when = f" on {earned_on.isoformat()}" if earned_on else ""
    heading = f"Congratulations on passing {code}{when}! You now hold the {exam.certification}."
    facts: List[Fact] = []
    removed = [held for held in profile.certifications_held if held in withdrawn]
    if removed:
        facts.append(Fact(f"I've taken {' and '.join(removed)} off the certifications you hold, as you said you "
                          "haven't passed it.", None))
    if rec.path:
        nxt = rec.steps[0]
        hours = f" (about {span(nxt.study_hours, 'hours')} of study)" if nxt.study_hours else ""
        facts.append(Fact(f"Your path from here: {path_label(rec.path)}. Next up: {exam_reference(nxt.exam)}{hours}.",
                          None))
    else:
        facts.append(Fact("That completes your path: every certification on it is yours.", None))
        after = beyond_path(rec, catalog, today)  # "whats next" comes with the news: the track's next exams
        facts.append(Fact(after.heading.replace("You hold every exam your goal needs. ", ""),
                          after.facts[0].source if after.facts else None))
    if earned_on is not None and exam.level != "fundamentals":
        standing = certification_standing(code, earned_on, today, catalog)
        if standing.renewal_opens_on and standing.expires_on:
            renewal = catalog.policy("renewal")
            facts.append(Fact(f"It is valid until {standing.expires_on.isoformat()}; renew it free online from "
                              f"{standing.renewal_opens_on.isoformat()}.", renewal.source))
    elif exam.level != "fundamentals":
        facts.append(Fact("It is valid for a year and renews free online; tell me the day you passed and I'll give "
                          "you the renewal dates.", catalog.policy("validity").source))
    return Passed(held, rec, Answer(heading, tuple(facts)))


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

    @property
    def pace_possible(self) -> bool:
        """Whether the quick end of the estimate fits in the weeks left at a weekly pace a person can keep."""
        return self.needed_weekly[0] <= MAX_WEEKLY_HOURS


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


def day_that_fits(check: TrackCheck, today: date) -> date:
    """The first exam day by which the quick end of the estimate fits at the person's weekly hours."""
    return today + timedelta(weeks=math.ceil(check.hours[0] / check.weekly_hours))
