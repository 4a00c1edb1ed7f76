"""Numbers people type in answers: "4-5", "10ish", "2 or 3", "an hour a day", "couple of years"; and the study
hours and bare numbers the profile fact extractor finds anywhere in a message (`weekly_hours_mentions`,
`number_mentions`, used by `components/fact_matcher.py`).

Plain Python, used by `components/answer_reader.py`. The stated rules: a range gives its midpoint,
"10ish"/"~10"/"10+" is 10, daily hours are times 7, weekday hours times 5, a weekend day counts twice
("3h each weekend day" is 6), monthly hours are divided by 52/12, minutes are converted to hours.
"""

from __future__ import annotations

import re
from datetime import date
from typing import List, Optional, Tuple

NUMBER_WORDS = {
    "zero": 0.0, "half": 0.5, "half an": 0.5, "half a": 0.5, "a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0,
    "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0,
    "eleven": 11.0, "twelve": 12.0, "thirteen": 13.0, "fourteen": 14.0, "fifteen": 15.0, "sixteen": 16.0,
    "eighteen": 18.0, "twenty": 20.0, "twenty five": 25.0, "thirty": 30.0, "forty": 40.0, "fifty": 50.0,
    "a couple of": 2.0, "a couple": 2.0, "couple of": 2.0, "couple": 2.0, "a few": 3.0, "few": 3.0,
    "several": 4.0, "a dozen": 12.0, "dozen": 12.0, "one and a half": 1.5, "an hour and a half": 1.5,
    "two and a half": 2.5,
}
_WORD_ALTERNATIVES = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
NUM = r"(?:\d+(?:[.,]\d+)?|" + _WORD_ALTERNATIVES + r")"
_RANGE = (r"(?P<a>" + NUM + r")\s*(?:ish|\+)?\s*(?:h|hrs?|hours?)?\s*(?:-|–|—|to|or|/|~)\s*(?P<b>" + NUM + r")")
_SINGLE = r"(?P<n>" + NUM + r")"
_APPROX = r"(?:~|about|around|roughly|maybe|approx\.?|approximately|like|prob(?:ably)?|at least|at most|max|min|" \
          r"up to|only|just|perhaps|possibly)?\s*"
_UNIT = r"\s*(?:ish|\+)?\s*(?P<unit>h(?:ou)?rs?|hours?|h|mins?|minutes?)?\b"
_PERIOD = (r"(?:\s*(?:of\s+(?:study(?:ing)?|learning|prep)\s*)?(?:a|an|per|each|every|/|on|at|in the|on the|over "
           r"the)?\s*(?P<period>days?|nights?|evenings?|mornings?|weekdays?|work ?days?|weekends?|weekend days?|"
           r"weeks?|wk|w|months?|daily|nightly|weekly|monthly|saturdays?|sundays?))?")
_HOURS_RE = re.compile(r"(?<![\w.\-])" + _APPROX + r"(?:" + _RANGE + r"|" + _SINGLE + r")" + _UNIT + _PERIOD,
                       re.IGNORECASE)
_SESSIONS_RE = re.compile(
    r"(?<![\w.])(?P<count>once|twice|thrice|" + NUM + r")\s*(?:x\s*|times?\s*|(?:days?|evenings?|nights?|mornings?|"
    r"afternoons?|sessions?|lunch(?:es| ?breaks?)?)\s*)(?:a|an|per|each|every|/|in a)\s*(?:week|wk)\b",
    re.IGNORECASE)
_SESSION_WORDS = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
_PERIOD_FACTOR = {
    "day": 7.0, "night": 7.0, "evening": 7.0, "morning": 7.0, "daily": 7.0, "nightly": 7.0,
    "weekday": 5.0, "workday": 5.0, "work day": 5.0, "weekend": 1.0, "weekend day": 2.0, "saturday": 1.0,
    "sunday": 1.0, "week": 1.0, "wk": 1.0, "w": 1.0, "weekly": 1.0, "month": 12.0 / 52.0, "monthly": 12.0 / 52.0,
}
_NOT_HOURS_AFTER_RE = re.compile(r"^\s*(?:years?|yrs?|months?|weeks?\s+(?:to|until|left)|%|k\b|certs?|exams?|people|"
                                 r"times\b(?!\s*(?:a|per)\s+week))", re.IGNORECASE)
_WEEKEND_WORD_RE = re.compile(r"\bweekends?\b|\bsaturdays? and sundays?\b|\bsat(?:urday)? ?(?:and|&|\+) ?sun",
                              re.IGNORECASE)
