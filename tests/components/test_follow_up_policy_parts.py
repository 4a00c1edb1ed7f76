"""The follow-up policy after an exam result: the question asked with it is answered next, then it listens."""

from __future__ import annotations

from typing import List, Optional

import pytest
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered
from rasa.shared.core.slots import AnySlot, TextSlot
from rasa.shared.core.trackers import DialogueStateTracker

from components.follow_up_policy import FollowUpPolicy


def tracker(text: str, actions: List[str]) -> DialogueStateTracker:
    events: List[Event] = [ActionExecuted(ACTION_LISTEN_NAME), SlotSet("recommended_path", ["AZ-104", "AZ-305"]),
                           UserUttered(text, intent={"name": "inform", "confidence": 0.9})]
    events += [ActionExecuted(name) for name in actions]
    slots = [AnySlot("recommended_path", mappings=[]), TextSlot("answer_kind", mappings=[])]
    return DialogueStateTracker.from_events("someone", events, slots=slots)


@pytest.mark.parametrize("text, actions, expected", [
    ("passed it on monday! can I book az-400 right away or is there a waiting period?", [],
     "action_record_exam_result"),
    ("passed it on monday! can I book az-400 right away or is there a waiting period?",
     ["action_record_exam_result"], "action_answer_exam_question"),
    ("passed it on monday! can I book az-400 right away or is there a waiting period?",
     ["action_record_exam_result", "action_answer_exam_question"], ACTION_LISTEN_NAME),
    ("passed on the 20th. do I really still need 104 for the next one?", ["action_record_exam_result"],
     "action_answer_why_not"),
    ("passed 104 yesterday!!", [], "action_record_exam_result"),
    ("passed 104 yesterday!!", ["action_record_exam_result"], ACTION_LISTEN_NAME),
    ("i failed dp-700 yesterday, got 620", ["action_record_exam_result"], ACTION_LISTEN_NAME),
])
def test_the_next_action(text: str, actions: List[str], expected: Optional[str]) -> None:
    assert FollowUpPolicy._action(tracker(text, actions)) == expected

