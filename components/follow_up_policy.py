"""Dialogue policy: after a recommendation, follow-ups whose words make their kind plain get that answer.

"Does my AWS cert count?" and "will this get me a job?" have no intent of their own, and "is it open
book?" can be read as a comparison. When no form is running and a path has been recommended,
`components/follow_up_reader.py` names the kind, and this policy predicts the action that answers it
(priority above the rules); otherwise it abstains and the rules decide. A returning person's news ("I failed
AZ-104") and "forget me" are answered before a recommendation too, "forget me" even while the form runs
(`components/returning_reader.py`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Dict, List, Optional

from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from components.answer_deadline import read_start
from components.answer_reader import asks_for_advice, in_a_hurry
from components.follow_up_reader import accepts_offer, follow_up_kind, with_held_dates
from components.message_parts import (
    ANSWER_ACTIONS,
    IN_FORM_KINDS,
    PART_ACTIONS,
    answer_parts,
    answered_so_far,
    question_instead_of_answer,
    question_kind,
)
from components.returning_reader import answer_to_question
from components.stateless_policy import StatelessPolicy

ACTION_FOR_KIND = {
    "other_vendor": "action_answer_follow_up",
    "career": "action_answer_follow_up",
    "others_path": "action_answer_follow_up",
    "policy": "action_answer_exam_question",
    "path_cost": "action_make_study_plan",
    "study_plan": "action_make_study_plan",
    "path_step": "action_answer_why_not",
    "what_if": "action_answer_why_not",
    "why_not": "action_answer_why_not",
    "explain": "action_explain_recommendation",
    "profile": "profile_form",
    "choose_exam": "action_choose_exam",
    "deadline": "action_answer_follow_up",
    "exam_family": "action_answer_follow_up",
    "held_counts": "action_answer_follow_up",
    "held_validity": "action_answer_follow_up",
    "counts_toward": "action_answer_follow_up",
    "covers": "action_answer_follow_up",
    "find_exam": "action_answer_follow_up",
    "calendar": "action_send_calendar",
    "compare": "action_compare_exams",
    "fundamentals_only": "action_choose_exam",
    "reorder": "action_choose_exam",
    "status": "action_answer_exam_question",
    "exam_fact": "action_answer_exam_question",
    "equivalent": "action_answer_follow_up",
    "skip_exam": "action_choose_exam",
    "faster": "action_answer_follow_up",
    "estimate_basis": "action_answer_follow_up",
    "exam_passed": "action_record_exam_result",
    "exam_failed": "action_record_exam_result",
    "weak_areas": "action_record_exam_result",
    "exam_taken": "action_record_exam_result",
    "on_track": "action_check_on_track",
    "forget_me": "action_forget_me",
    "forget_confirmed": "action_forget_me",
    "forget_cancelled": "action_forget_me",
}
# A returning person's own news and their data: answered before and after a recommendation, and "forget me"
# also in the middle of the profile questions (components/returning_reader.py).
_RETURNING_ACTIONS = ("action_record_exam_result", "action_check_on_track", "action_forget_me",
                      "action_greet_returning")
_FORGET_KINDS = ("forget_me", "forget_confirmed", "forget_cancelled")
# Kinds whose words are plain enough to overrule the intent classifier ("switch to DP-750" is no comparison,
# "can I have both done by end of June?" no goodbye).
_STRONG_KINDS = ("others_path", "exam_fact", "choose_exam", "skip_exam", "deadline", "exam_family", "held_counts",
                 "held_validity",
                 "counts_toward", "covers", "find_exam", "calendar",
                 "fundamentals_only", "equivalent", "reorder",
                 "status", "what_if", "why_not", "study_plan", "compare", "exam_passed", "exam_failed", "weak_areas",
                 "exam_taken", "on_track") + _FORGET_KINDS
# Questions answered the same with or without a recommended path ("is there a cert for SAP?" as a first message)
_STANDALONE_KINDS = ("study_plan", "equivalent", "find_exam", "exam_family", "counts_toward", "covers", "status",
                     "exam_failed", "weak_areas") + _FORGET_KINDS
# Intents the classifier gives to messages without their words ("so my 204 just dies in june?" is no start over,
# "ok if i bump to 10h/week?" no budget question): without these words, the follow-up kind decides.
_INTENT_WORDS = {
    "start_over": re.compile(r"\b(?:start (?:over|again|afresh)|restart|reset|from scratch|begin again|new profile|"
                             r"forget (?:everything|my answers|all (?:that|of (?:it|that)))|clear)\b", re.IGNORECASE),
    "ask_budget": re.compile(r"\b(?:pay|paid|paying|budget|afford\w*|costs?|price|vouchers?|employer|company|money|"
                             r"cheap\w*|fund\w*|reimburs\w*|one exam|single exam)\b", re.IGNORECASE),
    "compare_exams": re.compile(r"\b(?:vs\.?|versus|compare\w*|comparison|differences?|differ|better|which one)\b|"
                                r"\bor\s+(?:the\s+)?(?:[A-Za-z]{2}[\s-]?)?\d{3}\b", re.IGNORECASE),
    "goodbye": re.compile(r"\b(?:bye|goodbye|cya|see you|later|that'?s all|done for now)\b", re.IGNORECASE),
}
# "my SC-200 expires in February 2027, should I renew now?" is answered before a recommendation too; "I passed
# AZ-104 in March 2025" alone is a profile fact then.
_RENEWAL_WORDS_RE = re.compile(r"\b(?:renew\w*|expir\w*|lapse\w*|valid|validity)\b", re.IGNORECASE)
# "…(expires 12 jan 2027). want SC-100. just tell me what to do": a path is asked for, the dates are profile facts
_PATH_WANTED_RE = re.compile(r"\b(?:want(?: to)?|wanna|goal|aim\w*|become|next (?:exam|cert\w*|step)|"
                             r"what (?:should|to) (?:i )?(?:do|take)|just tell me|recommend|path|roadmap)\b",
                             re.IGNORECASE)


def _wants_a_path(text: str) -> bool:
    """True when a first message with a certification's dates asks for a path, not about those dates."""
    return bool(_PATH_WANTED_RE.search(text)) and not re.search(r"\b(?:when|until|still valid|is it|does it)\b.{0,40}"
                                                               r"\b(?:renew\w*|expir\w*|valid)", text, re.IGNORECASE)