_BETWEEN_RE = re.compile(r"\bbetween\s+(" + NUM + r")\s+and\s+(" + NUM + r")", re.IGNORECASE)
_PERIOD_HINT_RE = re.compile(r"\b(?:each|x|every|daily|weekdays?|monday|saturday|sunday|sat|evenings?|nights?|"
                             r"mornings?|days?|lunch)\b|\bx\s*\d", re.IGNORECASE)
_SELF_CORRECTION_RE = re.compile(r"\b(?:make (?:that|it)|i mean|i meant|actually|correction|no wait|or rather|"
                                 r"sorry|well maybe|more like|realistically|probably more like|tops)\b",
                                 re.IGNORECASE)
# "until then maybe 6", "for now 5, later 10": the hours that hold now (the nearest number to these words)
_NOW_RE = re.compile(r"\b(?:until then|till then|til then|for now|right now|at the moment|currently|these days|"
                     r"nowadays|this (?:month|term|semester)|during (?:the )?(?:semester|term))\b", re.IGNORECASE)
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
_FULL_TIME_RE = re.compile(r"\bfull[- ]?time\b", re.IGNORECASE)
_HALF_DAY_RE = re.compile(r"\bhalf (?:a )?day (?:a|per|each) week\b", re.IGNORECASE)
_WHOLE_DAY_RE = re.compile(r"\b(?:a|one) (?:full |whole )?day (?:a|per|each) week\b", re.IGNORECASE)


def parse_number(token: str) -> Optional[float]:
    """"4", "4.5", "4,5", "four", "a couple of" → a number."""
    token = re.sub(r"\s+", " ", token.strip().lower())
    if token in NUMBER_WORDS:
        return NUMBER_WORDS[token]
    try:
        return float(token.replace(",", "."))
    except ValueError:
        return None


def _normalise_period(period: str) -> str:
    period = period.lower().strip()
    period = re.sub(r"\s+", " ", period)
    if period.endswith("s") and period not in ("daily", "nightly", "weekly", "monthly"):
        period = period[:-1]
    return period


_COUNTED_SESSIONS_RE = re.compile(
    r"(?<![\w.])(?P<count>" + NUM + r")\s+(?:(?:week)?days?|evenings?|nights?|mornings?|afternoons?|sessions?|"
    r"lunch(?:es| ?breaks?)?|times)\b", re.IGNORECASE)
_FIVE_DAYS_RE = re.compile(r"\b(?:weekdays?|work ?days?|monday to friday|mon-fri|mon to fri|every weekday|"
                           r"each weekday|during the week)\b", re.IGNORECASE)
_BOTH_WEEKEND_DAYS_RE = re.compile(r"\b(?:both (?:saturday and sunday|days|weekend days)|sat(?:urday)? and "
                                   r"sun(?:day)?(?: mornings| evenings| afternoons)?|every weekend day|each weekend "
                                   r"day)\b", re.IGNORECASE)


def _per_session(text: str, hours: float) -> Optional[float]:
    """"3 evenings x 1.5h" 4.5, "an hour a day, only on weekdays" 5, "2h on both saturday and sunday" 4."""
    counted = _COUNTED_SESSIONS_RE.search(text)
    if counted:
        count = parse_number(counted.group("count"))
        if count and 1 < count <= 7:
            return hours * count
    if re.search(r"\b(?:a|per|each|every) ?day\b|\bdaily\b|\bat lunch\b|\bevery (?:evening|night|morning)\b",
                 text, re.I) and _FIVE_DAYS_RE.search(text):
        return hours * 5
    if _FIVE_DAYS_RE.search(text) and not re.search(r"\bweek\b(?!days?)", text, re.I):
        return hours * 5
    if _BOTH_WEEKEND_DAYS_RE.search(text):
        return hours * 2
    return None


_SAID_NOT_RE = re.compile(r"(?:\b(?:i said|i meant|i mean|it'?s|its|it is|make it|that'?s|hours:?|hrs:?)\s+|^\W*)"
                          r"(\d+(?:\.\d+)?)\s*"
                          r"(?:h|hrs?|hours?)?(?:\s*(?:a|per|/)\s*(?:week|wk))?,?\s+not\s+\d+(?:\.\d+)?\b",
                          re.IGNORECASE)


_DURATION_WORDS_RE = re.compile(r"\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|few|a few|couple(?: of)?|several)"
                                r"\s*(?:months?|mos?|mths?|years?|yrs?)\b|\b(?:in|since|from) (?:19|20)\d\d\b",
                                re.IGNORECASE)


