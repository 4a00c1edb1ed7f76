"""Deadlines in what people type: "before feb", "by end of march", "exam in 3 weeks", "by 15 January".

Plain Python (no Rasa), used by the follow-up reader and the follow-up action. Stated rules:
- "before <month>" and "by <month>" mean before the 1st of that month; "by the end of <month>", "end of
  <month>" and "in <month>" mean its last day;
- a month without a year is its next occurrence after today (in December, "by march" is next March);
- "in N weeks/months" counts from today (a month is 30 days); "by 15 March" is that day.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Optional

from components.answer_numbers import parse_number

# Month names as people write them, and the pattern that finds one (also used by components/answer_earned.py).
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
MONTH_PATTERN = r"(january|february|march|april|may|june|july|august|september|october|november|december|" \
                r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
_MONTHS, _MONTH = MONTHS, MONTH_PATTERN
_YEAR = r"(?:,?\s*(20\d\d))?"
_DAY_MONTH_RE = re.compile(rf"\b(?:by|before|until|on|for)\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}{_YEAR}",
                           re.IGNORECASE)
_MONTH_DAY_RE = re.compile(rf"\b(?:by|before|until|on|for)\s+{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR}",
                           re.IGNORECASE)
_END_RE = re.compile(rf"\b(?:(?:by|before|until)\s+)?(?:the\s+)?end\s+of\s+{_MONTH}{_YEAR}|\bin\s+{_MONTH}{_YEAR}",
                     re.IGNORECASE)
_START_RE = re.compile(rf"\b(?:by|before|until|till|til)\s+{_MONTH}{_YEAR}", re.IGNORECASE)
_IN_RE = re.compile(r"\b(?:in|within)\s+(?:the\s+next\s+)?(\w+|\d+(?:\.\d+)?)\s+(weeks?|wks?|months?)\b", re.IGNORECASE)
# "in may" is a month only with a deadline word around it ("I may ..." never is)
_DEADLINE_WORDS_RE = re.compile(r"\b(?:deadline|due|exam|done|ready|pass|certified|book(?:ed)?|by|before|until|"
                                r"doable|feasible|realistic(?:ally)?|possible|make it|in time|on time|kick-?off|"
                                r"go-?live|launch|finish\w*|get it)\b", re.IGNORECASE)


def _next(month: int, year: Optional[str], today: date) -> int:
    if year:
        return int(year)
    return today.year if month >= today.month else today.year + 1


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_ISO_RE = re.compile(r"\b(20\d\d)-(\d{1,2})-(\d{1,2})\b")
_TRACK_RE = re.compile(r"\bon track\b|\bmake (?:it|that date)\b", re.IGNORECASE)


def _bare_date(text: str, today: date) -> Optional[date]:
    """A full date without "by"/"on" before it, beside an exam or deadline word; only a day still to come."""
    found: Optional[date] = None
    match = _ISO_RE.search(text)
    if match:
        try:
            found = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    elif _DEADLINE_WORDS_RE.search(text) or _TRACK_RE.search(text):
        for regex, day_group, month_group in ((_DAY_FIRST_RE, 1, 2), (_MONTH_FIRST_RE, 2, 1)):
            day = regex.search(text)
            if day:
                month = _MONTHS[day.group(month_group).lower().rstrip(".")]
                try:
                    found = date(_next(month, day.group(3), today), month, int(day.group(day_group)))
                except ValueError:
                    return None
                break
    return found if found is not None and found >= today else None


def _without_start_dates(text: str) -> str:
    """The text with the dates said as a start blanked out ("Starting Monday 7 December", "I started on 7 December"):
    a start is no deadline."""
    for word in _STARTED_RE.finditer(text):
        after = text[word.end():word.end() + 30]
        spans = [m.span() for m in (_DAY_FIRST_RE.search(after), _MONTH_FIRST_RE.search(after)) if m]
        if spans:
            a, b = min(spans)
            text = text[:word.end() + a] + " " * (b - a) + text[word.end() + b:]
    return text


def read_deadline(text: str, today: date) -> Optional[date]:
    """The date by which the person wants something done, by the rules in the module's opening comment."""
    text = _without_start_dates((text or "")[:2000])
    for regex, day_group, month_group in ((_DAY_MONTH_RE, 1, 2), (_MONTH_DAY_RE, 2, 1)):
        match = regex.search(text)
        if match:
            month = _MONTHS[match.group(month_group).lower().rstrip(".")]
            try:
                return date(_next(month, match.group(3), today), month, int(match.group(day_group)))
            except ValueError:
                return None
    match = _END_RE.search(text)
    if match and _DEADLINE_WORDS_RE.search(text):
        name, stated = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        month = _MONTHS[name.lower().rstrip(".")]
        return _last_day(_next(month, stated, today), month)
    match = _START_RE.search(text)
    if match:
        month = _MONTHS[match.group(1).lower().rstrip(".")]
        return date(_next(month, match.group(2), today), month, 1) - timedelta(days=1)
    bare = _bare_date(text, today)  # "booked AZ-104 for 2027-02-05", "exam still 15 March 2027, on track?"
    if bare is not None:
        return bare
    match = _IN_RE.search(text)
    if match and _DEADLINE_WORDS_RE.search(text):
        amount = parse_number(match.group(1))
        if amount is None or amount <= 0 or amount > 104:
            return None
        days = amount * (30 if match.group(2).lower().startswith("m") else 7)
        return today + timedelta(days=round(days))
    return None


# ---------------------------------------------------------------- start dates ("start jan 4", "starting in January")
_START_WORD_RE = re.compile(r"\b(?:start|starting|starts|begin|beginning|from)\b", re.IGNORECASE)
_STARTED_RE = re.compile(r"\b(?:start|starting|starts|started|begin|beginning|began|begun)\b(?:\s+(?:on|from|in))?",
                         re.IGNORECASE)
_DAY_FIRST_RE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}{_YEAR}", re.IGNORECASE)
_MONTH_FIRST_RE = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR}", re.IGNORECASE)
_MONTH_ONLY_RE = re.compile(rf"\b{_MONTH}{_YEAR}", re.IGNORECASE)


def read_start(text: str, today: date) -> Optional[date]:
    """When the person wants to start: "start jan 4", "starting in January (Jan 11)", "from 1 February".

    A day and month after a start word wins over a month alone (the 1st); a month without a year is its next
    occurrence (see `_next`); a date before today is no start date.
    """
    text = (text or "")[:2000]
    word = _START_WORD_RE.search(text)
    if word is None:
        return None
    after = text[word.end():word.end() + 60]
    found = []
    for regex, day_group, month_group in ((_DAY_FIRST_RE, 1, 2), (_MONTH_FIRST_RE, 2, 1)):
        match = regex.search(after)
        if match:
            found.append((match.start(), match, day_group, month_group))
    try:
        if found:
            _, match, day_group, month_group = min(found, key=lambda item: item[0])
            month = _MONTHS[match.group(month_group).lower().rstrip(".")]
            start = date(_next(month, match.group(3), today), month, int(match.group(day_group)))
        else:
            match = _MONTH_ONLY_RE.search(after)
            if match is None or (match.group(1).lower() == "may" and not re.search(r"\bin may\b", after, re.I)):
                return None
            month = _MONTHS[match.group(1).lower().rstrip(".")]
            start = date(_next(month, match.group(2), today), month, 1)
    except ValueError:
        return None
    return start if start >= today else None
