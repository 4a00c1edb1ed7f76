"""`validate_profile_form`: checks every profile answer, asks again with a reason when it makes no sense.

Every message that states a profile fact (intents inform and request_recommendation) runs the
profile form, so this validation sees every value however it arrived, typed, from a button or from an
`/intent{json}` payload, and nothing outside the contract is ever kept.
"""

from __future__ import annotations

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
        if requested == "certifications_held" and intent == "deny" and not filled:
            events.append(SlotSet("certifications_held", []))  # "no" to "which do you hold?" means none
        elif requested and intent in ANSWER_INTENTS and not filled and not tracker.slots_to_validate():
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
