"""When a certification was earned, as people say it: "passed AZ-104 in March 2025", "from 2021",
"got it last june", "earned it on 2024-05-10".

Plain Python (no Rasa). Returns the date with its precision ("day", "month" or "year"); what an imprecise
date means for expiry is a rule in advisor/certification_dates.py. Stated rules: a month without a year
is its latest occurrence not after today ("last june" in December 2026 is June 2026; "last december" is
December 2025); "last year" is the
previous calendar year; dates in the future are not earned dates.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional, Tuple

from components.answer_deadline import MONTH_PATTERN, MONTHS

_MONTHS, _MONTH = MONTHS, MONTH_PATTERN
_ISO_RE = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")
_MONTH_YEAR_RE = re.compile(rf"\b(?:in|since|from|on|back in|around|last)?\s*{_MONTH}\s*,?\s*(20\d\d)\b",
                            re.IGNORECASE)
_LAST_MONTH_RE = re.compile(rf"\b(?:last|this past|in)\s+{_MONTH}", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(?:in|since|from|back in|around|during|passed|got|earned)\s+(?:it\s+)?(?:in\s+)?"
                      r"(20[0-4]\d)\b", re.IGNORECASE)
_LAST_YEAR_RE = re.compile(r"\blast year\b", re.IGNORECASE)
# "expires in march", "valid till June 2027": a date about the expiry, not about earning it
_EXPIRY_BEFORE_RE = re.compile(r"\b(?:expir\w*|lapse\w*|valid (?:until|till|til|to)|runs? out|renew\w*(?: it)? by|"
                               r"good (?:until|till))\W+(?:\w+\W+){0,2}$", re.IGNORECASE)


def read_earned_date(text: str, today: date) -> Optional[Tuple[date, str]]:
    """(date, precision) of when a certification was earned, or None when the text names no such date."""
    text = (text or "")[:2000]
    found: Optional[Tuple[date, str]] = None
    for regex in (_ISO_RE, _MONTH_YEAR_RE, _LAST_MONTH_RE, _YEAR_RE):
        hit = regex.search(text)
        if hit and _EXPIRY_BEFORE_RE.search(text[max(0, hit.start() - 30):hit.start()]):
            return None
    match = _ISO_RE.search(text)
    if match:
        try:
            found = (date(int(match.group(1)), int(match.group(2)), int(match.group(3))), "day")
        except ValueError:
            return None
    elif _MONTH_YEAR_RE.search(text):
        match = _MONTH_YEAR_RE.search(text)
        assert match is not None
        found = (date(int(match.group(2)), _MONTHS[match.group(1).lower().rstrip(".")], 1), "month")
    elif _LAST_MONTH_RE.search(text):
        match = _LAST_MONTH_RE.search(text)
        assert match is not None
        month = _MONTHS[match.group(1).lower().rstrip(".")]
        latest = month < today.month or (month == today.month and not match.group(0).lower().startswith("last"))
        year = today.year if latest else today.year - 1
        found = (date(year, month, 1), "month")
    elif _YEAR_RE.search(text):
        match = _YEAR_RE.search(text)
        assert match is not None
        found = (date(int(match.group(1)), 1, 1), "year")
    elif _LAST_YEAR_RE.search(text):
        found = (date(today.year - 1, 1, 1), "year")
    if found is None or found[0] > today:
        return None
    return found
