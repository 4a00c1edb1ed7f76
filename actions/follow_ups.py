"""`action_answer_follow_up`: after a recommendation, "does my AWS cert count?" and "will this get me a job?".

Short, direct answers relative to the person's path (never the whole path again); which kind of
question it is comes from `components/follow_up_reader.py`, through the follow-up policy.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import List, Optional, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel_output import send
from actions.context import advisor_today, catalog, profile_from
from actions.exam_mentions import codes_with_bare_numbers, question_part
from actions.held_validity import held_validity
from actions.profile_reading import latest_text
from advisor.deadline import check_deadline, check_path, steps_by_deadline
from advisor.equivalents import equivalent_answer
from advisor.estimate_basis import estimate_basis
from advisor.exam_family import (
    counts_toward_answer,
    coverage_answer,
    family_answer,
    find_exam_answer,
    held_counts_answer,
    prerequisite_pair,
)
from advisor.recommendation import Fact, Recommendation
from advisor.rules import recommend, study_background, weeks_for
from advisor.team_paths import team_answer
from components.answer_certifications import other_vendors
from components.answer_deadline import read_deadline
from components.answer_numbers import read_hours
from components.answer_roles import roles_named
from components.follow_up_reader import follow_up_kind, with_held_dates
from knowledge.resolver import find_exam_mentions
from presentation.compose import compose, reply_to
from presentation.exam_replies import answer_about_exam
from presentation.formats import per_week, span
from presentation.reply import Button, Reply
from presentation.why_answers import why_not

CLOUD_VENDORS = ("AWS", "Google Cloud", "Oracle")


def other_vendor_reply(vendors: List[str], rec: Recommendation) -> Reply:
    """Another vendor's certification: experience that helps, never a step skipped or a prerequisite met."""
    kb = catalog()
    named = " and ".join(vendors) if vendors else "other vendors'"
    path = " → ".join(rec.path) if rec.path else "your path"
    facts: List[Fact] = []
    first = rec.steps[0].exam if rec.steps else None
    source = first.prerequisites.source if first and first.prerequisites else rec.track.source
    facts.append(Fact(f"It doesn't replace a step: Microsoft's exams and prerequisites only count Microsoft "
                      f"certifications, so {path} stays as it is.", source))
    if any(v in CLOUD_VENDORS for v in vendors):
        policy = kb.policy("fundamentals_not_prerequisite")
        optional = [s.code for s in rec.steps if s.optional]
        if optional:
            facts.append(Fact(f"It does help: cloud concepts carry over, so you can skip the optional {optional[0]} "
                              "and start with the next step.", policy.source))
        facts.append(Fact("Spend your study time on what is specific to Azure: Entra ID identities, role-based "
                          "access, Azure networking and governance.", None))
    else:
        facts.append(Fact("It does help: it shows the IT, networking or security basics the Azure exams assume; "
                          "the Azure-specific parts are what to study.", None))
    return compose(f"Your {named} certification counts as experience, not as a step of your path.", facts,
                   (Button("Why this path?", "/explain_recommendation"),))


def career_reply(rec: Recommendation, codes: Optional[List[str]] = None) -> Reply:
    """Whether the path (or the exam named) gets a job: honest, with no invented numbers."""
    step = rec.step(codes[0]) if codes else None
    if codes and step is None:  # "would AI-900 look better on my CV?": why it is or isn't on the path first
        return why_not(codes[0], rec.profile, catalog(), rec.today)
    if step is not None:  # "is AZ-400 still worth it?": what this step earns and why it is on the path
        goal = next((s for s in reversed(rec.steps) if not s.optional), None)
        heading = (f"{step.code} is optional: it earns {step.exam.certification}, the overview; your goal's "
                   f"credential is {goal.exam.certification} ({goal.code})." if step.optional and goal else
                   f"For your goal, yes: {step.code} earns {step.exam.certification} and is step "
                   f"{rec.path.index(step.code) + 1} of your path.")
        facts = [Fact(reason.text, reason.facts[0].source if reason.facts else None) for reason in step.reasons[:1]]
        facts.append(Fact("I have no salary or hiring data; employers verify the credential and still hire on "
                          "hands-on work, so pair it with a small project you can show.", None))
        return compose(heading, facts, (Button("Why this path?", "/explain_recommendation"),))
    target = next((s for s in reversed(rec.steps) if not s.optional), None)
    earns = f"{target.exam.certification} ({target.code})" if target else "the certifications on your path"
    return Reply(
        text=(f"I can't promise a job or a raise, and I have no salary data. What the path gives you is {earns}: "
              "a Microsoft credential that employers can verify and often use to shortlist. They still hire on "
              "hands-on experience, so pair each exam with a small project you can show (a lab you built, a "
              "script, a deployment). That's advice, not a fact from Microsoft."),
        buttons=(Button("Study plan", "/ask_study_plan"), Button("Why this path?", "/explain_recommendation")),
    )


