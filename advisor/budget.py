""""My employer pays for one exam": the one paid attempt that unlocks most for the person's goal.

Plain Python (no Rasa import). The candidates are the recommendation's path (or, when the path is
done, the track's next steps and alternatives); never a retired or already-held exam. Each candidate
is scored on what passing it gives:

- it earns a certification by itself (no missing certification prerequisite): +3
- it is the goal of the track (a target step): +2
- each later exam on the path or the track's next steps that needs it as a prerequisite: +1
- it is an expert exam whose certification still needs a prerequisite the person lacks: -3 (the
  certification is only awarded once that is held too)
- it is an optional fundamentals exam: -2 (never a prerequisite, and cheap enough to pay yourself)
- it expects application code and the person rarely writes code: -2 (rule 5: an uphill battle now)

    pick = best_single_exam(profile, catalog, today)
    pick.code, pick.text, pick.facts, [c.code for c in pick.considered]
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import List, Optional, Tuple

from advisor.profile import Profile
from advisor.recommendation import Fact, Recommendation
from advisor.rules import held_and_active, recommend
from advisor.study_plan import price_fact, price_usd
from knowledge.catalog import Catalog, Exam

EARNS_CERTIFICATION = 3.0
IS_GOAL = 2.0
PER_UNLOCK = 1.0
CERTIFICATION_WITHHELD = -3.0
OPTIONAL_FUNDAMENTALS = -2.0
CODING_UPHILL = -2.0


@dataclass(frozen=True)
class Candidate:
    """One exam considered for the single paid attempt, with its score and what counted."""

    exam: Exam
    score: float
    points: Tuple[str, ...]
    against: Optional[str] = None  # the main point against it, if any

    @property
    def code(self) -> str:
        return self.exam.code

    @property
    def summary(self) -> str:
        """The point that decides most about it: what counts against it, else what it gives."""
        return self.against or self.points[0]


@dataclass(frozen=True)
class BudgetPick:
    """The exam to spend the one paid attempt on (None when nothing is left to take)."""

    exam: Optional[Exam]
    text: str
    reasons: Tuple[str, ...]
    considered: Tuple[Candidate, ...]  # best first
    price_usd: Optional[int]
    facts: Tuple[Fact, ...]

    @property
    def code(self) -> Optional[str]:
        return self.exam.code if self.exam else None

    @property
    def weak(self) -> bool:
        return any(f.weak for f in self.facts)


def _missing_prerequisite(exam: Exam, profile: Profile, catalog: Catalog, today: date) -> bool:
    """The exam's certification needs a prerequisite the person does not hold (and active)."""
    sets = exam.prerequisite_sets
    if not sets:
        return False
    return not any(all(held_and_active(code, profile, catalog, today) for code in option) for option in sets)


def _score(
    exam: Exam, rec: Recommendation, catalog: Catalog, later: List[str], optional: bool, is_goal: bool,
) -> Candidate:
    profile, today = rec.profile, rec.today
    score = 0.0
    points: List[str] = []
    against: Optional[str] = None
    withheld = _missing_prerequisite(exam, profile, catalog, today)
    also = [code for code in exam.certification_also_requires if not held_and_active(code, profile, catalog, today)]
    if withheld or also:
        score += CERTIFICATION_WITHHELD
        options = " or ".join(" + ".join(o) for o in exam.prerequisite_sets) if withheld else " + ".join(also)
        against = (f"passing {exam.code} alone does not earn the {exam.certification} certification: "
                   f"it also needs {options}, which you don't hold yet")
        points.append(against)
    else:
        score += EARNS_CERTIFICATION
        points.append(f"passing {exam.code} earns the {exam.certification} certification by itself")
    if is_goal:
        score += IS_GOAL
        points.append(f"it is the goal of your {rec.track.title} track")
    unlocks = [code for code in later if any(exam.code in option for option in catalog.exam(code).prerequisite_sets)]
    if unlocks:
        score += PER_UNLOCK * len(unlocks)
        points.append(f"it is the prerequisite for {', '.join(unlocks)}")
    if optional or exam.level == "fundamentals":
        score += OPTIONAL_FUNDAMENTALS
        against = f"{exam.code} is an optional fundamentals exam and never a prerequisite"
        points.append(against)
    if exam.coding.level == "application" and profile.coding_comfort == "low":
        score += CODING_UPHILL
        against = (f"{exam.code} expects application code and you rarely write code yet, so it would be an "
                   "uphill battle right now")
        points.append(against)
    return Candidate(exam, score, tuple(points), against)


