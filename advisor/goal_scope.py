"""Goals that are not a new job: "just the overview", "one certificate for my CV".

When the person wants the fundamentals only (`Profile.goal_scope == "fundamentals"`), the path is the
track's fundamentals exam alone (its successor when it has retired), and the role-based exams become
alternatives for later. Plain Python over the knowledge base, like every rule in `advisor/rules.py`.
"""

from __future__ import annotations

from advisor.recommendation import Alternative, Fact, Reason, Recommendation, Step
from knowledge.catalog import Catalog


def _current_fundamentals(code: str, catalog: Catalog, rec: Recommendation) -> str:
    """The track's fundamentals exam, or the exam that replaced it."""
    seen = set()
    while code in catalog.exams and catalog.exam(code).is_retired_on(rec.today) and code not in seen:
        seen.add(code)
        successor = catalog.exam(code).status.successor
        if not successor:
            break
        code = successor
    return code


def fundamentals_only(rec: Recommendation, catalog: Catalog) -> None:
    """Rule 4b: the person asked for the overview only, so the path is the fundamentals exam alone."""
    if rec.profile.goal_scope != "fundamentals":
        return
    code = _current_fundamentals(rec.track.fundamentals, catalog, rec)
    exam = catalog.exam(code)
    later = [step for step in rec.steps if step.code != code]
    policy = catalog.policy("validity")
    rec.steps = [Step(exam=exam, kind="fundamentals", optional=False, reasons=[Reason(
        "fundamentals_only",
        f"You asked for the overview rather than a new job, so {code} is the whole path: it covers the "
        f"concepts and vocabulary of the {rec.track.title} area, needs no hands-on experience, and never expires.",
        (Fact(exam.audience or exam.title, exam.status.source), Fact(policy.statement, policy.source)),
    )])]
    rec.steps += [step for step in later if step.code in rec.profile.added_exams]  # "add AI-200 after AZ-900"
    for step in later[:2]:
        if not any(a.exam.code == step.code for a in rec.alternatives):
            rec.alternatives.append(Alternative(exam=step.exam, when="you later want the hands-on role exam"))
