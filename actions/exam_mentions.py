"""Which exams the latest message is about: every code or name resolved through the one resolver."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import List, NamedTuple, Optional, Tuple

from rasa_sdk import Tracker

from actions.context import advisor_today, catalog, profile_from
from advisor.profile import Profile
from components.message_parts import answered_so_far, part_for
from knowledge.catalog import Catalog
from knowledge.resolver import Resolution, find_exam_mentions, resolve_exam
from knowledge.vocabulary import MAX_WEEKLY_HOURS
from presentation.exam_replies import unknown_exam_reply
from presentation.reply import Reply

MAX_TEXT_FOR_MENTIONS = 2000  # longer messages are not scanned for exam names (codes still come as entities)


@dataclass(frozen=True)
class ExamMentions:
    """Exams the message names, in order: resolved codes, unknown codes and ambiguous names."""

    codes: Tuple[str, ...] = ()
    unknown: Tuple[Resolution, ...] = ()
    ambiguous: Tuple[Resolution, ...] = ()

    def unknown_reply(self, catalog: Catalog) -> Optional[Reply]:
        """"I don't know AZ-999", with the closest known exams, when the message names an unknown code."""
        if not self.unknown:
            return None
        unknown = self.unknown[0]
        closest = [catalog.exam(code) for code in unknown.candidates if code in catalog.exams]
        return unknown_exam_reply(unknown.matched or unknown.query, closest)


def latest_entity_values(tracker: Tracker, entity: str) -> List[str]:
    """Values of one entity in the latest user message as text, in order, without duplicates."""
    values: List[str] = []
    for item in tracker.latest_message.get("entities") or []:
        value = item.get("value")
        if item.get("entity") != entity or isinstance(value, bool) or not isinstance(value, (str, int, float)):
            continue
        if str(value) not in values:
            values.append(str(value))
    return values


def question_part(tracker: Tracker) -> Tuple[int, str]:
    """(offset, text) of what this answer is about: the whole latest message, or, in a message with several
    requests ("skip DP-900. is DP-700 heavy on PySpark?"), the part whose turn it is."""
    text = tracker.latest_message.get("text") or ""
    names: List[Optional[str]] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "action":
            names.append(event.get("name"))
    part = part_for(text, answered_so_far(names))
    return (part[0], part[1]) if part else (0, text)


def exams_mentioned(tracker: Tracker, catalog: Catalog, today: date) -> ExamMentions:
    """Resolve the message's exam mentions: names and codes in the text, then `exam_code` entities (in a
    message with several requests, those of the part being answered)."""
    offset, text = question_part(tracker)
    whole = len(text) == len(tracker.latest_message.get("text") or "")
    resolutions: List[Resolution] = []
    if not text.startswith("/") and len(text) <= MAX_TEXT_FOR_MENTIONS:
        resolutions += [mention.resolution for mention in find_exam_mentions(text, catalog, today)]
    inside = [str(e.get("value")) for e in tracker.latest_message.get("entities") or []
              if e.get("entity") == "exam_code" and isinstance(e.get("start"), int)
              and offset <= int(e["start"]) < offset + len(text)]
    for value in latest_entity_values(tracker, "exam_code"):
        if not whole and value not in inside:
            continue
        resolution = resolve_exam(value, catalog, today)
        if not any(r.code == resolution.code and r.status == resolution.status and r.code for r in resolutions):
            if resolution.resolved or not any(r.matched == resolution.matched for r in resolutions):
                resolutions.append(resolution)
    codes: List[str] = []
    unknown: List[Resolution] = []
    ambiguous: List[Resolution] = []
    for resolution in resolutions:
        if resolution.resolved and resolution.code and resolution.code not in codes:
            codes.append(resolution.code)
        elif resolution.status == "unknown_code":
            unknown.append(resolution)
        elif resolution.status == "ambiguous":
            ambiguous.append(resolution)
    return ExamMentions(tuple(codes), tuple(unknown), tuple(ambiguous))


_BARE_NUMBER_RE = re.compile(r"(?<![\w.\-/$€£])(\d{3})(?![\w%]|\.\d)(?!\s*(?:h\b|hours?|hrs?|mins?|minutes|weeks?|"
                             r"days?|usd|dollars?|eur|euros?|pounds?|questions|points|people|employees))",
                             re.IGNORECASE)


def codes_with_bare_numbers(text: str, codes: Tuple[str, ...], catalog: Catalog, path: List[str]) -> List[str]:
    """The codes named, plus bare numbers ("skip 104 and go straight to 700") read against the path first,
    then AZ-, then a unique known code with that number."""
    found = list(codes)
    for _, _, code in bare_numbers(text, catalog, path):
        if code not in found:
            found.append(code)
    return found


def bare_numbers(text: str, catalog: Catalog, path: List[str]) -> List[Tuple[int, int, str]]:
    """(start, end, code) of each bare number that reads as an exam: the path's first, then AZ-, then a unique
    known code with that number."""
    found: List[Tuple[int, int, str]] = []
    for match in _BARE_NUMBER_RE.finditer(text[:MAX_TEXT_FOR_MENTIONS]):
        digits = match.group(1)
        on_path = [c for c in path if c.endswith(f"-{digits}")]
        known = [c for c in catalog.exams if c.endswith(f"-{digits}")]
        code = (on_path[0] if on_path else f"AZ-{digits}" if f"AZ-{digits}" in catalog.exams
                else known[0] if len(known) == 1 else None)
        if code:
            found.append((match.start(1), match.end(1), code))
    return found


def exam_in_focus(tracker: Tracker, catalog: Catalog) -> Optional[str]:
    """The exam the conversation was last about, if it is still a known exam."""
    code = tracker.get_slot("exam_in_focus")
    return code if isinstance(code, str) and code in catalog.exams else None


def latest_weekly_hours(tracker: Tracker) -> Optional[float]:
    """Study hours a week stated in the latest message ("at 5 hours a week"), if valid."""
    for value in latest_entity_values(tracker, "weekly_hours"):
        try:
            hours = float(value)
        except ValueError:
            continue
        if 0 < hours <= MAX_WEEKLY_HOURS:
            return hours
    return None


def path_codes(tracker: Tracker, kb: Catalog) -> List[str]:
    """The recommended path's codes that the knowledge base knows ([] before a recommendation)."""
    return [code for code in tracker.get_slot("recommended_path") or [] if code in kb.exams]


class Question(NamedTuple):
    """What every question action starts from: the knowledge base, today, the profile, the text, the exams named."""

    kb: Catalog
    today: date
    profile: Profile
    text: str
    mentions: ExamMentions


def read_question(tracker: Tracker) -> Question:
    """The latest message as a question about the knowledge base."""
    kb, today = catalog(), advisor_today()
    _, text = question_part(tracker)
    return Question(kb, today, profile_from(tracker), text, exams_mentioned(tracker, kb, today))
