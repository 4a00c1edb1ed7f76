"""The facts that answer a question about one exam or about the certification rules, from the knowledge base.

Every statement is a `Fact` built from a catalog field or policy, with its source. What a question can
ask (`ASPECTS`) and which facts answer each aspect live here; how the answer is worded and laid out is
`presentation/exam_replies.py`. Plain Python, no Rasa.
"""

from __future__ import annotations

from datetime import date
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from advisor.profile import Profile
from advisor.recommendation import Fact
from advisor.rules import study_background, weeks_for
from knowledge.catalog import Catalog, Exam
from presentation.formats import per_week, span

# What a question can ask about (the values of the `exam_aspect` entity), in the order answers list them.
ASPECTS: Tuple[str, ...] = (
    "overview", "status", "passing_score", "duration", "questions", "price", "skills", "coding",
    "prerequisites", "experience", "study_time", "link", "renewal", "validity", "retakes", "delivery",
    "learn_access", "language", "format", "reschedule", "preparation",
)
# Aspects that are general rules: answerable without naming an exam.
RULE_ASPECTS: Tuple[str, ...] = (
    "passing_score", "duration", "questions", "price", "renewal", "validity", "retakes", "delivery",
    "learn_access", "language", "format", "reschedule", "preparation",
)
BACKGROUND_LABELS: Dict[str, str] = {
    "experienced": "with real hands-on Azure experience in this area",
    "some_azure": "with some Azure experience",
    "new_to_azure": "as an IT professional new to Azure",
    "newcomer": "if you are new to IT",
}
CODING_LEVELS: Dict[str, str] = {
    "none": "No programming is expected.",
    "scripting": "Expect scripting, queries or pipeline definitions, not application code.",
    "application": "Real application coding is expected.",
}
DURATION_BASIS: Dict[str, str] = {
    "official": "",
    "policy": " (the general rule for this kind of exam)",
    "reported": " (as reported by third parties)",
}


def normalise_aspects(values: Sequence[str]) -> Tuple[str, ...]:
    """Known aspects in answer order, without duplicates; "overview" only when nothing more specific was asked."""
    asked = [value for value in ASPECTS if value in set(values)]
    specific = [value for value in asked if value != "overview"]
    return tuple(specific or asked)


def _missing(exam: Exam, what: str) -> Fact:
    """Say plainly that the knowledge base lacks a fact, and where the official answer is."""
    return Fact(f"I have no checked {what} for {exam.code}; the official page has it: {exam.learn_url}",
                exam.status.source)


def policy_fact(catalog: Catalog, key: str) -> Fact:
    """A general certification rule as a fact, with its source."""
    policy = catalog.policy(key)
    return Fact(" ".join(policy.statement.split()), policy.source)


def _status_facts(exam: Exam, catalog: Catalog, today: date) -> List[Fact]:
    status = exam.status_on(today)
    source = exam.status.source
    if status == "retired":
        when = exam.status.retirement_date
        since = f" since {when.isoformat()} (the last day it could be taken)" if when else ""
        facts = [Fact(f"{exam.code} is retired{since}. It can no longer be taken.", source)]
        replaced_by = catalog.exam(exam.status.successor) if exam.status.successor else None
        successor = catalog.current_successor(exam.code, today)
        if replaced_by is not None:
            facts.append(Fact(f"It was replaced by {replaced_by.label}.", source))
        if successor is not None:
            facts.append(Fact(f"What to study now: {successor.label}.", successor.status.source))
        facts.append(policy_fact(catalog, "retirement"))
        facts.append(policy_fact(catalog, "no_conversion"))
        return facts
    if status == "retiring":
        last_day = exam.status.retirement_date.isoformat() if exam.status.retirement_date else "a set date"
        facts = [Fact(f"{exam.code} is still available, but retires after {last_day}.", source)]
        if exam.status.successor:
            facts.append(Fact(f"Its successor is {catalog.exam(exam.status.successor).label}.", source))
        return facts
    if status == "beta":
        return [Fact(f"{exam.code} is in beta: it can be taken, but beta exams can be taken only once and "
                     "results come later.", source)]
    return [Fact(f"{exam.code} is available (active) as of {today.isoformat()}; no retirement is announced.", source)]


def _duration_facts(exam: Exam, catalog: Catalog) -> List[Fact]:
    if exam.format is None:
        return [policy_fact(catalog, "exam_duration")]
    basis = DURATION_BASIS[exam.format.duration_basis]
    return [Fact(f"You have {exam.format.duration_minutes} minutes for {exam.code}{basis}.", exam.format.source),
            policy_fact(catalog, "exam_duration")]


