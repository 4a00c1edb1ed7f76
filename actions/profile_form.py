"""`validate_profile_form`: checks every profile answer, asks again with a reason when it makes no sense.

Every message that states a profile fact (intents inform and request_recommendation) runs the
profile form, so this validation sees every value however it arrived, typed, from a button or from an
`/intent{json}` payload, and nothing outside the contract is ever kept.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.context import advisor_today, catalog, profile_from, value_before_latest_message
from actions.profile_checks import SIMPLE_CHECKS, Checked, check_certifications
from advisor.rules import held_and_active
from knowledge.vocabulary import UNDECIDED

SLOT_QUESTIONS = {
    "current_role": "your current role",
    "coding_comfort": "how comfortable you are writing code",
    "target_role": "what you want to become",
    "azure_experience": "your Azure experience",
    "certifications_held": "the certifications you hold",
    "weekly_hours": "how many hours a week you can study",
    "org_cloud_maturity": "how far your organisation is with the cloud",
}
# Intents that answer the form's question; anything else is a digression handled by rules.
ANSWER_INTENTS = ("inform", "affirm", "deny")
PROFILE_ENTITIES = ("job_role", "coding_comfort", "azure_experience", "amount", "exam_code", "weekly_hours", "number")
# "change my goal", "can I redo the hours?": go back to that question (when no new value came with it).
_CHANGE_RE = re.compile(
    r"\b(?:change|update|edit|redo|fix|correct|revise|go back to)\s+(?:my\s+|the\s+|your\s+)?(?:answer\s+"
    r"(?:about|for|to)\s+(?:my\s+|the\s+)?)?(?P<what>goal|target|current role|role|job|coding|azure experience|"
    r"experience|certs|certifications|certificates|exams|hours|study time|weekly hours|time)\b",
    re.IGNORECASE,
)
_CHANGE_SLOTS = {
    "goal": "target_role", "target": "target_role", "current role": "current_role", "role": "current_role",
    "job": "current_role", "coding": "coding_comfort", "azure experience": "azure_experience",
    "experience": "azure_experience", "certs": "certifications_held", "certifications": "certifications_held",
    "certificates": "certifications_held", "exams": "certifications_held", "hours": "weekly_hours",
    "study time": "weekly_hours", "weekly hours": "weekly_hours", "time": "weekly_hours",
}


# "not sure", "skip", "no idea": the question is asked again with help to answer it (no value is guessed).
_UNSURE_RE = re.compile(r"\b(?:not sure|unsure|no idea|don'?t know|dunno|no clue|skip|pass|next question|"
                        r"can'?t say|hard to say)\b", re.IGNORECASE)
UNSURE_HINTS = {
    "current_role": "No problem: describe what you spend most of your working day on (for example \"I answer "
                    "tickets\", \"I patch servers\", \"I write code\"), or pick the closest button.",
    "coding_comfort": "A rough idea is enough: if you only run or lightly edit scripts, say rarely; if you write "
                      "your own scripts or queries, say scripts; if you build applications, say apps.",
    "azure_experience": "A rough idea is enough: never used it is none; labs, a free account or a few tasks at work "
                        "is some; using it at work most weeks is a lot.",
    "certifications_held": "I need this one to skip exams you already have. If you don't remember passing any "
                           "Microsoft exam, say none.",
    "weekly_hours": "I need a rough number to size the plan: even a guess like 3 hours a week is fine, and you "
                    "can change it later (\"change my hours\").",
    "org_cloud_maturity": "A rough idea is enough: if your organisation is only starting with the cloud, say "
                          "early; if most of its systems already run in the cloud, say mature.",
}


def slot_to_change(text: Optional[str]) -> Optional[str]:
    """The profile slot a "change my …" message asks to go back to, if any."""
    match = _CHANGE_RE.search(text or "")
    return _CHANGE_SLOTS[match.group("what").lower()] if match else None


def _result(slot: str, checked: Checked, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[str, Any]:
    """The checked value; a rejected value keeps what was stored before, so nothing is lost."""
    if checked.problem:
        dispatcher.utter_message(text=checked.problem)
    if checked.value is None:
        return {slot: value_before_latest_message(tracker, slot)}
    return {slot: checked.value}


class ValidateProfileForm(FormValidationAction):
    """Validates the profile form's slots with the shared profile checks."""

    def name(self) -> str:
        return "validate_profile_form"

    async def required_slots(
        self,
        domain_slots: List[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[str]:
        """Ask about the organisation's cloud maturity only when rule 1 needs it (or it was just stated)."""
        profile = profile_from(tracker)
        needs_maturity = (
            profile.current_role == "administrator"
            and profile.target_role == UNDECIDED
            and held_and_active("AZ-104", profile, catalog(), advisor_today())
        )
        keep_maturity = needs_maturity or "org_cloud_maturity" in tracker.slots_to_validate()
        return [slot for slot in domain_slots if slot != "org_cloud_maturity" or keep_maturity]

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        """Like the SDK's, but an answer that fills nothing is asked again with a reason."""
        events = await super().run(dispatcher, tracker, domain)
        requested = tracker.get_slot("requested_slot")
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        filled = {e["name"] for e in events if e.get("event") == "slot" and e.get("name") != "requested_slot"}
        change = slot_to_change(tracker.latest_message.get("text")) if intent in ANSWER_INTENTS else None
        stated = any(e.get("entity") in PROFILE_ENTITIES for e in tracker.latest_message.get("entities") or [])
        if change and not stated:  # "change my goal to devops" is an ordinary correction
            # Going back: forget that answer and ask its question next; every other answer is kept.
            events = [e for e in events
                      if not (e.get("event") == "slot" and e.get("name") in (change, "requested_slot"))]
            dispatcher.utter_message(text=f"Sure, let's go back to {SLOT_QUESTIONS[change]}.")
            return events + [SlotSet(change, None), SlotSet("requested_slot", change)]
        if requested == "certifications_held" and intent == "deny" and not filled:
            events.append(SlotSet("certifications_held", []))  # "no" to "which do you hold?" means none
        elif requested and intent in ANSWER_INTENTS and not filled and not tracker.slots_to_validate():
            if _UNSURE_RE.search(tracker.latest_message.get("text") or "") and requested in UNSURE_HINTS:
                dispatcher.utter_message(text=UNSURE_HINTS[requested])  # "not sure", "skip": help to answer
            else:
                dispatcher.utter_message(
                    text=f"Sorry, I couldn't read {SLOT_QUESTIONS.get(requested, requested)} from that."
                )
            events.append(SlotSet(requested, None))
        return events

    def _simple(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[str, Any]:
        if value is None:  # cleared on purpose (start over), nothing to check
            return {slot: None}
        return _result(slot, SIMPLE_CHECKS[slot](value), dispatcher, tracker)

    def validate_current_role(self, value: Any, dispatcher: CollectingDispatcher,
                              tracker: Tracker, domain: DomainDict) -> Dict[str, Any]:
        return self._simple("current_role", value, dispatcher, tracker)

    def validate_target_role(self, value: Any, dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> Dict[str, Any]:
        return self._simple("target_role", value, dispatcher, tracker)

    def validate_coding_comfort(self, value: Any, dispatcher: CollectingDispatcher,
                                tracker: Tracker, domain: DomainDict) -> Dict[str, Any]:
        return self._simple("coding_comfort", value, dispatcher, tracker)

    def validate_azure_experience(self, value: Any, dispatcher: CollectingDispatcher,
                                  tracker: Tracker, domain: DomainDict) -> Dict[str, Any]:
        return self._simple("azure_experience", value, dispatcher, tracker)

    def validate_weekly_hours(self, value: Any, dispatcher: CollectingDispatcher,
                              tracker: Tracker, domain: DomainDict) -> Dict[str, Any]:
        return self._simple("weekly_hours", value, dispatcher, tracker)

    def validate_org_cloud_maturity(self, value: Any, dispatcher: CollectingDispatcher,
                                    tracker: Tracker, domain: DomainDict) -> Dict[str, Any]:
        return self._simple("org_cloud_maturity", value, dispatcher, tracker)

    def validate_certifications_held(self, value: Any, dispatcher: CollectingDispatcher,
                                     tracker: Tracker, domain: DomainDict) -> Dict[str, Any]:
        if value is None:
            return {"certifications_held": None}
        previous: Optional[List[str]] = None
        if tracker.get_slot("requested_slot") != "certifications_held":
            previous = value_before_latest_message(tracker, "certifications_held")
        checked = check_certifications(value, catalog(), previous)
        return _result("certifications_held", checked, dispatcher, tracker)
