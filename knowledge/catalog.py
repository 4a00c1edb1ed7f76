"""The knowledge base as plain, immutable Python objects.

The decision rules and the actions work on a `Catalog`; it is built either straight from the YAML
files (`knowledge.loader`) or from the database (`knowledge.queries`), and both give equal objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator, Mapping, Optional, Tuple

from knowledge.vocabulary import WEAK_GRADES


@dataclass(frozen=True)
class Source:
    """Where a group of facts comes from and when it was last checked."""

    url: str
    checked: date
    grade: str
    via: Optional[str] = None
    note: Optional[str] = None

    @property
    def weak(self) -> bool:
        """Grades C and D: third-party, unverified or conflicting evidence."""
        return self.grade in WEAK_GRADES


@dataclass(frozen=True)
class SkillDomain:
    name: str
    weight_low: int
    weight_high: int

    @property
    def weight_label(self) -> str:
        return f"{self.weight_low}–{self.weight_high}%"


@dataclass(frozen=True)
class ExamStatus:
    value: str
    retirement_date: Optional[date]
    successor: Optional[str]
    note: Optional[str]
    source: Source


@dataclass(frozen=True)
class ExamFormat:
    duration_minutes: int
    duration_basis: str
    languages: Optional[int]
    source: Source


@dataclass(frozen=True)
class Skills:
    as_of: date
    domains: Tuple[SkillDomain, ...]
    note: Optional[str]
    source: Source

    def by_weight(self) -> Tuple[SkillDomain, ...]:
        """Domains, heaviest first."""
        return tuple(sorted(self.domains, key=lambda d: (-d.weight_high, -d.weight_low, d.name)))


@dataclass(frozen=True)
class Prerequisites:
    any_of: Tuple[Tuple[str, ...], ...]
    note: Optional[str]
    source: Source


@dataclass(frozen=True)
class Coding:
    level: str
    note: Optional[str]
    source: Source


@dataclass(frozen=True)
class StudyHours:
    ranges: Tuple[Tuple[str, int, int], ...]
    note: Optional[str]
    source: Source

    def for_background(self, background: str) -> Tuple[int, int]:
        for name, low, high in self.ranges:
            if name == background:
                return low, high
        raise KeyError(background)


@dataclass(frozen=True)
class RecommendedExperience:
    text: str
    source: Source


@dataclass(frozen=True)
class Exam:
    """Everything the knowledge base knows about one exam."""

    code: str
    title: str
    certification: str
    level: str
    learn_url: str
    audience: str
    roles: Tuple[str, ...]
    status: ExamStatus
    coding: Coding
    format: Optional[ExamFormat] = None
    skills: Optional[Skills] = None
    prerequisites: Optional[Prerequisites] = None
    study_hours: Optional[StudyHours] = None
    recommended_experience: Optional[RecommendedExperience] = None
    certification_also_requires: Tuple[str, ...] = ()

    def is_retired_on(self, today: date) -> bool:
        """Retired once its retirement date has passed (the date itself is the last day)."""
        if self.status.retirement_date is not None:
            return today > self.status.retirement_date
        return self.status.value == "retired"

    def is_retiring_on(self, today: date) -> bool:
        """Still available, but with an announced retirement date."""
        return self.status.retirement_date is not None and not self.is_retired_on(today)

    def status_on(self, today: date) -> str:
        """`retired`, `retiring`, `beta` or `active` on the given date."""
        if self.is_retired_on(today):
            return "retired"
        if self.is_retiring_on(today):
            return "retiring"
        return self.status.value

    @property
    def prerequisite_sets(self) -> Tuple[Tuple[str, ...], ...]:
        return self.prerequisites.any_of if self.prerequisites else ()

    @property
    def label(self) -> str:
        """`AZ-104 Microsoft Azure Administrator`."""
        return f"{self.code} {self.title}"


@dataclass(frozen=True)
class Policy:
    key: str
    statement: str
    values: Mapping[str, Any]
    source: Source


@dataclass(frozen=True)
class TrackStep:
    exam: str
    why: str
    kind: str = "target"
    skip_for_experience: Tuple[str, ...] = ()


@dataclass(frozen=True)
class TrackAlternative:
    exam: str
    when: str
    cues: Tuple[str, ...] = ()  # words about the person's work that make this the better fit ("mlops")


@dataclass(frozen=True)
class RoleTrack:
    """Which certifications serve a target role, in which order."""

    role: str
    title: str
    summary: str
    fundamentals: str
    coding_bridge: Optional[str]
    steps: Tuple[TrackStep, ...]
    next: Tuple[str, ...]
    alternatives: Tuple[TrackAlternative, ...]
    inferred_from: Tuple[str, ...]
    source: Source


@dataclass(frozen=True)
class Catalog:
    """The whole knowledge base."""

    exams: Mapping[str, Exam]
    policies: Mapping[str, Policy]
    tracks: Mapping[str, RoleTrack]

    def exam(self, code: str) -> Exam:
        """The exam with this code; KeyError names the code when it is unknown."""
        try:
            return self.exams[code]
        except KeyError:
            raise KeyError(f"unknown exam code {code!r}") from None

    def has_exam(self, code: str) -> bool:
        return code in self.exams

    def policy(self, key: str) -> Policy:
        return self.policies[key]

    def policy_value(self, key: str, name: str) -> Any:
        return self.policies[key].values[name]

    def track(self, role: str) -> RoleTrack:
        return self.tracks[role]

    def track_inferred_from(self, current_role: str) -> Optional[RoleTrack]:
        """The track an undecided person in `current_role` is pointed to."""
        for track in self.tracks.values():
            if current_role in track.inferred_from:
                return track
        return None

    def current_successor(self, code: str, today: date) -> Optional[Exam]:
        """Follow successors from a retired exam until one that is available today."""
        seen = set()
        exam = self.exam(code)
        while exam.is_retired_on(today):
            if exam.code in seen or not exam.status.successor:
                return None
            seen.add(exam.code)
            exam = self.exam(exam.status.successor)
        return exam

    def __iter__(self) -> Iterator[Exam]:
        return iter(self.exams.values())
