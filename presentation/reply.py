"""Channel-neutral answers: what to say, which follow-ups to offer, an optional table or roadmap.

Actions build `Reply` objects from the rules and the knowledge base; `actions.channel_output` renders
them in each channel's best form (plain text, widget buttons and roadmap, Slack blocks, Teams cards).
No business rule lives here or in the channel layer: these are presentation shapes only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional, Tuple

from advisor.recommendation import Recommendation


def intent_payload(intent: str, **entities: str) -> str:
    """`/intent{"entity": "value"}`, the payload Rasa parses without NLU (entities still get validated)."""
    return f"/{intent}" + (json.dumps(entities) if entities else "")


@dataclass(frozen=True)
class Button:
    """A follow-up the user can pick; `payload` is what is sent back (`/intent{json}` or text)."""

    title: str
    payload: str


@dataclass(frozen=True)
class Table:
    """A small comparison table: a header row and rows of equal length (first cell names the row)."""

    header: Tuple[str, ...]
    rows: Tuple[Tuple[str, ...], ...]

    def as_lines(self) -> Tuple[str, ...]:
        """Short lines for channels that cannot show a table: `Level: AZ-104 associate · AZ-305 expert`."""
        columns = self.header[1:]
        return tuple(
            f"{row[0]}: " + " · ".join(f"{column} {cell}" for column, cell in zip(columns, row[1:], strict=True))
            for row in self.rows
        )


@dataclass(frozen=True)
class Reply:
    """One message: text, then an optional table or roadmap, then buttons."""

    text: str
    buttons: Tuple[Button, ...] = ()
    table: Optional[Table] = None
    roadmap: Optional[Recommendation] = None
