"""Counterfactuals after a recommendation: "why not AZ-204?", "what if I learn Python?".

Every answer re-runs the same rules (`advisor.rules.recommend`) on the user's profile, or on a changed
copy of it, and reports which rule decided and what would change the answer. Nothing is guessed. The
replies (heading, facts, sources, the offer and its buttons) are `presentation/why_answers.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import List, Optional, Sequence, Tuple

from advisor.exam_choice import choice_command, choice_offer
from advisor.profile import Profile
from advisor.recommendation import RULE_TITLES, Fact, Recommendation
from advisor.rules import held_and_active, recommend
from knowledge.catalog import Catalog, Exam
from knowledge.vocabulary import CODING_COMFORT, TARGET_ROLES
from presentation.formats import path_label, per_week, role_label, span

CODING_LABELS = {"low": "low (you rarely write code)", "medium": "medium (scripts and automation)",
                 "high": "high (you write application code)"}


def _path_label(rec: Recommendation) -> str:
    return path_label(rec.path, "nothing new (you hold the track's exams)")


def _step_number(rec: Recommendation, code: str) -> Optional[int]:
    for number, step in enumerate(rec.steps, start=1):
        if step.code == code:
            return number
    return None


def _condition(when: str) -> str:
    """An alternative's "when" as a clause: "if your platform is Azure Databricks" -> "your platform is …"."""
    text = when.strip().rstrip(".")
    for prefix in ("if ", "when "):
        if text.lower().startswith(prefix):
            return text[len(prefix):]
    return text


def goals_that_include(code: str, profile: Profile, catalog: Catalog, today: date) -> Tuple[str, ...]:
    """Target roles for which the rules would put this exam in the user's path (everything else equal)."""
    roles = []
    for role in TARGET_ROLES:
        if code in recommend(replace(profile, target_role=role), catalog, today).path:
            roles.append(role)
    return tuple(roles)


@dataclass(frozen=True)
class WhyNot:
    """The answer to "why not X?": a heading, the facts (which rule decided, what would change it), the
    exam the follow-ups are about, and the offer to put the exam on the path (when that would change it)."""

    heading: str
    facts: Tuple[Fact, ...]
    about: Exam
    offer: Optional[str] = None
    command: Optional[str] = None  # what "yes" to the offer does ("put AZ-900 first", "switch to DP-750")


def why_not_answer(code: str, profile: Profile, catalog: Catalog, today: date) -> WhyNot:
    """Why this exam is (or is not) in the user's path, which rule decided, and what would change it."""
    exam = catalog.exam(code)
    rec = recommend(profile, catalog, today)
    facts: List[Fact] = []
    heading = f"Why not {exam.label}?"
    number = _step_number(rec, code)
    if number is not None:
        step = rec.steps[number - 1]
        facts.append(Fact(f"It is in your path: step {number} of {len(rec.steps)} ({_path_label(rec)}).",
                          step.exam.status.source))
        facts += [Fact(f"{RULE_TITLES.get(r.rule, r.rule)}: {r.text}", r.facts[0].source if r.facts else None)
                  for r in step.reasons[:2]]
        return WhyNot(heading, tuple(facts), exam)
    if exam.is_retired_on(today):
        successor = catalog.current_successor(code, today)
        when = exam.status.retirement_date.isoformat() if exam.status.retirement_date else "its retirement date"
        text = f"{RULE_TITLES['replace_retired_exams']}: {exam.code} retired after {when} and can no longer be taken."
        if successor is not None:
            where = _step_number(rec, successor.code)
            text += f" Its successor is {successor.label}" + (f", which is step {where} of your path." if where
                                                               else ".")
        facts.append(Fact(text, exam.status.source))
        return WhyNot(heading, tuple(facts), successor or exam)
    if held_and_active(code, profile, catalog, today):
        facts.append(Fact(f"{RULE_TITLES['skip_held_exams']}: you already hold {exam.code}, so it is not repeated.",
                          exam.status.source))
        return WhyNot(heading, tuple(facts), exam)
    facts.append(Fact(f"{RULE_TITLES['target_role_decides_track']}: {rec.track_reason.text}",
                      rec.track.source))
    facts.append(Fact(f"Your path: {_path_label(rec)}.", rec.track.source))
    for alternative in rec.alternatives:
        if alternative.exam.code == code:
            # "we're on Databricks, shouldn't it be DP-750?": the alternative's condition is the answer
            target = next((s.code for s in reversed(rec.steps) if not s.optional), None)
            swap = f" take it instead of {target}" if target and exam.level == catalog.exam(target).level else \
                " take it as well"
            heading = f"{exam.label} fits if {_condition(alternative.when)}: then{swap}."
            facts.append(Fact(f"{exam.code} is the alternative on your track when {_condition(alternative.when)}.",
                              rec.track.source))
            return WhyNot(heading, tuple(facts), exam, choice_offer(code, profile, rec, catalog),
                      choice_command(code, profile, rec, catalog))
    if exam.coding.level == "application" and profile.coding_comfort in ("low", None):
        facts.append(Fact(f"{exam.code} expects application coding; {RULE_TITLES['coding_gate'].lower()} for someone "
                          "who rarely writes code.", exam.coding.source))
    changes: List[Fact] = []
    goals = [role for role in goals_that_include(code, profile, catalog, today) if role != profile.target_role]
    if goals:
        changes.append(Fact(f"What would change the answer: with the goal {' or '.join(role_label(g) for g in goals)}, "
                            f"{exam.code} would be in your path.", exam.status.source))
    for track in catalog.tracks.values():
        if track.role == rec.track.role or track.role in goals:
            continue
        for option in track.alternatives:
            if option.exam == code:
                changes.append(Fact(f"With the goal {role_label(track.role)}, {exam.code} is the alternative when "
                                    f"{option.when}.", track.source))
    if not changes:
        changes.append(Fact(f"No other goal puts {exam.code} into your path with the rest of your profile as it "
                            f"is; it serves: {' '.join(exam.audience.split())}", exam.status.source))
    facts += changes
    return WhyNot(heading, tuple(facts), exam, choice_offer(code, profile, rec, catalog),
                      choice_command(code, profile, rec, catalog))


