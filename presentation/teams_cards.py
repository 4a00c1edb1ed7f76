"""Microsoft Teams' form of a reply: Adaptive Cards (the roadmap, text, buttons) and hero cards.

Buttons are `messageBack` actions, so a click is an ordinary message carrying the payload. Used by the
action server (`presentation.channel_formats.teams`) and by the Bot Framework output channel in
`rasa_runtime/channels/botframework.py`. Plain Python, no Rasa.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

from advisor.recommendation import Recommendation
from presentation.roadmap import roadmap

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
HERO_CARD = "application/vnd.microsoft.card.hero"


def teams_actions(buttons: Sequence[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Adaptive Card actions whose click is an ordinary message: the title shows in the chat, the payload is
    what the assistant receives (Teams `messageBack`)."""
    return [{"type": "Action.Submit", "title": str(b["title"]),
             "data": {"msteams": {"type": "messageBack", "displayText": str(b["title"]), "text": str(b["payload"])}}}
            for b in buttons]


def hero_card(text: str, buttons: Sequence[Dict[str, Any]]) -> Dict[str, Any]:
    """A hero card attachment: the text and `messageBack` buttons (title shown, payload sent)."""
    return {"contentType": HERO_CARD, "content": {"text": text, "buttons": [
        {"type": "messageBack", "title": str(b["title"]), "displayText": str(b["title"]), "text": str(b["payload"])}
        for b in buttons]}}


def _text_blocks(text: str, separated: bool) -> List[Dict[str, Any]]:
    """One TextBlock per line (Teams does not keep single line breaks), paragraphs spaced apart."""
    blocks: List[Dict[str, Any]] = []
    for paragraph in (p for p in text.split("\n\n") if p.strip()):
        for index, line in enumerate(line for line in paragraph.split("\n") if line.strip()):
            block: Dict[str, Any] = {"type": "TextBlock", "text": line.strip(), "wrap": True}
            if index > 0:
                block["spacing"] = "None"
            elif not blocks and separated:
                block["separator"] = True
            blocks.append(block)
    return blocks


def adaptive_card(text: str, buttons: Sequence[Dict[str, Any]] = (),
                  rec: Optional[Recommendation] = None) -> Dict[str, Any]:
    """An Adaptive Card attachment: the roadmap as numbered rows, the text below, the buttons as actions."""
    body: List[Dict[str, Any]] = []
    if rec is not None:
        road = roadmap(rec)
        body += [
            {"type": "TextBlock", "text": road.heading, "size": "Large", "weight": "Bolder", "wrap": True},
            {"type": "TextBlock", "text": road.subheading, "isSubtle": True, "spacing": "None", "wrap": True},
        ]
        for step in road.steps:
            details = " · ".join(part for part in (step.level, step.weeks, step.hours) if part)
            body.append({"type": "ColumnSet", "separator": True, "columns": [
                {"type": "Column", "width": "auto", "verticalContentAlignment": "Center", "items": [
                    {"type": "TextBlock", "text": str(step.number), "size": "ExtraLarge", "weight": "Bolder",
                     "color": "Accent"}]},
                {"type": "Column", "width": "stretch", "items": [
                    {"type": "TextBlock", "wrap": True,
                     "text": f"**{step.code}** {step.title}" + (" (optional)" if step.optional else "")
                     + f" · {details}"}]},
            ]})
        if road.total:
            body.append({"type": "TextBlock", "text": road.total, "weight": "Bolder", "wrap": True,
                         "separator": True})
    body += _text_blocks(text, separated=rec is not None)
    card: Dict[str, Any] = {"type": "AdaptiveCard", "version": "1.4",
                            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "body": body}
    if buttons:
        card["actions"] = teams_actions(buttons)
    return {"contentType": ADAPTIVE_CARD, "content": card}

