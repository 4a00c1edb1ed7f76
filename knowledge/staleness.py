"""Facts due for re-checking: every source whose `checked` date is older than a threshold.

    python -m knowledge stale --older-than 90d      (also 12w, 6m, 1y; --today YYYY-MM-DD)

    due = stale_facts(catalog, today, parse_age("90d"))
    [f"{fact.subject} {fact.group}" for fact in due]   # oldest first
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterator, List, Optional, Tuple

from knowledge.catalog import Catalog, Source

EXAM_GROUPS: Tuple[str, ...] = (
    "status", "format", "skills", "prerequisites", "coding", "study_hours", "recommended_experience",
)
_UNITS = {
    "d": "d", "day": "d", "days": "d",
    "w": "w", "wk": "w", "wks": "w", "week": "w", "weeks": "w",
    "m": "m", "mo": "m", "month": "m", "months": "m",
    "y": "y", "yr": "y", "yrs": "y", "year": "y", "years": "y",
}
_AGE_RE = re.compile(r"^\s*(\d+)\s*([a-z]+)\s*$", re.IGNORECASE)


class BadAgeError(ValueError):
    """A threshold that is not a number followed by d, w, m or y."""


@dataclass(frozen=True)
class Age:
    """A threshold such as 90 days, 12 weeks or 6 months."""

    amount: int
    unit: str  # d | w | m | y

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"

    def cutoff(self, today: date) -> date:
        """The date `self` before `today`; facts checked before it are stale.

        Months and years are calendar months (the day is clamped to the month's length)."""
        if self.unit == "d":
            return today - timedelta(days=self.amount)
        if self.unit == "w":
            return today - timedelta(weeks=self.amount)
        months = self.amount * (12 if self.unit == "y" else 1)
        index = today.year * 12 + today.month - 1 - months
        year, month = divmod(index, 12)
        month += 1
        return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def parse_age(text: str) -> Age:
    """`90d`, `12w`, `6m`, `1y` (also `90 days`, `6 months`); BadAgeError otherwise."""
    match = _AGE_RE.match(text or "")
    unit = _UNITS.get(match.group(2).lower()) if match else None
    if match is None or unit is None:
        raise BadAgeError(
            f"bad duration {text!r}: use a whole number followed by d (days), w (weeks), m (months) "
            "or y (years), for example 90d, 12w or 6m"
        )
    return Age(int(match.group(1)), unit)


@dataclass(frozen=True)
class SourcedFact:
    """One fact group and its source: an exam's group, a policy or a role track."""

    kind: str  # exam | policy | track
    subject: str  # exam code, policy key or track role
    group: str  # the exam's fact group; "policy" or "track" otherwise
    source: Source

    @property
    def name(self) -> str:
        """`AZ-104 skills`, `policy price`, `track architect`."""
        return f"{self.subject} {self.group}" if self.kind == "exam" else f"{self.kind} {self.subject}"


@dataclass(frozen=True)
class StaleFact:
    fact: SourcedFact
    age_days: int

    @property
    def checked(self) -> date:
        return self.fact.source.checked


def sourced_facts(catalog: Catalog) -> Iterator[SourcedFact]:
    """Every fact group in the knowledge base with its source."""
    for exam in catalog:
        for group in EXAM_GROUPS:
            part = getattr(exam, group, None)
            source: Optional[Source] = getattr(part, "source", None)
            if source is not None:
                yield SourcedFact("exam", exam.code, group, source)
    for key, policy in catalog.policies.items():
        yield SourcedFact("policy", key, "policy", policy.source)
    for role, track in catalog.tracks.items():
        yield SourcedFact("track", role, "track", track.source)


def stale_facts(catalog: Catalog, today: date, older_than: Age) -> List[StaleFact]:
    """Facts whose source was checked before `older_than` ago, oldest first."""
    cutoff = older_than.cutoff(today)
    due = [StaleFact(fact, (today - fact.source.checked).days)
           for fact in sourced_facts(catalog) if fact.source.checked < cutoff]
    order = {"exam": 0, "policy": 1, "track": 2}
    return sorted(due, key=lambda s: (s.checked, order[s.fact.kind], s.fact.subject, s.fact.group))


def render_stale(due: List[StaleFact], today: date, older_than: Age) -> str:
    """The report printed by `python -m knowledge stale`."""
    cutoff = older_than.cutoff(today)
    if not due:
        return (f"Nothing is older than {older_than} on {today.isoformat()}: every source was checked on or "
                f"after {cutoff.isoformat()}.")
    lines = [f"{len(due)} fact(s) checked before {cutoff.isoformat()} (older than {older_than} on "
             f"{today.isoformat()}), oldest first:"]
    width = max(len(s.fact.name) for s in due)
    for stale in due:
        source = stale.fact.source
        weak = " weak" if source.weak else ""
        lines.append(f"  {source.checked.isoformat()}  {stale.age_days:>4} days  {stale.fact.name:<{width}}  "
                     f"grade {source.grade}{weak}  {source.url}")
    return "\n".join(lines)