def faster_reply(rec: Recommendation) -> Reply:
    """The quickest certification on the track, and the ways to shorten the path."""
    kb = catalog()
    hours = rec.profile.weekly_hours
    fundamentals = kb.exam(rec.track.fundamentals)
    if fundamentals.is_retired_on(rec.today):
        fundamentals = kb.current_successor(fundamentals.code, rec.today) or fundamentals
    facts: List[Fact] = []
    quick = fundamentals.study_hours.for_background(study_background(rec.profile)) if fundamentals.study_hours else None
    quick_time = (f", about {span(quick, 'hours')} of study" if quick else "") + (
        f" (roughly {span(weeks_for(quick, hours), 'weeks')} at {per_week(hours)})"
        if quick and hours else "")
    heading = (f"Quickest: {fundamentals.code} ({fundamentals.certification}){quick_time}. It is the overview "
               "certification; say \"just the fundamentals\" and I'll make it your whole path.")
    if rec.profile.holds(fundamentals.code) or fundamentals.code in rec.profile.skipped_exams or \
            rec.profile.goal_scope == "fundamentals":  # never offer what they hold, skipped or already chose
        heading = f"The quickest way is your path as it is ({' → '.join(rec.path) or 'complete'}), with more hours."
    target = next((s for s in reversed(rec.steps) if not s.optional and s.kind == "target"), None)
    if target and target.weeks and hours:
        facts.append(Fact(f"The role certification, {target.code}, takes about {span(target.weeks, 'weeks')} "
                          f"at {per_week(hours)} on its own.", rec.track.source))
    skippable = [s.code for s in rec.steps if s.optional or s.kind in ("foundation", "bridge")]
    if skippable:
        facts.append(Fact(f"You can also skip {', '.join(skippable)} (nothing requires it): say \"skip "
                          f"{skippable[0]}\".", None))
    if hours and rec.total_weeks:
        doubled = recommend(replace(rec.profile, weekly_hours=min(hours * 2, 80.0)), kb, rec.today)
        if doubled.total_weeks:
            facts.append(Fact(f"More time shortens it most: at {per_week(min(hours * 2, 80.0))} the whole path takes "
                              f"about {span(doubled.total_weeks, 'weeks')} instead of "
                              f"{rec.total_weeks[0]}–{rec.total_weeks[1]}.", rec.track.source))
    return compose(heading, facts, (Button("Just the fundamentals", "just the fundamentals"),))


# "both by May", "the expert cert by end of May": the path up to the goal, not its first step
_SEVERAL_RE = re.compile(r"\b(?:both|all|whole|entire|everything|full path|the path|expert|certified|"
                         r"the (?:cert|certification|goal))\b", re.IGNORECASE)


def deadline_reply(rec: Recommendation, codes: List[str], text: str, hours: Optional[float],
                   deadline: date) -> Reply:
    """Whether the exam (or the path's first required step) fits before the deadline, at the person's hours."""
    when = deadline.strftime("%-d %B %Y")
    if not hours:
        return Reply(text=f"To tell you whether it fits before {when}, I need your study time: how many hours a "
                          "week can you give it?")
    several = len(codes) > 1 or bool(_SEVERAL_RE.search(text))
    check = (check_path(rec, codes, hours, deadline) if several else None) or \
        check_deadline(rec, codes[0] if codes else None, hours, deadline, catalog())
    code = codes[0] if codes else None
    if check is None:
        return Reply(text=f"I have no study-time estimate for {code or 'that exam'}, so I can't say whether it fits "
                          f"before {when}.")
    takes = "take" if " and " in check.code else "takes"
    needed = f"{span(check.weeks, 'weeks')} at {per_week(hours)}"
    left = f"{check.weeks_left} weeks until {when}"
    if check.verdict == "fits":
        heading = f"Yes: {check.code} {takes} about {needed}, and you have {left}."
    elif check.verdict == "tight":
        sure = (f" At about {per_week(check.hours_for_all)} it fits even at the slow end."
                if check.hours_for_all and check.hours_for_all > hours else "")
        heading = (f"Possible but tight: {check.code} {takes} about {needed}, and you have {left}. It works if your "
                   f"study goes at the quick end of the estimate.{sure}")
    else:
        # "at 7 h/week it would fit" must hold for the whole estimate, or say it is the quick end only
        if check.hours_for_all:
            more = f" At about {per_week(check.hours_for_all)} it would fit"
            if check.hours_needed and check.hours_needed < check.hours_for_all:
                more += f" (about {per_week(check.hours_needed)} if your study goes at the quick end)"
            more += "."
        elif check.hours_needed:
            more = f" At about {per_week(check.hours_needed)} it is possible, at the quick end of the estimate only."
        else:
            more = " No realistic weekly time makes it fit."
        heading = f"Not at this pace: {check.code} {takes} about {needed}, and you have {left}.{more}"
    fitting = steps_by_deadline(rec, hours, deadline) if code is None else []
    facts: List[Fact] = []
    if fitting and len(rec.steps) > 1:
        facts.append(Fact(f"Before {when} you could finish: {', '.join(fitting)} (the quick end of each "
                          "estimate, one after another).", None))
    facts.append(Fact("Weeks are study hours ÷ (your hours a week × 0.8), plus 1–2 weeks of practice tests.",
                      rec.track.source))
    return compose(heading, facts, (Button("Study plan", "/ask_study_plan"),))


