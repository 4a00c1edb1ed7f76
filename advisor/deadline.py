"""Can the person make a deadline? "can I have AI-200 done before Feb?", "which one can I get by March?".

Plain Python over the rules' own recommendation: the weeks each step takes at the person's hours
(rule 8's conversion, `advisor.rules.weeks_for`) against the weeks left until the deadline. Stated rules:
- it fits when even the high estimate fits; it is tight when only the low estimate fits; otherwise not;
- when it does not fit, the hours a week that would make the low estimate fit are given;
- with no exam named, the answer is about the first required step, and it lists which steps fit in turn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import List, Optional, Tuple

from advisor.recommendation import Recommendation, Step
from advisor.rules import PRACTICE_WEEKS, STUDY_EFFICIENCY, study_background, weeks_for
from knowledge.catalog import Catalog
from knowledge.vocabulary import MAX_WEEKLY_HOURS


@dataclass(frozen=True)
class DeadlineCheck:
    """One exam against a deadline."""

    code: str
    weeks_left: int
    weeks: Tuple[int, int]
    verdict: str  # fits | tight | too_short
    hours_needed: Optional[float]  # weekly hours that would make the low estimate fit (None: it fits already)
    hours_for_all: Optional[float] = None  # weekly hours that fit the whole estimate, high end included


def weeks_left(today: date, deadline: date) -> int:
    """Whole weeks from today to the deadline (never below 0)."""
    return max(0, (deadline - today).days // 7)


def hours_to_fit(study_hours: Tuple[int, int], weeks: int, whole: bool = False) -> Optional[float]:
    """Hours a week that fit the low estimate into `weeks`, practice weeks included (`whole`: the high estimate
    and the longer practice); None if impossible."""
    study_weeks = weeks - PRACTICE_WEEKS[1 if whole else 0]
    if study_weeks <= 0:
        return None
    needed = math.ceil(study_hours[1 if whole else 0] / (study_weeks * STUDY_EFFICIENCY))
    return float(needed) if needed <= MAX_WEEKLY_HOURS else None


def check_step(step: Step, weekly_hours: float, today: date, deadline: date) -> Optional[DeadlineCheck]:
    """The verdict for one step at `weekly_hours`; None when the step has no study-hours estimate."""
    if step.study_hours is None:
        return None
    left = weeks_left(today, deadline)
    weeks = weeks_for(step.study_hours, weekly_hours)
    verdict = "fits" if weeks[1] <= left else "tight" if weeks[0] <= left else "too_short"
    needed = hours_to_fit(step.study_hours, left) if verdict == "too_short" else None
    whole = hours_to_fit(step.study_hours, left, whole=True) if verdict != "fits" else None
    return DeadlineCheck(step.code, left, weeks, verdict, needed, whole)


def steps_by_deadline(rec: Recommendation, weekly_hours: float, deadline: date) -> List[str]:
    """The path's steps that fit one after another before the deadline (low estimates, in order)."""
    left = weeks_left(rec.today, deadline)
    done: List[str] = []
    used = 0
    for step in rec.steps:
        if step.study_hours is None:
            continue
        low = weeks_for(step.study_hours, weekly_hours)[0]
        if used + low > left:
            break
        used += low
        done.append(step.code)
    return done


def check_deadline(rec: Recommendation, code: Optional[str], weekly_hours: float, deadline: date,
                   catalog: Catalog) -> Optional[DeadlineCheck]:
    """The named exam (on the path or not) or the first required step, against the deadline."""
    if code and rec.step(code) is None and catalog.has_exam(code):
        exam = catalog.exam(code)
        if exam.study_hours is None:
            return None
        hours = exam.study_hours.for_background(study_background(rec.profile))
        return check_step(Step(exam=exam, kind="target", study_hours=hours), weekly_hours, rec.today, deadline)
    step = rec.step(code) if code else next((s for s in rec.steps if not s.optional), None)
    if step is None and rec.steps:
        step = rec.steps[0]
    return check_step(step, weekly_hours, rec.today, deadline) if step is not None else None


def check_path(rec: Recommendation, codes: List[str], weekly_hours: float, deadline: date) -> Optional[DeadlineCheck]:
    """Several steps one after another ("both 104 and 305 by May"): the path up to the last one named (the
    whole path when none is named), optional steps left out, against the deadline."""
    last = max((rec.path.index(c) for c in codes if c in rec.path), default=len(rec.steps) - 1)
    steps = [s for s in rec.steps[:last + 1] if s.study_hours is not None and (not s.optional or s.code in codes)]
    if len(steps) < 2:
        return None
    weeks = [weeks_for(s.study_hours, weekly_hours) for s in steps if s.study_hours]
    total = (sum(w[0] for w in weeks), sum(w[1] for w in weeks))
    left = weeks_left(rec.today, deadline)
    verdict = "fits" if total[1] <= left else "tight" if total[0] <= left else "too_short"
    needed = whole = None
    low_hours = sum(s.study_hours[0] for s in steps if s.study_hours)
    high_hours = sum(s.study_hours[1] for s in steps if s.study_hours)
    if verdict == "too_short":
        needed = hours_to_fit((low_hours, high_hours), left - PRACTICE_WEEKS[0] * (len(steps) - 1))
    if verdict != "fits":
        whole = hours_to_fit((low_hours, high_hours), left - PRACTICE_WEEKS[1] * (len(steps) - 1), whole=True)
    return DeadlineCheck(" and ".join(s.code for s in steps), left, total, verdict, needed, whole)
