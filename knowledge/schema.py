"""The shape of the knowledge base's YAML files, with field-level validation (pydantic 1.10).

These models check one file at a time; cross-file checks (unknown exam codes in a successor,
prerequisite or track) live in `knowledge.loader`.

Notes come in two fields, and the field says who reads it:

- `note` is written for users: the advisor shows it as it is, next to the fact it qualifies, so it holds
  only sentences a person asking about the exam should read (caveats, what was not verified).
- `editor_note` is for the people who edit the knowledge base and is never shown to users: where a figure
  came from and how reliable that source is, which sites are wrong, advisor defaults, evidence grades,
  research references and data labels (`as_of`, `learn_url`, `some_azure`…).

`editor_note` is validated here (it must be a string) and then dropped by `knowledge.loader`: nothing in the
advisor reads it, so it never reaches the catalog or the database. `tests/knowledge/test_notes.py` checks
that no `note` carries an editor marker.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Dict, List, Optional, Tuple

from pydantic import BaseModel, Extra, conint, validator

from knowledge.vocabulary import (
    AZURE_EXPERIENCE,
    BACKGROUNDS,
    CODING_LEVELS,
    CURRENT_ROLES,
    EXAM_LEVELS,
    EXAM_STATUSES,
    GRADES,
    TARGET_ROLES,
)

EXAM_CODE_RE = re.compile(r"^[A-Z]{2,3}-\d{3}$")


class Strict(BaseModel):
    """Unknown keys are errors: a misspelt field must not be silently ignored."""

    class Config:
        extra = Extra.forbid
        anystr_strip_whitespace = True


def _check_code(value: str) -> str:
    if not EXAM_CODE_RE.match(value):
        raise ValueError(f"{value!r} is not an exam code like AZ-104 (upper case, hyphen, three digits)")
    return value


def _check_not_future(value: Optional[date]) -> Optional[date]:
    if value is not None and value > date.today():
        raise ValueError(f"{value.isoformat()} is in the future: a fact cannot have been checked yet")
    return value


class SourceSpec(Strict):
    """Where a fact group comes from and when it was last checked."""

    url: str
    checked: date
    grade: str
    via: Optional[str] = None
    note: Optional[str] = None  # for users (see the module docstring)
    editor_note: Optional[str] = None  # for the people who edit the knowledge base; never shown to users

    _checked_not_future = validator("checked", allow_reuse=True)(_check_not_future)

    @validator("url")
    def _https(cls, value: str) -> str:
        if not re.match(r"^https://[^\s/]+\.[^\s]+$", value):
            raise ValueError(f"{value!r} is not an https:// URL")
        return value

    @validator("grade")
    def _grade(cls, value: str) -> str:
        if value not in GRADES:
            raise ValueError(f"{value!r} is not an evidence grade ({', '.join(GRADES)})")
        return value


class StatusSpec(Strict):
    value: str
    retirement_date: Optional[date] = None
    successor: Optional[str] = None
    note: Optional[str] = None  # for users (see the module docstring)
    editor_note: Optional[str] = None  # for the people who edit the knowledge base; never shown to users
    source: SourceSpec

    @validator("value")
    def _status(cls, value: str) -> str:
        if value not in EXAM_STATUSES:
            raise ValueError(f"{value!r} is not a status ({', '.join(EXAM_STATUSES)})")
        return value

    @validator("successor")
    def _successor(cls, value: Optional[str]) -> Optional[str]:
        return _check_code(value) if value is not None else value

    @validator("retirement_date", always=True)
    def _retired_needs_date(cls, value: Optional[date], values: Dict[str, Any]) -> Optional[date]:
        if values.get("value") == "retired" and value is None:
            raise ValueError("a retired exam needs its retirement_date")
        return value


class FormatSpec(Strict):
    duration_minutes: conint(gt=0, le=300)  # type: ignore[valid-type]
    duration_basis: str
    languages: Optional[conint(gt=0, le=50)] = None  # type: ignore[valid-type]
    source: SourceSpec

    @validator("duration_basis")
    def _basis(cls, value: str) -> str:
        if value not in ("official", "policy", "reported"):
            raise ValueError(f"{value!r} is not one of official, policy, reported")
        return value


class DomainSpec(Strict):
    name: str
    weight: Tuple[int, int]

    @validator("weight")
    def _weight(cls, value: Tuple[int, int]) -> Tuple[int, int]:
        low, high = value
        if not (0 < low <= 100 and 0 < high <= 100):
            raise ValueError(f"weights must be between 1 and 100 percent, got {low}-{high}")
        if low > high:
            raise ValueError(f"low weight {low} is above high weight {high}")
        return value


class SkillsSpec(Strict):
    as_of: date
    domains: List[DomainSpec]
    note: Optional[str] = None  # for users (see the module docstring)
    editor_note: Optional[str] = None  # for the people who edit the knowledge base; never shown to users
    source: SourceSpec

    @validator("domains")
    def _weights_add_up(cls, value: List[DomainSpec]) -> List[DomainSpec]:
        if not value:
            raise ValueError("at least one domain is needed")
        low = sum(d.weight[0] for d in value)
        high = sum(d.weight[1] for d in value)
        if low > 100 or high < 100:
            raise ValueError(
                f"domain weights cannot add up to 100 percent (lows add to {low}, highs to {high})"
            )
        return value


class PrerequisitesSpec(Strict):
    any_of: List[List[str]]
    note: Optional[str] = None  # for users (see the module docstring)
    editor_note: Optional[str] = None  # for the people who edit the knowledge base; never shown to users
    source: SourceSpec

    @validator("any_of", each_item=True)
    def _codes(cls, value: List[str]) -> List[str]:
        if not value:
            raise ValueError("an empty set of prerequisites; use any_of: [] for none")
        return [_check_code(code) for code in value]


class CodingSpec(Strict):
    level: str
    note: Optional[str] = None  # for users (see the module docstring)
    editor_note: Optional[str] = None  # for the people who edit the knowledge base; never shown to users
    source: SourceSpec

    @validator("level")
    def _level(cls, value: str) -> str:
        if value not in CODING_LEVELS:
            raise ValueError(f"{value!r} is not a coding level ({', '.join(CODING_LEVELS)})")
        return value


class StudyHoursSpec(Strict):
    ranges: Dict[str, Tuple[int, int]]
    note: Optional[str] = None  # for users (see the module docstring)
    editor_note: Optional[str] = None  # for the people who edit the knowledge base; never shown to users
    source: SourceSpec

    @validator("ranges")
    def _ranges(cls, value: Dict[str, Tuple[int, int]]) -> Dict[str, Tuple[int, int]]:
        missing = [b for b in BACKGROUNDS if b not in value]
        unknown = [b for b in value if b not in BACKGROUNDS]
        if unknown:
            raise ValueError(f"unknown background {unknown[0]!r} (expected {', '.join(BACKGROUNDS)})")
        if missing:
            raise ValueError(f"missing background {missing[0]!r}")
        for background, (low, high) in value.items():
            if not (0 < low <= high <= 1000):
                raise ValueError(f"{background}: {low}-{high} is not a range of hours (0 < low <= high)")
        return value


class RecommendedExperienceSpec(Strict):
    text: str
    source: SourceSpec


class ExamSpec(Strict):
    """One exam file, `knowledge/exams/<CODE>.yml`."""

    code: str
    title: str
    certification: str
    level: str
    learn_url: str
    audience: str
    roles: List[str]
    status: StatusSpec
    format: Optional[FormatSpec] = None
    skills: Optional[SkillsSpec] = None
    prerequisites: Optional[PrerequisitesSpec] = None
    coding: CodingSpec
    study_hours: Optional[StudyHoursSpec] = None
    recommended_experience: Optional[RecommendedExperienceSpec] = None
    certification_also_requires: List[str] = []

    _code = validator("code", allow_reuse=True)(_check_code)
    _also = validator("certification_also_requires", each_item=True, allow_reuse=True)(_check_code)

    @validator("level")
    def _level(cls, value: str) -> str:
        if value not in EXAM_LEVELS:
            raise ValueError(f"{value!r} is not a level ({', '.join(EXAM_LEVELS)})")
        return value

    @validator("learn_url")
    def _learn_url(cls, value: str) -> str:
        if not value.startswith("https://learn.microsoft.com/"):
            raise ValueError(f"{value!r} is not a Microsoft Learn URL")
        return value

    @validator("roles", each_item=True)
    def _roles(cls, value: str) -> str:
        if value not in TARGET_ROLES:
            raise ValueError(f"{value!r} is not a target role ({', '.join(TARGET_ROLES)})")
        return value

    @validator("study_hours", always=True)
    def _hours_for_available_exams(cls, value: Any, values: Dict[str, Any]) -> Any:
        status = values.get("status")
        if value is None and status is not None and status.value != "retired":
            raise ValueError("an exam that can still be taken needs study_hours")
        return value


class PolicySpec(Strict):
    """One general policy in `knowledge/policies.yml`."""

    statement: str
    values: Dict[str, Any]
    source: SourceSpec


class TrackStepSpec(Strict):
    exam: str
    why: str
    kind: str = "target"
    skip_for_experience: List[str] = []

    _exam = validator("exam", allow_reuse=True)(_check_code)

    @validator("skip_for_experience", each_item=True)
    def _experience(cls, value: str) -> str:
        if value not in AZURE_EXPERIENCE:
            raise ValueError(f"{value!r} is not an Azure experience level ({', '.join(AZURE_EXPERIENCE)})")
        return value

    @validator("kind")
    def _kind(cls, value: str) -> str:
        if value not in ("foundation", "target"):
            raise ValueError(f"{value!r} is not a step kind (foundation, target)")
        return value


class TrackAlternativeSpec(Strict):
    exam: str
    when: str
    cues: List[str] = []  # words in what the person says about their work that make this exam the better fit

    _exam = validator("exam", allow_reuse=True)(_check_code)


class TrackSpec(Strict):
    """One role track in `knowledge/role_tracks.yml`."""

    title: str
    summary: str
    fundamentals: str
    coding_bridge: Optional[str] = None
    steps: List[TrackStepSpec]
    next: List[str] = []
    alternatives: List[TrackAlternativeSpec] = []
    inferred_from: List[str] = []
    source: SourceSpec

    _fundamentals = validator("fundamentals", allow_reuse=True)(_check_code)
    _bridge = validator("coding_bridge", allow_reuse=True)(_check_code)
    _next = validator("next", each_item=True, allow_reuse=True)(_check_code)

    @validator("steps")
    def _steps(cls, value: List[TrackStepSpec]) -> List[TrackStepSpec]:
        if not value:
            raise ValueError("a track needs at least one step")
        return value

    @validator("inferred_from", each_item=True)
    def _current_roles(cls, value: str) -> str:
        if value not in CURRENT_ROLES:
            raise ValueError(f"{value!r} is not a current role ({', '.join(CURRENT_ROLES)})")
        return value
