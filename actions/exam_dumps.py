"""`action_refuse_exam_dumps`: no dumps, with the reason and the free official alternatives."""

from __future__ import annotations

from typing import List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel_output import send
from actions.exam_mentions import read_question
from presentation.exam_replies import refuse_exam_dumps


class ActionRefuseExamDumps(Action):
    """Refuses requests for exam dumps, citing the exam agreement and the revocation risk."""

    def name(self) -> str:
        return "action_refuse_exam_dumps"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb, today, _, _, mentions = read_question(tracker)
        codes = mentions.codes
        exam = kb.exam(codes[0]) if codes and not kb.exam(codes[0]).is_retired_on(today) else None
        send(dispatcher, tracker, [refuse_exam_dumps(kb, exam)])
        return []
