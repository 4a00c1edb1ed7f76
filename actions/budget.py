"""`action_advise_budget`: "my employer pays for one exam" → the one that unlocks most for the goal."""

from __future__ import annotations

from typing import List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel_output import send
from actions.context import advisor_today, catalog, profile_from
from advisor.budget import best_single_exam
from presentation.choice_answers import budget_reply
from presentation.reply import Button, Reply


class ActionAdviseBudget(Action):
    """Picks the single exam worth the one paid attempt, from the user's recommendation."""

    def name(self) -> str:
        return "action_advise_budget"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        profile = profile_from(tracker)
        if profile.target_role is None and profile.current_role is None:
            send(dispatcher, tracker, [Reply(
                text="To pick the one exam worth paying for, I need your role and goal first.",
                buttons=(Button("Recommend a path", "/request_recommendation"),))])
            return []
        send(dispatcher, tracker, [budget_reply(best_single_exam(profile, catalog(), advisor_today()))])
        return []
