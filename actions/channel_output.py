"""Sends channel-neutral `Reply` objects in the form each channel shows best.

The channel is the one the latest user message came in on (`rest`, `socketio`, `slack`, `botframework`,
`cmdline`). Everything here is presentation; the content comes from the rules and the knowledge base.
"""

from __future__ import annotations

from typing import Any, Dict, List, Sequence

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from advisor.reply import Reply


def _buttons(reply: Reply) -> List[Dict[str, Any]]:
    return [{"title": button.title, "payload": button.payload} for button in reply.buttons]


def _plain_text(reply: Reply) -> str:
    parts = [reply.text]
    if reply.table is not None:
        parts.append("\n".join(reply.table.as_lines()))
    return "\n".join(part for part in parts if part)


def send(dispatcher: CollectingDispatcher, tracker: Tracker, replies: Sequence[Reply]) -> None:
    """Utter every reply in the latest input channel's best form."""
    for reply in replies:
        dispatcher.utter_message(text=_plain_text(reply), buttons=_buttons(reply))
