"""Remembering deliveries, so a message that Slack or the Bot Connector delivers again is answered once."""

from __future__ import annotations

from collections import OrderedDict
from typing import Optional

SEEN_LIMIT = 10_000  # delivery ids remembered per process


class RecentDeliveries:
    """The latest `limit` delivery ids, oldest forgotten first."""

    def __init__(self, limit: int = SEEN_LIMIT) -> None:
        self._limit = limit
        self._seen: OrderedDict[str, None] = OrderedDict()

    def already_seen(self, key: Optional[str]) -> bool:
        """True for a delivery seen before; otherwise remembers it. A delivery without an id is never a repeat."""
        if not key:
            return False
        if key in self._seen:
            return True
        self._seen[key] = None
        while len(self._seen) > self._limit:
            self._seen.popitem(last=False)
        return False
