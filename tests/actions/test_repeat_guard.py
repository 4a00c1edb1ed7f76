"""Never the same card twice in a row, and never one block twice in one answer."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.channel_output import send
from presentation.reply import Reply

CARD = ("AZ-400 Designing and Implementing Microsoft DevOps Solutions: what it is\n- For DevOps engineers who "
        "design pipelines.\nSource: https://learn.microsoft.com/")


def tracker_after(bot_text: str, extra_events: list = ()) -> Tracker:
    events = [{"event": "user", "text": "what is az-400?"}, {"event": "bot", "text": bot_text},
              {"event": "user", "text": "and what is az-400 again?"}] + list(extra_events)
    message = {"text": "and what is az-400 again?", "intent": {"name": "ask_exam_fact"}, "entities": []}
    return Tracker("user", {}, message, events, False, None, {}, "action_listen")


def test_the_same_card_again_is_said_to_be_the_same():
    dispatcher = CollectingDispatcher()
    send(dispatcher, tracker_after(CARD), [Reply(text=CARD)])
    assert len(dispatcher.messages) == 1
    assert dispatcher.messages[0]["text"].startswith("That is my answer from just above: AZ-400")


def test_a_different_answer_is_sent_as_it_is():
    dispatcher = CollectingDispatcher()
    send(dispatcher, tracker_after("Something else entirely, long enough to count as an answer card here."),
         [Reply(text=CARD)])
    assert dispatcher.messages[0]["text"] == CARD


def test_one_block_is_not_sent_twice_for_one_message():
    dispatcher = CollectingDispatcher()
    send(dispatcher, tracker_after("hello", [{"event": "bot", "text": CARD}]), [Reply(text=CARD), Reply(text="Next.")])
    assert [m["text"] for m in dispatcher.messages] == ["Next."]
