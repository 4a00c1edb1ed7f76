"""A returning person's answers as replies: the welcome back, an exam passed, a failed exam, "am I on track?".

The rules and their data come from `advisor/returning.py` (the path recomputed after a pass, the track check,
the exam day that would fit) and `advisor/retake.py` (the retake rule and date, the weak areas matched, the
retake plan's hours); here they get their wording, one "Sources" line and the follow-up buttons.
Plain Python, no Rasa.
"""

from __future__ import annotations

from datetime import date
from typing import List, Optional, Sequence, Tuple

from advisor.profile import Profile
from advisor.recommendation import Fact
from advisor.retake import DEFAULT_WEEKLY_HOURS, PLAN_WEEKS, retake_plan, retake_rule, weak_domains
from advisor.returning import Passed, day_that_fits, track_check, weeks_until
from knowledge.catalog import Catalog, Exam, SkillDomain
from presentation.compose import compose, reply_to
from presentation.formats import per_week, span
from presentation.reply import Button, Reply

# `components/returning_reader.py` knows the next message answers this question by its wording.
WEAK_AREAS_QUESTION = "Which skill areas did your score report show as weakest? Tell me and I'll weight a plan to them."
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth"}


def welcome_back_text(path: Sequence[str], exam_day: Optional[date] = None, today: Optional[date] = None) -> str:
    """"Welcome back. Last time: AZ-104, then AZ-305." and a question about the first exam: "How did AZ-104
    go?" only once its exam day has passed; before it, whether they're on track; without a known day (the exam may
    be months away), "Have you taken AZ-104 yet, or shall we check you're on track?"."""
    if not path:
        return "Welcome back. Last time your path was complete. Anything new to plan?"
    steps = ", then ".join(path)
    if exam_day is not None and today is not None and exam_day <= today:
        return f"Welcome back. Last time: {steps}. How did {path[0]} go?"
    if exam_day is not None:
        return (f"Welcome back. Last time: {steps}. Your {path[0]} exam is on {exam_day.isoformat()}: shall we check "
                "you're on track?")
    return f"Welcome back. Last time: {steps}. Have you taken {path[0]} yet, or shall we check you're on track?"


def welcome_back_reply(path: Sequence[str], exam_day: Optional[date] = None, today: Optional[date] = None) -> Reply:
    """The welcome back with the three answers people give most."""
    buttons: Tuple[Button, ...] = ()
    if path:
        buttons = (Button(f"I passed {path[0]}", f"I passed {path[0]}"),
                   Button("I didn't pass", f"I failed {path[0]}"),
                   Button("Am I on track?", "am I on track?"))
    return Reply(text=welcome_back_text(path, exam_day, today), buttons=buttons)


def passed_reply(result: Passed) -> Reply:
    """Congratulations, the path from there and the renewal dates; the calendar and "why?" while a path is left."""
    buttons = (Button("Put it in my calendar", "put it in my calendar"),
               Button("Why this path?", "/explain_recommendation"))
    return reply_to(result.answer, buttons if result.recommendation.path else ())


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
    basis = (f"{code} takes about {span(check.hours, 'hours')} of study for you; {per_week(weekly_hours)} × {weeks} "
             f"weeks left is {check.available:g} hours.")
    if check.verdict == "fits":
        heading = f"Yes, you're on track: {basis}"
        advice = "Keep your weekly hours and spend the last week on the practice assessment and your weakest areas."
    elif check.verdict == "tight":
        heading = f"Tight but possible: {basis}"
        advice = (f"It fits at the quick end of the estimate. To be safe, study about "
                  f"{per_week(check.needed_weekly[1])}, "
                  "or count the hours you have already put in: if they cover the gap, you're fine.")
    else:
        more = (f"about {check.needed_weekly[0]:g}–{check.needed_weekly[1]:g} h/week"
                if check.pace_possible else "more hours than a week has")
        heading = f"Not at this pace: {basis}"
        advice = (f"Either study {more} from now, or move the exam to {day_that_fits(check, today).isoformat()} or "
                  "later (check your booking's rescheduling terms), unless you have already done most of the study.")
    source = catalog.exam(code).study_hours
    if retake:  # the estimate is for a first attempt: most of it is done
        heading = f"For a retake, it depends on how close your score was: {basis}"
        advice = (f"You've sat {code} before, so much of this is done: the estimate is for a first attempt. Put the "
                  f"{check.available:g} hours into the areas your score report showed as weak.")
    facts = [Fact(advice, None)] + ([Fact("Study hours are the knowledge base's estimate for your background.",
                                          source.source)] if source else [])
    return compose(heading, facts, (Button("Study plan", "/ask_study_plan"),))


