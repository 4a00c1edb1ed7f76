"""The decision rules: a profile, the knowledge base and a date in; a Recommendation out.

Plain Python (no Rasa import). Each rule is a small function named after what it decides; its
docstring says where the rule comes from. `recommend` applies them in a fixed order.

Sources referred to below:
- seed 000: ../shared/seeds/000_60f006bfd4f4dee6.txt ("AZ-104 vs AZ-204")
- seed 003: ../shared/seeds/003_01e7eeef27e0b20c.txt ("AZ-104 vs AZ-305")
- research: ../shared/research/peers-and-decision-rules.md and azure-exam-facts.md
"""

from __future__ import annotations

import math
from datetime import date
from typing import List, Optional, Tuple

from advisor.certification_dates import PaceCheck, certification_standing, pace_check
from advisor.exam_choice import drop_skipped_steps, put_chosen_exams_on_path, put_first_exams_first
from advisor.goal_scope import fundamentals_only
from advisor.profile import Profile
from advisor.recommendation import Alternative, Fact, Reason, Recommendation, Step
from knowledge.catalog import Catalog, Exam, RoleTrack
from knowledge.vocabulary import ROLE_LABELS, UNDECIDED

# How much of the weekly time is really spent studying, and the practice-test weeks on top
# (peer research 3.9: "weeks = hours ÷ (hours per week × 0.8) ... plus 1–2 weeks of practice tests").
STUDY_EFFICIENCY = 0.8
PRACTICE_WEEKS = (1, 2)
# Retirements older than this are history, not news worth a warning on the path.
RETIREMENT_NEWS_DAYS = 730
NON_TECHNICAL_ROLES = ("student", "manager", "other")
FUNDAMENTALS_AUDIENCE = ("student", "support", "manager", "other")


# -- facts ---------------------------------------------------------------------------------

def exam_facts(exam: Exam, catalog: Catalog) -> Tuple[Fact, ...]:
    """The facts shown for a step: level, duration, passing score, main skill areas, coding."""
    facts = [Fact(f"{exam.code} earns the {exam.certification} certification ({exam.level} level).",
                  exam.status.source)]
    if exam.format:
        basis = {"official": "", "policy": " (the general rule for this kind of exam)",
                 "reported": " (as reported by third parties)"}[exam.format.duration_basis]
        facts.append(Fact(f"You have {exam.format.duration_minutes} minutes{basis}.", exam.format.source))
    score = catalog.policy("passing_score")
    facts.append(Fact(f"Passing score {score.values['score']} on a scale to {score.values['scale_max']} "
                      "(scaled, so not simply 70 % of the questions).", score.source))
    if exam.skills:
        top = ", ".join(f"{d.name} {d.weight_label}" for d in exam.skills.by_weight()[:3])
        facts.append(Fact(f"Main skill areas (as of {exam.skills.as_of.isoformat()}): {top}.", exam.skills.source))
    generic = {"none": "No programming is expected.",
               "scripting": "Expect scripting, queries or pipeline definitions, not application code.",
               "application": "Real application coding is expected."}[exam.coding.level]
    coding = exam.coding.note or generic
    facts.append(Fact(coding, exam.coding.source))
    return tuple(facts)


def study_background(profile: Profile) -> str:
    """Which study-hours estimate fits the person (knowledge base backgrounds)."""
    if profile.azure_experience == "extensive":
        return "experienced"
    if profile.azure_experience == "some":
        return "some_azure"
    if profile.current_role in NON_TECHNICAL_ROLES:
        return "newcomer"
    return "new_to_azure"


def held_and_active(code: str, profile: Profile, catalog: Catalog, today: date) -> bool:
    """Whether a held certification can still count (rule 3).

    Fundamentals never expire. The earned date is not known here, so a held certification counts as
    long as any holder's could: for a retired exam, until the latest expiry a renewal passed on the
    retirement day could give (retirement + renewal window + one year; advisor/certification_dates.py,
    rule 3), not one year after the retirement.
    """
    if not profile.holds(code) or not catalog.has_exam(code):
        return False
    return certification_standing(code, None, today, catalog).active


