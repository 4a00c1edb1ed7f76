"""`action_default_ask_affirmation`: the first stage of the two-stage fallback.

When a message is not understood well enough, Rasa's `action_two_stage_fallback` asks whether the user
meant one of the two most likely meanings (buttons), or something else; "something else" leads to a
request to rephrase, and a second miss to the helpful `utter_default`.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel_output import send
from presentation.reply import Button, Reply, intent_payload

# What each intent means to the user, as a button title.
INTENT_MEANINGS: Dict[str, str] = {
    "greet": "Just saying hello",
    "goodbye": "Saying goodbye",
    "thank": "Saying thanks",
    "affirm": "Yes",
    "deny": "No",
    "bot_challenge": "Asking if I'm a bot",
    "help": "Asking what I can do",
    "inform": "Telling you about myself",
    "request_recommendation": "Recommend my certification path",
    "explain_recommendation": "Explain the recommendation",
    "start_over": "Start over",
    "ask_exam_fact": "A question about an exam",
    "compare_exams": "Comparing two exams",
    "ask_study_plan": "A study plan or how long it takes",
    "ask_why_not": "Why not another exam",
    "ask_budget": "Only one exam is paid for",
    "ask_exam_dumps": "Exam dumps",
}
NOT_OFFERED = {"nlu_fallback", "out_of_scope", "other_language"}
SOMETHING_ELSE = Button("Something else", "/out_of_scope")
FALLBACK_CHOICES = ("request_recommendation", "help")


def _entities(tracker: Tracker) -> Dict[str, str]:
    """The message's role-less entities, first value each, to carry into the chosen meaning."""
    found: Dict[str, str] = {}
    for entity in tracker.latest_message.get("entities") or []:
        name, value = entity.get("entity"), entity.get("value")
        if isinstance(name, str) and not entity.get("role") and isinstance(value, (str, int, float)):
            found.setdefault(name, str(value))
    return found


def likely_intents(ranking: List[Dict[str, Any]], limit: int = 2) -> List[str]:
    """The most likely intents that can be offered, best first (defaults when there are none)."""
    intents = [str(item.get("name")) for item in ranking
               if item.get("name") in INTENT_MEANINGS and item.get("name") not in NOT_OFFERED]
    return intents[:limit] or list(FALLBACK_CHOICES)


class ActionAskAffirmation(Action):
    """Asks which of the two likeliest meanings the user had in mind."""

    def name(self) -> str:
        return "action_default_ask_affirmation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        entities = _entities(tracker)
        buttons = [Button(INTENT_MEANINGS[intent], intent_payload(intent, **entities))
                   for intent in likely_intents(tracker.latest_message.get("intent_ranking") or [])]
        send(dispatcher, tracker, [Reply(text="I'm not sure I understood. Did you mean one of these?",
                                         buttons=tuple(buttons) + (SOMETHING_ELSE,))])
        return []