def failed_reply(exam: Exam, failed_on: date, attempt: int, text: str, weekly_hours: Optional[float],
                 catalog: Catalog) -> Reply:
    """The retake rule and date first, then the plan for the weak areas (or the question which they were)."""
    rule = retake_rule(failed_on, attempt, catalog)
    nth = _ORDINALS.get(attempt, f"{attempt}th")
    again = rule.earliest.strftime("%A %-d %B %Y")
    if rule.yearly_limit_reached:
        when = (f"That was attempt {attempt}, and {rule.max_per_year} in 12 months is the most allowed: you can sit "
                f"{exam.code} again once 12 months have passed since your first attempt.")
    else:
        when = (f"You can sit {exam.code} again from {again} ({rule.wait} after a {nth} failure; at most "
                f"{rule.max_per_year} attempts in 12 months).")
    heading = (f"Sorry it didn't go your way. {when} "
               "Your score report is now your best study guide: it shows where the points went.")
    facts: List[Fact] = [rule.source]
    weak = weak_domains(exam, text)
    if weak and exam.skills is not None:
        facts.extend(plan_facts(exam, weak, weekly_hours))
    elif exam.skills is not None:
        names = "; ".join(d.name for d in exam.skills.domains)
        facts.append(Fact(f"{WEAK_AREAS_QUESTION} The areas: {names}.", exam.skills.source))
    return compose(heading, facts)


def retake_rule_reply(catalog: Catalog) -> Reply:
    """The retake rule alone, when no exam is named: the waits, the limit, its source."""
    policy = catalog.policy("retakes")
    values = policy.values
    heading = (f"You can retake a failed exam {values['first_wait_hours']} hours after a first failure and "
               f"{values['later_wait_days']} days after each later one, at most {values['max_attempts_per_year']} "
               "times in 12 months. Tell me which exam (\"I failed AZ-104\") and the areas that went badly, and "
               "I'll give you the date and a plan.")
    return compose(heading, [Fact(" ".join(policy.statement.split()), policy.source)])


def plan_facts(exam: Exam, weak: Sequence[SkillDomain], weekly_hours: Optional[float]) -> List[Fact]:
    """The retake plan as facts: the weak areas named, then hours a week per area."""
    assert exam.skills is not None
    hours = weekly_hours or DEFAULT_WEEKLY_HOURS
    assumed = "" if weekly_hours else f" (I assumed {per_week(DEFAULT_WEEKLY_HOURS)}; tell me yours to change it)"
    rows = retake_plan(exam, weak, hours)
    lines = ", ".join(f"{r.domain.name} {r.hours_per_week:g} h" + (" (weak)" if r.weak else "") for r in rows
                      if r.hours_per_week > 0)
    names = " and ".join(d.name for d in weak)
    return [Fact(f"Your plan for the next {PLAN_WEEKS} weeks at {per_week(hours)}{assumed}, most of it on {names}: "
                 f"{lines} a week. Then retake the free practice assessment and book when you score well on it.",
                 exam.skills.source)]


def weak_areas_reply(exam: Exam, text: str, weekly_hours: Optional[float]) -> Optional[Reply]:
    """The plan alone, when the person names their weak areas after being asked; None when none is named."""
    weak = weak_domains(exam, text)
    if not weak or exam.skills is None:
        return None
    names = " and ".join(d.name for d in weak)
    return compose(f"Here's a retake plan for {exam.code} weighted to {names}:", plan_facts(exam, weak, weekly_hours))