def _codes(text: str, rec: Recommendation) -> List[str]:
    """The exams the message names, bare numbers read against the path."""
    kb, today = catalog(), advisor_today()
    return codes_with_bare_numbers(text, tuple(m.code for m in find_exam_mentions(text, kb, today) if m.code),
                                   kb, rec.path)


def _my_code(text: str, codes: List[str]) -> str:
    """The exam the person says is theirs ("what about SC-100? does my SC-200 count?" → SC-200)."""
    match = re.search(r"\b(?:my|i (?:have|hold|got|passed|earned)|i'?ve got)\s+(?:[A-Za-z]{2}[\s-]?)?(\d{3})\b", text,
                      re.IGNORECASE)
    if match:
        mine = [code for code in codes if code.endswith(f"-{match.group(1)}")]
        if mine:
            return mine[0]
    return codes[0] if codes else ""


def _held_counts(code: str, rec: Recommendation) -> Tuple[List[Reply], List[EventType]]:
    """"does my MS-900 count?": noted as held when it was not yet, then what it changes."""
    kb = catalog()
    replies: List[Reply] = []
    events: List[EventType] = []
    if not rec.profile.holds(code):
        held = list(rec.profile.certifications_held) + [code]
        rec = recommend(replace(rec.profile, certifications_held=tuple(held)), kb, rec.today)
        replies.append(Reply(text=f"Noted: you hold {code} (I've added it to your certifications)."))
        events += [SlotSet("certifications_held", held), SlotSet("recommended_path", rec.path)]
    return replies + [reply_to(held_counts_answer(code, rec, kb))], events


class ActionAnswerFollowUp(Action):
    """Answers follow-ups relative to the recommended path: other vendors, careers, deadlines, families,
    and whether a held certification counts."""

    def name(self) -> str:
        return "action_answer_follow_up"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        text = question_part(tracker)[1] if not latest_text(tracker).startswith("/") else latest_text(tracker)
        rec = recommend(profile_from(tracker), catalog(), advisor_today())
        kind = with_held_dates(follow_up_kind(text), text, list(tracker.get_slot("certification_dates") or {}),
                               tracker.get_slot("exam_in_focus")) or "career"
        codes = _codes(text, rec)
        events: List[EventType] = [SlotSet("answer_kind", kind)]
        if codes and kind in ("held_counts", "exam_family", "deadline"):
            events.append(SlotSet("exam_in_focus", codes[0]))
        replies: List[Reply]
        deadline = read_deadline(text, rec.today) if kind == "deadline" else None
        mine = _my_code(text, codes)
        if kind == "held_validity":
            replies, changes = held_validity(tracker, text, [mine] + [c for c in codes if c != mine] if mine else [],
                                             rec)
            events += changes
        elif kind == "held_counts" and codes:
            replies, changes = _held_counts(mine, rec)
            events += changes
        elif kind == "covers" and codes:  # "is AZ-104 all Windows?"; "what does PL-300 cover?" gets the outline
            kb = catalog()
            covered = coverage_answer(codes[0], text, kb)
            replies = ([reply_to(covered)] if covered else
                       list(answer_about_exam(kb.exam(codes[0]), ["skills"], kb, rec.today)))
        elif kind == "equivalent":  # no mapping for that vendor ("700 vs ccnp"): what the certification counts as
            equivalent = equivalent_answer(text, catalog(), rec.today, tuple(codes))
            replies = [reply_to(equivalent) if equivalent else other_vendor_reply(list(other_vendors(text)), rec)]
        elif kind == "find_exam":
            replies = [reply_to(find_exam_answer(text, catalog(), rec.today))]
        elif kind == "counts_toward" and len(codes) >= 2:
            replies = [reply_to(counts_toward_answer(*prerequisite_pair(text, codes), catalog()))]
        elif kind == "exam_family" and codes:
            replies = [reply_to(family_answer(codes[0], rec, catalog()))]
        elif deadline is not None:
            hours = read_hours(text, asked=False) or rec.profile.weekly_hours
            replies = [deadline_reply(rec, codes, text, hours, deadline)]
        elif kind == "faster":
            replies = [faster_reply(rec)]
        elif kind == "estimate_basis":
            replies = [reply_to(estimate_basis(rec))]
        elif kind == "others_path":  # "which certs should my helpdesk guys do?": theirs, the person's own kept
            replies = [reply_to(team_answer(roles_named(text), catalog(), rec.today))]
        elif kind == "other_vendor":
            replies = [other_vendor_reply(list(other_vendors(text)), rec)]
        else:
            replies = [career_reply(rec, codes)]
        send(dispatcher, tracker, replies)
        return events
