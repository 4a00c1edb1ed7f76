"""Sends channel-neutral replies with the SDK's dispatcher, in the form the latest input channel shows best.

The forms themselves (plain text, widget, Slack blocks, Teams cards) are `presentation/channel_formats.py`;
this module only knows the Rasa SDK.
"""

from __future__ import annotations

from dataclasses import replace
from typing import List, Sequence

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.context import previous_bot_text
from presentation.channel_formats import render
from presentation.reply import Reply


def _texts_since_message(tracker: Tracker, dispatcher: CollectingDispatcher) -> List[str]:
    """What the assistant has already said in answer to the latest message (earlier actions and this one)."""
    said: List[str] = [str(m.get("text") or "") for m in dispatcher.messages]
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "bot":
            said.append(str(event.get("text") or ""))
    return said


def send(dispatcher: CollectingDispatcher, tracker: Tracker, replies: Sequence[Reply]) -> None:
    """Utter every reply in the latest input channel's best form; a reply already given to this message is not
    repeated, and one identical to the previous answer is said as such (never the same card twice in a row)."""
    channel = tracker.get_latest_input_channel()
    previous = previous_bot_text(tracker).strip()
    for reply in replies:
        text = reply.text.strip()
        if text and text in _texts_since_message(tracker, dispatcher):
            continue
        if text and len(text) > 80 and text == previous:
            first = text.splitlines()[0]
            reply = replace(reply, text=f"That is my answer from just above: {first} If I missed your point, tell me "
                                        "in other words what you want to know.")
        for message in render(channel, reply):
            dispatcher.utter_message(**message)