def best_single_exam(
    profile: Profile, catalog: Catalog, today: date, rec: Optional[Recommendation] = None,
) -> BudgetPick:
    """The one exam that unlocks most for the person's goal, with reasons, the others considered and
    the facts used (price, prerequisites, fundamentals policy, free practice assessments)."""
    rec = rec if rec is not None else recommend(profile, catalog, today)
    track = rec.track
    targets = {step.exam for step in track.steps if step.kind == "target"}
    pool: List[Tuple[Exam, bool, bool]] = [  # (exam, optional, is goal)
        (step.exam, step.optional, step.kind == "target" or step.code in targets) for step in rec.steps
    ]
    from_next = not pool
    if from_next:
        codes = list(dict.fromkeys(list(track.next) + [a.exam for a in track.alternatives]))
        pool = [(catalog.exam(code), False, False) for code in codes]
    pool = [(exam, optional, goal) for exam, optional, goal in pool
            if not exam.is_retired_on(today) and not held_and_active(exam.code, profile, catalog, today)]

    path_codes = [exam.code for exam, _, _ in pool]
    candidates: List[Candidate] = []
    for position, (exam, optional, goal) in enumerate(pool):
        later = path_codes[position + 1:] + [c for c in track.next if c not in path_codes]
        later = [c for c in dict.fromkeys(later) if catalog.has_exam(c) and not catalog.exam(c).is_retired_on(today)]
        candidates.append(_score(exam, rec, catalog, later, optional, goal))
    ranked = sorted(enumerate(candidates), key=lambda item: (-item[1].score, item[0]))
    considered = tuple(candidate for _, candidate in ranked)

    price = price_fact(catalog)
    practice = catalog.policy("practice_assessments")
    if not considered:
        return BudgetPick(None, "You already hold everything on your path and its next steps, so there is no exam "
                          "left for the paid attempt; renewal is free.", (), (), None,
                          (Fact(catalog.policy("renewal").statement, catalog.policy("renewal").source),))

    best = considered[0]
    exam = best.exam
    reasons = list(best.points)
    facts: List[Fact] = [Fact(f"{exam.code} earns the {exam.certification} certification ({exam.level} level).",
                              exam.status.source)]
    if exam.prerequisites:
        facts.append(Fact(exam.prerequisites.note or f"{exam.code} prerequisites", exam.prerequisites.source))
    first = rec.steps[0] if rec.steps else None
    if first is not None and first.code != exam.code and not first.optional:
        reasons.append(f"study for {first.code} first if you need its foundation (Microsoft Learn is free), "
                       f"but spend the paid attempt on {exam.code}")
    if any(c.exam.level == "fundamentals" for c in considered[1:]):
        policy = catalog.policy("fundamentals_not_prerequisite")
        facts.append(Fact(policy.statement, policy.source))
    for candidate in considered:
        if candidate.against and "uphill" in candidate.against:
            facts.append(Fact(candidate.exam.coding.note or f"{candidate.code} expects application code.",
                              candidate.exam.coding.source))
    if from_next:
        reasons.insert(0, f"you already hold your {track.title} path, so this is the best next step")
    reasons.append("use the free practice assessment until you score well before you book the one paid attempt")
    facts += [Fact(practice.statement, practice.source), price]
    others = "; ".join(f"{c.code}: {c.summary}" for c in considered[1:])
    text = (f"Spend it on {exam.label}: " + "; ".join(reasons) + "."
            + (f" Also considered: {others}." if others else "")
            + f" One attempt costs about {price_usd(exam, catalog)} USD in the US; prices vary by country.")
    return BudgetPick(exam, text, tuple(reasons), considered, price_usd(exam, catalog), tuple(facts))
