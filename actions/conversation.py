"""`action_start_over`: forget the profile and the recommendation, keep the conversation."""

from __future__ import annotations

from typing import List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from advisor.profile import PROFILE_SLOTS

# What the form keeps about the conversation itself, forgotten with the profile.
CONVERSATION_SLOTS = ("profile_assumptions", "quick_answer", "unanswered_question", "exam_in_focus",
                      "certification_dates", "failed_exams")


class ActionStartOver(Action):
    """Resets every profile slot and the recommended path."""

    def name(self) -> str:
        return "action_start_over"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        dispatcher.utter_message(response="utter_start_over")
        events: List[EventType] = [SlotSet(slot, None) for slot in PROFILE_SLOTS]
        events += [SlotSet(slot, None) for slot in CONVERSATION_SLOTS]
        events += [SlotSet("recommended_path", None), SlotSet("requested_slot", None), ActiveLoop(None)]
        return events