def _role(value: Optional[str]) -> str:
    return ROLE_LABELS.get(value or "other", value or "other")


# -- rule 1 --------------------------------------------------------------------------------

def needs_org_maturity(profile: Profile, catalog: Catalog, today: date) -> bool:
    """Rule 1 asks about the organisation's cloud maturity only for an administrator with no target
    who already holds AZ-104 (seed 003): the answer decides between AZ-305 and deepening the role."""
    return (profile.current_role == "administrator" and profile.target_role == UNDECIDED
            and held_and_active("AZ-104", profile, catalog, today))


def target_role_decides_track(profile: Profile, catalog: Catalog, today: date) -> Tuple[RoleTrack, bool, Reason]:
    """Rule 1: the target role picks the role track; an undecided target is inferred.

    Tracks and the current-role inference come from knowledge/role_tracks.yml. An administrator who
    already holds AZ-104 is pointed to AZ-305 where cloud "has taken root" and kept on the
    administrator track where the organisation is early in its adoption (seed 003).
    """
    target = profile.target_role
    if target and target != UNDECIDED:
        track = catalog.track(target)
        return track, False, Reason(
            "target_role_decides_track",
            f"You want to become a {_role(target)}, so your path follows the {track.title} track: {track.summary}",
            (Fact(track.summary, track.source),),
        )
    current = profile.current_role or "other"
    if needs_org_maturity(profile, catalog, today):
        if profile.org_cloud_maturity == "mature":
            track = catalog.track("architect")
            text = ("You haven't picked a target yet. You already hold AZ-104, and your organisation's cloud "
                    "has taken root: that is where architects who can weigh trade-offs are needed, so the "
                    "next step is AZ-305 (advice from 'AZ-104 vs AZ-305').")
        else:
            track = catalog.track("administrator")
            text = ("You haven't picked a target yet. You already hold AZ-104, and your organisation is early "
                    "in its cloud adoption: it needs the administrator who makes the cloud work day to day, so "
                    "deepen that role first; AZ-305 becomes the next step as the cloud takes root "
                    "(advice from 'AZ-104 vs AZ-305').")
        return track, True, Reason("target_role_decides_track", text, (Fact(track.summary, track.source),))
    inferred = catalog.track_inferred_from(current) or catalog.track("administrator")
    return inferred, True, Reason(
        "target_role_decides_track",
        f"You haven't picked a target role yet; for a {_role(current)} the natural next track is "
        f"{inferred.title}. Tell me a different goal at any time and I'll redo the path.",
        (Fact(inferred.summary, inferred.source),),
    )


# -- rule 2 --------------------------------------------------------------------------------

def lay_out_track_steps(rec: Recommendation, catalog: Catalog) -> None:
    """Rule 2: the track's own steps, in order (administrators AZ-104; architects AZ-305 after its
    prerequisite; DevOps AZ-400 after its prerequisite; developers AI-200; security, networking,
    database, data, analytics and AI per peers-and-decision-rules.md section 3).

    Foundation steps are skipped for the experience levels the track names.
    """
    for track_step in rec.track.steps:
        exam = catalog.exam(track_step.exam)
        if track_step.kind == "foundation" and rec.profile.azure_experience in track_step.skip_for_experience:
            continue
        rec.steps.append(Step(
            exam=exam, kind=track_step.kind,
            reasons=[Reason("lay_out_track_steps", track_step.why, exam_facts(exam, catalog))],
        ))


# -- rule 7 (retirements) --------------------------------------------------------------------

