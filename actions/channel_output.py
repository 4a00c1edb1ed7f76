"""Sends channel-neutral `Reply` objects in the form each channel shows best.

The channel is the one the latest user message came in on (`rest`, `socketio`, `slack`, `botframework`,
`cmdline`):

- `socketio` (the web widget): the roadmap as an SVG image drawn from the recommendation, then the text
  (markdown) with the buttons as widget quick replies; tables as markdown tables.
- `slack`: Block Kit messages: the roadmap as numbered sections, text sections, buttons as an actions block.
- `botframework` (Teams): an Adaptive Card with the roadmap, the text and the buttons (`messageBack`, so a
  click is an ordinary message carrying the payload); a hero card for text with buttons.
- anything else (`rest`, `cmdline`, tests): plain text and buttons, the table as short lines.

Everything here is presentation; the content comes from the rules and the knowledge base. The Slack and
Bot Framework output channels (`rasa_runtime/`) use the same functions for responses from the domain.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple
from xml.sax.saxutils import escape

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from advisor.recommendation import Recommendation
from advisor.reply import Button, Reply, Table

Message = Dict[str, Any]  # keyword arguments for `CollectingDispatcher.utter_message`


# --- the roadmap, channel-neutral ----------------------------------------------------------------------------

@dataclass(frozen=True)
class RoadmapStep:
    """One numbered step as every channel shows it."""

    number: int
    code: str
    title: str
    level: str
    optional: bool
    weeks: str  # "≈ 16–27 weeks", or "" when unknown
    hours: str  # "60–100 h of study", or ""


@dataclass(frozen=True)
class Roadmap:
    """The recommendation reduced to what a picture of the path needs."""

    heading: str
    subheading: str
    steps: Tuple[RoadmapStep, ...]
    total: str


def _span(values: Optional[Tuple[int, int]], unit: str) -> str:
    if not values:
        return ""
    low, high = values
    return f"{low} {unit}" if low == high else f"{low}–{high} {unit}"


def roadmap(rec: Recommendation) -> Roadmap:
    """The roadmap of a recommendation: its steps in order, with level and estimated weeks."""
    steps = tuple(
        RoadmapStep(
            number=number, code=step.code, title=step.exam.title, level=step.exam.level, optional=step.optional,
            weeks=f"≈ {_span(step.weeks, 'weeks')}" if step.weeks else "",
            hours=f"{_span(step.study_hours, 'h')} of study" if step.study_hours else "",
        )
        for number, step in enumerate(rec.steps, start=1)
    )
    hours = rec.profile.weekly_hours
    subheading = f"as of {rec.today.isoformat()}" + (f" · at {hours:g} h/week" if hours else "")
    total = ""
    if rec.total_weeks:
        total = f"In total ≈ {_span(rec.total_weeks, 'weeks')}"
        if rec.total_hours:
            total += f" ({_span(rec.total_hours, 'hours')} of study)"
    return Roadmap(f"Your path: {rec.track.title}", subheading, steps, total)


# --- SVG (web widget) ----------------------------------------------------------------------------------------

LEVEL_COLOURS = {  # level -> (card fill, accent)
    "fundamentals": ("#e8f5e9", "#2e7d32"),
    "associate": ("#e3f2fd", "#1565c0"),
    "expert": ("#f3e5f5", "#6a1b9a"),
    "specialty": ("#fff3e0", "#e65100"),
}
DEFAULT_COLOURS = ("#eceff1", "#37474f")
SVG_WIDTH, HEADER_HEIGHT, ROW_HEIGHT, FOOTER_HEIGHT = 720, 78, 96, 44
FONT = "DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif"


def _x(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def roadmap_svg(rec: Recommendation) -> str:
    """The path as an SVG picture: numbered steps on a line, each with code, title, level and weeks."""
    road = roadmap(rec)
    height = HEADER_HEIGHT + ROW_HEIGHT * len(road.steps) + (FOOTER_HEIGHT if road.total else 12)
    label = "; ".join(f"{s.number}. {s.code} {s.title} ({s.level}) {s.weeks}".strip() for s in road.steps)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SVG_WIDTH}" height="{height}" '
        f'viewBox="0 0 {SVG_WIDTH} {height}" role="img" aria-label="{_x(road.heading)}: {_x(label)}" '
        f'font-family="{FONT}">',
        f"<title>{_x(road.heading)}</title>",
        f'<rect width="{SVG_WIDTH}" height="{height}" rx="14" fill="#ffffff"/>',
        f'<text x="24" y="36" font-size="22" font-weight="bold" fill="#0b2850">{_x(road.heading)}</text>',
        f'<text x="24" y="60" font-size="14" fill="#546e7a">{_x(road.subheading)}</text>',
    ]
    if len(road.steps) > 1:
        top = HEADER_HEIGHT + ROW_HEIGHT // 2 - 6
        bottom = HEADER_HEIGHT + ROW_HEIGHT * (len(road.steps) - 1) + ROW_HEIGHT // 2 - 6
        out.append(f'<line x1="48" y1="{top}" x2="48" y2="{bottom}" stroke="#90a4ae" stroke-width="4" '
                   'stroke-dasharray="2 6" stroke-linecap="round"/>')
    for index, step in enumerate(road.steps):
        fill, accent = LEVEL_COLOURS.get(step.level.lower(), DEFAULT_COLOURS)
        y = HEADER_HEIGHT + ROW_HEIGHT * index
        centre = y + ROW_HEIGHT // 2 - 6
        details = " · ".join(part for part in (step.weeks, step.hours) if part)
        badge = step.level + (" · optional" if step.optional else "")
        badge_width = 16 + 8 * len(badge)
        out += [
            f'<g class="step" data-code="{_x(step.code)}">',
            f'<circle cx="48" cy="{centre}" r="20" fill="{accent}"/>',
            f'<text x="48" y="{centre + 7}" font-size="19" font-weight="bold" fill="#ffffff" '
            f'text-anchor="middle">{step.number}</text>',
            f'<rect x="84" y="{y + 4}" width="{SVG_WIDTH - 108}" height="{ROW_HEIGHT - 16}" rx="10" '
            f'fill="{fill}" stroke="{accent}" stroke-width="1.5"'
            + (' stroke-dasharray="6 4"' if step.optional else "") + "/>",
            f'<text x="104" y="{y + 32}" font-size="20" font-weight="bold" fill="{accent}">{_x(step.code)}</text>',
            f'<rect x="{SVG_WIDTH - 40 - badge_width}" y="{y + 14}" width="{badge_width}" height="24" rx="12" '
            f'fill="{accent}"/>',
            f'<text x="{SVG_WIDTH - 40 - badge_width / 2:g}" y="{y + 31}" font-size="13" fill="#ffffff" '
            f'text-anchor="middle">{_x(badge)}</text>',
            f'<text x="104" y="{y + 55}" font-size="15" fill="#1b2430">{_x(_shorten(step.title, 64))}</text>',
            f'<text x="104" y="{y + 74}" font-size="13" fill="#455a64">{_x(details)}</text>',
            "</g>",
        ]
    if road.total:
        y = HEADER_HEIGHT + ROW_HEIGHT * len(road.steps) + 22
        out.append(f'<text x="24" y="{y}" font-size="15" font-weight="bold" fill="#0b2850">{_x(road.total)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def roadmap_data_url(rec: Recommendation) -> str:
    """The SVG roadmap as a `data:` URL, for an image message."""
    return "data:image/svg+xml;base64," + base64.b64encode(roadmap_svg(rec).encode("utf-8")).decode("ascii")


# --- plain text (REST, terminal, anything else) --------------------------------------------------------------

def _buttons(buttons: Sequence[Button]) -> List[Dict[str, Any]]:
    return [{"title": button.title, "payload": button.payload} for button in buttons]


def _plain_text(reply: Reply) -> str:
    parts = [reply.text]
    if reply.table is not None:
        parts.append("\n".join(reply.table.as_lines()))
    return "\n".join(part for part in parts if part)


def plain(reply: Reply) -> List[Message]:
    """Text (with the table as short lines) and buttons: the roadmap's steps are already in the text."""
    return [{"text": _plain_text(reply), "buttons": _buttons(reply.buttons)}]