def is_offered(code: str, profile: Profile, catalog: Catalog, today: date) -> bool:
    """True when the why-not answer for this exam ends with the offer to put it on the path."""
    rec = recommend(profile, catalog, today)
    return rec.step(code) is None and not catalog.exam(code).is_retired_on(today) and \
        not held_and_active(code, profile, catalog, today) and choice_offer(code, profile, rec, catalog) is not None


def raised_coding(profile: Profile) -> Tuple[str, ...]:
    """Coding comfort levels above the user's (all levels above low when unknown)."""
    current = profile.coding_comfort or "low"
    return tuple(CODING_COMFORT[CODING_COMFORT.index(current) + 1:])


def what_if_facts(changes: Sequence[Tuple[str, Profile]], profile: Profile, catalog: Catalog,
                  today: date) -> List[Fact]:
    """Re-run the rules for each changed profile and say how the path would differ from today's."""
    base = recommend(profile, catalog, today)
    facts = [Fact(f"Your path today: {_path_label(base)} ({base.track.title} track).", base.track.source)]
    for label, changed in changes:
        other = recommend(changed, catalog, today)
        if other.path == base.path:
            text = f"{label}: the path stays {_path_label(other)}"
            notes = [w.text for w in other.warnings if w.rule == "coding_gate"]
            base_notes = [w.text for w in base.warnings if w.rule == "coding_gate"]
            if base_notes and not notes:
                text += ", and the coding warning goes away"
            text += "."
        else:
            text = f"{label}: the path becomes {_path_label(other)} ({other.track.title} track)."
            added = [code for code in other.path if code not in base.path]
            dropped = [code for code in base.path if code not in other.path]
            if added:
                text += f" New: {', '.join(added)}."
            if dropped:
                text += f" No longer needed: {', '.join(dropped)}."
        if other.total_weeks and changed.weekly_hours and changed.weekly_hours != profile.weekly_hours:
            text += (f" At {per_week(changed.weekly_hours)} it takes roughly "
                     f"{span(other.total_weeks, 'weeks')} in total.")
        facts.append(Fact(text, other.track.source))
    return facts


def coding_changes(profile: Profile) -> List[Tuple[str, Profile]]:
    """"What if I learn to code?": the profile at each higher coding comfort."""
    return [(f"With coding comfort {CODING_LABELS[level]}", replace(profile, coding_comfort=level))
            for level in raised_coding(profile)]
