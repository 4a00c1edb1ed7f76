"""The decision rules: a profile, the knowledge base and a date in; a Recommendation out.

Plain Python (no Rasa import). Each rule is a small function named after what it decides; its
docstring says where the rule comes from. `recommend` applies them in a fixed order. The rules live
by theme: the track and its steps (`advisor/track_rules.py`: rules 1, 2, 6), retirements
(`advisor/retirement_rules.py`: rule 7), prerequisites and order (`advisor/order_rules.py`: rules 3, 5),
fundamentals, held exams, alternatives, time and next actions (`advisor/extras_rules.py`: rules 4, 7, 8),
and the facts and estimates they share (`advisor/rule_facts.py`). This module is their public entry
point: callers import `recommend` and the shared helpers from here.

Sources referred to below:
- seed 000: ../shared/seeds/000_60f006bfd4f4dee6.txt ("AZ-104 vs AZ-204")
- seed 003: ../shared/seeds/003_01e7eeef27e0b20c.txt ("AZ-104 vs AZ-305")
- research: ../shared/research/peers-and-decision-rules.md and azure-exam-facts.md
"""

from __future__ import annotations

from datetime import date

from advisor.exam_choice import drop_skipped_steps, put_chosen_exams_on_path, put_first_exams_first
from advisor.extras_rules import collect_alternatives, fundamentals_first, next_actions, skip_held_exams, time_estimates
from advisor.goal_scope import fundamentals_only
from advisor.order_rules import coding_gate, expert_prerequisites
from advisor.profile import Profile
from advisor.recommendation import Recommendation
from advisor.retirement_rules import replace_retired_exams
from advisor.rule_facts import (
    NON_TECHNICAL_ROLES,
    PRACTICE_WEEKS,
    STUDY_EFFICIENCY,
    exam_facts,
    held_and_active,
    study_background,
    weeks_for,
)
from advisor.track_rules import lay_out_track_steps, needs_org_maturity, somewhere_in_between, target_role_decides_track
from knowledge.catalog import Catalog

# What callers import from here (the rules themselves are applied only through `recommend`).
__all__ = [
    "NON_TECHNICAL_ROLES", "PRACTICE_WEEKS", "STUDY_EFFICIENCY", "exam_facts", "held_and_active",
    "needs_org_maturity", "recommend", "study_background", "weeks_for",
]


def recommend(profile: Profile, catalog: Catalog, today: date) -> Recommendation:
    """Apply every rule, in order, and return the recommendation."""
    track, inferred, reason = target_role_decides_track(profile, catalog, today)
    rec = Recommendation(profile=profile, today=today, track=track, track_reason=reason, target_inferred=inferred)
    lay_out_track_steps(rec, catalog)
    put_chosen_exams_on_path(rec, catalog, exam_facts)
    replace_retired_exams(rec, catalog)
    somewhere_in_between(rec, catalog)
    expert_prerequisites(rec, catalog)
    coding_gate(rec, catalog)
    fundamentals_first(rec, catalog)
    fundamentals_only(rec, catalog)
    drop_skipped_steps(rec, catalog)
    skip_held_exams(rec, catalog)
    put_first_exams_first(rec, catalog)
    collect_alternatives(rec, catalog)
    time_estimates(rec, catalog)
    next_actions(rec, catalog)
    return rec