# --- web widget (socket.io) -----------------------------------------------------------------------------------

def _markdown_cell(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def markdown_table(table: Table) -> str:
    """A markdown table (the widget renders markdown)."""
    rows = [table.header, tuple("---" for _ in table.header), *table.rows]
    return "\n".join("| " + " | ".join(_markdown_cell(c) for c in row) + " |" for row in rows)


def markdown_lines(text: str) -> str:
    """Keep the text's line breaks in markdown (a line ending in two spaces breaks); paragraphs stay."""
    return re.sub(r"(?<!\n)\n(?!\n)", "  \n", text)


def widget(reply: Reply) -> List[Message]:
    """The roadmap picture first, then the text with the buttons as quick replies; tables as markdown."""
    messages: List[Message] = []
    if reply.roadmap is not None and reply.roadmap.steps:
        messages.append({"image": roadmap_data_url(reply.roadmap)})
    text = markdown_lines(reply.text)
    if reply.table is not None:
        text = f"{text}\n\n{markdown_table(reply.table)}" if text else markdown_table(reply.table)
    if text or reply.buttons:
        messages.append({"text": text, "buttons": _buttons(reply.buttons)})
    return messages


# --- Slack (Block Kit) ----------------------------------------------------------------------------------------

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
        {"type": "header", "text": {"type": "plain_text", "text": _shorten(road.heading, 150), "emoji": True}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": slack_escape(road.subheading)}]},
    ]
    for step in road.steps:
        optional = " _(optional)_" if step.optional else ""
        details = " · ".join(part for part in (f"_{step.level}_", step.weeks, step.hours) if part)
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": slack_escape(
            f"*{step.number}. {step.code}*{optional}  {step.title}\n") + details}})
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
    return {"text": _shorten(fallback, 3000), "blocks": blocks}


