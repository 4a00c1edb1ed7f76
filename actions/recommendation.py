"""`action_recommend_path` and `action_explain_recommendation`: run the rules, render the answer."""

from __future__ import annotations

from typing import List, Optional, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel_output import send
from actions.context import advisor_today, catalog, profile_from
from advisor.recommendation import Recommendation
from advisor.rendering import render_explanation, render_summary
from advisor.reply import Button, Reply, intent_payload
from advisor.rules import recommend


def follow_up_buttons(rec: Recommendation) -> Tuple[Button, ...]:
    """Why?, a comparison of the path's first two exams (or the first with an alternative), a study plan
    for the first exam, the whole path's time and cost, and start over."""
    buttons = [Button("Why?", "/explain_recommendation")]
    others = rec.path[1:2] or [a.exam.code for a in rec.alternatives[:1]]
    if rec.path and others:
        buttons.append(Button(f"Compare {rec.path[0]} and {others[0]}", f"compare {rec.path[0]} and {others[0]}"))
    if rec.path:
        buttons.append(Button("Study plan", intent_payload("ask_study_plan", exam_code=rec.path[0])))
        buttons.append(Button("Time and cost", "/ask_study_plan"))
    buttons.append(Button("Start over", "/start_over"))
    return tuple(buttons)


def _recommendation(tracker: Tracker) -> Recommendation:
    return recommend(profile_from(tracker), catalog(), advisor_today())


def _send(
    dispatcher: CollectingDispatcher, tracker: Tracker, messages: List[str], rec: Recommendation,
    roadmap: Optional[Recommendation] = None,
) -> None:
    """The messages as replies: the roadmap with the first, the follow-up buttons with the last."""
    last = len(messages) - 1
    buttons = follow_up_buttons(rec)
    replies = [
        Reply(
            text=message,
            buttons=buttons if index == last else (),
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
        _send(dispatcher, tracker, render_summary(rec), rec, roadmap=rec if rec.steps else None)
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
        _send(dispatcher, tracker, render_explanation(rec), rec)
        return [SlotSet("recommended_path", rec.path)]
