"""What a returning person says about their exam and their data, when the words make it plain.

Plain Python, used by `components/follow_up_reader.py` (the kinds) and `components/follow_up_policy.py`
(answers to the assistant's own questions). Kinds:
- `forget_me`: "forget me", "delete my data", "forget everything about me" (never "forget what I said",
  which is a start over);
- `exam_failed`: "i failed az-104 :(", "didn't pass, networking part killed me" (never "what if I fail?");
- `exam_passed`: "I passed AZ-104", "passed 104 yesterday!!" (never "I haven't passed it yet"), and a
  correction: "I did NOT pass 104. I passed 140" passed AZ-140 (`denied_spans` names the exam not passed);
- `on_track`: "am I on track? exam in 3 weeks", "will I be ready in time?".
Answers to a question the assistant asked: `forget_confirmed` / `forget_cancelled` after `FORGET_QUESTION`,
`exam_taken` ("yes") and `on_track` ("not yet") after the welcome back's "Have you taken AZ-104 yet?",
`weak_areas` ("networking and storage") after it asked which skill areas were weakest, `on_track` ("in 3 weeks")
after it asked when the exam is.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import List, Optional, Tuple

from components.answer_deadline import read_deadline
from components.answer_earned import read_earned_date

# The confirmation the assistant asks before deleting (actions/returning.py sends it; the answer is read here).
FORGET_QUESTION = "Delete everything I keep about you?"
_FORGET_RE = re.compile(
    r"\bforget (?:me|about me|who i am|all about me|my (?:data|profile|details|info\w*|account))\b|"
    r"\bforget (?:everything|all)(?: you know)? about me\b|\bright to (?:be forgotten|erasure)\b|"
    r"\b(?:delete|erase|remove|wipe|purge|clear|destroy)\s+(?:all\s+)?(?:of\s+)?(?:my|our)\s+(?:personal\s+)?"
    r"(?:data|profile|details|info(?:rmation)?|conversations?|history|chats?|account|records?|messages?)\b|"
    r"\b(?:delete|erase|wipe)\s+(?:me|everything(?: (?:about me|you (?:know|have|keep|stored?)"
    r"(?: about me| on me)?)))\b|"
    r"\b(?:delete|erase|remove)\b.{0,20}\b(?:everything|all|data) (?:you (?:have|keep|know|stored?) )?"
    r"(?:about|on) me\b",
    re.IGNORECASE)
_FAILED_RE = re.compile(
    r"\b(?:failed|flunked|bombed|fail(?:ed)? it|didn'?t pass|did not pass|didnt pass|did'?nt pass|no pass|"
    r"didn'?t make (?:it|the cut)|fell short|missed the pass(?:ing)? (?:mark|score))\b", re.IGNORECASE)
_HYPOTHETICAL_RE = re.compile(r"\b(?:if|what if|in case|suppose|when)\s+(?:i|you|someone|people)\s+(?:fail|don'?t pass|"
                              r"do not pass|failed)\b|\bwhat happens\b|"
                              # a fear, not news: "scared I'll fail it", "don't want to fail it again"
                              r"\b(?:i'?ll|i will|i'?d|i would|might|may|could|gonna|going to|afraid|scared|worried|"
                              r"nervous|terrified|don'?t want to|do not want to|hope i don'?t|not to)\s+"
                              r"(?:\w+\s+)?fail\b",
                              re.IGNORECASE)
_PASSED_RE = re.compile(r"\b(?:passed|cleared|nailed|aced|smashed|crushed)\b|"
                        r"^\W*(?:i|today i|yesterday i) pass (?:the |my )?(?:[A-Za-z]{2}[\s-]?)?\d{3}\b",
                        re.IGNORECASE)  # "I pass the DP-700 yesterday" (English as a second language)
_NOT_PASSED_RE = re.compile(r"\b(?:not|never|haven'?t|hasn'?t|didn'?t|did not|yet to|if|once|when|before)\b[^.!?]{0,14}"
                            r"\b(?:passed|cleared)\b|^\W*(?:have|did|do|should|would|if) (?:i|you)\b|"
                            r"\b(?:nothing|none|no (?:exams?|certs?|certifications?))\s+(?:\w+\s+)?passed\b|"
                            r"\bpassed yet\b", re.IGNORECASE)
_ON_TRACK_RE = re.compile(r"\bon (?:track|schedule|pace|target)\b|\bbehind (?:schedule|plan|my plan)\b|"
                          r"\b(?:will|would|am) i (?:be ready|make it)\b(?=.{0,25}\b(?:in time|by|before|exam)\b)|"
                          r"\bready in time\b|"
                          r"\bgonna make it\b|"
                          r"\bam i (?:going to|gonna) make it\b|"
                          r"\b(?:exam|test)\b.{0,60}\b(?:still (?:ok|okay|fine|doable|realistic)|enough time|"
                          r"will (?:that|it) (?:work|do)|is that enough)\b", re.IGNORECASE)
_YES_RE = re.compile(r"^\W*(?:yes|yeah|yep|yup|ya|sure|ok(?:ay)?|please|do it|go ahead|confirm\w*|delete\b|"
                     r"forget me|wipe)", re.IGNORECASE)
_NO_RE = re.compile(r"^\W*(?:no|nope|nah|cancel|don'?t|do not|stop|wait|keep|never ?mind)\b", re.IGNORECASE)
_TAKEN_ASKED_RE = re.compile(r"\bHave you taken [A-Z]{2}-\d{3} yet\b")
_NOT_YET_RE = re.compile(r"^\W*(?:no+|nope|nah|not yet|not really|haven'?t|have not|still studying|soon)\b",
                         re.IGNORECASE)
_DATE_ASKED_RE = re.compile(r"and I'll check your plan against it\.", re.IGNORECASE)
_WEAK_ASKED_RE = re.compile(r"show as weakest\? Tell me and I'll weight a plan", re.IGNORECASE)


# Results of other people: "4 of my 6 people passed", "2 failed", "my colleague failed az-104", "two of my team"
_OTHERS_NEWS_RE = re.compile(
    r"\b(?:my|our|his|her|their)\s+(?:\w+\s+){0,2}(?:people|guys|team|teammates?|colleagues?|coworkers?|co-workers?|"
    r"staff|reports|juniors|engineers|admins|sysadmins|devs|developers|students|friends?|boss|manager|wife|husband|"
    r"partner|son|daughter|brother|sister|analysts|techs)\b|\b(?:\d+|two|three|four|five|some|half|most|all|none)\s+"
    r"of\s+(?:them|my|our|the)\b|^\W*(?:\d+|two|three|four|five|some|half|most|all|the rest|others?)\s+(?:of them\s+)?"
    r"(?:passed|failed|didn'?t)\b|\b(?:he|she|they)\s+(?:passed|failed|didn'?t pass)\b", re.IGNORECASE)
_NEWS_CLAUSE_RE = re.compile(r"[.;!?\n]+|,|\bbut\b|\s-\s", re.IGNORECASE)


def own_news(text: str) -> str:
    """The message without its clauses about other people's results."""
    kept = [c for c in _NEWS_CLAUSE_RE.split(text) if c and c.strip() and not _OTHERS_NEWS_RE.search(c)]
    return ". ".join(c.strip() for c in kept)