_SO_FAR_HOURS_RE = re.compile(
    r"\b(?:did|done|studied|spent|put in|logged|completed|clocked)\s+(?:like |about |around |roughly |~|maybe )?"
    r"\d+(?:\.\d+)?\s*(?:h|hrs?|hours?)\b(?!\s*(?:a|per|each|every|/)\s*(?:week|wk|w)\b)|"
    r"\b\d+(?:\.\d+)?\s*(?:h|hrs?|hours?)\s+(?:so far|already|in total|total)\b", re.IGNORECASE)


def read_hours(text: str, asked: bool) -> Optional[float]:
    """Hours a week. When the question was asked, a bare number ("5", "4-5", "10ish") counts as hours.

    Returns None when nothing readable (or nothing plausible) is found.
    """
    text = _BETWEEN_RE.sub(lambda m: f"{m.group(1)}-{m.group(2)}", text[:2000])
    text = _DURATION_WORDS_RE.sub(" ", text)  # "pilot for 6 months", "few month", "in 2023": not study time
    text = _SO_FAR_HOURS_RE.sub(" ", text)  # "only did like 25 hours so far, can do 6/wk": 6, not the total done
    said = _SAID_NOT_RE.search(text)
    if said:  # "i said 8 not 6": the correction, whatever was asked
        value = parse_number(said.group(1))
        return value if value is not None and 0 < value <= 80 else None
    if _FULL_TIME_RE.search(text) and asked and not re.search(r"\d", text):
        return 40.0  # "full time" with a number ("full time rn, like 20+") takes the number
    if _HALF_DAY_RE.search(text):
        return 4.0
    if _WHOLE_DAY_RE.search(text):
        return 8.0
    sessions = _SESSIONS_RE.search(text)
    candidates: List[Tuple[float, bool]] = []  # (hours a week, has an explicit unit)
    positions: List[int] = []  # where each candidate starts
    bases: List[float] = []  # the same hours before any "a day" / "each" factor
    for match in _HOURS_RE.finditer(text):
        after = text[match.end():match.end() + 20]
        if _NOT_HOURS_AFTER_RE.match(after):
            continue
        unit = (match.group("unit") or "").lower()
        period = _normalise_period(match.group("period") or "")
        number_end = match.end("b") if match.group("a") else match.end("n")
        if not unit and re.match(r"\s*(?:weeks?|wks?|months?)\b", text[number_end:], re.IGNORECASE):
            continue  # "17-27 weeks for a fundamentals exam??" is a duration, not hours a week
        if match.group("a"):
            low, high = parse_number(match.group("a")), parse_number(match.group("b"))
            if low is None or high is None:
                continue
            if high < low and high < 10 <= low:  # "10-5" is not a range
                continue
            value = (low + high) / 2
        else:
            raw = match.group("n")
            if _YEAR_RE.match(raw):
                continue
            number = parse_number(raw)
            if number is None:
                continue
            if raw.lower() in ("a", "an") and (not unit or unit.lower() == "h"):
                continue  # "ah no" is no "a h(our)"
            if not raw[0].isdigit() and not unit and not period and len(text.split()) > 4:
                continue  # "which ONE do i book first" names no hours; a bare "two" answering the question does
            value = number
        if not unit and not asked:
            continue
        if not asked and not period and value > 40:
            continue  # "60-100 hours seems a lot" is a total, not hours a week
        if not unit and period in ("day", "evening", "night", "morning", "weekday", "workday", "weekend"):
            # "2 evenings a week" is sessions, not hours; handled below
            if sessions and sessions.start() <= match.start() < sessions.end():
                continue
        if unit.startswith("m"):
            value /= 60.0
        factor = _PERIOD_FACTOR.get(period, 1.0)
        if period == "day" and _WEEKEND_WORD_RE.search(text) and not re.search(r"\bevery ?day|\bdaily\b", text, re.I):
            factor = 2.0  # "weekends, 3h each day"
        if period == "weekend" and re.search(r"\beach (?:day|weekend day)|\bper day|\ba day\b|\bboth days",
                                             text[match.end():match.end() + 30], re.IGNORECASE):
            factor = 2.0
        if sessions and unit and period in ("", "session", "evening", "night", "day") and \
                re.search(r"\b(?:each|per|a)\s*(?:session|evening|night|time|day)\b|\beach\b",
                          text[match.end():match.end() + 25] + " | " + text[max(0, match.start() - 15):match.start()],
                          re.IGNORECASE):
            count = _SESSION_WORDS.get(sessions.group("count").lower()) or parse_number(sessions.group("count"))
            if count:
                factor = count
        candidates.append((value * factor, bool(unit)))
        positions.append(match.start())
        bases.append(value)
    if not candidates:
        if sessions and asked:  # "two evenings a week": about 2 hours each
            count = _SESSION_WORDS.get(sessions.group("count").lower()) or parse_number(sessions.group("count"))
            return round(count * 2.0, 1) if count else None
        return None
    with_unit = [value for value, has_unit in candidates if has_unit]
    value = with_unit[-1] if with_unit else candidates[-1][0]
    now = _NOW_RE.search(text)
    if len(candidates) > 1 and now:  # "15 hours in June. Until then maybe 6": the hours now
        nearest = min(range(len(candidates)), key=lambda i: abs(positions[i] - now.end()))
        return round(candidates[nearest][0], 1) if candidates[nearest][0] > 0 else None
    if len(candidates) > 1 and _SELF_CORRECTION_RE.search(text):
        return round(candidates[-1][0], 1) if candidates[-1][0] > 0 else None  # "6 hrs, no make that 8"
    if len(with_unit) == 2 and re.search(r"\bnow\b|\bcurrently\b|\bfor now\b", text):
        value = with_unit[0]  # "7h now and 20h in july-aug": the time now
    elif len(with_unit) == 2 and re.search(r"\+|\bplus\b|\band\b", text):
        value = sum(with_unit)  # "1 hour daily on weekdays + 3 on saturday"
    elif len(candidates) == 1 and not _SESSIONS_RE.search(text):
        scaled = _per_session(text, bases[0]) if _PERIOD_HINT_RE.search(text) else None
        value = scaled if scaled is not None else value
    return round(value, 1) if value > 0 else None


