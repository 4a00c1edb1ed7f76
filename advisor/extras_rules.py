"""What is added to and taken off the path around the track's exams, and what comes with it: rule 4 (an optional
fundamentals exam first), rule 7 (exams already held are skipped), the alternatives, rule 8 (study hours and
weeks) and the next actions for this week.

Plain Python (no Rasa import); sources in `advisor/rules.py`.
"""

from __future__ import annotations

from typing import List, Tuple

from advisor.recommendation import Alternative, Fact, Reason, Recommendation, Step
from advisor.rule_facts import exam_facts, held_and_active, role_label, study_background, weeks_for
from knowledge.catalog import Catalog

FUNDAMENTALS_AUDIENCE = ("student", "support", "manager", "other")


# -- rule 4 --------------------------------------------------------------------------------

def fundamentals_first(rec: Recommendation, catalog: Catalog) -> None:
    """Rule 4: the track's fundamentals exam (AZ-900, DP-900, SC-900, AI-901) comes first, optional,
    for people with no Azure or cloud experience, students, support staff and non-technical people;
    never for people with real Azure experience. Fundamentals are never prerequisites (M5) and never
    expire (M3); peer research 3.1.
    """
    profile = rec.profile
    experience, role = profile.azure_experience, profile.current_role
    if experience == "extensive":
        return
    if not (experience == "none" or role in ("student", "manager")
            or (role in FUNDAMENTALS_AUDIENCE and experience != "some")):
        return
    code = rec.track.fundamentals
    exam = catalog.exam(code)
    predecessors = [e.code for e in catalog if e.status.successor == code]
    if profile.holds(code) or any(profile.holds(p) for p in predecessors):
        return
    if any(step.code == code for step in rec.steps):
        return
    policy = catalog.policy("fundamentals_not_prerequisite")
    validity = catalog.policy("validity")
    who = ("you are new to Azure" if profile.azure_experience == "none"
           else f"as a {role_label(profile.current_role)} it gives you the vocabulary first")
    rec.steps.insert(0, Step(exam=exam, kind="fundamentals", optional=True, reasons=[Reason(
        "fundamentals_first",
        f"Optional first step, because {who}: {code} is a low-cost first win that teaches the concepts "
        f"the next exams assume. It is never a prerequisite, and it never expires.",
        (Fact(policy.statement, policy.source), Fact(validity.statement, validity.source)) + exam_facts(exam, catalog),
    )]))


# -- rule 7 (held exams) -------------------------------------------------------------------

def skip_held_exams(rec: Recommendation, catalog: Catalog) -> None:
    """Rule 7: exams already held (and still active) are not on the path."""
    kept: List[Step] = []
    for step in rec.steps:
        if held_and_active(step.code, rec.profile, catalog, rec.today):
            rec.already_held.append(step.exam)
        else:
            kept.append(step)
    rec.steps = kept
    for code in rec.profile.certifications_held:
        if not catalog.has_exam(code):
            continue
        exam = catalog.exam(code)
        if exam.level != "fundamentals" and exam.is_retired_on(rec.today):
            active = held_and_active(code, rec.profile, catalog, rec.today)
            retirement = catalog.policy("retirement")
            when = exam.status.retirement_date.isoformat() if exam.status.retirement_date else "earlier"
            missing = [c for c in exam.certification_also_requires if not rec.profile.holds(c)]
            if missing:  # "passed AZ-800 but not AZ-801": no certification was earned
                successor = catalog.current_successor(code, rec.today)
                text = (f"{code} alone never earned a certification: it needed {' and '.join(missing)} too. "
                        f"{code} retired on {when}" + (f"; {successor.code} replaced it." if successor else "."))
                rec.warnings.append(Reason("skip_held_exams", text, (Fact(retirement.statement, retirement.source),)))
                continue
            text = (f"Your {code} ({exam.certification}) retired on {when}: "
                    + ("it stays active until its expiry date but cannot be renewed."
                       if active else "it has expired by now and cannot be renewed."))
            rec.warnings.append(Reason("skip_held_exams", text, (Fact(retirement.statement, retirement.source),)))


# The "when" of a track's next exam, read as "fits if …" and "AZ-305, if …"
NEXT_AFTER_TRACK = "you want to go further after this track"


def collect_alternatives(rec: Recommendation, catalog: Catalog) -> None:
    """Alternatives from the track (and, when the track is done, where to go next)."""
    on_path = set(rec.path)
    candidates: List[Tuple[str, str]] = [(a.exam, a.when) for a in rec.track.alternatives]
    if not rec.steps:
        candidates = [(code, NEXT_AFTER_TRACK) for code in rec.track.next] + candidates
    for code, when in candidates:
        exam = catalog.exam(code)
        if code in on_path or exam.is_retired_on(rec.today) or held_and_active(code, rec.profile, catalog, rec.today):
            continue
        if any(a.exam.code == code for a in rec.alternatives):
            continue
        rec.alternatives.append(Alternative(exam=exam, when=when))


# -- rule 8 --------------------------------------------------------------------------------

def time_estimates(rec: Recommendation, catalog: Catalog) -> None:
    """Rule 8: typical study hours for the person's background, and with weekly hours known, weeks
    per step and for the whole path (peer research 3.9 conversion rule).
    """
    background = study_background(rec.profile)
    total_low = total_high = 0
    weeks_low = weeks_high = 0
    for step in rec.steps:
        if not step.exam.study_hours:
            continue
        step.study_hours = step.exam.study_hours.for_background(background)
        total_low += step.study_hours[0]
        total_high += step.study_hours[1]
        if rec.profile.weekly_hours:
            step.weeks = weeks_for(step.study_hours, rec.profile.weekly_hours)
            weeks_low += step.weeks[0]
            weeks_high += step.weeks[1]
    if rec.steps:
        rec.total_hours = (total_low, total_high)
        if rec.profile.weekly_hours:
            rec.total_weeks = (weeks_low, weeks_high)


def next_actions(rec: Recommendation, catalog: Catalog) -> None:
    """What to do this week: concrete, official and free first."""
    renewal = catalog.policy("renewal")
    if not rec.steps:
        expiring = [e.code for e in rec.already_held if e.level != "fundamentals"]
        lasting = [e.code for e in rec.already_held if e.level == "fundamentals"]
        if expiring:
            rec.next_actions.append(
                f"You already hold {', '.join(expiring)}. Keep {'it' if len(expiring) == 1 else 'them'} current: "
                f"renewal is free and online in the {renewal.values['window_months']} months before "
                f"{'it expires' if len(expiring) == 1 else 'each expires'}.")
        elif lasting:  # "AZ-900 won't expire" is never followed by "renew it before it expires"
            rec.next_actions.append(f"You already hold {', '.join(lasting)}; fundamentals certifications don't "
                                    "expire, so there is nothing to renew.")
        else:
            rec.next_actions.append("You already hold the track's exams. Keep them current: renewal is free and "
                                    f"online in the {renewal.values['window_months']} months before each expires.")
        return
    first = next((s for s in rec.steps if not s.optional), rec.steps[0])
    rec.next_actions += [
        f"Open the {first.code} page on Microsoft Learn and follow its free learning path: {first.exam.learn_url}",
        f"Take the free practice assessment for {first.code} early, and again before you book; "
        "book the exam when you score well on it.",
        "Practise hands-on in a free Azure account or the Learn sandbox: role-based exams test doing, not reading.",
    ]