PASS_MARK = 700  # Microsoft's scaled passing score (knowledge/policies.yml: passing_score)
_SCORE_RE = re.compile(r"(?<![\w-])(?:got|scored|score(?: of| was)?|result(?: was)?|made)\s+"
                       r"(?:an?\s+|only\s+|like\s+)?(\d{3,4})(?:\s*/\s*1000|\s*points?|\s*pts)?(?![\w-])|"
                       r"(?<![\w-])(\d{3,4})\s*(?:/\s*1000|points?|pts)\b", re.IGNORECASE)
_MARKED_SCORE_RE = re.compile(r"\bscor\w*|/\s*1000|\bpoints?\b|\bpts\b", re.IGNORECASE)
_SAT_RE = re.compile(r"\b(?:sat|took|taken|did|wrote|tried)\b.{0,40}(?:[A-Za-z]{2}[\s-]?\d{3}|exam|it|test)\b"
                     r".{0,40}?(?:[,.;:!]|\s-\s)\s*(\d{3})(?![\w-])", re.IGNORECASE)
# Numbers that are also exam numbers ("a dev with 204 already", "got 104 done"): a score only with a score word
_EXAM_NUMBERS = frozenset({100, 102, 103, 104, 120, 140, 200, 204, 220, 300, 305, 400, 410, 420, 500, 600, 700,
                           750, 800, 801, 802, 900, 901})


def exam_score(text: str) -> Optional[int]:
    """The score said for an exam taken ("got 650", "812/1000", "took dp-600 yesterday, 640"), or None."""
    match = _SCORE_RE.search(text) or _SAT_RE.search(text)
    if not match:
        return None
    value = int(next(group for group in match.groups() if group))
    if value in _EXAM_NUMBERS and not _MARKED_SCORE_RE.search(match.group(0)):
        return None
    return value if 100 <= value <= 1000 else None


