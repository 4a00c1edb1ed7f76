"""The person the advisor is talking to: the contract's profile slots as one immutable value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional, Tuple

from knowledge.vocabulary import (
    AZURE_EXPERIENCE,
    CODING_COMFORT,
    CURRENT_ROLES,
    MAX_WEEKLY_HOURS,
    ORG_CLOUD_MATURITY,
    TARGET_ROLE_VALUES,
)

PROFILE_SLOTS: Tuple[str, ...] = (
    "current_role", "target_role", "coding_comfort", "azure_experience",
    "certifications_held", "weekly_hours", "org_cloud_maturity", "goal_scope",
    "chosen_exams", "added_exams", "skipped_exams", "first_exams",
)
# chosen_exams / added_exams / skipped_exams: exams the person asked to have on the path instead of a step
# ("switch my path to AI-300"), after it ("add AZ-305 after AZ-400"), off it ("skip AZ-104") or first
# ("AZ-802 first, then AZ-104");
# advisor/exam_choice.py.
# goal_scope: "fundamentals" when the person wants the overview certification only ("one cert for my CV").
GOAL_SCOPES: Tuple[str, ...] = ("full", "fundamentals")


def _choice(value: Any, allowed: Tuple[str, ...]) -> Optional[str]:
    return value if isinstance(value, str) and value in allowed else None


def _hours(value: Any) -> Optional[float]:
    try:
        hours = float(value)
    except (TypeError, ValueError):
        return None
    return hours if 0 < hours <= MAX_WEEKLY_HOURS else None


def _codes(value: Any) -> Tuple[str, ...]:
    """Exam codes from a list slot (a lone string counts as one), upper case, without repeats."""
    values = (value,) if isinstance(value, str) else (value or ())
    return tuple(dict.fromkeys(str(code).upper() for code in values))


@dataclass(frozen=True)
class Profile:
    """What we know about the person; None where unknown. Values are the contract's."""

    current_role: Optional[str] = None
    target_role: Optional[str] = None
    coding_comfort: Optional[str] = None
    azure_experience: Optional[str] = None
    certifications_held: Tuple[str, ...] = ()
    weekly_hours: Optional[float] = None
    org_cloud_maturity: Optional[str] = None
    goal_scope: Optional[str] = None
    chosen_exams: Tuple[str, ...] = ()
    skipped_exams: Tuple[str, ...] = ()
    added_exams: Tuple[str, ...] = ()
    first_exams: Tuple[str, ...] = ()

    @classmethod
    def from_slots(cls, slots: Mapping[str, Any]) -> Profile:
        """Build from slot values, dropping anything outside the contract's vocabularies."""
        return cls(
            current_role=_choice(slots.get("current_role"), CURRENT_ROLES),
            target_role=_choice(slots.get("target_role"), TARGET_ROLE_VALUES),
            coding_comfort=_choice(slots.get("coding_comfort"), CODING_COMFORT),
            azure_experience=_choice(slots.get("azure_experience"), AZURE_EXPERIENCE),
            certifications_held=_codes(slots.get("certifications_held")),
            weekly_hours=_hours(slots.get("weekly_hours")),
            org_cloud_maturity=_choice(slots.get("org_cloud_maturity"), ORG_CLOUD_MATURITY),
            goal_scope=_choice(slots.get("goal_scope"), GOAL_SCOPES),
            chosen_exams=_codes(slots.get("chosen_exams")),
            skipped_exams=_codes(slots.get("skipped_exams")),
            added_exams=_codes(slots.get("added_exams")),
            first_exams=_codes(slots.get("first_exams")),
        )

    def holds(self, code: str) -> bool:
        return code in self.certifications_held