IN_FORM_ACTIONS = frozenset(ACTION_FOR_KIND[kind] for kind in IN_FORM_KINDS)
_KEEP_INTENTS = ("start_over", "other_language", "ask_exam_dumps", "goodbye", "compare_exams", "ask_budget")


def actions_since_message(tracker: DialogueStateTracker) -> List[Optional[str]]:
    """The actions that ran since the latest user message, in order."""
    names: List[Optional[str]] = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, ActionExecuted):
            names.append(event.action_name)
    return list(reversed(names))


def welcomed_back(tracker: DialogueStateTracker) -> bool:
    """True when this session began with the welcome back (a returning person with a path): `action_session_start`
    marks it with `answer_kind` "welcome_back" after `SessionStarted` (a SQL tracker store loads only the latest
    session's events, so the welcome back's own message, sent just before, may be missing)."""
    for event in reversed(tracker.events):
        if isinstance(event, SlotSet) and event.key == "answer_kind" and event.value == "welcome_back":
            return True
        if isinstance(event, SessionStarted):
            return False
    return False


def previous_bot_text(tracker: DialogueStateTracker) -> str:
    """What the assistant said between the previous user message and the latest one."""
    texts = []
    seen_user = False
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            if seen_user:
                break
            seen_user = True
        elif seen_user and isinstance(event, BotUttered):
            texts.append(event.text or "")
    return "\n".join(reversed(texts))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class FollowUpPolicy(StatelessPolicy):
    """Predicts the answering action for plain follow-ups after a recommendation."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Above the RulePolicy (6)."""
        return {"priority": 7}

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     rule_only_data: Optional[Dict[str, Any]] = None,
                                     **kwargs: Any) -> PolicyPrediction:
        """The answering action with confidence 1.0 for a plain follow-up; otherwise no opinion."""
        probabilities = self._default_predictions(domain)
        action = self._action(tracker)
        if action and action in domain.action_names_or_texts:
            probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities)

    @staticmethod
    def _action(tracker: DialogueStateTracker) -> Optional[str]:
        if tracker.latest_action_name in _RETURNING_ACTIONS:
            following = FollowUpPolicy._next_part(tracker) if tracker.active_loop_name is None else None
            return following or ACTION_LISTEN_NAME  # the whole turn, or an exam result then the question asked
        if tracker.active_loop_name is not None:
            if tracker.latest_action_name in IN_FORM_ACTIONS and tracker.latest_action_name != "profile_form":
                return "profile_form"  # a question answered in the middle of the profile: its question comes again
            kind = FollowUpPolicy._kind(tracker) if tracker.latest_action_name == ACTION_LISTEN_NAME else None
            if kind in _FORGET_KINDS:
                return ACTION_FOR_KIND[kind]
            text = tracker.latest_message.text or "" if isinstance(tracker.latest_message, UserUttered) else ""
            instead = question_instead_of_answer(text, tracker.get_slot("requested_slot")) if kind else None
            return ACTION_FOR_KIND[instead] if instead else None  # the form declined it: answered, then asked again
        following = FollowUpPolicy._next_part(tracker)
        if following is not None:
            return following  # "skip DP-900. is DP-700 heavy on PySpark?": the next part's answer, then listen
        if tracker.latest_action_name in ACTION_FOR_KIND.values() and tracker.latest_action_name != "profile_form" \
                and FollowUpPolicy._answered_by_us(tracker):
            return ACTION_LISTEN_NAME  # the answer is given: wait for the person (no rule knows this turn)
        if tracker.latest_action_name != ACTION_LISTEN_NAME:
            return None
        if not isinstance(tracker.latest_message, UserUttered):
            return None
        intent = (tracker.latest_message.intent or {}).get("name")
        if intent == "greet" and tracker.get_slot("recommended_path") is not None and welcomed_back(tracker):
            return "action_greet_returning"  # "hi" after the welcome back: its question again, no introduction
        kind = FollowUpPolicy._kind(tracker)
        text = tracker.latest_message.text or ""
        if tracker.get_slot("recommended_path") is None and tracker.get_slot("current_role") is None and \
                intent in ("nlu_fallback", "help", None) and asks_for_advice(text):
            return "profile_form"  # "yo, need some help with azure certs" read as a fallback: it asks for a path
        if tracker.get_slot("recommended_path") is None and not text.startswith("/") and in_a_hurry(text) and \
                kind in (None, "held_validity", "study_plan", "deadline"):
            return "profile_form"  # "… want SC-100. just tell me what to do, 8h a week": the short path, facts kept
        if tracker.get_slot("recommended_path") is None and kind not in _STANDALONE_KINDS and \
                not (kind == "held_validity" and _RENEWAL_WORDS_RE.search(text) and not _wants_a_path(text)):
            return None
        if intent == "start_over" and kind is None and text.strip() and not text.startswith("/") and \
                not _INTENT_WORDS["start_over"].search(text):
            return "action_two_stage_fallback"  # a profile is never wiped by a guess: ask, the answers stay
        unfounded = intent in _INTENT_WORDS and kind is not None and not _INTENT_WORDS[intent].search(text)
        if intent in _KEEP_INTENTS and kind not in _STRONG_KINDS and not unfounded:
            return None
        return ACTION_FOR_KIND.get(kind) if kind else None

    @staticmethod
    def _next_part(tracker: DialogueStateTracker) -> Optional[str]:
        """After the answer to one part of a message with several, the next part's action (or listen)."""
        if tracker.latest_action_name not in ANSWER_ACTIONS or not isinstance(tracker.latest_message, UserUttered) \
                or tracker.get_slot("recommended_path") is None:
            return None
        parts = answer_parts(tracker.latest_message.text or "")
        if not parts:
            return None
        done = answered_so_far(actions_since_message(tracker))
        return PART_ACTIONS[parts[done][2]] if done < len(parts) else ACTION_LISTEN_NAME

    @staticmethod
    def _kind(tracker: DialogueStateTracker) -> Optional[str]:
        """The follow-up kind of the latest message; "yes" to an offered change is that change."""
        message = tracker.latest_message
        text = (message.text or "") if isinstance(message, UserUttered) else ""
        previous = previous_bot_text(tracker)
        command = accepts_offer(text, previous)
        parts = answer_parts(text) if not command and tracker.get_slot("recommended_path") is not None else []
        if parts:
            return parts[0][2]  # a message with several requests: the first one first
        if not command and ".ics" in previous and read_start(text, date.today()) is not None:
            return "calendar"  # "i said start january 4th, not december" right after the calendar link
        kind = (None if command else answer_to_question(text, previous)) or follow_up_kind(command or text)
        if kind == "profile" and tracker.get_slot("recommended_path") is not None:
            # "ok ill do 8 hrs a week then. how much does az-104 cost": the question is answered, the hours are stored
            # by the slot guard (actions/profile_guard.py)
            kind = question_kind(text) or kind
        return with_held_dates(kind, text, list(tracker.get_slot("certification_dates") or {}),
                               tracker.get_slot("exam_in_focus"))

    @staticmethod
    def _answered_by_us(tracker: DialogueStateTracker) -> bool:
        """True when the latest action answered a plain follow-up this policy recognised."""
        if not isinstance(tracker.latest_message, UserUttered):
            return False
        text = tracker.latest_message.text or ""
        kind = follow_up_kind(text)
        if kind == "profile" and tracker.get_slot("recommended_path") is not None:
            kind = question_kind(text) or kind  # as in `_kind`
        kind = with_held_dates(kind, text, list(tracker.get_slot("certification_dates") or {}),
                               tracker.get_slot("exam_in_focus"))
        if tracker.get_slot("recommended_path") is None and kind not in _STANDALONE_KINDS and \
                not (kind == "held_validity" and _RENEWAL_WORDS_RE.search(text)):
            return False
        if tracker.latest_action_name in ("action_choose_exam", "action_answer_follow_up", "action_send_calendar"):
            return True
        return kind is not None and ACTION_FOR_KIND.get(kind) == tracker.latest_action_name
