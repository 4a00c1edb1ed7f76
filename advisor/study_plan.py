"""Study time and study plans from the knowledge base: how long an exam takes someone, a week-by-week
plan weighted by the exam's skill domains, and the whole path's time and cost.

Plain Python (no Rasa import); every function takes the catalog and the date explicitly and returns
the facts it used with their `Source`, so answers can cite them and say when one is weak.

    estimate = estimate_study_time("AZ-104", profile, catalog, today, weekly_hours=5)
    estimate.hours, estimate.weeks                  # (60, 100), (16, 27)
    plan = make_study_plan("AZ-104", profile, catalog, today, weeks=6, weekly_hours=8)
    [w.label for w in plan.weeks], plan.too_short
    totals = path_totals(recommend(profile, catalog, today), catalog)
    totals.hours, totals.weeks, totals.cost_usd, totals.caveat
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any, List, Optional, Tuple, Union

from advisor.profile import Profile
from advisor.recommendation import Fact, Recommendation
from advisor.rules import STUDY_EFFICIENCY, study_background, weeks_for
from knowledge.catalog import Catalog, Exam, SkillDomain
from knowledge.vocabulary import MAX_WEEKLY_HOURS
from presentation.formats import span

# More than this many hours a week is full-time study: a plan that needs more is too short.
FULL_TIME_HOURS = 40.0
# Plans of at least this many weeks keep one week in reserve (plus one per ten weeks).
BUFFER_FROM_WEEKS = 5
BACKGROUND_LABELS = {  # "someone …"
    "experienced": "with real hands-on Azure experience in this area",
    "some_azure": "with some Azure experience",
    "new_to_azure": "from IT who is new to Azure",
    "newcomer": "new to IT",
}

ExamRef = Union[str, Exam]


class StudyPlanError(ValueError):
    """No estimate or plan can be made: retired exam, no study-hours data, or no time given.

    `code` names the exam; `successor` is the exam to take instead when it is retired.
    """

    def __init__(self, message: str, code: Optional[str] = None, successor: Optional[str] = None) -> None:
        super().__init__(message)
        self.code = code
        self.successor = successor


@dataclass(frozen=True)
class StudyEstimate:
    """Typical study time for one exam and one person."""

    exam: Exam
    background: str  # a key of the exam's study_hours (knowledge.vocabulary.BACKGROUNDS)
    hours: Tuple[int, int]
    weekly_hours: Optional[float]
    weeks: Optional[Tuple[int, int]]  # with practice-test weeks, as the recommendation counts them (rules.weeks_for)
    facts: Tuple[Fact, ...]

    @property
    def background_label(self) -> str:
        return BACKGROUND_LABELS.get(self.background, self.background)

    @property
    def weak(self) -> bool:
        """The study-hours estimate rests on weak evidence (always an estimate, never official)."""
        return any(f.weak for f in self.facts)


@dataclass(frozen=True)
class TopicSlot:
    """Part of a week spent on one skill domain."""

    domain: SkillDomain
    hours: float


@dataclass(frozen=True)
class PlanWeek:
    """One week of a plan. kind: `study`, `buffer` or `review`."""

    number: int
    kind: str
    topics: Tuple[TopicSlot, ...]
    hours: float
    checkpoint: Optional[str] = None

    @property
    def label(self) -> str:
        """`Week 1: Manage Azure identities and governance (5 h); practice assessment: baseline`."""
        if self.kind == "buffer":
            body = "buffer: catch up on whatever slipped, revisit your weakest domain"
        elif self.kind == "review":
            body = "final review: weakest domains, hands-on labs, exam-day logistics"
        else:
            body = ", ".join(f"{slot.domain.name} ({slot.hours:.1f} h)".replace(".0 h", " h") for slot in self.topics)
        text = f"Week {self.number}: {body}"
        return f"{text}; {self.checkpoint}" if self.checkpoint else text


@dataclass(frozen=True)
class StudyPlan:
    """A week-by-week plan for one exam."""

    exam: Exam
    estimate: StudyEstimate
    weeks: Tuple[PlanWeek, ...]
    weekly_hours: float
    weekly_hours_given: bool  # False when derived from the weeks until the exam
    available_hours: float  # effective study hours before the review week
    too_short: bool  # the time available is below the low end of the estimate
    tight: bool  # below the middle of the estimate (fine only for the quickest learners)
    suggested_weeks: int  # weeks this person would need at this weekly time (middle of the estimate)
    suggested_weekly_hours: float  # weekly hours needed to fit the middle of the estimate in these weeks
    warnings: Tuple[str, ...]
    facts: Tuple[Fact, ...]

    @property
    def total_weeks(self) -> int:
        return len(self.weeks)

    @property
    def weak(self) -> bool:
        return any(f.weak for f in self.facts)


@dataclass(frozen=True)
class PathStepTotal:
    """Time and price of one exam on a path."""

    exam: Exam
    optional: bool
    hours: Optional[Tuple[int, int]]
    weeks: Optional[Tuple[int, int]]
    price_usd: int


@dataclass(frozen=True)
class PathTotals:
    """The whole path's study time and exam cost."""

    steps: Tuple[PathStepTotal, ...]
    background: str
    weekly_hours: Optional[float]
    hours: Tuple[int, int]
    weeks: Optional[Tuple[int, int]]
    cost_usd: int  # every exam on the path, one attempt each
    required_cost_usd: int  # without optional steps
    caveat: str  # the price policy's statement: prices vary by country or region
    facts: Tuple[Fact, ...]

    @property
    def weak(self) -> bool:
        return any(f.weak for f in self.facts)


