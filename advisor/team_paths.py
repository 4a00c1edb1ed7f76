"""Paths for other people the person asks about ("which certs should my helpdesk guys do vs my infra guys?").

The rules run on a typical profile for each role named (new to Azure, no Microsoft certifications, the coding
usual for the role); the person's own profile is not touched. Plain Python, no Rasa.
"""

from __future__ import annotations

from datetime import date
from typing import Optional, Sequence

from advisor.profile import Profile
from advisor.recommendation import Answer, Fact
from advisor.rules import recommend
from knowledge.catalog import Catalog
from knowledge.vocabulary import TARGET_ROLES, UNDECIDED
from presentation.formats import path_label, role_label

TYPICAL_WEEKLY_HOURS = 5.0


def typical_coding(role: Optional[str]) -> str:
    """How much someone in `role` usually codes: what is assumed when it was not said."""
    if role in ("developer", "ai_engineer"):
        return "high"
    if role in ("devops_engineer", "data_engineer", "database_administrator", "data_analyst"):
        return "medium"
    return "low"


def typical_profile(role: str) -> Profile:
    """Someone in `role`, new to Azure, who wants to grow in that role (or lets the rules choose); a manager
    wants the overview."""
    return Profile(current_role=role, target_role=role if role in TARGET_ROLES else UNDECIDED,
                   coding_comfort=typical_coding(role), azure_experience="none", certifications_held=(),
                   weekly_hours=TYPICAL_WEEKLY_HOURS, goal_scope="fundamentals" if role == "manager" else None)


def team_answer(roles: Sequence[str], catalog: Catalog, today: date) -> Answer:
    """A starting path for each role named, each with its track; a request for the roles when none is named."""
    if not roles:
        return Answer("Tell me their roles (for example \"helpdesk and sysadmins\") and I'll give each a starting "
                      "path. Your own path stays as it is.")
    facts = []
    for role in roles:
        rec = recommend(typical_profile(role), catalog, today)
        label = role_label(role)
        facts.append(Fact(f"{label[:1].upper()}{label[1:]}: {path_label(rec.path)} ({rec.track.title} track)",
                          rec.track.source))
    return Answer("A starting path for each, assuming they are new to Azure and hold no Microsoft certifications "
                  "(their own experience can shorten it; each can chat with me for a path of their own). Your own "
                  "path stays as it is.", tuple(facts))