def _price_facts(exam: Exam, catalog: Catalog) -> List[Fact]:
    price = catalog.policy("price")
    key = "fundamentals_usd" if exam.level == "fundamentals" else "role_based_usd"
    article = "an" if exam.level[0] in "aeiou" else "a"
    return [Fact(f"{exam.code} is {article} {exam.level} exam: about {price.values[key]} USD in the United States. "
                 "Prices vary by country or region, so check the price when you book.", price.source)]


def _skills_facts(exam: Exam) -> List[Fact]:
    if exam.skills is None:
        return [_missing(exam, "skills outline")]
    facts = [Fact(f"Skills measured as of {exam.skills.as_of.isoformat()}:", exam.skills.source)]
    facts += [Fact(f"{domain.name}: {domain.weight_label}", exam.skills.source) for domain in exam.skills.by_weight()]
    if exam.skills.note:
        facts.append(Fact(f"Note: {exam.skills.note}", exam.skills.source))
    return facts


def _coding_facts(exam: Exam) -> List[Fact]:
    facts = [Fact(CODING_LEVELS[exam.coding.level], exam.coding.source)]
    if exam.coding.note:
        facts.append(Fact(exam.coding.note, exam.coding.source))
    return facts


def _prerequisite_facts(exam: Exam, catalog: Catalog) -> List[Fact]:
    facts: List[Fact] = []
    source = exam.prerequisites.source if exam.prerequisites else exam.status.source
    if exam.prerequisite_sets:
        options = " or ".join(" + ".join(catalog.exam(code).label for code in codes)
                              for codes in exam.prerequisite_sets)
        facts.append(Fact(f"The {exam.certification} certification requires: {options}.", source))
    else:
        facts.append(Fact(f"{exam.code} has no formal prerequisite.", source))
    if exam.prerequisites and exam.prerequisites.note:
        facts.append(Fact(exam.prerequisites.note, source))
    if exam.level != "fundamentals":
        facts.append(policy_fact(catalog, "fundamentals_not_prerequisite"))
    return facts


def _study_time_facts(exam: Exam, profile: Optional[Profile]) -> List[Fact]:
    if exam.study_hours is None:
        return [_missing(exam, "study-time estimate")]
    source = exam.study_hours.source
    facts: List[Fact] = []
    if profile is not None and (profile.azure_experience or profile.current_role):
        background = study_background(profile)
        low, high = exam.study_hours.for_background(background)
        text = f"About {span((low, high), 'hours')} of study {BACKGROUND_LABELS.get(background, '')}".rstrip() + "."
        if profile.weekly_hours:
            weeks = weeks_for((low, high), profile.weekly_hours)
            text += f" At {per_week(profile.weekly_hours)} that is roughly {span(weeks, 'weeks')}."
        facts.append(Fact(text, source))
    else:
        facts += [Fact(f"{span((low, high), 'hours')} {BACKGROUND_LABELS.get(name, name)}.", source)
                  for name, low, high in exam.study_hours.ranges]
    if exam.study_hours.note:
        facts.append(Fact(exam.study_hours.note, source))
    return facts


def _validity_facts(exam: Exam, catalog: Catalog) -> List[Fact]:
    policy = catalog.policy("validity")
    if exam.level == "fundamentals":
        return [Fact(f"{exam.certification} is a fundamentals certification: it does not expire.", policy.source)]
    years = policy.values["role_based_years"]
    return [Fact(f"{exam.certification} is valid for {years} year from the date you complete all requirements; "
                 "renew it for free before it expires.", policy.source), policy_fact(catalog, "renewal")]


def _renewal_facts(exam: Exam, catalog: Catalog, today: date) -> List[Fact]:
    if exam.level == "fundamentals":
        return _validity_facts(exam, catalog)
    if exam.is_retired_on(today):
        return [policy_fact(catalog, "retirement"), policy_fact(catalog, "renewal")]
    return [policy_fact(catalog, "renewal")]


def _learn_access_facts(exam: Exam, catalog: Catalog) -> List[Fact]:
    policy = catalog.policy("learn_access")
    allowed = policy.values["fundamentals" if exam.level == "fundamentals" else "role_based"]
    verdict = "allows" if allowed else "does not allow"
    return [Fact(f"{exam.code} ({exam.level}) {verdict} Microsoft Learn during the exam.", policy.source),
            policy_fact(catalog, "learn_access")]


