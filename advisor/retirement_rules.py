"""Rule 7 (retirements): a retired exam, or one that retires before the person could finish studying for it,
is never recommended; its successor takes its place and the reply says what retired and when.

Plain Python (no Rasa import); sources in `advisor/rules.py`.
"""

from __future__ import annotations

from typing import List, Optional

from advisor.certification_dates import PaceCheck, pace_check
from advisor.recommendation import Fact, Reason, Recommendation, Step
from advisor.rule_facts import exam_facts, study_background, weeks_for
from knowledge.catalog import Catalog, Exam

# Retirements older than this are history, not news worth a warning on the path.
RETIREMENT_NEWS_DAYS = 730


def replace_retired_exams(rec: Recommendation, catalog: Catalog) -> None:
    """Rule 7: a retired exam is never recommended; it is replaced by its successor, and the reply
    says what retired and when. Recent retirements whose successor is on the path are announced too,
    so a developer who expects AZ-204 hears that it retired and that AI-200 replaced it.
    """
    today = rec.today
    retirement = catalog.policy("retirement")
    conversion = catalog.policy("no_conversion")
    replaced: List[Step] = []
    for step in rec.steps:
        exam = step.exam
        late = retires_before_finish(exam, rec, catalog)
        if not exam.is_retired_on(today) and late is None:
            replaced.append(step)
            continue
        if late is not None:
            replace_too_late_exam(step, late, rec, catalog)
            if late.successor is not None:
                replaced.append(step)
            continue
        successor = catalog.current_successor(exam.code, today)
        when = exam.status.retirement_date.isoformat() if exam.status.retirement_date else "earlier"
        if successor is None:
            rec.warnings.append(Reason(
                "replace_retired_exams",
                f"{exam.code} retired on {when} and has no successor, so it is left out.",
                (Fact(exam.status.note or f"{exam.code} is retired.", exam.status.source),),
            ))
            continue
        step.exam = successor
        step.reasons.insert(0, Reason(
            "replace_retired_exams",
            f"{exam.code} retired on {when}; {successor.code} is the exam to take instead.",
            (Fact(exam.status.note or "", exam.status.source), Fact(retirement.statement, retirement.source)),
        ))
        replaced.append(step)
    rec.steps = replaced
    for step in rec.steps:
        for old in catalog:
            if old.status.successor != step.code or old.status.retirement_date is None:
                continue
            if any(check.exam_code == old.code for check in rec.pace_replacements):
                continue
            days = (today - old.status.retirement_date).days
            if old.is_retired_on(today) and days <= RETIREMENT_NEWS_DAYS:
                text = (f"{old.code} ({old.title}) retired on {old.status.retirement_date.isoformat()}; "
                        f"its successor {step.code} is the exam to take. {conversion.statement}")
            elif old.is_retiring_on(today):
                text = (f"{old.code} retires on {old.status.retirement_date.isoformat()}; start with its "
                        f"successor {step.code}: a certification earned now could not be renewed after that date.")
            else:
                continue
            rec.warnings.append(Reason(
                "replace_retired_exams", text,
                (Fact(old.status.note or text, old.status.source), Fact(retirement.statement, retirement.source)),
            ))


def retires_before_finish(exam: Exam, rec: Recommendation, catalog: Catalog) -> Optional[PaceCheck]:
    """Rule 7 (pace): the exam retires before the person could finish studying for it at their weekly
    hours (upper end of the rule-8 estimate, from today; advisor/certification_dates.py, rule 8)."""
    hours = rec.profile.weekly_hours
    if not hours or not exam.study_hours:
        return None
    weeks = weeks_for(exam.study_hours.for_background(study_background(rec.profile)), hours)[1]
    check = pace_check(exam, weeks, hours, rec.today, catalog)
    return check if check is not None and check.too_late else None


def replace_too_late_exam(step: Step, late: PaceCheck, rec: Recommendation, catalog: Catalog) -> None:
    """Swap a step that retires before the person could finish it for its successor (or drop it)."""
    rec.pace_replacements.append(late)
    exam = step.exam
    pace = (f"{exam.code} retires on {late.retires_on.isoformat()}, before you could finish studying for it "
            f"at {late.weekly_hours:g} h/week (about {late.weeks_needed} weeks)")
    facts = (Fact(exam.status.note or pace, exam.status.source),)
    if late.successor is None:
        rec.warnings.append(Reason("replace_retired_exams", f"{pace}, and it has no successor, so it is left out.",
                                   facts))
        return
    successor = catalog.exam(late.successor)
    old_facts = exam_facts(exam, catalog)
    step.reasons = [Reason(r.rule, r.text, exam_facts(successor, catalog)) if r.facts == old_facts else r
                    for r in step.reasons]
    step.exam = successor
    step.reasons.insert(0, Reason("replace_retired_exams", f"{pace}; take {late.successor} instead.", facts))