def returning_kind(text: str) -> Optional[str]:
    """`forget_me`, `exam_failed`, `exam_passed` or `on_track`, when the words make it plain; otherwise None."""
    text = (text or "")[:2000]
    if not text.strip() or text.startswith("/"):
        return None
    if _FORGET_RE.search(text):
        return "forget_me"
    text = own_news(text)  # "4 of my 6 people passed AZ-900, 2 failed. I passed it too": only the last is theirs
    score = exam_score(text)
    if score is not None and not _FAILED_RE.search(text) and not _PASSED_RE.search(text):
        return "exam_failed" if score < PASS_MARK else "exam_passed"  # "sat az-104 on friday, got 650"
    if _FAILED_RE.search(text) and not _HYPOTHETICAL_RE.search(text):
        rest = _DENIED_RE.sub(" ", text)  # "I did NOT pass 104. I passed 140": a correction, not a failure
        if not _FAILED_RE.search(rest) and _PASSED_RE.search(rest) and not _NOT_PASSED_RE.search(rest):
            return "exam_passed"
        return "exam_failed"
    if _ON_TRACK_RE.search(text):
        return "on_track"
    rest = _DENIED_RE.sub(" ", text)  # "I passed 140 last week, never passed the 104"
    if _PASSED_RE.search(rest) and not _NOT_PASSED_RE.search(rest):
        return "exam_passed"
    return None


_EXAM = r"(?<![A-Za-z])(?:[A-Za-z]{2}[\s-]?)?\d{3}(?![\w%]|\.\d)"
# "I did NOT pass 104", "never passed the 104", "no, I passed 140, not 104", "not the 900": the exam named is not
# the one passed (in a message that says nothing else, "i didn't pass az-104" is the failure of AZ-104).
_DENIED_RE = re.compile(rf"\b(?:did\s*n[o']?t|didnt|never|have\s*n[o']?t|havent|not)\s+"
                        rf"(?:(?:actually|even|yet|really)\s+)?"
                        rf"(?:(?:pass(?:ed)?|sit|sat|take|taken|do|done|clear(?:ed)?)\s+)?(?:the\s+|my\s+)?{_EXAM}",
                        re.IGNORECASE)


def denied_spans(text: str) -> List[Tuple[int, int]]:
    """Where the message says an exam was not passed ("I did NOT pass 104", "not the 900"): (start, end)."""
    return [(m.start(), m.end()) for m in _DENIED_RE.finditer((text or "")[:2000])]


def answer_to_question(text: str, bot_text: str) -> Optional[str]:
    """`forget_confirmed`/`forget_cancelled` after the deletion question, `exam_taken`/`on_track` after "Have you
    taken AZ-104 yet?", `weak_areas` after the weak-areas question; None when the reply is something else."""
    text = text or ""
    if text.startswith("/"):
        return None
    if FORGET_QUESTION in (bot_text or "") and len(text) < 80:
        if _NO_RE.search(text):
            return "forget_cancelled"
        if _YES_RE.search(text):
            return "forget_confirmed"
    if _TAKEN_ASKED_RE.search(bot_text or "") and len(text) < 60 and returning_kind(text) is None:
        if _NOT_YET_RE.search(text):
            return "on_track"  # "Have you taken AZ-104 yet?" — "not yet": when is it, and does the plan fit
        if _YES_RE.search(text) and not _NO_RE.search(text):
            return "exam_taken"  # "yes": how did it go?
    if _DATE_ASKED_RE.search(bot_text or "") and read_exam_day(text, date.today()) is not None:
        return "on_track"  # "When is your AZ-104 exam?" — "in 3 weeks"
    if _WEAK_ASKED_RE.search(bot_text or "") and len(text) < 200 and "?" not in text and returning_kind(text) is None:
        return "weak_areas"
    return None


_RELATIVE_RE = re.compile(r"\b(today|this morning|just now|yesterday|last night|(\d{1,2}|a|one|two|three) days? ago|"
                          r"last week|a week ago)\b", re.IGNORECASE)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3}


# "failed it again" (never "hello again", "back again")
_REPEAT_RE = re.compile(r"\b(?:fail\w*|didn'?t pass|did not pass|flunk\w*|bombed)\b[^.!?]{0,25}\bagain\b|"
                        r"\bagain\b[^.!?]{0,10}\b(?:fail\w*|didn'?t pass|flunk\w*)|"
                        r"\b(?:twice|two times|2 times|second time|2nd time)\b|"
                        r"\b(three|four|3|4) times\b|\b(third|fourth|3rd|4th) (?:time|attempt|try)\b", re.IGNORECASE)
