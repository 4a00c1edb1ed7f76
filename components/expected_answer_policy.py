"""Dialogue policy: an answer to the question just asked goes to the profile form, whatever the intent.

While `profile_form` asks for a slot, "high" (read as a greeting), "2 or 3" (read as a comparison) or
"PL-300" (read as a question about an exam) are answers. The intent classifier scores messages out of
context; this policy reads the latest message against `requested_slot` with the shared answer reader
(`components/answer_reader.py`) and, when it reads as an answer, predicts the form with full confidence
and a priority above the rules. The form's `extract_<slot>` methods then read the value with the same
reader. Outside the form, a first message that only describes the person ("sysadmin") starts the form.
Otherwise the policy abstains (all zeros), and the rules decide as before.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Optional

from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecutionRejected, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from components.answer_reader import answers_question, asks_for_advice, looks_like_question
from components.message_parts import question_spans
from components.stateless_policy import StatelessPolicy

FORM_NAME = "profile_form"
# Intents that already reach the form, or that must keep their own handling even when they hold a value.
_FORM_INTENTS = ("inform", "affirm", "deny")
_KEEP_INTENTS = ("start_over", "other_language", "ask_exam_dumps", "goodbye", "help", "bot_challenge")
# Outside the form: a message that only describes the person, misread as one of these, starts the form.
_OPENING_MISREADS = ("nlu_fallback", "out_of_scope", "greet")
_QUESTION_INTENTS = ("compare_exams", "ask_exam_fact", "ask_study_plan", "ask_why_not", "ask_budget")
_EXAM_CODE_RE = re.compile(r"\b[A-Za-z]{2}[\s-]?\d{3}\b")
# Another language ("¿hablas español?"): the language guard's reply, not an answer.
_FOREIGN_RE = re.compile(r"[¿¡ñãõßçœ]|\b(?:hablas|habla|español|parlez|français|sprechen|deutsch|parli)\b", re.I)
# Words of a question about certifications, however the classifier read it
_ON_TOPIC_RE = re.compile(r"\b(?:exams?|certs?|certifications?|certificates?|azure|microsoft|powershell|cli|coding|"
                          r"code|study|studying|learn|renew\w*|retake|voucher|discount|price|cost|badge)\b", re.I)
_PROFILE_ENTITIES = ("job_role", "coding_comfort", "azure_experience", "weekly_hours")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class ExpectedAnswerPolicy(StatelessPolicy):
    """Predicts the profile form when the latest message answers the form's question."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Above the RulePolicy (6), so that a full-confidence tie goes to the answer."""
        return {"priority": 7}

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[str, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """The form with confidence 1.0 when the message answers its question; otherwise no opinion."""
        probabilities = self._default_predictions(domain)
        if self._should_run_form(tracker) and FORM_NAME in domain.action_names_or_texts:
            probabilities[domain.index_for_action(FORM_NAME)] = 1.0
        return self._prediction(probabilities)

    @staticmethod
    def _should_run_form(tracker: DialogueStateTracker) -> bool:
        if tracker.latest_action_name != ACTION_LISTEN_NAME or not tracker.events:
            return False
        if isinstance(tracker.events[-1], ActionExecutionRejected) or not isinstance(tracker.latest_message,
                                                                                      UserUttered):
            return False
        message = tracker.latest_message
        intent = (message.intent or {}).get("name")
        text = message.text or ""
        if tracker.active_loop_name is None and tracker.get_slot("recommended_path") is None and \
                intent in ("help", "ask_exam_fact", "ask_study_plan", "nlu_fallback", "greet", "out_of_scope") and \
                asks_for_advice(text):
            return True  # "help me choose an exam pls", "can u tell me which exam to book": start the profile
        if intent in _FORM_INTENTS or intent in _KEEP_INTENTS or text.startswith("/") or _FOREIGN_RE.search(text):
            return False
        if intent in _QUESTION_INTENTS and tracker.get_slot("requested_slot") != "certifications_held" and (
                intent == "compare_exams" or _EXAM_CODE_RE.search(text)):
            return False  # "compare AZ-104 and AZ-305" in the middle of the form is a question, answered first
        entities = [e.get("entity") for e in message.entities or []]
        if tracker.active_loop_name == FORM_NAME:
            requested = tracker.get_slot("requested_slot")
            if not requested:
                return False
            names_role = "job_role" in entities and not looks_like_question(text)
            if requested in ("current_role", "target_role") and names_role:
                return True
            if intent in ("out_of_scope", "nlu_fallback") and _ON_TOPIC_RE.search(text) and (
                    looks_like_question(text) or "?" in text):
                return True  # "how much PowerShell do I need?" is on topic: the form keeps it for after the path
            return answers_question(str(requested), text)
        if tracker.active_loop_name is None and intent in _OPENING_MISREADS and (
                tracker.get_slot("recommended_path") is None or not (looks_like_question(text) or
                                                                     question_spans(text))):
            # after a path, "ill do 8 hrs a week then. how much does az-104 cost" is a follow-up with a question
            return any(entity in _PROFILE_ENTITIES for entity in entities)
        return False
