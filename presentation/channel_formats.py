"""Each channel's form of a channel-neutral `Reply`: the messages to send, as `utter_message` arguments.

The channel is the one the latest user message came in on (`rest`, `socketio`, `slack`, `botframework`,
`cmdline`):

- `socketio` (the web widget): the roadmap as an SVG image drawn from the recommendation, then the text
  (markdown) with the buttons as widget quick replies; tables as markdown tables.
- `slack`: Block Kit messages (`presentation/slack_blocks.py`): the roadmap as numbered sections, text
  sections, buttons as an actions block.
- `botframework` (Teams, `presentation/teams_cards.py`): an Adaptive Card with the roadmap, the text and the
  buttons; a hero card for text with buttons.
- anything else (`rest`, `cmdline`, tests): plain text and buttons, the table as short lines.

Everything here is presentation; the content comes from the rules and the knowledge base. No Rasa import:
`actions/channel_output.py` sends these messages with the SDK's dispatcher.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from presentation.reply import Button, Reply, Table
from presentation.roadmap import roadmap_data_url, roadmap_lines
from presentation.slack_blocks import slack_message
from presentation.teams_cards import adaptive_card, hero_card

Message = Dict[str, Any]  # keyword arguments for `CollectingDispatcher.utter_message`


# --- plain text (REST, terminal, anything else) --------------------------------------------------------------

def _buttons(buttons: Sequence[Button]) -> List[Dict[str, Any]]:
    return [{"title": button.title, "payload": button.payload} for button in buttons]


def _plain_text(reply: Reply, with_roadmap: bool = False) -> str:
    parts = []
    if with_roadmap and reply.roadmap is not None and reply.roadmap.steps:
        parts.append("\n".join(roadmap_lines(reply.roadmap)) + "\n")
    parts.append(reply.text)
    if reply.table is not None:
        parts.append("\n".join(table_lines(reply.table)))
    return "\n".join(part for part in parts if part)


def plain(reply: Reply) -> List[Message]:
    """The roadmap as numbered lines, the text (with the table as short lines), and the buttons."""
    return [{"text": _plain_text(reply, with_roadmap=True), "buttons": _buttons(reply.buttons)}]


# --- web widget (socket.io) -----------------------------------------------------------------------------------

def _markdown_cell(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def table_lines(table: Table) -> Tuple[str, ...]:
    """Short lines for channels that cannot show a table: `Level: AZ-104 associate · AZ-305 expert`."""
    columns = table.header[1:]
    return tuple(f"{row[0]}: " + " · ".join(f"{column} {cell}" for column, cell in zip(columns, row[1:], strict=True))
                 for row in table.rows)


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


def slack(reply: Reply) -> List[Message]:
    """One Block Kit message per reply."""
    text = _plain_text(reply)
    rec = reply.roadmap if reply.roadmap is not None and reply.roadmap.steps else None
    return [{"json_message": slack_message(text, _buttons(reply.buttons), rec)}]



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