def slack(reply: Reply) -> List[Message]:
    """One Block Kit message per reply."""
    text = _plain_text(reply)
    rec = reply.roadmap if reply.roadmap is not None and reply.roadmap.steps else None
    return [{"json_message": slack_message(text, _buttons(reply.buttons), rec)}]


# --- Microsoft Teams (Bot Framework) --------------------------------------------------------------------------

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
                    {"type": "TextBlock", "wrap": True, "weight": "Bolder",
                     "text": f"{step.code} {step.title}" + (" (optional)" if step.optional else "")},
                    {"type": "TextBlock", "wrap": True, "isSubtle": True, "spacing": "None", "text": details}]},
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


def teams(reply: Reply) -> List[Message]:
    """Text alone as a message; with a roadmap an Adaptive Card; text with buttons a hero card (tables as lines)."""
    text = _plain_text(reply)
    buttons = _buttons(reply.buttons)
    if reply.roadmap is not None and reply.roadmap.steps:
        return [{"json_message": {"text": "", "attachments": [adaptive_card(text, buttons, reply.roadmap)]}}]
    if buttons:
        return [{"json_message": {"text": "", "attachments": [hero_card(text, buttons)]}}]
    return [{"text": text}]


RENDERERS: Dict[str, Callable[[Reply], List[Message]]] = {
    "socketio": widget,
    "slack": slack,
    "botframework": teams,
}


def render(channel: Optional[str], reply: Reply) -> List[Message]:
    """The messages (`utter_message` keyword arguments) for one reply on one channel."""
    return RENDERERS.get(channel or "", plain)(reply)


def send(dispatcher: CollectingDispatcher, tracker: Tracker, replies: Sequence[Reply]) -> None:
    """Utter every reply in the latest input channel's best form."""
    channel = tracker.get_latest_input_channel()
    for reply in replies:
        for message in render(channel, reply):
            dispatcher.utter_message(**message)