def replace_retired_exams(rec: Recommendation, catalog: Catalog) -> None:
    """Rule 7: a retired exam is never recommended; it is replaced by its successor, and the reply
    says what retired and when. Recent retirements whose successor is on the path are announced too,
    so a developer who expects AZ-204 hears that it retired and that AI-200 replaced it.
    """
    today = rec.today
    retirement = catalog.policy("retirement")
    conversion = catalog.policy("no_conversion")
    replaced: List[Step] = []
    for step in rec.steps:
        exam = step.exam
        late = retires_before_finish(exam, rec, catalog)
        if not exam.is_retired_on(today) and late is None:
            replaced.append(step)
            continue
        if late is not None:
            replace_too_late_exam(step, late, rec, catalog)
            if late.successor is not None:
                replaced.append(step)
            continue
        successor = catalog.current_successor(exam.code, today)
        when = exam.status.retirement_date.isoformat() if exam.status.retirement_date else "earlier"
        if successor is None:
            rec.warnings.append(Reason(
                "replace_retired_exams",
                f"{exam.code} retired on {when} and has no successor, so it is left out.",
                (Fact(exam.status.note or f"{exam.code} is retired.", exam.status.source),),
            ))
            continue
        step.exam = successor
        step.reasons.insert(0, Reason(
            "replace_retired_exams",
            f"{exam.code} retired on {when}; {successor.code} is the exam to take instead.",
            (Fact(exam.status.note or "", exam.status.source), Fact(retirement.statement, retirement.source)),
        ))
        replaced.append(step)
    rec.steps = replaced
    for step in rec.steps:
        for old in catalog:
            if old.status.successor != step.code or old.status.retirement_date is None:
                continue
            if any(check.exam_code == old.code for check in rec.pace_replacements):
                continue
            days = (today - old.status.retirement_date).days
            if old.is_retired_on(today) and days <= RETIREMENT_NEWS_DAYS:
                text = (f"{old.code} ({old.title}) retired on {old.status.retirement_date.isoformat()}; "
                        f"its successor {step.code} is the exam to take. {conversion.statement}")
            elif old.is_retiring_on(today):
                text = (f"{old.code} retires on {old.status.retirement_date.isoformat()}; start with its "
                        f"successor {step.code}: a certification earned now could not be renewed after that date.")
            else:
                continue
            rec.warnings.append(Reason(
                "replace_retired_exams", text,
                (Fact(old.status.note or text, old.status.source), Fact(retirement.statement, retirement.source)),
            ))


def retires_before_finish(exam: Exam, rec: Recommendation, catalog: Catalog) -> Optional[PaceCheck]:
    """Rule 7 (pace): the exam retires before the person could finish studying for it at their weekly
    hours (upper end of the rule-8 estimate, from today; advisor/certification_dates.py, rule 6)."""
    hours = rec.profile.weekly_hours
    if not hours or not exam.study_hours:
        return None
    weeks = weeks_for(exam.study_hours.for_background(study_background(rec.profile)), hours)[1]
    check = pace_check(exam, weeks, hours, rec.today, catalog)
    return check if check is not None and check.too_late else None


def replace_too_late_exam(step: Step, late: PaceCheck, rec: Recommendation, catalog: Catalog) -> None:
    """Swap a step that retires before the person could finish it for its successor (or drop it)."""
    rec.pace_replacements.append(late)
    exam = step.exam
    pace = (f"{exam.code} retires on {late.retires_on.isoformat()}, before you could finish studying for it "
            f"at {late.weekly_hours:g} h/week (about {late.weeks_needed} weeks)")
    facts = (Fact(exam.status.note or pace, exam.status.source),)
    if late.successor is None:
        rec.warnings.append(Reason("replace_retired_exams", f"{pace}, and it has no successor, so it is left out.",
                                   facts))
        return
    successor = catalog.exam(late.successor)
    old_facts = exam_facts(exam, catalog)
    step.reasons = [Reason(r.rule, r.text, exam_facts(successor, catalog)) if r.facts == old_facts else r
                    for r in step.reasons]
    step.exam = successor
    step.reasons.insert(0, Reason("replace_retired_exams", f"{pace}; take {late.successor} instead.", facts))


# -- rule 6 --------------------------------------------------------------------------------

