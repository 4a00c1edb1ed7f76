"""`action_compare_exams`: two exams side by side, and "which is easier?" for this person."""

from __future__ import annotations

import re
from typing import List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel_output import send
from actions.exam_mentions import codes_with_bare_numbers, exam_in_focus, path_codes, read_question
from advisor.comparison import compare_exams, which_is_easier
from advisor.path_questions import is_path_question
from presentation.choice_answers import comparison_replies, for_you
from presentation.reply import Reply
from presentation.why_answers import path_step_answer

EASIER = re.compile(r"\b(easier|harder|easy|hard|difficult\w*|tough\w*|simpler)\b", re.IGNORECASE)
# "which is better for me?", "ai-300 vs ai-103 for me?": the verdict for this person first, then the table
FOR_ME = re.compile(r"\bfor (?:me|someone like me|my (?:job|role|goal|situation|case))\b|\bwhich (?:one )?(?:is )?"
                    r"(?:better|should i|would you)|\bshould i (?:do|take|pick)\b|\bwhat would you (?:pick|do)\b",
                    re.IGNORECASE)
WHICH_TWO = Reply(text="Which two exams should I compare? For example \"AZ-104 vs AZ-305\" or "
                       "\"the administrator and the architect exams\".")


class ActionCompareExams(Action):
    """Compares the two exams named (or one named with the one discussed, or the path's first step)."""

    def name(self) -> str:
        return "action_compare_exams"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb, today, profile, text, mentions = read_question(tracker)
        unknown = mentions.unknown_reply(kb)
        if unknown is not None:
            send(dispatcher, tracker, [unknown])
            return []
        codes = list(mentions.codes)
        path = path_codes(tracker, kb)
        if path and is_path_question(text) and not re.search(r"\b(?:vs\.?|versus|compare|difference|easier|harder)\b",
                                                             text, re.IGNORECASE):
            named = codes_with_bare_numbers(text, mentions.codes, kb, path)
            if named:
                send(dispatcher, tracker, [path_step_answer(named, text, profile, kb, today)])
                return [SlotSet("exam_in_focus", named[0]), SlotSet("answer_kind", "path_step")]
        others = [exam_in_focus(tracker, kb)] + list(tracker.get_slot("recommended_path") or [])
        for code in others:
            if len(codes) >= 2:
                break
            if code and code in kb.exams and code not in codes:
                codes.append(code)
        if len(codes) < 2:
            send(dispatcher, tracker, [WHICH_TWO])
            return []
        comparison = compare_exams(codes[0], codes[1], kb, today, profile)
        verdict = which_is_easier(codes[0], codes[1], kb, today, profile) if EASIER.search(text) else None
        replies = comparison_replies(comparison, today, verdict)
        if FOR_ME.search(text) and tracker.get_slot("recommended_path") is not None:
            replies = [for_you(codes[0], codes[1], profile, kb, today)] + list(replies)
        send(dispatcher, tracker, replies)
        return [SlotSet("exam_in_focus", codes[0])]
