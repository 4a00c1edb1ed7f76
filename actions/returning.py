"""A returning person: the welcome back at a new session, exam results, "am I on track?" and "forget me".

Thin actions over the rules in `advisor/returning.py` and `advisor/retake.py`, worded by
`presentation/returning_replies.py`; which kind of message it is comes from `components/returning_reader.py`
through the follow-up policy. "Forget me" asks once (buttons); on "yes" the action answers and marks the turn
(`answer_kind` = `FORGOTTEN`), and `rasa_runtime/privacy.py` deletes the conversation from the tracker store
once Rasa has saved that turn (a deletion here would be undone by that save).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Dict, List, Optional, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel_output import send
from actions.context import advisor_today, catalog, previous_bot_text, profile_from, value_before_latest_message
from actions.exam_mentions import bare_numbers, codes_with_bare_numbers, exam_in_focus, path_codes
from actions.profile_reading import latest_text
from advisor.returning import passed
from components.answer_numbers import read_hours
from components.message_parts import question_spans, without_questions
from components.returning_reader import (
    FORGET_QUESTION,
    answer_to_question,
    denied_spans,
    failed_attempts,
    read_exam_day,
    read_result_date,
    returning_kind,
)
from knowledge.resolver import find_exam_mentions
from presentation.reply import Button, Reply
from presentation.returning_replies import (
    failed_reply,
    on_track_reply,
    passed_reply,
    retake_rule_reply,
    weak_areas_reply,
    welcome_back_reply,
)

FORGOTTEN = "forgotten"  # the answer_kind that rasa_runtime/privacy.py deletes the conversation after
# Slots that belong to one turn or one session, never carried into the next session.
NOT_CARRIED = ("requested_slot", "session_started_metadata", "answer_kind", "unanswered_question")
STORED = ("your profile (role, coding, goal, Azure experience, certifications and their dates, study hours), "
          "your recommended path and the changes you asked for, and every message of our conversation")


def _exam(tracker: Tracker, text: str) -> Optional[str]:
    """The exam the message names (bare numbers read against the path), else the path's first, else in focus."""
    kb, path = catalog(), path_codes(tracker, catalog())
    text = without_questions(text)  # "passed on nov 27. do i really still need 104?": the exam passed is not AZ-104
    named = tuple(m.code for m in find_exam_mentions(text, kb, advisor_today()) if m.code)
    codes = codes_with_bare_numbers(text, named, kb, path)
    if codes:
        return codes[0]
    return path[0] if path else exam_in_focus(tracker, kb)


# The exam the assistant's own question was about ("How did AZ-104 go?", "Have you taken AZ-104 yet").
_ASKED_RE = re.compile(r"\b(?:How did|Have you taken|I passed) ([A-Z]{2}-\d{3})\b")


def _inside(spans: List[Tuple[int, int]], start: int) -> bool:
    return any(a <= start < b for a, b in spans)


def result_exam(tracker: Tracker, text: str, kind: Optional[str]) -> Tuple[Optional[str], Tuple[str, ...]]:
    """The exam a result is about, and the exams the person says they did not pass (a correction).

    An exam named in a question clause is not the exam passed or failed ("passed it on monday! can I book
    az-400 right away?"), nor one the person denies passing ("I did NOT pass 104. I passed 140"). Without a
    stated exam it is the one the assistant asked about, else the path's first, else the exam the conversation
    was about (in focus), else the path's next; never one named in the question or denied, nor (for a pass) one
    held already (then None: the action asks which).
    """
    kb, path = catalog(), path_codes(tracker, catalog())
    spots = [(m.start, m.code) for m in find_exam_mentions(text, kb, advisor_today()) if m.code]
    named = [(m.start, m.end) for m in find_exam_mentions(text, kb, advisor_today())]
    spots += [(start, code) for start, _, code in bare_numbers(text, kb, path) if not _inside(named, start)]
    spots.sort()
    questions = question_spans(text)
    denied = denied_spans(text) if kind == "exam_passed" else []
    stated = [code for start, code in spots if not _inside(questions, start) and not _inside(denied, start)]
    withdrawn = tuple(dict.fromkeys(code for start, code in spots if _inside(denied, start) and code not in stated))
    if stated:
        return stated[0], withdrawn
    excluded = {code for _, code in spots}
    held = set(tracker.get_slot("certifications_held") or [])
    asked = _ASKED_RE.search(previous_bot_text(tracker))
    for code in ([asked.group(1)] if asked else []) + path[:1] + [exam_in_focus(tracker, kb)] + path[1:]:
        if code and code in kb.exams and code not in excluded and not (kind == "exam_passed" and code in held):
            return code, withdrawn
    return None, withdrawn


WELCOME_BACK = "welcome_back"  # answer_kind after the welcome back (components/follow_up_policy.welcomed_back)


class ActionSessionStart(Action):
    """A new session keeps the profile; a person who had a path is welcomed back with it."""

    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        events: List[EventType] = [SessionStarted()]
        carry = (domain.get("session_config") or {}).get("carry_over_slots_to_new_session", True)
        if carry:
            events += [SlotSet(name, value) for name, value in tracker.slots.items()
                       if value is not None and name not in NOT_CARRIED]
            path = tracker.get_slot("recommended_path")
            if path is not None:
                send(dispatcher, tracker, [welcome_back_reply(path_codes(tracker, catalog()))])
                events.append(SlotSet("answer_kind", WELCOME_BACK))  # the session's events say it (see the policy)
        return events + [ActionExecuted("action_listen")]


