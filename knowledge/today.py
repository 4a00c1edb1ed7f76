""""Today" for every date rule: `ADVISOR_TODAY=YYYY-MM-DD` when set (tests pin it), else the real date.

It lives in `knowledge/`, the lowest layer, so that the knowledge base's own command line (`python -m knowledge
stale`) and the decision rules in `advisor/` read the same date without importing upwards.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Optional


class InvalidTodayError(ValueError):
    """`ADVISOR_TODAY` is set but is not a real YYYY-MM-DD date."""


def today(environ: Optional[dict] = None) -> date:
    """The date the advisor reasons about."""
    value = (environ if environ is not None else os.environ).get("ADVISOR_TODAY", "").strip()
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidTodayError(f"ADVISOR_TODAY={value!r} is not a date in the form YYYY-MM-DD") from None
