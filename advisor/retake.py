"""After a failed exam: when it can be sat again (the knowledge base's retake policy) and a plan for the weak areas.

Plain Python, no Rasa; the rules and their data only (the replies are `presentation/returning_replies.py`'s).
The waiting times and the yearly limit are the `retakes` policy in `knowledge/policies.yml` (with its source
and check date), never numbers written here. Stated rules:
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
from typing import List, Sequence, Tuple

from advisor.recommendation import Fact
from knowledge.catalog import Catalog, Exam, SkillDomain

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


@dataclass(frozen=True)
class RetakeRule:
    """When the next attempt can be sat."""

    attempt: int  # the attempt that failed: 1 for the first
    earliest: date
    wait: str  # "24 hours" or "14 days"
    max_per_year: int
    source: Fact

    @property
    def yearly_limit_reached(self) -> bool:
        """The failed attempt used the last one allowed in 12 months: no date, the limit instead."""
        return self.attempt >= self.max_per_year


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


# "compute and storage were ok", "identity was fine this time": a clause about an area that went well
_WENT_WELL_RE = re.compile(r"\b(?:ok|okay|fine|good|great|solid|decent|alright|all right|easy|strong|no problem|"
                           r"went well|comfortable|nailed)\b", re.IGNORECASE)
_NOT_WELL_RE = re.compile(r"\b(?:not|n't|never|less|wasn'?t|weren'?t)\s+(?:\w+\s+)?(?:ok|okay|fine|good|great|"
                          r"solid|decent|easy|strong|comfortable)\b", re.IGNORECASE)
_CLAUSES_RE = re.compile(r"[.;!?\n]+|,|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)
_VERB_RE = re.compile(r"\b(?:was|were|is|are|went|felt|seemed)\b", re.IGNORECASE)


def _weak_said(text: str) -> str:
    """The text without the clauses that say an area went well ("compute and storage were ok"; "networking was bad
    and storage was ok" is two clauses, each with its verb)."""
    clauses: List[str] = []
    for clause in _CLAUSES_RE.split(text):
        parts = re.split(r"\band\b", clause or "", flags=re.IGNORECASE)
        clauses += parts if len(parts) > 1 and all(_VERB_RE.search(p) for p in parts) else [clause or ""]
    kept = [c for c in clauses if c and not (_WENT_WELL_RE.search(c) and not _NOT_WELL_RE.search(c))]
    return " , ".join(kept)


def weak_domains(exam: Exam, text: str) -> Tuple[SkillDomain, ...]:
    """The exam's skill domains the person's words name as weak, in the exam's order (areas said to have gone
    well are left out)."""
    if exam.skills is None:
        return ()
    text = _weak_said(text)
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