class ActionGreetReturning(Action):
    """"hi" from a person who was just welcomed back: the welcome back's question again, not the introduction
    and the whole profile form."""

    def name(self) -> str:
        return "action_greet_returning"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        reply = welcome_back_reply(path_codes(tracker, catalog()))
        send(dispatcher, tracker, [replace(reply, text="Hi again! " + reply.text.replace("Welcome back. ", ""))])
        return []


class ActionRecordExamResult(Action):
    """"I passed AZ-104" (held, congratulations, the path from there), "I failed" (retake rule, weak areas)."""

    def name(self) -> str:
        return "action_record_exam_result"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        text = latest_text(tracker)
        kind = answer_to_question(text, previous_bot_text(tracker)) or returning_kind(text)
        code, withdrawn = result_exam(tracker, text, kind)
        code = code or (tracker.get_slot("exam_in_focus") if kind == "weak_areas" else None)
        kb, today = catalog(), advisor_today()
        if kind == "exam_taken" and code is not None:  # "yes" to "Have you taken AZ-104 yet?"
            send(dispatcher, tracker, [Reply(text=f"How did {code} go?", buttons=(
                Button(f"I passed {code}", f"I passed {code}"), Button("I didn't pass", f"I failed {code}")))])
            return [SlotSet("answer_kind", kind), SlotSet("exam_in_focus", code)]
        if code is None or kind not in ("exam_passed", "exam_failed", "weak_areas"):
            if kind == "exam_failed":  # "I failed the exam, how long do I wait?": the rule itself
                send(dispatcher, tracker, [retake_rule_reply(kb)])
            else:
                ask = "Which exam was it? Tell me its code, for example \"I passed AZ-104\"."
                send(dispatcher, tracker, [Reply(text=ask)])
            return [SlotSet("answer_kind", kind or "exam_result")]
        profile = profile_from(tracker)
        events: List[EventType] = [SlotSet("answer_kind", kind), SlotSet("exam_in_focus", code)]
        if kind == "exam_passed":
            when = read_result_date(text, today)
            earned = when[0] if when and when[1] == "day" and when[0] <= today else None
            result = passed(code, earned, profile, kb, today, withdrawn)
            dates: Dict[str, Any] = {held: day for held, day in (tracker.get_slot("certification_dates") or {}).items()
                                     if held not in withdrawn}
            if earned:
                dates[code] = earned.isoformat()
            events += [SlotSet("certifications_held", list(result.held)),
                       SlotSet("recommended_path", result.recommendation.path),
                       SlotSet("certification_dates", dates or None)]
            send(dispatcher, tracker, [passed_reply(result)])
            return events
        if kind == "weak_areas":
            reply = weak_areas_reply(kb.exam(code), text, profile.weekly_hours)
            if reply is None:
                skills = kb.exam(code).skills
                names = "; ".join(d.name for d in skills.domains) if skills else "its skill areas"
                reply = Reply(text=f"I couldn't match that to {code}'s skill areas: {names}. Which was weakest?")
            send(dispatcher, tracker, [reply])
            return events
        # counted from before this message: an answer given twice in one turn is one failure, not two
        failures: List[str] = list(value_before_latest_message(tracker, "failed_exams") or [])
        attempt = max(failures.count(code) + 1, failed_attempts(text))
        when = read_result_date(text, today)
        failed_on = when[0] if when and when[0] <= today else today
        send(dispatcher, tracker, [failed_reply(kb.exam(code), failed_on, attempt, text, profile.weekly_hours, kb)])
        return events + [SlotSet("failed_exams", failures + [code])]


class ActionCheckOnTrack(Action):
    """"Am I on track? Exam in 3 weeks": the study hours the exam needs against the hours left."""

    def name(self) -> str:
        return "action_check_on_track"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        text = latest_text(tracker)
        today = advisor_today()
        code = _exam(tracker, text)
        if code is None:
            send(dispatcher, tracker, [Reply(text="Which exam are you preparing for? Tell me its code and the date.")])
            return [SlotSet("answer_kind", "on_track")]
        profile = profile_from(tracker)
        hours = read_hours(text, asked=False) or profile.weekly_hours
        retake = code in (tracker.get_slot("failed_exams") or [])
        reply = on_track_reply(code, profile, hours, read_exam_day(text, today), catalog(), today, retake)
        send(dispatcher, tracker, [reply])
        return [SlotSet("answer_kind", "on_track"), SlotSet("exam_in_focus", code)]


class ActionForgetMe(Action):
    """"Forget me": one confirmation, then the deletion (after the turn is saved) and what was deleted."""

    def name(self) -> str:
        return "action_forget_me"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        answer = answer_to_question(latest_text(tracker), previous_bot_text(tracker))
        if answer == "forget_confirmed":
            send(dispatcher, tracker, [Reply(text=(
                f"Done. I've deleted {STORED} from my conversation store. Nothing about you is kept: if you write "
                "again, we start from scratch. Calendar files you downloaded stay with you, and calendar links "
                "hold no name and stop working after 30 days."))])
            return [SlotSet("answer_kind", FORGOTTEN)]
        if answer == "forget_cancelled":
            send(dispatcher, tracker, [Reply(text="OK, I've deleted nothing: your profile and path are kept.")])
            return [SlotSet("answer_kind", "forget_cancelled")]
        send(dispatcher, tracker, [Reply(
            text=(f"{FORGET_QUESTION} That is {STORED}. It can't be undone."),
            buttons=(Button("Yes, delete everything", "yes, delete everything"),
                     Button("No, keep it", "no, keep it")))])
        return [SlotSet("answer_kind", "forget_asked")]