# -- helpers -------------------------------------------------------------------------------

def _exam(ref: ExamRef, catalog: Catalog) -> Exam:
    return ref if isinstance(ref, Exam) else catalog.exam(ref)


def _available(exam: Exam, catalog: Catalog, today: date) -> None:
    if exam.is_retired_on(today):
        successor = catalog.current_successor(exam.code, today)
        when = exam.status.retirement_date.isoformat() if exam.status.retirement_date else "earlier"
        instead = f"; {successor.code} is the exam to take instead" if successor else ""
        raise StudyPlanError(f"{exam.code} retired on {when}{instead}.", exam.code,
                             successor.code if successor else None)


def _check_hours(weekly_hours: Optional[float], what: str = "weekly hours") -> Optional[float]:
    if weekly_hours is None:
        return None
    if not 0 < weekly_hours <= MAX_WEEKLY_HOURS:
        raise StudyPlanError(f"{what} must be more than 0 and at most {MAX_WEEKLY_HOURS:g}, not {weekly_hours:g}.")
    return float(weekly_hours)


def price_usd(exam: Exam, catalog: Catalog) -> int:
    """The reported US price of one attempt (price policy: fundamentals vs role-based)."""
    key = "fundamentals_usd" if exam.level == "fundamentals" else "role_based_usd"
    return int(catalog.policy_value("price", key))


def price_fact(catalog: Catalog) -> Fact:
    """The price policy as a fact (it says prices vary by country and is weak evidence)."""
    policy = catalog.policy("price")
    return Fact(policy.statement, policy.source)


# -- (a) how long ----------------------------------------------------------------------------

def estimate_study_time(
    exam: ExamRef, profile: Profile, catalog: Catalog, today: date, weekly_hours: Optional[float] = None,
) -> StudyEstimate:
    """Typical study hours for the person's background (the recommendation's rule 8) and, with weekly
    hours (given, else the profile's), the weeks it takes including practice-test weeks."""
    found = _exam(exam, catalog)
    _available(found, catalog, today)
    if found.study_hours is None:
        raise StudyPlanError(f"The knowledge base has no study-time estimate for {found.code}.", found.code)
    background = study_background(profile)
    hours = found.study_hours.for_background(background)
    per_week = _check_hours(weekly_hours if weekly_hours is not None else profile.weekly_hours)
    weeks = weeks_for(hours, per_week) if per_week else None
    label = BACKGROUND_LABELS.get(background, background)
    text = (f"For someone {label}, {found.code} typically takes {span(hours, 'hours')} of focused study"
            + (f". {found.study_hours.note}" if found.study_hours.note else "."))
    return StudyEstimate(found, background, hours, per_week, weeks, (Fact(text, found.study_hours.source),))


# -- (b) week-by-week ------------------------------------------------------------------------

def _buffer_weeks(total_weeks: int) -> int:
    return 0 if total_weeks < BUFFER_FROM_WEEKS else 1 + (total_weeks - BUFFER_FROM_WEEKS) // 10


def _layout(total_weeks: int) -> Tuple[int, int, int]:
    """(study weeks, buffer weeks, review weeks) for a plan of `total_weeks`."""
    review = 1 if total_weeks >= 2 else 0
    buffer = _buffer_weeks(total_weeks)
    return total_weeks - review - buffer, buffer, review