def _language_facts(exam: Exam, catalog: Catalog) -> List[Fact]:
    facts: List[Fact] = []
    if exam.format is not None and exam.format.languages:
        count = exam.format.languages
        facts.append(Fact(f"{exam.code} is offered in {count} language{'' if count == 1 else 's'}.",
                          exam.format.source))
    facts.append(policy_fact(catalog, "language_accommodation"))
    return facts


def _overview_facts(exam: Exam, catalog: Catalog, today: date, profile: Optional[Profile]) -> List[Fact]:
    facts = [Fact(f"{exam.code} earns the {exam.certification} certification ({exam.level} level).",
                  exam.status.source),
             Fact(f"Who it is for: {' '.join(exam.audience.split())}", exam.status.source)]
    if not exam.is_retired_on(today):  # a retired exam's status is answered first, on its own
        facts += _status_facts(exam, catalog, today)[:2]
    facts += _duration_facts(exam, catalog)[:1]
    facts.append(Fact(CODING_LEVELS[exam.coding.level], exam.coding.source))
    if exam.prerequisite_sets:
        facts += _prerequisite_facts(exam, catalog)[:1]
    if exam.study_hours is not None and profile is not None and (profile.azure_experience or profile.current_role):
        facts += _study_time_facts(exam, profile)[:1]
    facts.append(Fact(f"Official page: {exam.learn_url}", None))
    return facts


def exam_facts_for(aspect: str, exam: Exam, catalog: Catalog, today: date, profile: Optional[Profile]) -> List[Fact]:
    """The facts that answer one aspect of a question about one exam."""
    builders: Dict[str, Callable[[], List[Fact]]] = {
        "overview": lambda: _overview_facts(exam, catalog, today, profile),
        "status": lambda: _status_facts(exam, catalog, today),
        "passing_score": lambda: [policy_fact(catalog, "passing_score")],
        "duration": lambda: _duration_facts(exam, catalog),
        "questions": lambda: [policy_fact(catalog, "questions")],
        "price": lambda: _price_facts(exam, catalog),
        "skills": lambda: _skills_facts(exam),
        "coding": lambda: _coding_facts(exam),
        "prerequisites": lambda: _prerequisite_facts(exam, catalog),
        "experience": lambda: ([Fact(exam.recommended_experience.text, exam.recommended_experience.source)]
                               if exam.recommended_experience else
                               [_missing(exam, "recommended experience")]),
        "study_time": lambda: _study_time_facts(exam, profile),
        "link": lambda: [Fact(f"Official page: {exam.learn_url}", exam.status.source)],
        "renewal": lambda: _renewal_facts(exam, catalog, today),
        "validity": lambda: _validity_facts(exam, catalog),
        "retakes": lambda: [policy_fact(catalog, "retakes")],
        "delivery": lambda: [policy_fact(catalog, "delivery")],
        "learn_access": lambda: _learn_access_facts(exam, catalog),
        "language": lambda: _language_facts(exam, catalog),
        "format": lambda: [policy_fact(catalog, "question_types")] + _duration_facts(exam, catalog)[:1],
        "reschedule": lambda: [policy_fact(catalog, "reschedule")],
        "preparation": lambda: [policy_fact(catalog, "free_preparation"), policy_fact(catalog, "practice_assessments"),
                                Fact(f"Official page, with the study guide and practice assessment: {exam.learn_url}",
                                     exam.status.source)],
    }
    return builders[aspect]()


RULE_POLICIES: Dict[str, Tuple[str, ...]] = {
    "passing_score": ("passing_score",), "duration": ("exam_duration",), "questions": ("questions",),
    "price": ("price",), "renewal": ("renewal",), "validity": ("validity", "renewal"),
    "retakes": ("retakes",), "delivery": ("delivery",), "learn_access": ("learn_access",),
    "language": ("language_accommodation",), "format": ("question_types", "exam_duration"),
    "reschedule": ("reschedule",), "preparation": ("free_preparation", "practice_assessments"),
}


def is_rule_question(aspects: Sequence[str]) -> bool:
    """Every aspect asked is a general rule (answerable without an exam)."""
    asked = normalise_aspects(aspects)
    return bool(asked) and all(aspect in RULE_ASPECTS for aspect in asked)


def rule_facts(aspect: str, catalog: Catalog) -> List[Fact]:
    """The facts that answer a question about a general certification rule (no exam named)."""
    return [policy_fact(catalog, key) for key in RULE_POLICIES.get(aspect, ())]
