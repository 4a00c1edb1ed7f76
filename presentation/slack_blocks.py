"""Slack's form of a reply: Block Kit sections, the roadmap as a header and one section per step, buttons.

Used by the action server (`presentation.channel_formats.slack`) and by the Slack output channel in
`rasa_runtime/channels/slack.py` for responses from the domain. Plain Python, no Rasa.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

from advisor.recommendation import Recommendation
from presentation.roadmap import roadmap, shorten

SLACK_SECTION_LIMIT = 2900  # Slack allows 3000 characters in a section's text
SLACK_MAX_BUTTONS = 25  # per actions block
SLACK_MAX_BLOCKS = 50  # per message


def slack_escape(text: str) -> str:
    """Slack's mrkdwn control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _chunks(text: str, limit: int) -> List[str]:
    """The text in pieces of at most `limit` characters, cut at line ends where possible."""
    chunks: List[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current:
        chunks.append(current)
    return [chunk for chunk in chunks if chunk.strip()]


def slack_text_blocks(text: str) -> List[Dict[str, Any]]:
    """Text as mrkdwn sections (one per paragraph, split to Slack's size limit)."""
    blocks = []
    for paragraph in text.split("\n\n"):
        for chunk in _chunks(slack_escape(paragraph), SLACK_SECTION_LIMIT):
            blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": chunk}})
    return blocks


def slack_button_blocks(buttons: Sequence[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Buttons as actions blocks; a click comes back as the button's payload."""
    blocks = []
    for start in range(0, len(buttons), SLACK_MAX_BUTTONS):
        elements = [
            {"type": "button", "text": {"type": "plain_text", "text": str(b["title"])[:75], "emoji": True},
             "value": str(b["payload"])[:2000], "action_id": f"advisor_button_{start + i}"}
            for i, b in enumerate(buttons[start:start + SLACK_MAX_BUTTONS])
        ]
        blocks.append({"type": "actions", "elements": elements})
    return blocks


def slack_roadmap_blocks(rec: Recommendation) -> List[Dict[str, Any]]:
    """The roadmap as a header and one section per step."""
    road = roadmap(rec)
    blocks: List[Dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": shorten(road.heading, 150), "emoji": True}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": slack_escape(road.subheading)}]},
    ]
    for step in road.steps:
        optional = " _(optional)_" if step.optional else ""
        details = " · ".join(part for part in (f"_{step.level}_", step.weeks, step.hours) if part)
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": slack_escape(
            f"*{step.number}. {step.code}*{optional} {step.title} · ") + details}})
    if road.total:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": slack_escape(road.total)}]})
    blocks.append({"type": "divider"})
    return blocks


def slack_message(text: str, buttons: Sequence[Dict[str, Any]] = (),
                  rec: Optional[Recommendation] = None) -> Dict[str, Any]:
    """A `chat.postMessage` body (without the channel): blocks plus the plain-text fallback."""
    content = (slack_roadmap_blocks(rec) if rec is not None else []) + slack_text_blocks(text)
    actions = slack_button_blocks(buttons)
    blocks = content[: SLACK_MAX_BLOCKS - len(actions)] + actions  # the buttons survive a long text
    fallback = text if rec is None else "\n".join(
        [f"{s.number}. {s.code} {s.title}" for s in roadmap(rec).steps] + [text])
    return {"text": shorten(fallback, 3000), "blocks": blocks}

