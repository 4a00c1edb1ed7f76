"""Which alternatives fit the person (advisor/alternative_fit.py): job-specific exams only for that job."""

from __future__ import annotations

from typing import Any, Optional

import pytest

from advisor.alternative_fit import fits
from advisor.profile import Profile
from advisor.recommendation import Alternative
from knowledge.catalog import Catalog


@pytest.mark.parametrize(("code", "current", "goal", "expected"), [
    ("AZ-802", "administrator", None, True),       # Windows Server for someone who runs servers
    ("AZ-802", "manager", "undecided", False),
    ("AZ-802", "other", "undecided", False),       # a nurse moving into IT
    ("AZ-802", "support", "undecided", False),
    ("AZ-802", "manager", "administrator", True),  # their goal is administration
    ("AZ-802", "network_engineer", "network_engineer", True),
    ("AZ-140", "support", None, False),            # Azure Virtual Desktop
    ("AZ-140", "student", "administrator", True),
    ("MD-102", "support", "undecided", True),      # Intune endpoints: helpdesk work
    ("AB-650", "manager", None, False),
    ("AZ-400", "manager", "architect", True),      # not job-specific: the track's own alternative
])
def test_job_specific_alternatives_fit_only_that_job(catalog: Catalog, code: str, current: str,
                                                     goal: Optional[str], expected: bool) -> None:
    alternative = Alternative(exam=catalog.exam(code), when="your job is this")
    assert fits(alternative, Profile(current_role=current, target_role=goal)) is expected


def test_worth_knowing_keeps_the_tracks_order(catalog: Catalog, today: Any) -> None:
    from advisor.alternative_fit import worth_knowing
    from advisor.rules import recommend

    admin = recommend(Profile(current_role="administrator", target_role="administrator", coding_comfort="low",
                              azure_experience="some"), catalog, today)
    assert [a.exam.code for a in worth_knowing(admin)] == [a.exam.code for a in admin.alternatives]
    nurse = recommend(Profile(current_role="other", target_role="undecided", coding_comfort="low",
                              azure_experience="none"), catalog, today)
    assert not {"AZ-802", "AZ-140", "AB-650", "MD-102"} & {a.exam.code for a in worth_knowing(nurse)}
