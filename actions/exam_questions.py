"""`action_answer_exam_question`: facts about one exam, or the general certification rules."""

from __future__ import annotations

import re
from typing import List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel_output import send
from actions.exam_mentions import exam_in_focus, latest_entity_values, read_question
from advisor.exam_answers import (
    answer_about_exam,
    answer_about_rules,
    is_rule_question,
    which_exam_reply,
)
from advisor.path_questions import is_path_question, path_step_answer


class ActionAnswerExamQuestion(Action):
    """Answers what was asked about the exam named (or the one discussed last), with sources."""

    def name(self) -> str:
        return "action_answer_exam_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb, today, profile, text, mentions = read_question(tracker)
        aspects = latest_entity_values(tracker, "exam_aspect")
        unknown = mentions.unknown_reply(kb)
        if unknown is not None and not mentions.codes:
            send(dispatcher, tracker, [unknown])
            return []
        if not mentions.codes and mentions.ambiguous:
            candidates = [kb.exam(code) for code in mentions.ambiguous[0].candidates if code in kb.exams]
            send(dispatcher, tracker, [which_exam_reply(candidates)])
            return []
        codes = list(mentions.codes)
        path = [c for c in tracker.get_slot("recommended_path") or [] if c in kb.exams]
        what_about = re.match(r"^\W*(?:what|how) about\b", text, re.IGNORECASE)
        if path and codes and (is_path_question(text) or what_about) and not aspects:
            # "do I need AZ-900 before AZ-104?": relative to the path, not two fact sheets
            send(dispatcher, tracker, [path_step_answer(codes, text, profile, kb, today)])
            return [SlotSet("exam_in_focus", codes[0]), SlotSet("answer_kind", "path_step")]
        if not codes and is_rule_question(aspects):
            send(dispatcher, tracker, list(answer_about_rules(aspects, kb)))
            return []
        focus = exam_in_focus(tracker, kb)
        if not codes and focus:
            codes = [focus]
        if not codes:
            path = [kb.exam(code) for code in tracker.get_slot("recommended_path") or [] if code in kb.exams]
            send(dispatcher, tracker, [which_exam_reply(path)])
            return []
        for code in codes[:2]:
            send(dispatcher, tracker, list(answer_about_exam(kb.exam(code), aspects, kb, today, profile)))
        return [SlotSet("exam_in_focus", codes[-1] if len(codes) <= 2 else codes[1])]
