"""After a failed exam: when it can be sat again (the knowledge base's retake policy) and a plan for the weak areas.

Plain Python, no Rasa. The waiting times and the yearly limit are the `retakes` policy in
`knowledge/policies.yml` (with its source and check date), never numbers written here. Stated rules:
- the attempt that failed is the person's first unless they failed this exam before (`earlier_failures`) or
  say "again"; after a first failure the wait is `first_wait_hours`, after later ones `later_wait_days`;
- weak areas are the exam's skill domains (`knowledge/exams/<CODE>.yml`) whose words the person used
  ("the networking part killed me" → "Implement and manage virtual networking"), a word matching when it
  starts with the same five letters ("identity" finds "identities");
- the retake plan runs `PLAN_WEEKS` weeks at the person's weekly hours; every domain keeps its share, and a
  weak domain counts `WEAK_FACTOR` times its weight, so most of the time goes where the score report was low.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import List, Optional, Sequence, Tuple

from advisor.recommendation import Fact
from knowledge.catalog import Catalog, Exam, SkillDomain
from presentation.compose import compose
from presentation.reply import Reply

PLAN_WEEKS = 2
WEAK_FACTOR = 3.0
DEFAULT_WEEKLY_HOURS = 5.0  # when the person never said (stated in the answer)
# Words in domain names that say nothing about the subject.
_STOP = frozenset("implement implementing manage managing and the for with design designing deploy deploying "
                  "plan planning configure configuring develop developing create creating secure securing "
                  "monitor monitoring maintain maintaining azure microsoft solutions solution resources of "
                  "an a to in on".split())
# What people call a domain when the domain's own words are not used.
_ALIASES = {
    "network": ("vnet", "vnets", "subnet", "subnets", "dns", "vpn", "firewall", "peering", "load balanc", "nsg"),
    "identit": ("entra", "rbac", "role", "roles", "users", "groups", "policy", "policies", "governance", "iam"),
    "storag": ("blob", "blobs", "files", "storage account"),
    "comput": ("vm", "vms", "virtual machine", "virtual machines", "containers", "app service", "aks"),
    "monito": ("backup", "backups", "alerts", "log analytics", "monitor", "monitoring"),
}


_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth"}


@dataclass(frozen=True)
class RetakeRule:
    """When the next attempt can be sat."""

    attempt: int  # the attempt that failed: 1 for the first
    earliest: date
    wait: str  # "24 hours" or "14 days"
    max_per_year: int
    source: Fact


@dataclass(frozen=True)
class DomainHours:
    domain: SkillDomain
    weak: bool
    hours_per_week: float


def retake_rule(failed_on: date, attempt: int, catalog: Catalog) -> RetakeRule:
    """The earliest next attempt after failing attempt number `attempt` on `failed_on`."""
    policy = catalog.policy("retakes")
    first_hours = int(policy.values["first_wait_hours"])
    later_days = int(policy.values["later_wait_days"])
    if attempt <= 1:
        earliest = failed_on + timedelta(days=max(1, -(-first_hours // 24)))
        wait = f"{first_hours} hours"
    else:
        earliest = failed_on + timedelta(days=later_days)
        wait = f"{later_days} days"
    fact = Fact(" ".join(policy.statement.split()), policy.source)
    return RetakeRule(attempt, earliest, wait, int(policy.values["max_attempts_per_year"]), fact)


def _stems(text: str) -> List[str]:
    return [word[:5] for word in re.findall(r"[a-z]+", text.lower()) if word not in _STOP and len(word) >= 4]


def weak_domains(exam: Exam, text: str) -> Tuple[SkillDomain, ...]:
    """The exam's skill domains the person's words name, in the exam's order."""
    if exam.skills is None:
        return ()
    said = set(_stems(text))
    lowered = f" {text.lower()} "
    found: List[SkillDomain] = []
    for domain in exam.skills.domains:
        stems = set(_stems(domain.name))
        aliases = [alias for stem, words in _ALIASES.items() if stem[:5] in stems for alias in words]
        if stems & said or any(re.search(rf"\b{re.escape(alias)}\b", lowered) for alias in aliases):
            found.append(domain)
    return tuple(found)


def retake_plan(exam: Exam, weak: Sequence[SkillDomain], weekly_hours: float) -> Tuple[DomainHours, ...]:
    """Hours a week per domain for the retake weeks, weak domains weighted `WEAK_FACTOR` times, heaviest first."""
    if exam.skills is None:
        return ()
    weights = {d.name: (d.weight_low + d.weight_high) / 2 * (WEAK_FACTOR if d in weak else 1.0)
               for d in exam.skills.domains}
    total = sum(weights.values()) or 1.0
    rows = [DomainHours(d, d in weak, round(weekly_hours * weights[d.name] / total * 2) / 2)
            for d in exam.skills.domains]
    return tuple(sorted(rows, key=lambda r: (-r.hours_per_week, r.domain.name)))


def failed_reply(exam: Exam, failed_on: date, attempt: int, text: str, weekly_hours: Optional[float],
                 catalog: Catalog) -> Reply:
    """The retake rule and date first, then the plan for the weak areas (or the question which they were)."""
    rule = retake_rule(failed_on, attempt, catalog)
    nth = _ORDINALS.get(attempt, f"{attempt}th")
    again = rule.earliest.strftime("%A %-d %B %Y")
    if attempt >= rule.max_per_year:
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


WEAK_AREAS_QUESTION = "Which skill areas did your score report show as weakest? Tell me and I'll weight a plan to them."


def plan_facts(exam: Exam, weak: Sequence[SkillDomain], weekly_hours: Optional[float]) -> List[Fact]:
    """The retake plan as facts: the weak areas named, then hours a week per area."""
    assert exam.skills is not None
    hours = weekly_hours or DEFAULT_WEEKLY_HOURS
    assumed = "" if weekly_hours else f" (I assumed {DEFAULT_WEEKLY_HOURS:g} h/week; tell me yours to change it)"
    rows = retake_plan(exam, weak, hours)
    lines = ", ".join(f"{r.domain.name} {r.hours_per_week:g} h" + (" (weak)" if r.weak else "") for r in rows
                      if r.hours_per_week > 0)
    names = " and ".join(d.name for d in weak)
    return [Fact(f"Your plan for the next {PLAN_WEEKS} weeks at {hours:g} h/week{assumed}, most of it on {names}: "
                 f"{lines} a week. Then retake the free practice assessment and book when you score well on it.",
                 exam.skills.source)]


def weak_areas_reply(exam: Exam, text: str, weekly_hours: Optional[float]) -> Optional[Reply]:
    """The plan alone, when the person names their weak areas after being asked; None when none is named."""
    weak = weak_domains(exam, text)
    if not weak or exam.skills is None:
        return None
    names = " and ".join(d.name for d in weak)
    return compose(f"Here's a retake plan for {exam.code} weighted to {names}:", plan_facts(exam, weak, weekly_hours))
