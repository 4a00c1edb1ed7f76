"""Channel-neutral replies: what to say, which follow-ups to offer, an optional table or roadmap.

`presentation/` builds `Reply` objects from the advisor's results; `presentation/channel_formats.py` turns
them into each channel's best form (plain text, widget buttons and roadmap, Slack blocks, Teams cards),
and `actions/channel_output.py` sends them. No business rule lives here: these are shapes only. `Table`
(rows of a comparison) is the advisor's, re-exported here for the channels.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional, Tuple

from advisor.recommendation import Recommendation, Table

__all__ = ["Button", "Reply", "Table", "intent_payload"]


def intent_payload(intent: str, **entities: str) -> str:
    """`/intent{"entity": "value"}`, the payload Rasa parses without NLU (entities still get validated)."""
    return f"/{intent}" + (json.dumps(entities) if entities else "")


@dataclass(frozen=True)
class Button:
    """A follow-up the user can pick; `payload` is what is sent back (`/intent{json}` or text)."""

    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    """One message: text, then an optional table or roadmap, then buttons."""

    text: str
    buttons: Tuple[Button, ...] = ()
    table: Optional[Table] = None
    roadmap: Optional[Recommendation] = None
