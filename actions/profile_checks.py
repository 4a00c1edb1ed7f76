"""Checks for profile slot values, shared by the form and by slot filling outside the form.

Every value, however it arrived (a message, a button, an `/intent{json}` payload), goes through
`check_slot` before it is stored: values outside the contract are never kept, and the user hears why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, List, Optional

from components.answer_hours import tidy
from knowledge.catalog import Catalog
from knowledge.vocabulary import (
    AZURE_EXPERIENCE,
    CODING_COMFORT,
    CURRENT_ROLES,
    MAX_WEEKLY_HOURS,
    ORG_CLOUD_MATURITY,
    TARGET_ROLE_VALUES,
    TARGET_ROLES,
)
from presentation.formats import role_label

NONE_ANSWERS = ("none", "no", "nothing", "zero")


@dataclass(frozen=True)
class Checked:
    """The value to store (None when rejected) and, when rejected, the reason to tell the user."""

    value: Any
    problem: Optional[str] = None


def _categorical(allowed: Iterable[str], what: str, hint: str) -> Callable[[Any], Checked]:
    allowed = tuple(allowed)

    def check(value: Any) -> Checked:
        if isinstance(value, str) and value.strip().lower() in allowed:
            return Checked(value.strip().lower())
        shown = str(value)[:40]
        return Checked(None, f"\"{shown}\" isn't something I can use as {what}. {hint}")

    return check


check_current_role = _categorical(
    CURRENT_ROLES, "your current role",
    "Pick one of the buttons, or describe your work (for example \"I patch servers and manage AD\").",
)
check_coding_comfort = _categorical(
    CODING_COMFORT, "your coding comfort",
    "Tell me whether you rarely code, write scripts, or build applications.",
)
check_azure_experience = _categorical(
    AZURE_EXPERIENCE, "your Azure experience", "Is it none, some, or a lot?",
)
check_org_cloud_maturity = _categorical(
    ORG_CLOUD_MATURITY, "your organisation's cloud maturity",
    "Is your organisation early in its cloud adoption, or has the cloud taken root (mature)?",
)


def check_target_role(value: Any) -> Checked:
    """Target roles are career goals: support, student, manager and other are not among them."""
    if isinstance(value, str) and value.strip().lower() in TARGET_ROLE_VALUES:
        return Checked(value.strip().lower())
    if isinstance(value, str) and value.strip().lower() in CURRENT_ROLES:
        label = role_label(value.strip().lower())
        return Checked(None, f"I can't plan certifications towards \"{label}\" as a goal. To stay where you are, say "
                             "\"stay in my role\" and I'll suggest the overview certification that fits; or pick what "
                             f"to grow into: {', '.join(role_label(r) for r in TARGET_ROLES)}. Or say \"not sure\".")
    return Checked(None, f"\"{str(value)[:40]}\" isn't a goal I know. Pick one of the buttons, or say \"not sure\".")


def check_weekly_hours(value: Any) -> Checked:
    """A number of hours a week, more than 0 and at most 80; quarter hours exact, anything else to one decimal."""
    try:
        hours = float(value)
    except (TypeError, ValueError):
        return Checked(None, f"\"{str(value)[:40]}\" isn't a number of hours. How many hours a week, for example 5?")
    if hours != hours or hours <= 0:  # NaN or not positive
        return Checked(None, "I need a number of hours greater than zero: how many hours a week can you study?")
    if hours > MAX_WEEKLY_HOURS:
        return Checked(None, f"{hours:g} hours a week is more than {MAX_WEEKLY_HOURS:g}, which nobody sustains. "
                             "How many hours a week can you realistically study?")
    return Checked(tidy(hours))  # "45 min every day" stays 5.25; 4.615… reads 4.6


def check_certifications(value: Any, catalog: Catalog, previous: Optional[List[str]] = None) -> Checked:
    """Exam codes the knowledge base knows, upper case with a hyphen; "none" means an empty list.

    `previous` (the codes already stored) is kept and extended, so "I also have AZ-104" adds to the list.
    """
    values = value if isinstance(value, list) else [value]
    texts = [str(v).strip() for v in values if v is not None and str(v).strip()]
    if any(t.lower() in NONE_ANSWERS for t in texts):
        return Checked([])
    known: List[str] = list(previous or [])
    unknown: List[str] = []
    for text in texts:
        code = text.upper().replace(" ", "-").replace("_", "-")
        if "-" not in code and len(code) > 2:
            code = f"{code[:2]}-{code[2:]}"
        if catalog.has_exam(code):
            if code not in known:
                known.append(code)
        else:
            unknown.append(text[:20])
    problem = None
    if unknown:
        close = sorted({c for c in catalog.exams if c[:2] == unknown[0][:2].upper()})[:6]
        hint = f" Exams I know with that prefix: {', '.join(close)}." if close else ""
        problem = f"I don't know an exam called {', '.join(unknown)}, so I left it out.{hint}"
    if not known and unknown:
        return Checked(None, problem)
    return Checked(known, problem)


SIMPLE_CHECKS: Dict[str, Callable[[Any], Checked]] = {
    "current_role": check_current_role,
    "target_role": check_target_role,
    "coding_comfort": check_coding_comfort,
    "azure_experience": check_azure_experience,
    "org_cloud_maturity": check_org_cloud_maturity,
    "weekly_hours": check_weekly_hours,
}