# ---------------------------------------------------------------- durations (experience)
_DURATION_RE = re.compile(
    r"(?<![\w.])(?:(?P<a>" + NUM + r")\s*(?:-|–|to|or)\s*)?(?P<n>" + NUM + r")\s*\+?\s*(?P<unit>years?|yrs?|yr|y|"
    r"months?|mos?|mths?|weeks?|wks?|days?)\b", re.IGNORECASE)
_SINCE_RE = re.compile(r"\bsince\s+(?:(?:early|mid|late)\s+)?(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_YEARS_WORDS_RE = re.compile(r"\b(?:a|one) year\b|\bhalf a year\b|\ba decade\b|\bfor years\b|\bfor ages\b",
                             re.IGNORECASE)
_UNIT_YEARS = {"y": 1.0, "yr": 1.0, "year": 1.0, "mo": 1 / 12, "mth": 1 / 12, "month": 1 / 12, "week": 1 / 52,
               "wk": 1 / 52, "day": 1 / 365}


def duration_years(text: str, today: date) -> Optional[float]:
    """How many years a clause says ("a couple of years" 2, "6 months" 0.5, "since 2019" 7 in 2026)."""
    since = _SINCE_RE.search(text)
    if since:
        return max(0.0, today.year - int(since.group("year")))
    match = _DURATION_RE.search(text)
    if match:
        number = parse_number(match.group("n"))
        if number is None:
            return None
        if match.group("a"):
            low = parse_number(match.group("a"))
            if low is not None:
                number = (low + number) / 2
        unit = match.group("unit").lower().rstrip("s")
        return number * _UNIT_YEARS.get(unit, 1.0)
    words = _YEARS_WORDS_RE.search(text)
    if words:
        phrase = words.group(0).lower()
        return {"half a year": 0.5, "a decade": 10.0, "for years": 3.0, "for ages": 3.0}.get(phrase, 1.0)
    return None


# ---------------------------------------------------------------- numbers anywhere in a message (the fact extractor)
# components/fact_matcher.py reads study hours and bare numbers in any message, not only in answers, so it knows
# fewer number words than the answer readers above (their values are NUMBER_WORDS', read with parse_number).
_MENTION_NUMBER_WORDS = (
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "half a", "half an", "a couple of", "a couple", "a few", "couple of", "few",
)
_MENTION_NUM = (r"(\d+(?:[.,]\d+)?|"
                + "|".join(sorted((re.escape(w) for w in _MENTION_NUMBER_WORDS), key=len, reverse=True)) + r")")
