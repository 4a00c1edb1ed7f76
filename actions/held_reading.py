"""Reading the certifications held from the latest message (the form's `extract_certifications_held`).

Microsoft exam codes held; "none"; other vendors' certificates acknowledged and never stored as codes (the NLU's
AZ-104 from "AWS SysOps Administrator Associate" included); lapsed, retired and unknown codes named back once; a
code inside a question or named as the aim is never held. The reading rules are
`components/answer_certifications.py`; this module applies them to a tracker.
"""

from __future__ import annotations

import re
from typing import List, Optional, Sequence

from rasa_sdk import Tracker

from actions.context import value_before_latest_message
from actions.profile_reading import SlotReading, _mapped_now, latest_text
from components.answer_certifications import other_vendors, read_certifications
from components.answer_reader import looks_like_question
from components.answer_roles import someone_elses_spans
from components.message_parts import question_spans, without_questions


def _microsoft_named(text: str, code: str, tracker: Tracker) -> bool:
    """True when the NLU's `code` comes from words that name Microsoft's exam ("Azure Administrator Associate"),
    not from another vendor's certificate named the same way ("AWS SysOps Administrator Associate")."""
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == "exam_code" and str(entity.get("value")).upper() == code:
            start, end = int(entity.get("start") or 0), int(entity.get("end") or 0)
            named = text[start:end]
            before = text[max(0, start - 40):start]
            if re.search(r"[A-Za-z]{2}[\s-]?\d{3}", named) or re.search(r"\b(?:azure|microsoft|ms)\s*$", before, re.I):
                return True
    return False


_PATH_EDIT_RE = re.compile(r"\b(?:keep|add|put|switch|swap|skip|remove|drop|replace)\b.{0,30}\b"
                           r"(?:[A-Za-z]{2}[\s-]?)?\d{3}\b.{0,30}\b(?:after|before|first|then|instead|"
                           r"(?:on|to) (?:my|the) path)\b|"
                           r"\b(?:switch|swap) to (?:[A-Za-z]{2}[\s-]?)?\d{3}\b", re.IGNORECASE)


