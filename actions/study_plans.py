"""`action_make_study_plan`: how long an exam takes, a week-by-week plan, or the whole path's time and cost."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import List, Optional, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel_output import send
from actions.exam_mentions import (
    codes_with_bare_numbers,
    exam_in_focus,
    latest_entity_values,
    latest_weekly_hours,
    read_question,
)
from advisor.deadline import weeks_left
from advisor.path_questions import step_named
from advisor.rules import recommend
from advisor.study_plan import StudyPlanError, estimate_study_time, make_study_plan, path_totals
from components.answer_deadline import read_deadline
from presentation.plan_answers import estimate_reply, plan_reply, totals_reply
from presentation.reply import Button, Reply, intent_payload

NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
WEEKS_PER_MONTH = 4.345
MAX_PLAN_WEEKS = 52
_ALREADY_STUDYING_RE = re.compile(r"\b(?:already (?:been )?stud\w*|been studying|studied for|studying for (?:a|\d|two|"
                                  r"three|several|some)|halfway through|most of the (?:course|material))\b",
                                  re.IGNORECASE)
# "how long for the whole path?", "how long would that take me?" (right after the path: all of it)
WHOLE_PATH = re.compile(r"\b(whole|entire|all|total|everything|path|overall|altogether)\b|"
                        r"\bhow long (?:would|will|does|might) (?:that|this|it) take\b", re.IGNORECASE)


def weeks_from(text: str) -> Optional[int]:
    """`6 weeks` → 6, `two wks` → 2, `a month` → 4, `3 months` → 13; None when it is not a duration."""
    match = re.search(r"(\d{1,2}|[a-z]+)\s*(weeks?|wks?|months?)", text.lower())
    if not match:
        return None
    amount = int(match.group(1)) if match.group(1).isdigit() else NUMBER_WORDS.get(match.group(1))
    if amount is None:
        return None
    weeks = amount * WEEKS_PER_MONTH if match.group(2).startswith("month") else amount
    return max(1, round(weeks))


# Hours for a later season only ("in summer", "from june"): a what-if, the usual week is kept
_LATER_RE = re.compile(r"\b(?:from|in|during|over|after|starting|by)\s+(?:the\s+)?(?:summer|winter|spring|autumn|fall|"
                       r"holidays?|vacation|break|january|february|march|april|may|june|july|august|september|october|"
                       r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|next (?:year|month))\b",
                       re.IGNORECASE)


class ActionMakeStudyPlan(Action):
    """Plans the study for the exam named, the one discussed, or the next step of the path."""

    def name(self) -> str:
        return "action_make_study_plan"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb, today, profile, text, mentions = read_question(tracker)
        weeks_values = [w for w in (weeks_from(v) for v in latest_entity_values(tracker, "weeks_until_exam")) if w]
        weeks = weeks_values[0] if weeks_values else None
        deadline = read_deadline(text, today)  # "booked for dec 22", "i dont have 9 weeks, the exam is in 3 weeks"
        if deadline is not None:
            weeks = max(1, weeks_left(today, deadline))
        hours = latest_weekly_hours(tracker)
        unknown = mentions.unknown_reply(kb)
        if unknown is not None and not mentions.codes:
            send(dispatcher, tracker, [unknown])
            return []
        path = [c for c in tracker.get_slot("recommended_path") or [] if c in kb.exams]
        if hours is not None and path and not mentions.codes and (weeks is None or weeks > MAX_PLAN_WEEKS):
            # "74 weeks?! what if I do 10 hours a week": the whole path again at the new hours, kept as the answer.
            changed = replace(profile, weekly_hours=hours)
            totals = path_totals(recommend(changed, kb, today), kb, hours)
            later = bool(_LATER_RE.search(text)) and bool(profile.weekly_hours)
            note = None
            if later:  # "what if i only study in summer, like 25h a week from june": worked out, not stored
                note = Reply(text=f"Worked out at {hours:g} hours a week; your usual study time stays "
                                  f"{profile.weekly_hours:g} hours a week.")
            elif profile.weekly_hours and profile.weekly_hours != hours:
                note = Reply(text=f"Got it: your study time is now {hours:g} hours a week (it was "
                                  f"{profile.weekly_hours:g}).")
            send(dispatcher, tracker, ([note] if note else []) + [totals_reply(totals)])
            return ([] if later else [SlotSet("weekly_hours", hours)]) + [SlotSet("answer_kind", "study_time")]
        if weeks is not None and weeks > MAX_PLAN_WEEKS:
            send(dispatcher, tracker, [Reply(text=f"{weeks} weeks is further out than I plan for (at most "
                                                  f"{MAX_PLAN_WEEKS}); tell me a nearer date or your weekly hours.")])
            return []
        named = codes_with_bare_numbers(text, mentions.codes, kb, path)  # "stick with 104, give me a plan"
        code: Optional[str] = named[0] if named else None
        if code is None and path and (WHOLE_PATH.search(text) or text.strip() == "/ask_study_plan"):
            totals = path_totals(recommend(profile, kb, today), kb, hours)
            send(dispatcher, tracker, [totals_reply(totals)])
            return []
        # "study plan for the first one pls": the step named without its code, before the exam discussed last
        code = code or (step_named(text, path, kb) if path else None) or exam_in_focus(tracker, kb) or (
            path[0] if path else None)
        if code is None:
            send(dispatcher, tracker, [Reply(
                text="Which exam should I plan for? Name it (\"plan for AZ-104 in 6 weeks\"), or let me recommend "
                     "a path first.",
                buttons=(Button("Recommend a path", "/request_recommendation"),))])
            return []
        try:
            if weeks is None and hours is None and profile.weekly_hours is None:
                reply = estimate_reply(estimate_study_time(code, profile, kb, today))
            else:
                reply = plan_reply(make_study_plan(code, profile, kb, today, weeks=weeks, weekly_hours=hours))
        except StudyPlanError as error:
            buttons: Tuple[Button, ...] = ()
            if error.successor:
                buttons = (Button(f"Plan for {error.successor}", intent_payload("ask_study_plan",
                                                                               exam_code=error.successor)),)
            reply = Reply(text=str(error), buttons=buttons)
        if _ALREADY_STUDYING_RE.search(text) and weeks is not None:
            reply = replace(reply, text=f"You've already been studying, so use these {weeks} weeks to close gaps: take "
                                        "the free practice assessment now, then spend most of the time on the "
                                        "domains it shows as weakest. The full plan, to skim for what you know:\n\n"
                                        + reply.text)
        send(dispatcher, tracker, [reply])
        return [SlotSet("exam_in_focus", code)]


