"""What a message says about a held certification's dates: "my SC-200 expires in February 2027",
"i pass 15 june 2026", "I renewed DP-100 in april 2026", "earned may 2025, renewed once",
"my az-104 from january", "AZ-104 expired last year".

Plain Python (no Rasa, no rules): each date is returned with its precision ("day", "month" or "year") and
the word that says what it is (earned, renewed, expires); what those dates mean for expiry and renewal is
computed by the rules in advisor/certification_dates.py. Stated rules:

1. A date belongs to the nearest word before it that names an event ("passed", "got", "earned", "from" →
   earned; "renewed" → renewed; "expires", "expired", "valid until", "runs out" → expires). A date with no
   such word before it is none of these.
2. A month without a year is its latest occurrence not after today for an earned or renewed date, and its
   earliest occurrence not before today for a future expiry ("expires in march" in November 2026 is March
   2027); after "expired" (past tense) it is the latest occurrence not after today.
3. "last year" is the previous calendar year; "renewed once / twice / N times" counts renewals.
4. An earned or renewed date after today is not one (people can't have done it yet).
5. `lapsed` is true when the message says the certification expired or lapsed (past tense), unless it is
   a question ("has my AZ-104 expired?") or negated ("not expired").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Dict, List, Optional, Tuple

from components.answer_deadline import MONTH_PATTERN, MONTHS

Said = Tuple[date, str]  # (first day of the period, precision)

_M = MONTH_PATTERN
_DATE_RES: Tuple[Tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b"), "iso"),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}\s*,?\s*(20\d\d)?", re.IGNORECASE), "dmy"),
    (re.compile(rf"\b{_M}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b\s*,?\s*(20\d\d)?", re.IGNORECASE), "mdy"),
    (re.compile(rf"\b{_M}\s*,?\s*(20\d\d)", re.IGNORECASE), "my"),
    # a month without a year only after a preposition ("I may renew" names no month)
    (re.compile(rf"\b(?:in|from|since|last|this past|by|until|till|around|back in)\s+{_M}()", re.IGNORECASE), "my"),
    (re.compile(r"\b(?<!-)(20[0-4]\d)\b(?!-)"), "y"),
    (re.compile(r"\blast year\b", re.IGNORECASE), "last_year"),
)
_EARNED_WORDS = r"pass|passed|passing|got|get|earned|earn|cleared|did|took|certified|achieved|from|since"
_RENEWED_WORDS = r"renewed|renewing|renewal|renew"
_EXPIRES_WORDS = (r"expires?|expired|expiring|expiry|expiration|lapses?|lapsed|valid (?:until|till|til|to|through)|"
                  r"runs? out|ran out|good (?:until|till)|ends?|ended|active until")
_EVENT_RE = re.compile(rf"\b(?:(?P<earned>{_EARNED_WORDS})|(?P<renewed>{_RENEWED_WORDS})|"
                       rf"(?P<expires>{_EXPIRES_WORDS}))\b", re.IGNORECASE)
_RENEWALS_RE = re.compile(r"\brenewed\s+(?:it\s+)?(once|twice|one time|two times|three times|(\d)\s*(?:x|times?))\b",
                          re.IGNORECASE)
_COUNTS = {"once": 1, "one time": 1, "twice": 2, "two times": 2, "three times": 3}
_LAPSED_RE = re.compile(r"\b(?:expired|lapsed|ran out|has run out|let (?:it|them) (?:expire|lapse))\b", re.IGNORECASE)
_NOT_LAPSED_RE = re.compile(r"\b(?:not|never|hasn'?t|didn'?t|isn'?t|won'?t|before it|or)\s+(?:\w+\s+)?$", re.IGNORECASE)
_PAST_EXPIRY_RE = re.compile(r"\b(?:expired|lapsed|ran out|ended)\b", re.IGNORECASE)
_QUESTION_START_RE = re.compile(r"^\W*(?:has|have|did|is|was|will|does|do|when|did)\b", re.IGNORECASE)


@dataclass(frozen=True)
class HeldDatesSaid:
    """The dates one message gives for a held certification (None: not said)."""

    earned: Optional[Said] = None
    renewed: Optional[Said] = None
    expires: Optional[Said] = None
    renewals: int = 0
    lapsed: bool = False

    @property
    def any_date(self) -> bool:
        return bool(self.earned or self.renewed or self.expires or self.renewals)


def _month_date(year: Optional[str], month_name: str, event: str, today: date) -> Optional[Said]:
    """The first day of the month named, its year given or read by rule 2."""
    month = MONTHS[month_name.lower().rstrip(".")]
    if year:
        return date(int(year), month, 1), "month"
    if event == "expires":  # a future expiry: the earliest occurrence not before today
        return date(today.year + (1 if month < today.month else 0), month, 1), "month"
    return date(today.year - (1 if month > today.month else 0), month, 1), "month"


def _read_date(match: re.Match[str], form: str, event: str, today: date) -> Optional[Said]:
    if form == "iso":
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3))), "day"
        except ValueError:
            return None
    if form in ("dmy", "mdy"):
        day_text, month_name = (match.group(1), match.group(2)) if form == "dmy" else (match.group(2), match.group(1))
        found = _month_date(match.group(3), month_name, event, today)
        if found is None:
            return None
        try:
            return found[0].replace(day=int(day_text)), "day"
        except ValueError:
            return None
    if form == "my":
        return _month_date(match.group(2), match.group(1), event, today)
    if form == "y":
        return date(int(match.group(1)), 1, 1), "year"
    return date(today.year - 1, 1, 1), "year"  # last year


def _dates(text: str) -> List[Tuple[int, int, re.Match[str], str]]:
    """Every date expression, longest first where they overlap, in text order."""
    found: List[Tuple[int, int, re.Match[str], str]] = []
    for regex, form in _DATE_RES:
        for match in regex.finditer(text):
            if any(start <= match.start() < end or match.start() <= start < match.end() for start, end, _, _ in found):
                continue
            found.append((match.start(), match.end(), match, form))
    return sorted(found, key=lambda item: item[0])


def _event_before(text: str, start: int) -> Optional[str]:
    """The event word nearest before `start` (at most 40 characters before it)."""
    window = text[max(0, start - 40):start].rstrip()
    events = list(_EVENT_RE.finditer(window))
    if not events:
        return None
    last = events[-1]
    if last.group("earned"):
        return "earned"
    return "renewed" if last.group("renewed") else "expires"


def read_held_dates(text: str, today: date) -> HeldDatesSaid:
    """The earned, renewed and expiry dates `text` gives (see the module's rules)."""
    text = (text or "")[:2000]
    said: Dict[str, Optional[Said]] = {"earned": None, "renewed": None, "expires": None}
    for start, _end, match, form in _dates(text):
        event = _event_before(text, match.start(1) if match.re.groups else start)  # "from january": "from"
        if event is None or said[event] is not None:
            continue
        past_expiry = event == "expires" and bool(_PAST_EXPIRY_RE.search(text[max(0, start - 40):start]))
        value = _read_date(match, form, "earned" if past_expiry else event, today)
        if value is None or (event != "expires" and value[0] > today):
            continue
        said[event] = value
    renewals = _RENEWALS_RE.search(text)
    count = 0
    if renewals:
        count = int(renewals.group(2)) if renewals.group(2) else _COUNTS[renewals.group(1).lower()]
    lapsed_hit = _LAPSED_RE.search(text)
    lapsed = bool(lapsed_hit) and not _QUESTION_START_RE.search(text) and "?" not in text[lapsed_hit.start():] \
        if lapsed_hit else False
    if lapsed_hit and _NOT_LAPSED_RE.search(text[max(0, lapsed_hit.start() - 25):lapsed_hit.start()]):
        lapsed = False
    expires = said["expires"]
    if expires is not None and expires[0] > today and lapsed:
        lapsed = False  # "it expired? no, it expires in 2027"
    return HeldDatesSaid(earned=said["earned"], renewed=said["renewed"], expires=expires, renewals=count,
                         lapsed=lapsed)
