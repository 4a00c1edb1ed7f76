"""`action_answer_exam_question`: facts about one exam, or the general certification rules."""

from __future__ import annotations

import re
from typing import List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel_output import send
from actions.exam_mentions import codes_with_bare_numbers, exam_in_focus, latest_entity_values, read_question
from advisor.exam_facts import is_rule_question
from advisor.path_questions import is_path_question
from components.follow_up_reader import CODING_ASK_RE, FORMAT_RE, PREPARATION_RE, RESCHEDULE_RE
from components.message_parts import HOW_MUCH_PRICE, IN_A_LANGUAGE
from presentation.exam_replies import answer_about_exam, answer_about_rules, which_exam_reply
from presentation.reply import Reply
from presentation.why_answers import path_step_answer

# Words the aspect lookup misses or reads as something else: "how long is DP-300 valid?" asks the validity,
# not the exam's length; "is there a student discount?" asks the price.
_VALIDITY_RE = re.compile(r"\bhow long\b.{0,40}\b(?:valid|good for|last(?:s)? (?:for|before|until))\b|"
                          r"\b(?:stay|stays|remain|remains) (?:valid|active)\b", re.IGNORECASE)
_DISCOUNT_RE = re.compile(r"\b(?:discounts?|discounted|vouchers?|cheaper|student price|academic pric\w*|"
                          r"coupons?|promo\w*|gi bill|funding|grants?|free exams?)\b", re.IGNORECASE)
_STATUS_RE = re.compile(r"\b(?:beta|live|out yet|released|retir\w*|still (?:available|offered|a thing|around)|"
                        r"discontinued|generally available|\bga\b)\b", re.IGNORECASE)
_PRICE_RE = re.compile(HOW_MUCH_PRICE + r"|\b(?:cost|costs|price|fee|fees|expensive)\b", re.IGNORECASE)
# "can I book AZ-400 right away or is there a waiting period?": the waits are the retake rules
_WAIT_RE = re.compile(r"\bwaiting (?:period|time)\b|\bwait (?:before|between|after)\b|\bhow (?:long|soon)\b.{0,30}"
                      r"\b(?:book|sit|take) (?:the )?next\b", re.IGNORECASE)
_LANGUAGE_RE = re.compile(IN_A_LANGUAGE, re.IGNORECASE)
_DELIVERY_RE = re.compile(r"\b(?:from|at) home\b|\btest (?:cent(?:er|re))s?\b|\bproctor\w*|\bpearson\b|"
                          r"\bremote(?:ly)?\b|\bonline exam\b|\btake (?:it|the exam) online\b", re.IGNORECASE)
_LEARN_ACCESS_RE = re.compile(r"\b(?:ms |microsoft )?learn\b.{0,25}\bduring\b|\bduring the exam\b.{0,25}\blearn\b|"
                              r"\bopen[- ]book\b|\blook (?:things|stuff) up\b", re.IGNORECASE)
NO_DISCOUNT_FACT = Reply(text="Discounts: I have no confirmed fact about student or other discounts, so I won't "
                              "guess. The price you are shown when you book is the one that applies; Microsoft "
                              "Learn's Student Hub lists current offers for students.")


def aspects_asked(text: str, aspects: List[str]) -> List[str]:
    """The aspects the NLU found, corrected by the words it misses (validity, discounts, question types,
    rescheduling)."""
    if _VALIDITY_RE.search(text):
        aspects = [a for a in aspects if a != "duration"] + ["validity"]
    if _DISCOUNT_RE.search(text) and "price" not in aspects:
        aspects = aspects + ["price"]
    if FORMAT_RE.search(text) and "format" not in aspects:  # "are there labs?", "all multiple choice?"
        aspects = [a for a in aspects if a not in ("overview", "questions")] + ["format"]
    if RESCHEDULE_RE.search(text) and "reschedule" not in aspects:  # "can I move my exam if something comes up?"
        aspects = [a for a in aspects if a not in ("overview", "delivery")] + ["reschedule"]
    if PREPARATION_RE.search(text) and "preparation" not in aspects:  # "is Learn enough?", "practice tests?"
        aspects = [a for a in aspects if a not in ("overview", "learn_access", "study_time")] + ["preparation"]
    if "price" in aspects and re.search(r"\bhow much\b", text, re.IGNORECASE) and not _PRICE_RE.search(text) and \
            not _DISCOUNT_RE.search(text):  # "how much of AZ-700 is hybrid connectivity?" asks what it covers
        aspects = [a for a in aspects if a != "price"] or ["skills"]
    if _LANGUAGE_RE.search(text) and "language" not in aspects:  # "can I do the exam in spanish?"
        aspects = [a for a in aspects if a != "overview"] + ["language"]
    if _DELIVERY_RE.search(text) and "delivery" not in aspects:  # "can i take it from home or test center only"
        aspects = [a for a in aspects if a != "overview"] + ["delivery"]
    if _LEARN_ACCESS_RE.search(text) and "learn_access" not in aspects:  # "can I use ms learn during the exam?"
        aspects = [a for a in aspects if a not in ("overview", "preparation")] + ["learn_access"]
    if not [a for a in aspects if a != "overview"] and _PRICE_RE.search(text):  # "how much is it" in a longer message
        aspects = ["price"]
    if _WAIT_RE.search(text) and "retakes" not in aspects:
        aspects = [a for a in aspects if a != "overview"] + ["retakes"]
    if _STATUS_RE.search(text) and "status" not in aspects:
        aspects = [a for a in aspects if a != "overview"] + ["status"]
    if CODING_ASK_RE.search(text):  # "does AZ-305 have coding questions?", "how much python is on DP-700?"
        aspects = [a for a in aspects if a not in ("overview", "price", "skills", "questions", "format")] + ["coding"]
    return list(dict.fromkeys(aspects))


class ActionAnswerExamQuestion(Action):
    """Answers what was asked about the exam named (or the one discussed last), with sources."""

    def name(self) -> str:
        return "action_answer_exam_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb, today, profile, text, mentions = read_question(tracker)
        aspects = aspects_asked(text, latest_entity_values(tracker, "exam_aspect"))
        unknown = mentions.unknown_reply(kb)
        if unknown is not None and not mentions.codes:
            send(dispatcher, tracker, [unknown])
            return []
        path = [c for c in tracker.get_slot("recommended_path") or [] if c in kb.exams]
        codes = codes_with_bare_numbers(text, mentions.codes, kb, path)  # "sticking with 900": the path's AZ-900
        if not codes and mentions.ambiguous:
            candidates = [kb.exam(code) for code in mentions.ambiguous[0].candidates if code in kb.exams]
            send(dispatcher, tracker, [which_exam_reply(candidates)])
            return []
        what_about = re.match(r"^\W*(?:what|how) about\b", text, re.IGNORECASE)
        if path and codes and (is_path_question(text) or what_about) and not aspects:
            # "do I need AZ-900 before AZ-104?": relative to the path, not two fact sheets
            send(dispatcher, tracker, [path_step_answer(codes, text, profile, kb, today)])
            return [SlotSet("exam_in_focus", codes[0]), SlotSet("answer_kind", "path_step")]
        discount = [NO_DISCOUNT_FACT] if _DISCOUNT_RE.search(text) else []
        if not codes and is_rule_question(aspects):
            send(dispatcher, tracker, list(answer_about_rules(aspects, kb)) + discount)
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
        send(dispatcher, tracker, discount)
        return [SlotSet("exam_in_focus", codes[-1] if len(codes) <= 2 else codes[1])]
