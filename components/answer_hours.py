"""Study hours a week said as sessions, as a sum of parts or as a total: the reading of the hours answer.

Plain Python, used by `components/answer_reader.py` for the hours question; anything it does not recognise
goes to the one-number reading of `components/answer_numbers.py` (`read_hours`). The stated rules:
- sessions times the hours of each: "three evenings, about 1.5h each" 4.5, "2 nights a week, 2 hours a night"
  4, "couple of hours, three times a week" 6; weekdays are 5 sessions, "every day" 7, a weekend 2 days;
- parts joined by "plus" or "+" (or "and" before a weekend day) add up: "an hour a day on weekdays plus 3 on
  sunday" 8;
- a number called the total wins: "couple hours on weeknights, maybe 6 total" 6.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from components.answer_numbers import NUM, parse_number, read_hours

MAX_WEEKLY_HOURS = 80.0

_SPELLINGS = (
    (re.compile(r"\b(?:an?|one)\s+hour\s+and\s+a\s+half\b|\bhour\s+and\s+a\s+half\b", re.I), "1.5 hours"),
    (re.compile(r"\b(?:half\s+an?\s+hour|half\s+hour)\b", re.I), "0.5 hours"),
    (re.compile(r"\b(\d+)\s+and\s+a\s+half\s+(hours?|hrs?|h)\b", re.I), r"\1.5 \2"),
    (re.compile(r"\bnite(s?)\b", re.I), r"night\1"),
    # common typos of the period words
    (re.compile(r"\b(?:evry|evey|evrey|eveyr|everey)\b", re.I), "every"),
    (re.compile(r"\b(?:evenigs|evenins|evnings|evenngs|evinings)\b", re.I), "evenings"),
    (re.compile(r"\bwk ?days\b", re.I), "weekdays"),
    (re.compile(r"\bwknds?\b|\bweekneds?\b", re.I), "weekends"),
    (re.compile(r"\b(?:sesions|sessons|seshes)\b", re.I), "sessions"),
)
_APPROX = r"(?:(?:~|about|around|roughly|maybe|approx\.?|approximately|like|prob(?:ably)?|only|just|perhaps)\s*)?"
_HOURS_RE = re.compile(
    r"(?<![\w.\-])" + _APPROX + r"(?P<a>" + NUM + r")(?:\s*(?:-|–|to|or)\s*(?P<b>" + NUM + r"))?\s*(?:ish)?\s*"
    r"(?P<unit>h|hrs?|hours?|m|mins?|minutes?)\b"
    r"(?:\s*(?:of\s+(?:study(?:ing)?|learning|prep)\s*)?(?P<per>(?:a|an|per|each|every|/|at a|in a)\s*"
    r"(?:week|wk|month|mo|session|sitting|go|time|night|evening|morning|afternoon|day|weekday|weeknight|"
    r"weekend day|lunch(?: ?break)?)s?\b|each\b|a piece\b|apiece\b|daily\b|nightly\b|weekly\b|monthly\b))?",
    re.IGNORECASE)
_SESSION_NOUNS = (r"(?:week ?)?(?:days?|nights?)|evenings?|mornings?|afternoons?|sessions?|sittings?|"
                  r"lunch(?:es| ?breaks?)?|times?|x")
_COUNT_RE = re.compile(
    r"(?<![\w.\-])(?:(?P<word>once|twice|thrice)|(?P<a>" + NUM + r")(?:\s*(?:-|–|to|or)\s*(?P<b>" + NUM + r"))?"
    r"\s*(?:" + _SESSION_NOUNS + r"))\b(?!\s*(?:h|hrs?|hours?|mins?|minutes?)\b)"
    r"(?:\s*(?:a|an|per|each|every|/|in a)\s*(?:week|wk)\b)?", re.IGNORECASE)
_FIVE_RE = re.compile(r"\b(?:week ?days?|week ?nights?|work ?days?|monday to friday|mon-fri|mon to fri|"
                      r"during the week)\b", re.IGNORECASE)
_SEVEN_RE = re.compile(r"\b(?:every ?day|every single day|each day of the week|daily|every (?:night|evening|morning)|"
                       r"7 days a week|seven days a week)\b", re.IGNORECASE)
_DAY_NAMES_RE = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?s?\b|\bwednesdays?\b|"
                           r"\bsaturdays?\b|\bthursdays?\b|\btuesdays?\b", re.IGNORECASE)
_WEEKEND_RE = re.compile(r"\bweekends?\b|\bsat(?:urday)?s? (?:and|&|\+) sun(?:day)?s?\b", re.IGNORECASE)
_WEEK_PERIODS = ("week", "wk", "month", "mo", "weekly", "monthly")
_TOTAL_RE = re.compile(
    r"(?:(?<![\w.\-])(?P<n>" + NUM + r")\s*(?:h|hrs?|hours?)?\s*(?:in\s+)?(?:total|overall|altogether|all in|"
    r"all told|in all)\b|\b(?:total|overall|altogether|all in all|in total|all told)\s*(?:of|is|=|:|would be|"
    r"comes to|maybe|about|around|~|like|probably|roughly)?\s*(?P<m>\d+(?:[.,]\d+)?|" + NUM + r")\b)",
    re.IGNORECASE)
_SUM_SPLIT_RE = re.compile(
    r"\s*(?:\bplus\b|\+|\band (?:also |then )?(?:another|an extra|extra)\b|"
    r",?\s*\band\b(?=\s+(?:\w+\s+){0,3}(?:on|at|over) (?:the )?(?:weekends?|saturdays?|sundays?|sat|sun)\b))\s*",
    re.IGNORECASE)
_NOW_RE = re.compile(r"\b(?:now|currently|for now|later|until|till|in (?:june|july|august|summer))\b", re.IGNORECASE)


def tidy(value: float) -> float:
    """Quarter hours stay exact (5.25); anything else is rounded to one decimal (4.6)."""
    return value if abs(value * 4 - round(value * 4)) < 1e-9 else round(value, 1)


def _plausible(value: Optional[float]) -> Optional[float]:
    return tidy(value) if value is not None and 0 < value <= MAX_WEEKLY_HOURS else None


def _amount(a: str, b: Optional[str]) -> Optional[float]:
    low = parse_number(a)
    high = parse_number(b) if b else None
    if low is None:
        return None
    return (low + high) / 2 if high is not None else low


def _hours_phrases(text: str) -> List[Tuple[int, int, float, str]]:
    """(start, end, hours, per) for each amount of time with a unit: "1.5h each" (1.5, "each")."""
    found = []
    for match in _HOURS_RE.finditer(text):
        value = _amount(match.group("a"), match.group("b"))
        if value is None or match.group("a").lower() in ("a", "an") and match.group("unit").lower() in ("h", "m"):
            continue
        if match.group("unit").lower().startswith("m"):
            value /= 60.0
        per = re.sub(r"^(?:a|an|per|each|every|/|at a|in a)\s*", "", (match.group("per") or "").lower()).rstrip("s")
        found.append((match.start(), match.end(), value, per or ""))
    return found


def _session_count(text: str, taken: Tuple[int, int], per: str) -> Optional[float]:
    """Sessions a week named outside the hours: "three evenings", "twice a week", "on weekdays", "weekends"."""
    for match in _COUNT_RE.finditer(text):
        if match.start() < taken[1] and taken[0] < match.end():
            continue
        if match.group("word"):
            return {"once": 1.0, "twice": 2.0, "thrice": 3.0}[match.group("word").lower()]
        count = _amount(match.group("a"), match.group("b"))
        if count is not None and match.group("a").lower() not in ("a", "an") and 0 < count <= 14:
            return count
    outside = text[:taken[0]] + " " + text[taken[1]:]
    if _FIVE_RE.search(outside):
        return 5.0
    days = {m.group(0).lower()[:3] for m in _DAY_NAMES_RE.finditer(outside)}
    if len(days) >= 2:
        return float(len(days))  # "1h on tue and thu"
    if _SEVEN_RE.search(outside):
        return 7.0
    if _WEEKEND_RE.search(outside) and per in ("day", "each", "session", "sitting", "time"):
        return 2.0  # "weekends only, 3h each day"; "2h on the weekend" is 2 hours
    return None


def _sessions_times_hours(text: str) -> Optional[float]:
    """One amount of time per session and a number of sessions a week: their product."""
    phrases = _hours_phrases(text)
    if len(phrases) != 1:
        return None
    start, end, hours, per = phrases[0]
    if per in _WEEK_PERIODS:
        return None  # "5 hours a week over 3 evenings" is already the week
    count = _session_count(text, (start, end), per)
    if per in ("day", "daily") and _ALSO_WEEKEND_RE.search(text):
        count = 7.0  # "one hour each day, also saturday and sunday"
    if count is None and per in ("day", "night", "evening", "morning", "daily", "nightly"):
        count = 7.0  # "45 min every day", "an hour a night"
    if count is None and per in ("weekday", "weeknight", "workday"):
        count = 5.0  # "an hour and a half each weeknight"
    if count is None or per == "weekend":
        return None
    return hours * count


def _total(text: str) -> Optional[float]:
    match = _TOTAL_RE.search(text)
    if not match:
        return None
    raw = match.group("n") or match.group("m")
    return parse_number(raw) if raw else None


_BARE_PART_RE = re.compile(r"\W*(?:another|an extra|extra|maybe|about|around|like|~)?\s*(?:" + NUM
                           + r")\s*(?:more|extra|or so|ish)?\W*", re.I)
_PERIOD_WORD_RE = re.compile(r"\b(?:evenings?|nights?|mornings?|afternoons?|lunch(?:es)?|sessions?)\b", re.I)


def _time_like(part: str) -> bool:
    """A part of a sum that is about time: an amount with a unit, a day or a period ("3 on sunday"), or a bare
    number said alone ("5 + 2", "plus another 2")."""
    return bool(_HOURS_RE.search(part) or _DAY_NAMES_RE.search(part) or _WEEKEND_RE.search(part)
                or _FIVE_RE.search(part) or _SEVEN_RE.search(part) or _PERIOD_WORD_RE.search(part)
                or _BARE_PART_RE.fullmatch(part.strip()) is not None)


def _sum_of_parts(text: str) -> Optional[float]:
    """"an hour a day on weekdays plus 3 on sunday": each part read on its own, added."""
    if _NOW_RE.search(text):
        return None  # "7h now and 20h in july" is two times, not two parts of one week
    parts = [p for p in _SUM_SPLIT_RE.split(text) if p and p.strip()]
    if len(parts) < 2:
        return None
    if not all(_time_like(part) for part in parts):
        return None  # "a team of 8 (sysadmins + helpdesk) … maybe 2h a week": the 8 is people, not hours
    values = [read_study_hours(part, asked=True) for part in parts]
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


# "6, maybe 8 in crunch weeks": a number for some weeks only is not the usual week
_SOME_WEEKS_RE = re.compile(
    r"(?:[,;]?\s*(?:and\s+)?(?:maybe|up to|or|sometimes|occasionally|max|at most)\s+|[,;]\s*)(?:" + NUM
    + r")(?:\s*(?:-|–|to)\s*(?:" + NUM + r"))?\s*(?:h|hrs?|hours?)?\s+(?:in|on|during|for|when|if)\s+(?:the\s+)?"
    r"(?:crunch|busy|quiet|slow|light|heavy|some|good|free|holiday|vacation|summer|winter|exam|rare|odd|off|school|semester|break)\w*\b[^,.;]*",
    re.IGNORECASE)
# "…plus 3 in weekend, so 8", "one hour every evening and more in weekend, maybe 10": the last number sums it up
_SUMMED_UP_RE = re.compile(
    r"(?:[,.;]|\b(?:so|which makes|that'?s|thats|making|=))\s*(?:so\s+|in total\s+|total\s+)?(?:maybe|probably|about|"
    r"around|like|roughly|say|approx\.?|~|=)?\s*(?P<a>" + NUM + r")(?:\s*(?:-|–|to|or)\s*(?P<b>" + NUM + r"))?\s*"
    r"(?:h|hrs?|hours?)?(?:\s*(?:a|per|/|each)\s*(?:week|wk))?(?:\s+(?:total|in total|tops|max))?\W*$", re.IGNORECASE)
_VAGUE_BEFORE_RE = re.compile(r"\b(?:more|extra|a couple|couple|some|few|several|a bit|here and there)\b",
                              re.IGNORECASE)
# "also saturday and sunday", "weekends too" after a daily amount: every day of the week
_ALSO_WEEKEND_RE = re.compile(r"\b(?:also|plus|even|including|incl\.?)\s+(?:on\s+)?(?:the\s+)?(?:sat(?:urday)?s?|"
                              r"sun(?:day)?s?|weekends?)\b|\bweekends?\s+(?:too|as well|also)\b", re.IGNORECASE)


def _summed_up(text: str) -> Optional[float]:
    """The closing number of an answer that first gives parts or a vague amount ("…, so 8", "…, maybe 2-3")."""
    match = _SUMMED_UP_RE.search(text)
    if not match or not text[:match.start()].strip():
        return None
    closing = re.search(r"\b(?:so|that'?s|thats|which makes|making|total)\b|=", match.group(0), re.IGNORECASE)
    if not closing and not _VAGUE_BEFORE_RE.search(text[:match.start()]):
        return None
    return _amount(match.group("a"), match.group("b"))


def read_study_hours(text: str, asked: bool) -> Optional[float]:
    """Hours a week from an answer: a total, a sum of parts, sessions times hours, or else one number."""
    text = text[:2000]
    for pattern, replacement in _SPELLINGS:
        text = pattern.sub(replacement, text)
    usual = _SOME_WEEKS_RE.sub("", text)
    if usual.strip() and usual != text and re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b",
                                                    usual, re.IGNORECASE):
        text = usual  # "6, maybe 8 in crunch weeks" is 6
    summed = _plausible(_summed_up(text))
    if summed is not None:
        return summed
    if asked:
        total = _plausible(_total(text))
        if total is not None:
            return total
        summed = _plausible(_sum_of_parts(text))
        if summed is not None:
            return summed
    if asked or _HOURS_RE.search(text):
        product = _plausible(_sessions_times_hours(text))
        if product is not None:
            return product
    value = read_hours(text, asked)
    return tidy(value) if value is not None else None
