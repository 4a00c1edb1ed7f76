"""What the decision rules state and check about a person and an exam: the facts shown for a step, which
study-hours estimate fits the person, how many weeks some hours take, and whether a held certification counts.

Plain Python (no Rasa import), shared by the rules in `advisor/track_rules.py`, `advisor/retirement_rules.py`,
`advisor/order_rules.py` and `advisor/extras_rules.py`, and by the answers that quote the same numbers
(study plans, deadlines, comparisons, the calendar). Sources are listed in `advisor/rules.py`.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Optional, Tuple

from advisor.certification_dates import certification_standing
from advisor.profile import Profile
from advisor.recommendation import Fact
from knowledge.catalog import Catalog, Exam
from knowledge.vocabulary import ROLE_LABELS

# How much of the weekly time is really spent studying, and the practice-test weeks on top
# (peer research 3.9: "weeks = hours ÷ (hours per week × 0.8) ... plus 1–2 weeks of practice tests").
STUDY_EFFICIENCY = 0.8
PRACTICE_WEEKS = (1, 2)
# A manager here manages IT (the profile asks IT people): an IT professional new to Azure, not new to IT.
NON_TECHNICAL_ROLES = ("student", "other")


def exam_facts(exam: Exam, catalog: Catalog) -> Tuple[Fact, ...]:
    """The facts shown for a step: level, duration, passing score, main skill areas, coding."""
    facts = [Fact(f"{exam.code} earns the {exam.certification} certification ({exam.level} level).",
                  exam.status.source)]
    if exam.format:
        basis = {"official": "", "policy": " (the general rule for this kind of exam)",
                 "reported": " (as reported by third parties)"}[exam.format.duration_basis]
        facts.append(Fact(f"You have {exam.format.duration_minutes} minutes{basis}.", exam.format.source))
    score = catalog.policy("passing_score")
    facts.append(Fact(f"Passing score {score.values['score']} on a scale to {score.values['scale_max']} "
                      "(scaled, so not simply 70 % of the questions).", score.source))
    if exam.skills:
        top = ", ".join(f"{d.name} {d.weight_label}" for d in exam.skills.by_weight()[:3])
        facts.append(Fact(f"Main skill areas (as of {exam.skills.as_of.isoformat()}): {top}.", exam.skills.source))
    generic = {"none": "No programming is expected.",
               "scripting": "Expect scripting, queries or pipeline definitions, not application code.",
               "application": "Real application coding is expected."}[exam.coding.level]
    coding = exam.coding.note or generic
    facts.append(Fact(coding, exam.coding.source))
    return tuple(facts)


def study_background(profile: Profile) -> str:
    """Which study-hours estimate fits the person (knowledge base backgrounds)."""
    if profile.azure_experience == "extensive":
        return "experienced"
    if profile.azure_experience == "some":
        return "some_azure"
    if profile.current_role in NON_TECHNICAL_ROLES:
        return "newcomer"
    return "new_to_azure"


def held_and_active(code: str, profile: Profile, catalog: Catalog, today: date) -> bool:
    """Whether a held certification can still count (rule 3).

    Fundamentals never expire. The earned date is not known here, so a held certification counts as
    long as any holder's could: for a retired exam, until the latest expiry a renewal passed on the
    retirement day could give (retirement + renewal window + one year; advisor/certification_dates.py,
    rule 3), not one year after the retirement.
    """
    if not profile.holds(code) or not catalog.has_exam(code):
        return False
    return certification_standing(code, None, today, catalog).active


def role_label(value: Optional[str]) -> str:
    """The readable name of a role value ("devops_engineer" -> "DevOps engineer")."""
    return ROLE_LABELS.get(value or "other", value or "other")


def weeks_for(hours: Tuple[int, int], weekly_hours: float) -> Tuple[int, int]:
    """Weeks for a range of study hours at `weekly_hours` a week, with practice-test weeks."""
    per_week = weekly_hours * STUDY_EFFICIENCY
    return (math.ceil(hours[0] / per_week) + PRACTICE_WEEKS[0], math.ceil(hours[1] / per_week) + PRACTICE_WEEKS[1])