def _allocate(domains: Tuple[SkillDomain, ...], study_weeks: int, weekly_hours: float) -> List[List[TopicSlot]]:
    """Lay the domains end to end over the study weeks, each taking a share of the time proportional
    to the middle of its weight range. Boundaries snap to half weeks (quarter weeks or finer when there
    are more domains than weeks), so a week never holds a sliver of a domain."""
    if study_weeks <= 0 or not domains:
        return []
    per_week_units = 2 if study_weeks >= len(domains) else 4 * math.ceil(len(domains) / study_weeks)
    units = study_weeks * per_week_units
    mids = [(d.weight_low + d.weight_high) / 2 for d in domains]
    total = sum(mids) or 1.0
    ends: List[int] = []
    cumulative = 0.0
    for position, mid in enumerate(mids):
        cumulative += mid
        end = round(cumulative / total * units)
        previous = ends[-1] if ends else 0
        end = max(end, previous + 1)  # every domain gets some time
        end = min(end, units - (len(domains) - 1 - position))  # and leaves some for the rest
        ends.append(end)
    ends[-1] = units
    counts: List[List[List[Any]]] = [[] for _ in range(study_weeks)]  # per week: [domain, units]
    start = 0
    for domain, end in zip(domains, ends, strict=True):
        for unit in range(start, end):
            week = counts[unit // per_week_units]
            if week and week[-1][0] == domain:
                week[-1][1] += 1
            else:
                week.append([domain, 1])
        start = end
    return [[TopicSlot(domain, round(n * weekly_hours / per_week_units, 1)) for domain, n in week] for week in counts]


def _weeks_needed(hours: float, weekly_hours: float) -> int:
    """Plan length for `hours` of study at `weekly_hours`: study weeks, a review week, and buffer."""
    total = math.ceil(hours / (weekly_hours * STUDY_EFFICIENCY)) + 1
    return total + _buffer_weeks(total)


def make_study_plan(
    exam: ExamRef,
    profile: Profile,
    catalog: Catalog,
    today: date,
    weeks: Optional[int] = None,
    weekly_hours: Optional[float] = None,
) -> StudyPlan:
    """A week-by-week plan: study weeks follow the exam's skill domains in proportion to their weights,
    then a buffer week (plans of five weeks or more) and a final review week, with free practice
    assessments as checkpoints (baseline in week 1, halfway, and in the review week).

    Give the weeks until the exam, the weekly hours, or both (weekly hours default to the profile's).
    With only weekly hours, the plan is as long as the middle of the estimate needs; with only weeks,
    the weekly hours are what the middle of the estimate needs. `too_short` flags a plan whose effective
    study time is below the low end of the estimate.
    """
    estimate = estimate_study_time(exam, profile, catalog, today, weekly_hours)
    found = estimate.exam
    if found.skills is None or not found.skills.domains:
        raise StudyPlanError(f"The knowledge base has no skill domains for {found.code}.", found.code)
    if weeks is not None and weeks < 1:
        raise StudyPlanError(f"A plan needs at least one week, not {weeks}.", found.code)
    per_week = _check_hours(weekly_hours if weekly_hours is not None else profile.weekly_hours)
    given = per_week is not None
    low, high = estimate.hours
    middle = (low + high) / 2
    if weeks is None:
        if per_week is None:
            raise StudyPlanError("Tell me the weeks until your exam or the hours a week you can study.", found.code)
        total = _weeks_needed(middle, per_week)
    else:
        total = weeks
    study_weeks, buffer, review = _layout(total)
    working_weeks = study_weeks + buffer or total  # weeks before the review week
    needed_weekly = math.ceil(middle / (working_weeks * STUDY_EFFICIENCY) * 2) / 2
    if per_week is None:
        per_week = min(needed_weekly, MAX_WEEKLY_HOURS)
    available = working_weeks * per_week * STUDY_EFFICIENCY
    suggested_weeks = _weeks_needed(middle, per_week)
    too_short = available < low or (not given and needed_weekly > FULL_TIME_HOURS)
    tight = not too_short and available < middle

    slots = _allocate(found.skills.domains, study_weeks, per_week)
    checkpoints = {1: "practice assessment: take it once as a baseline to see where you stand"}
    if study_weeks >= 4:
        checkpoints[math.ceil(study_weeks / 2) + 1] = "practice assessment checkpoint: compare with your baseline"
    plan_weeks: List[PlanWeek] = []
    for index in range(total):
        number = index + 1
        if index < study_weeks:
            kind, topics = "study", tuple(slots[index])
        elif index < study_weeks + buffer:
            kind, topics = "buffer", ()
        else:
            kind, topics = "review", ()
        checkpoint = checkpoints.get(number)
        if kind == "review":
            checkpoint = "practice assessment: take it again and book the exam when you score well"
        plan_weeks.append(PlanWeek(number, kind, topics, per_week, checkpoint))
    if total == 1:  # one week: study everything and practise in the same week
        only = plan_weeks[0]
        plan_weeks[0] = PlanWeek(1, "study", only.topics, per_week,
                                 "practice assessment: at the start and again at the end of the week")

    practice = catalog.policy("practice_assessments")
    warnings: List[str] = []
    if too_short:
        warnings.append(
            f"This is too short for {found.code}: about {available:.0f} effective hours against the "
            f"{low}–{high} hours it typically takes someone {estimate.background_label}. "
            + (f"At {per_week:g} h a week, plan on about {suggested_weeks} weeks, or move the exam date."
               if given else f"It would need about {needed_weekly:g} h a week; consider a later date.")
        )
    elif tight:
        warnings.append(
            f"This is tight: about {available:.0f} effective hours, below the middle of the {low}–{high} "
            f"hour estimate; about {needed_weekly:g} h a week would be comfortable."
        )
    if found.status_on(today) == "beta":
        warnings.append(f"{found.code} is in beta: its free practice assessment may not be published yet "
                        "(usually within about eight weeks after the beta).")
    if found.is_retiring_on(today) and found.status.retirement_date:
        warnings.append(f"{found.code} retires on {found.status.retirement_date.isoformat()}: book it before then.")
    skills = found.skills
    facts = estimate.facts + (
        Fact(f"Skills measured as of {skills.as_of.isoformat()}: "
             + "; ".join(f"{d.name} {d.weight_label}" for d in skills.domains) + ".", skills.source),
        Fact(practice.statement, practice.source),
        Fact(f"Exam fee: about {price_usd(found, catalog)} USD in the United States; prices vary by country or "
             "region.", catalog.policy("price").source),  # "Time and cost" asks for both
    )
    return StudyPlan(
        exam=found, estimate=estimate, weeks=tuple(plan_weeks), weekly_hours=per_week, weekly_hours_given=given,
        available_hours=round(available, 1), too_short=too_short, tight=tight, suggested_weeks=suggested_weeks,
        suggested_weekly_hours=needed_weekly, warnings=tuple(warnings), facts=facts,
    )


# -- (c) the whole path ----------------------------------------------------------------------

def path_totals(rec: Recommendation, catalog: Catalog, weekly_hours: Optional[float] = None) -> PathTotals:
    """Hours, weeks and exam cost of a recommendation's path (one attempt per exam, US prices with the
    "varies by country" caveat). Held exams are not on the path, so they cost nothing here."""
    per_week = _check_hours(weekly_hours if weekly_hours is not None else rec.profile.weekly_hours)
    background = study_background(rec.profile)
    steps: List[PathStepTotal] = []
    facts: List[Fact] = []
    for step in rec.steps:
        exam = step.exam
        _available(exam, catalog, rec.today)
        hours = exam.study_hours.for_background(background) if exam.study_hours else None
        weeks = weeks_for(hours, per_week) if hours and per_week else None
        steps.append(PathStepTotal(exam, step.optional, hours, weeks, price_usd(exam, catalog)))
        if exam.study_hours:
            facts.append(Fact(f"{exam.code}: {span(hours, 'h')} of study" if hours else exam.code,
                              exam.study_hours.source))
    price = catalog.policy("price")
    facts.append(Fact(price.statement, price.source))
    hours_total = (sum(s.hours[0] for s in steps if s.hours), sum(s.hours[1] for s in steps if s.hours))
    weeks_total = None
    if per_week:
        weeks_total = (sum(s.weeks[0] for s in steps if s.weeks), sum(s.weeks[1] for s in steps if s.weeks))
    return PathTotals(
        steps=tuple(steps), background=background, weekly_hours=per_week, hours=hours_total, weeks=weeks_total,
        cost_usd=sum(s.price_usd for s in steps),
        required_cost_usd=sum(s.price_usd for s in steps if not s.optional),
        caveat=price.statement, facts=tuple(facts),
    )
