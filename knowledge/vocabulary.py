"""The closed vocabularies shared by the knowledge base, the decision rules and the dialogue.

Profile values come from the public contract (`../shared/contract.md`); keep them in step with it.
"""

from __future__ import annotations

CURRENT_ROLES: tuple[str, ...] = (
    "administrator", "developer", "architect", "devops_engineer", "security_engineer",
    "network_engineer", "database_administrator", "data_engineer", "data_analyst", "ai_engineer",
    "support", "student", "manager", "other",
)
# The contract says "the first eleven of current_role (administrator … ai_engineer)"; that range
# holds ten roles (support is not a career target), so the explicit range is what is used.
TARGET_ROLES: tuple[str, ...] = CURRENT_ROLES[: CURRENT_ROLES.index("ai_engineer") + 1]
UNDECIDED = "undecided"
TARGET_ROLE_VALUES: tuple[str, ...] = TARGET_ROLES + (UNDECIDED,)
CODING_COMFORT: tuple[str, ...] = ("low", "medium", "high")
AZURE_EXPERIENCE: tuple[str, ...] = ("none", "some", "extensive")
ORG_CLOUD_MATURITY: tuple[str, ...] = ("early", "mature")
MAX_WEEKLY_HOURS = 80.0

EXAM_LEVELS: tuple[str, ...] = ("fundamentals", "associate", "expert", "specialty")
EXAM_STATUSES: tuple[str, ...] = ("active", "beta", "retired")
CODING_LEVELS: tuple[str, ...] = ("none", "scripting", "application")
GRADES: tuple[str, ...] = ("A", "B", "C", "D")
WEAK_GRADES: tuple[str, ...] = ("C", "D")
# Study-time backgrounds, from most to least prepared.
BACKGROUNDS: tuple[str, ...] = ("experienced", "some_azure", "new_to_azure", "newcomer")

ROLE_LABELS: dict[str, str] = {
    "administrator": "administrator",
    "developer": "developer",
    "architect": "solutions architect",
    "devops_engineer": "DevOps engineer",
    "security_engineer": "security engineer",
    "network_engineer": "network engineer",
    "database_administrator": "database administrator",
    "data_engineer": "data engineer",
    "data_analyst": "data analyst",
    "ai_engineer": "AI engineer",
    "support": "IT support",
    "student": "student",
    "manager": "manager",
    "other": "other role",
    "undecided": "not decided yet",
}
