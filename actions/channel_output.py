"""Sends channel-neutral replies with the SDK's dispatcher, in the form the latest input channel shows best.

The forms themselves (plain text, widget, Slack blocks, Teams cards) are `presentation/channel_formats.py`;
this module only knows the Rasa SDK.
"""

from __future__ import annotations

from typing import Sequence

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from presentation.channel_formats import render
from presentation.reply import Reply


def send(dispatcher: CollectingDispatcher, tracker: Tracker, replies: Sequence[Reply]) -> None:
    """Utter every reply in the latest input channel's best form."""
    channel = tracker.get_latest_input_channel()
    for reply in replies:
        for message in render(channel, reply):
            dispatcher.utter_message(**message)