def somewhere_in_between(rec: Recommendation, catalog: Catalog) -> None:
    """Rule 6: someone who is both administrator and developer goes AZ-104 first, then the developer
    exam (seed 000: "The typical path is AZ-104 first ... followed by AZ-204 to add development
    depth"; AZ-204's successor is AI-200).
    """
    if rec.track.role != "developer" or rec.profile.current_role not in ("administrator", "devops_engineer"):
        return
    if any(step.code == "AZ-104" for step in rec.steps):
        return
    exam = catalog.exam("AZ-104")
    rec.steps.insert(0, Step(exam=exam, kind="foundation", reasons=[Reason(
        "somewhere_in_between",
        "You are somewhere in between administrator and developer: the usual path is AZ-104 first, to "
        "build on the operations work you already do, then the developer exam to add development depth "
        "(advice from 'AZ-104 vs AZ-204').",
        exam_facts(exam, catalog),
    )]))


# -- rule 3 --------------------------------------------------------------------------------

def expert_prerequisites(rec: Recommendation, catalog: Catalog) -> None:
    """Rule 3: an expert certification needs one of its "any of" prerequisite sets (knowledge base);
    a held certification that is still active satisfies it, and a missing one is added before the
    expert exam. The exam itself may be sat first; the certification is awarded once both are held.
    """
    index = 0
    while index < len(rec.steps):
        step = rec.steps[index]
        exam = step.exam
        sets = exam.prerequisite_sets
        if not sets:
            index += 1
            continue
        earlier = {s.code for s in rec.steps[:index]}
        source = exam.prerequisites.source if exam.prerequisites else None
        note = Fact(exam.prerequisites.note, source) if exam.prerequisites and exam.prerequisites.note else None
        options = " or ".join(" + ".join(option) for option in sets)
        satisfied = next((option for option in sets if all(
            held_and_active(code, rec.profile, catalog, rec.today) or code in earlier for code in option
        )), None)
        if satisfied is not None:
            held = [code for code in satisfied if rec.profile.holds(code)]
            text = (f"The {exam.certification} certification requires {options}. "
                    + (f"You already hold {', '.join(held)}, which counts." if held
                       else f"{' and '.join(satisfied)} comes first on your path for that reason."))
            step.reasons.append(Reason("expert_prerequisites", text, tuple(f for f in (note,) if f)))
            for earlier_step in rec.steps[:index]:
                if earlier_step.code in satisfied:
                    earlier_step.reasons.append(Reason(
                        "expert_prerequisites",
                        f"It is also the prerequisite for the {exam.certification} certification ({exam.code}).",
                        tuple(f for f in (note,) if f),
                    ))
            index += 1
            continue
        current = [o for o in sets if all(not catalog.exam(code).is_retired_on(rec.today) for code in o)] or sets
        on_track = {s.exam for s in rec.track.steps}  # SC-100 on the security track: SC-500, not SC-200
        option = next((o for o in current if all(code in on_track for code in o)), current[0])
        missing = [code for code in option if code not in earlier and not rec.profile.holds(code)]
        for code in missing:
            needed = catalog.exam(code)
            rec.steps.insert(index, Step(exam=needed, kind="prerequisite", reasons=[Reason(
                "expert_prerequisites",
                f"The {exam.certification} certification requires {_labelled(sets, catalog)}; you may sit "
                f"{exam.code} first, but the expert certification is only awarded once {code} is held too.",
                tuple(f for f in (note,) if f) + exam_facts(needed, catalog),
            )]))
            index += 1
        step.reasons.append(Reason(
            "expert_prerequisites",
            f"Requires {options} for the certification; {', '.join(missing)} is on your path before it.",
            tuple(f for f in (note,) if f),
        ))
        index += 1


def _labelled(sets: Tuple[Tuple[str, ...], ...], catalog: Catalog) -> str:
    """Prerequisite options with what each earns: "the Azure Administrator Associate (AZ-104) or the …"."""
    return " or ".join(f"the {catalog.exam(o[0]).certification} ({o[0]})" if len(o) == 1 else " + ".join(o)
                       for o in sets)


# -- rule 5 --------------------------------------------------------------------------------

