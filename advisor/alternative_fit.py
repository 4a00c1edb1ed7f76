"""Which of a track's alternatives fit the person: job-specific exams only for people who do that job.

A track's alternatives (knowledge/role_tracks.yml) are written for people in the track's own role: "you
mostly run Windows Server", "your job is Azure Virtual Desktop". A manager, a nurse or helpdesk staff who
lands on the administrator track (their goal undecided or inferred) does not do that job, so these are not
worth naming to them. `JOB_SPECIFIC` says, per exam, the roles (current or goal) it fits; an exam not in
the table fits everyone its track serves. Plain Python, no Rasa.
"""

from __future__ import annotations

from typing import Dict, FrozenSet, List

from advisor.profile import Profile
from advisor.recommendation import Alternative, Recommendation

JOB_SPECIFIC: Dict[str, FrozenSet[str]] = {
    "AZ-802": frozenset({"administrator", "network_engineer"}),  # Windows Server, hybrid
    "AZ-140": frozenset({"administrator"}),  # Azure Virtual Desktop
    "AB-650": frozenset({"administrator", "support"}),  # Microsoft 365 administration
    "MD-102": frozenset({"administrator", "support"}),  # devices and endpoints (Intune)
}


def fits(alternative: Alternative, profile: Profile) -> bool:
    """True when the person's current role or stated goal is one the exam is for (or it is not job-specific)."""
    roles = JOB_SPECIFIC.get(alternative.exam.code)
    if roles is None:
        return True
    return profile.current_role in roles or profile.target_role in roles


def worth_knowing(rec: Recommendation) -> List[Alternative]:
    """The recommendation's alternatives that fit this person, in the track's order."""
    return [alternative for alternative in rec.alternatives if fits(alternative, rec.profile)]