_ORDINALS = {"three": 3, "3": 3, "third": 3, "3rd": 3, "four": 4, "4": 4, "fourth": 4, "4th": 4}


_ORDINAL_TIMES_RE = re.compile(r"\b(three|four|3|4) times\b|\b(third|fourth|3rd|4th) (?:time|attempt|try)\b",
                               re.IGNORECASE)


def failed_attempts(text: str) -> int:
    """How many failed attempts the words say ("failed it twice": 2, "again": at least 2); 1 otherwise."""
    match = _ORDINAL_TIMES_RE.search(text or "") or _REPEAT_RE.search(text or "")
    if not match:
        return 1
    word = (match.group(1) or match.group(2) or "").lower()
    return _ORDINALS.get(word, 2)


def read_exam_day(text: str, today: date) -> Optional[date]:
    """The exam day in "exam in 3 weeks", and in a bare answer to "when is your exam?" ("in 3 weeks", "3 weeks")."""
    text = text or ""
    return (read_deadline(text, today) or read_deadline(f"the exam is {text}", today)
            or read_deadline(f"the exam is in {text}", today))


def read_result_date(text: str, today: date) -> Optional[Tuple[date, str]]:
    """The day an exam was sat: "yesterday", "3 days ago", "last week" (a week before today), or what
    `components/answer_earned.py` reads ("in March 2025"); with its precision. Never after today."""
    match = _RELATIVE_RE.search(text or "")
    if match:
        word = match.group(1).lower()
        if word in ("today", "this morning", "just now"):
            return today, "day"
        if word in ("yesterday", "last night"):
            return today - timedelta(days=1), "day"
        if word in ("last week", "a week ago"):
            return today - timedelta(days=7), "day"
        count = match.group(2).lower()
        return today - timedelta(days=int(count) if count.isdigit() else _NUMBERS[count]), "day"
    return _day_named(text or "", today) or read_earned_date(text or "", today)


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(" + "|".join(m[:3] + r"\w*" for m in _MONTHS) + r")"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_ON_DAY_RE = re.compile(rf"\bon\s+(?:the\s+)?{_DAY}(?:\s+(?:of\s+)?{_MONTH})?\b|\bon\s+{_MONTH}\s+{_DAY}\b|"
                        rf"\b(?:on\s+(?:last\s+)?|last\s+|this\s+(?:past\s+)?)({'|'.join(_WEEKDAYS)})\b", re.IGNORECASE)


_YEAR_AFTER_RE = re.compile(r",?\s*((?:19|20)\d\d)\b")


def names_a_day(text: str) -> bool:
    """Whether the words name a day ("yesterday", "on monday", "on 20 november"), not just a month or a year."""
    match = _ON_DAY_RE.search(text or "")
    return bool(_RELATIVE_RE.search(text or "") or (match and not _YEAR_AFTER_RE.match(text, match.end())))


def _day_named(text: str, today: date) -> Optional[Tuple[date, str]]:
    """"on monday" (the latest Monday up to today), "on the 20th" (this month, or last month's when it is still
    to come), "on 20 november" / "on nov 20" (this year; None when still to come)."""
    match = _ON_DAY_RE.search(text)
    if not match:
        return None
    year = _YEAR_AFTER_RE.match(text, match.end())
    if year:  # "on 3 march 2025": that day
        try:
            month = match.group(2) or match.group(3) or ""
            index = next((i for i, m in enumerate(_MONTHS, 1) if month.lower().startswith(m[:3])), 0)
            found = date(int(year.group(1)), index, int(match.group(1) or match.group(4)))
        except (ValueError, TypeError):
            return None
        return (found, "day") if found <= today else None
    if match.group(5):
        back = (today.weekday() - _WEEKDAYS.index(match.group(5).lower())) % 7
        if back == 0 and re.search(r"\blast\b|\bpast\b", match.group(0), re.IGNORECASE):
            back = 7  # "last tuesday" said on a Tuesday is a week ago
        return today - timedelta(days=back), "day"
    day = int(match.group(1) or match.group(4))
    month_word = match.group(2) or match.group(3)
    try:
        if month_word:
            month = next(i for i, m in enumerate(_MONTHS, 1) if month_word.lower().startswith(m[:3]))
            found = date(today.year, month, day)
            return (found, "day") if found <= today else None
        if not re.search(r"\d(?:st|nd|rd|th)\b", match.group(0), re.IGNORECASE):
            return None  # "on 2 hours a week" names no day
        found = date(today.year, today.month, day)
        if found > today:
            previous = today.replace(day=1) - timedelta(days=1)
            found = date(previous.year, previous.month, day)
        return found, "day"
    except ValueError:
        return None
