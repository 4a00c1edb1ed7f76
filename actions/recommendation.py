"""`action_recommend_path` and `action_explain_recommendation`: run the rules, render the answer."""

from __future__ import annotations

from typing import List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel_output import send
from actions.context import advisor_today, catalog, profile_from
from advisor.recommendation import Recommendation
from advisor.rendering import render_explanation, render_summary
from advisor.reply import Button, Reply
from advisor.rules import recommend

FOLLOW_UP_BUTTONS = (
    Button("Why?", "/explain_recommendation"),
    Button("Start over", "/start_over"),
)


def _recommendation(tracker: Tracker) -> Recommendation:
    return recommend(profile_from(tracker), catalog(), advisor_today())


def _send(
    dispatcher: CollectingDispatcher, tracker: Tracker, messages: List[str], roadmap: Optional[Recommendation] = None
) -> None:
    """The messages as replies: the roadmap with the first, the follow-up buttons with the last."""
    last = len(messages) - 1
    replies = [
        Reply(
            text=message,
            buttons=FOLLOW_UP_BUTTONS if index == last else (),
            roadmap=roadmap if index == 0 else None,
        )
        for index, message in enumerate(messages)
    ]
    send(dispatcher, tracker, replies)


class ActionRecommendPath(Action):
    """Recommends the path for the profile collected so far and stores it in `recommended_path`."""

    def name(self) -> str:
        return "action_recommend_path"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        rec = _recommendation(tracker)
        _send(dispatcher, tracker, render_summary(rec), roadmap=rec if rec.steps else None)
        return [SlotSet("recommended_path", rec.path)]


class ActionExplainRecommendation(Action):
    """Explains the recommendation in depth: every rule, its facts and their sources."""

    def name(self) -> str:
        return "action_explain_recommendation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if tracker.get_slot("recommended_path") is None:
            dispatcher.utter_message(
                text="I haven't recommended a path yet. Tell me about your role and goal first, "
                     "for example \"I'm a sysadmin and want to become a cloud architect\"."
            )
            return []
        rec = _recommendation(tracker)
        _send(dispatcher, tracker, render_explanation(rec))
        return [SlotSet("recommended_path", rec.path)]