def read_certifications_held(tracker: Tracker, requested: Optional[str], known: List[str]) -> SlotReading:
    """Microsoft exam codes held; "none"; other vendors' certifications acknowledged, never stored."""
    reading = SlotReading()
    text = latest_text(tracker)
    asked = requested == "certifications_held"
    if not text:
        return reading
    if _PATH_EDIT_RE.search(text):  # "keep AI-200 and add AZ-104 after it" edits a path, it lists nothing held
        return reading
    asked_part = without_questions(text)  # "does AZ-305 have coding questions?" holds nothing, asked or not
    answer = read_certifications(asked_part, asked, known) if asked_part.strip() else None
    if asked and answer is None and asked_part != text:  # "do I need AZ-104 before AZ-700?" holds nothing
        return reading
    if not asked and (looks_like_question(text) or text.rstrip().endswith("?") or asked_part != text) and \
            (answer is None or not answer.codes) and _mapped_now(tracker, "certifications_held"):
        # "most of dp-300 is stuff i know, no?" asks about an exam; it holds nothing: undo the NLU's mapping
        reading.values["certifications_held"] = value_before_latest_message(tracker, "certifications_held")
        return reading
    if answer is None and not asked and other_vendors(asked_part) and _mapped_now(tracker, "certifications_held"):
        # "I hold AWS SA Pro and SysOps Administrator Associate": the NLU's AZ-104 is another vendor's name
        kept = [str(e.get("value")).upper() for e in tracker.latest_message.get("entities") or []
                if e.get("entity") == "exam_code" and _microsoft_named(text, str(e.get("value")).upper(), tracker)]
        earlier = list(value_before_latest_message(tracker, "certifications_held") or [])
        reading.values["certifications_held"] = earlier + [c for c in kept if c not in earlier]
        return reading
    if answer is None:
        return reading
    spans = question_spans(text) + someone_elses_spans(text)  # "my manager has AZ-305, I have none"
    entity_codes = [str(e.get("value")).upper() for e in tracker.latest_message.get("entities") or []
                    if e.get("entity") == "exam_code" and (asked or e.get("role") == "held")
                    and not any(a <= int(e.get("start") or -1) < b for a, b in spans)]
    # the NLU's codes (from names such as "the admin one") only when the text names no code itself
    codes = list(answer.codes) or [c for c in entity_codes if c not in answer.not_held and asked
                                   and not answer.other_vendors]  # "SAA and developer associate" are AWS
    if answer.other_vendors:
        vendors = " and ".join(answer.other_vendors)
        plural = "certifications count" if len(answer.other_vendors) > 1 else "certification counts"
        reading.notes.append(f"Noted: your {vendors} {plural} as experience. Only current Microsoft exams go in "
                             "your list, so it doesn't skip anything on the path.")
    if answer.retired or answer.unknown:
        reading.notes.append(older_exams_note(answer.retired, answer.unknown))
    if answer.lapsed:
        lapsed = ", ".join(answer.lapsed)
        reading.notes.append(f"Noted: your {lapsed} has lapsed, so I don't count it as held. A lapsed "
                             "certification is earned again by passing the exam (or its successor, if it has "
                             "retired); what you learned still makes that quicker.")
    if codes:
        previous = value_before_latest_message(tracker, "certifications_held") if not asked else None
        merged = [c for c in previous or [] if c not in answer.not_held]  # "i dont have sc-100, only sc-200"
        reading.values["certifications_held"] = merged + [c for c in codes if c not in merged]
    elif answer.said_none or (asked and (answer.other_vendors or answer.not_held or answer.retired or answer.unknown)):
        reading.values["certifications_held"] = []
    elif (answer.other_vendors or answer.lapsed) and tracker.get_slot("certifications_held") is None and \
            value_before_latest_message(tracker, "certifications_held") is None:
        # "AWS SA Pro, my AZ-204 lapsed" lists what they have: no current Microsoft one (said, so it can be fixed)
        reading.values["certifications_held"] = []
        reading.notes.append("So no current Microsoft certification for now; if you do hold one, just name it.")
    elif answer.other_vendors and _mapped_now(tracker, "certifications_held"):
        # "AWS Solutions Architect Professional and SysOps Administrator Associate": the NLU's AZ-104 (from
        # "Administrator Associate") is another vendor's name; only codes named beside Azure or Microsoft stay
        kept = [c for c in entity_codes if c not in answer.not_held and _microsoft_named(text, c, tracker)]
        earlier = list(value_before_latest_message(tracker, "certifications_held") or [])
        reading.values["certifications_held"] = earlier + [c for c in kept if c not in earlier]
    elif answer.not_held:  # "I don't hold AZ-900": take it off the list, and only it
        previous = list(value_before_latest_message(tracker, "certifications_held") or [])
        if any(c in previous for c in answer.not_held):  # "is SC-100 the next step?" says nothing held
            reading.values["certifications_held"] = [c for c in previous if c not in answer.not_held]
    return reading


def older_exams_note(retired: Sequence[str], unknown: Sequence[str]) -> str:
    """Older Microsoft exams ("70-533", "DA-100") and unknown codes of Microsoft's shape, named back once."""
    parts = []
    if retired:
        parts.append(f"Noted: {' and '.join(retired)} {'are' if len(retired) > 1 else 'is a'} retired Microsoft "
                     f"exam{'s' if len(retired) > 1 else ''}, so I count {'them' if len(retired) > 1 else 'it'} as "
                     "experience, not as a current certification; it doesn't skip anything on the path.")
    if unknown:
        parts.append(f"I don't know an exam called {' or '.join(unknown)}, so I left it out.")
    return " ".join(parts)
