"""`action_validate_slot_mappings`: checks profile facts stated outside the profile form.

Rasa runs it after every user message that filled slots. While the form is active, the form's own
validation (`validate_profile_form`) checks the slots it asks for; this action checks the rest.
"""

from __future__ import annotations

from typing import Any, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import catalog, value_before_latest_message
from actions.profile_checks import SIMPLE_CHECKS, Checked, check_certifications

FORM_NAME = "profile_form"


class ValidateSlotMappings(Action):
    """Keeps every stored profile value inside the contract, however it arrived."""

    def name(self) -> str:
        return "action_validate_slot_mappings"

    def _form_slots(self, tracker: Tracker, domain: DomainDict) -> List[str]:
        if (tracker.active_loop or {}).get("name") != FORM_NAME:
            return []
        required = list(domain.get("forms", {}).get(FORM_NAME, {}).get("required_slots", []))
        requested = tracker.get_slot("requested_slot")
        return required + ([requested] if requested else [])

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        form_slots = self._form_slots(tracker, domain)
        events: List[EventType] = []
        for slot, value in tracker.slots_to_validate().items():
            if slot in form_slots or value is None:
                continue
            checked = self._check(slot, value, tracker)
            if checked is None:
                continue
            if checked.problem:
                dispatcher.utter_message(text=checked.problem)
            kept = checked.value if checked.value is not None else value_before_latest_message(tracker, slot)
            events.append(SlotSet(slot, kept))
        return events

    @staticmethod
    def _check(slot: str, value: Any, tracker: Tracker) -> Optional[Checked]:
        if slot in SIMPLE_CHECKS:
            return SIMPLE_CHECKS[slot](value)
        if slot == "certifications_held":
            previous = value_before_latest_message(tracker, slot)
            return check_certifications(value, catalog(), previous)
        return None