def coding_gate(rec: Recommendation, catalog: Catalog) -> None:
    """Rule 5: an exam that expects real coding is never the first step for someone with low coding
    comfort. Seed 000: "If you can't comfortably read and write C# or Python ... it will be an uphill
    battle"; the advisor says so and puts a non-coding step first (the track's coding bridge).
    """
    comfort = rec.profile.coding_comfort
    for position, step in enumerate(rec.steps):
        level = step.exam.coding.level
        coding_fact = Fact(step.exam.coding.note or f"{step.code} expects {level} skills.", step.exam.coding.source)
        if level == "application" and comfort == "low":
            before = [s for s in rec.steps[:position] if not s.optional and s.exam.coding.level != "application"]
            bridge_code = rec.track.coding_bridge or rec.track.fundamentals
            first = ""
            if not before and not rec.profile.holds(bridge_code):
                bridge = catalog.exam(bridge_code)
                rec.steps.insert(position, Step(exam=bridge, kind="bridge", reasons=[Reason(
                    "coding_gate",
                    f"{bridge.code} comes first because {step.code} expects real coding and you told me you "
                    "rarely write code: it builds on what you do today while you learn to code.",
                    exam_facts(bridge, catalog),
                )]))
                first = f" Start with {bridge.code}, and learn to code"
            else:
                first = " Learn to code"
            rec.warnings.append(Reason(
                "coding_gate",
                f"Honestly, {step.code} would be an uphill battle right now: it expects you to read and write "
                f"application code comfortably.{first} first (a few weeks of Python "
                f"foundations, then small Azure projects) before you book {step.code}.",
                (coding_fact,),
            ))
            return
        if level == "application" and comfort == "medium":
            rec.warnings.append(Reason(
                "coding_gate",
                f"{step.code} expects application code, beyond scripting: build a few small apps against "
                "Azure SDKs while you study.",
                (coding_fact,),
            ))
            return
        if level == "scripting" and comfort == "low" and not step.optional:
            rec.warnings.append(Reason(
                "coding_gate",
                f"{step.code} expects scripting, queries or pipeline definitions; practise those alongside "
                "the theory.",
                (coding_fact,),
            ))
            return


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
           else f"as a {_role(profile.current_role)} it gives you the vocabulary first")
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


def collect_alternatives(rec: Recommendation, catalog: Catalog) -> None:
    """Alternatives from the track (and, when the track is done, where to go next)."""
    on_path = set(rec.path)
    candidates: List[Tuple[str, str]] = [(a.exam, a.when) for a in rec.track.alternatives]
    if not rec.steps:
        candidates = [(code, "a next step after this track") for code in rec.track.next] + candidates
    for code, when in candidates:
        exam = catalog.exam(code)
        if code in on_path or exam.is_retired_on(rec.today) or held_and_active(code, rec.profile, catalog, rec.today):
            continue
        if any(a.exam.code == code for a in rec.alternatives):
            continue
        rec.alternatives.append(Alternative(exam=exam, when=when))


# -- rule 8 --------------------------------------------------------------------------------

def weeks_for(hours: Tuple[int, int], weekly_hours: float) -> Tuple[int, int]:
    """Weeks for a range of study hours at `weekly_hours` a week, with practice-test weeks."""
    per_week = weekly_hours * STUDY_EFFICIENCY
    return (math.ceil(hours[0] / per_week) + PRACTICE_WEEKS[0], math.ceil(hours[1] / per_week) + PRACTICE_WEEKS[1])


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
        held = ", ".join(e.code for e in rec.already_held) or "the track's exams"
        rec.next_actions.append(
            f"You already hold {held}. Keep it current: renewal is free and online in the "
            f"{renewal.values['window_months']} months before it expires."
        )
        return
    first = next((s for s in rec.steps if not s.optional), rec.steps[0])
    rec.next_actions += [
        f"Open the {first.code} page on Microsoft Learn and follow its free learning path: {first.exam.learn_url}",
        f"Take the free practice assessment for {first.code} early, and again before you book; "
        "book the exam when you score well on it.",
        "Practise hands-on in a free Azure account or the Learn sandbox: role-based exams test doing, not reading.",
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