_MENTION_HOURS_RE = re.compile(
    r"(?<![\w.])" + _MENTION_NUM + r"(?:\s*(?:-|–|to|or)\s*" + _MENTION_NUM + r")?\s*"
    r"(h|hrs?|hours?|mins?|minutes?)\b"
    r"(?:\s*(?:of\s+(?:study|studying|learning|prep)\s*)?"
    r"(?:(?:a|an|per|each|every|/|on)\s*(day|night|evening|weekday|week|wk|weekend|month)s?\b|"
    r"(daily|nightly|weekly|monthly)\b|(/\s*(?:d|w|wk|week|day)\b)))?",
    re.IGNORECASE,
)
_BARE_NUMBER_RE = re.compile(
    r"(?<![\w.\-])(?!(?:19|20)\d\d(?![\d.,]))(\d+(?:[.,]\d+)?)(?![\w.\-%])"
    r"(?!\s*(?:years?|yrs?|months?|weeks?|days?|evenings?|nights?|mornings?|times?|sessions?|k\b|%|x\b))",
    re.IGNORECASE,
)
_MENTION_PERIOD_FACTOR = {
    "day": 7.0, "night": 7.0, "evening": 7.0, "daily": 7.0, "nightly": 7.0, "d": 7.0,
    "weekday": 5.0, "week": 1.0, "wk": 1.0, "w": 1.0, "weekly": 1.0, "weekend": 1.0,
    "month": 12.0 / 52.0, "monthly": 12.0 / 52.0,
}
# Frequency of study sessions near the hours: "two evenings a week", "3 nights per week", "twice a week", "on weekends".
_MENTION_SESSIONS_RE = re.compile(
    r"(?<![\w.])(?:(once|twice|thrice)|" + _MENTION_NUM + r"\s*(?:x\s*|times?|days?|evenings?|nights?|mornings?|"
    r"afternoons?|sessions?|lunch(?:es| breaks?)?)\s*)\s*(?:a|an|per|each|every|/)\s*(?:week|wk)\b",
    re.IGNORECASE,
)
_MENTION_WEEKEND_RE = re.compile(r"\b(?:weekends?|saturdays? and sundays?|sat and sun)\b", re.IGNORECASE)


def weekly_hours_mentions(text: str, context: int) -> List[Tuple[int, int, float]]:
    """Study hours a week stated anywhere in `text`, as (start, end, hours a week): "maybe 10 hrs/wk" 10,
    "an hour a day" 7, "two evenings a week, 2 hours each" 4. Sessions are looked for `context` characters
    either side of the hours."""
    found: List[Tuple[int, int, float]] = []
    for match in _MENTION_HOURS_RE.finditer(text):
        low = parse_number(match.group(1))
        high = parse_number(match.group(2)) if match.group(2) else None
        if low is None:
            continue
        amount = (low + high) / 2 if high is not None else low
        if match.group(3).lower().startswith("m"):
            amount /= 60.0
        stated = (match.group(4) or match.group(5) or match.group(6) or "").lower().strip("/ ").rstrip("s")
        period = stated or "week"
        factor = _MENTION_PERIOD_FACTOR.get(period, 1.0)
        if _MENTION_PERIOD_FACTOR.get(period) != 1.0 or not stated:
            sessions = _sessions_per_week(text, match.start(), match.end(), bool(stated), context)
            if sessions is not None:
                factor = sessions  # "two evenings a week, 2 hours each", "weekends, 3 hours a day"
        found.append((match.start(), match.end(), round(amount * factor, 1)))
    return found


def _sessions_per_week(text: str, start: int, end: int, per_day: bool, context: int) -> Optional[float]:
    """Study sessions a week stated near the hours ("3 nights a week", "twice a week", "weekends")."""
    offset = max(0, start - context)
    window = text[offset:end + context]
    start, end = start - offset, end - offset
    for match in _MENTION_SESSIONS_RE.finditer(window):
        if match.start() < end and start < match.end():
            continue
        count = _SESSION_WORDS.get((match.group(1) or "").lower()) or parse_number(match.group(2) or "")
        if count and 0 < count <= 7:
            return count
    outside = window[:start] + " " + window[end:]
    if per_day and _MENTION_WEEKEND_RE.search(outside) and not re.search(r"\bweekdays?\b", window):
        return 2.0
    return None


def number_mentions(text: str, taken: List[Tuple[int, int]]) -> List[Tuple[int, int, float]]:
    """Bare numbers in `text` outside the `taken` spans, as (start, end, value): "5", "2.5"; not years, "6 years",
    "3 times", "10k" or "50%"."""
    found: List[Tuple[int, int, float]] = []
    for match in _BARE_NUMBER_RE.finditer(text):
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue
        value = parse_number(match.group(1))
        if value is None:
            continue
        found.append((match.start(), match.end(), value))
    return found
