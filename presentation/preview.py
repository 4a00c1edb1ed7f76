"""What a person reads in each channel's messages, as text lines: for the length budget and the review set.

Slack blocks and Teams cards are reduced to the lines they show (a card's column set is as tall as its
tallest column; buttons apart, listed by `button_titles`). Plain Python, no Rasa.
"""

from __future__ import annotations

from typing import Any, Dict, List, Sequence

Message = Dict[str, Any]


def _lines(text: str) -> List[str]:
    return [line for line in text.split("\n") if line.strip()]


def _card_lines(items: Sequence[Dict[str, Any]]) -> List[str]:
    lines: List[str] = []
    for item in items:
        if item["type"] == "TextBlock":
            lines += _lines(item["text"])
        elif item["type"] == "ColumnSet":
            columns = [_card_lines(column["items"]) for column in item["columns"]]
            tallest = max(len(column) for column in columns)
            padded = [column + [""] * (tallest - len(column)) for column in columns]
            lines += [" ".join(parts) for parts in zip(*padded, strict=True)]
    return lines


def visible_lines(channel: str, messages: Sequence[Message]) -> List[str]:
    """The text lines a person reads in a channel's messages, in order (buttons apart; an image as one line)."""
    lines: List[str] = []
    for message in messages:
        body = message.get("json_message")
        if body is None:
            if message.get("image"):
                lines.append("[picture: the roadmap]")
            lines += _lines(message.get("text") or "")
        elif channel == "slack":
            for block in body["blocks"]:
                if block["type"] in ("header", "section"):
                    lines += _lines(block["text"]["text"])
                elif block["type"] == "context":
                    lines += [line for element in block["elements"] for line in _lines(element["text"])]
        else:
            for attachment in body["attachments"]:
                content = attachment["content"]
                lines += _card_lines(content["body"]) if "body" in content else _lines(content.get("text", ""))
    return lines


def button_titles(messages: Sequence[Message]) -> List[str]:
    """The titles of every button in the messages, whatever the channel's form."""
    titles: List[str] = []
    for message in messages:
        titles += [str(button["title"]) for button in message.get("buttons") or []]
        body = message.get("json_message") or {}
        for block in body.get("blocks", []):
            if block["type"] == "actions":
                titles += [element["text"]["text"] for element in block["elements"]]
        for attachment in body.get("attachments", []):
            content = attachment["content"]
            titles += [str(action["title"]) for action in content.get("actions", [])]
            titles += [str(button["title"]) for button in content.get("buttons", [])]
    return titles
