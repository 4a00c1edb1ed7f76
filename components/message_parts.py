"""Messages that ask for two things: "skip DP-900. is DP-700 heavy on PySpark?", "is AZ-700 hard? also put it in
my calendar".

Plain Python, shared by the follow-up policy (which answers the parts in turn) and the actions (each reads
only the part it answers). A message has parts when it splits into sentences, or at "and"/"also"/"plus"
before a question or a request, and at least two of the parts have a follow-up kind that an answering
action handles on its own (`PART_ACTIONS`; an exam result is one: "passed it on monday! can I book AZ-400
right away?" records the result, then answers the question). Otherwise the message is one part, as before.

It also names the question clauses of a message (`question_spans`): facts are never read from them ("None
yet. do I need AZ-104 before AZ-700?" holds neither exam).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Dict, Iterable, List, Mapping, Optional, Tuple

from components.answer_reader import answers_question, looks_like_question
from components.follow_up_reader import HYPOTHETICAL_RE, follow_up_kind
from components.held_dates import read_held_dates

# The follow-up kinds whose answer stands alone, and the action that gives it.
PART_ACTIONS: Dict[str, str] = {
    "choose_exam": "action_choose_exam", "skip_exam": "action_choose_exam", "reorder": "action_choose_exam",
    "fundamentals_only": "action_choose_exam", "path_step": "action_answer_why_not",
    "calendar": "action_send_calendar", "path_cost": "action_make_study_plan",
    "study_plan": "action_make_study_plan", "compare": "action_compare_exams",
    "deadline": "action_answer_follow_up", "exam_family": "action_answer_follow_up",
    "held_counts": "action_answer_follow_up", "held_validity": "action_answer_follow_up",
    "counts_toward": "action_answer_follow_up", "covers": "action_answer_follow_up",
    "find_exam": "action_answer_follow_up", "equivalent": "action_answer_follow_up",
    "faster": "action_answer_follow_up", "other_vendor": "action_answer_follow_up",
    "estimate_basis": "action_answer_follow_up", "others_path": "action_answer_follow_up",
    "career": "action_answer_follow_up", "policy": "action_answer_exam_question",
    "status": "action_answer_exam_question", "exam_fact": "action_answer_exam_question",
    "what_if": "action_answer_why_not", "why_not": "action_answer_why_not",
    "exam_passed": "action_record_exam_result", "exam_failed": "action_record_exam_result",
}
ANSWER_ACTIONS = frozenset(PART_ACTIONS.values())
_RESULT_KINDS = ("exam_passed", "exam_failed")
_STARTS = (r"is|are|isn'?t|do|does|did|can|could|should|would|will|what|whats|what'?s|which|how|when|why|where|"
           r"put|add|skip|drop|remove|switch|swap|please|pls|give|send|make")
_SPLIT_RE = re.compile(rf"(?<=[.?!])\s+|\n+|\s*[,;]?\s+(?:and|also|plus|oh and|btw|and also)\s+(?=(?:{_STARTS})\b)",
                       re.IGNORECASE)
MAX_PARTS = 3
# "... is that better than 104 for me?": the part is about the exam the previous part named
_POINTS_BACK_RE = re.compile(r"\b(?:is|would|does|will|isn'?t|should i (?:do|take)) (?:that|it|this)(?: one)?\b",
                             re.IGNORECASE)
_LEADING_JOIN_RE = re.compile(r"\s*(?:(?:and|also|plus|oh|btw|but|so)\b[\s,]*)+(?=\w|$)", re.IGNORECASE)


# ---------------------------------------------------------------- question clauses (no facts are read there)
SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?\n]+|$)")
_CLAUSE_RE = re.compile(r",|;|\(|\s-\s|\b(?:and|but|so|or)\b(?=\s+(?:is|are|do|does|did|can|could|should|would|will|"
                        r"what|which|how|why|when|isn'?t|aren'?t|don'?t|doesn'?t)\b)", re.IGNORECASE)
# "can you change my hours to 8?", "could you put SC-200 on my path?": requests, whatever their grammar
_REQUEST_RE = re.compile(r"\b(?:change|update|set|switch|correct|fix|make (?:it|that)|put me down|note that|"
                         r"remember)\b", re.IGNORECASE)


def question_spans(text: str) -> List[Tuple[int, int]]:
    """Where the message asks something: (start, end) offsets of its question clauses.

    A sentence that ends with "?" is a question from its first clause that opens like one ("I have AZ-900, is
    that enough?" asks only "is that enough?"); a sentence that opens like a question is one without "?"; a
    hypothetical ("suppose I had AZ-104, ...") counts from its first word.
    """
    spans: List[Tuple[int, int]] = []
    for sentence in SENTENCE_RE.finditer(text):
        body = sentence.group(0)
        if _REQUEST_RE.search(body) and not HYPOTHETICAL_RE.search(body):
            continue
        cuts = [0] + [m.end() for m in _CLAUSE_RE.finditer(body)]
        opening = next((cut for cut in cuts if looks_like_question(body[cut:])), None)
        supposed = HYPOTHETICAL_RE.search(body)  # "suppose I had 2 years of Azure": no fact either
        if supposed is not None and not re.search(r"\bfail|n'?t pass", body, re.IGNORECASE):
            opening = min(opening, supposed.start()) if opening is not None else supposed.start()
        if opening is not None:
            spans.append((sentence.start() + opening, sentence.end()))
        elif body.rstrip().endswith("?"):
            spans.append((sentence.start(), sentence.end()))
    return spans


def without_questions(text: str) -> str:
    """The message without its question clauses ("None yet. do I need AZ-104 before AZ-700?" → "None yet. ")."""
    kept, last = [], 0
    for start, end in question_spans(text):
        kept.append(text[last:start])
        last = end
    return "".join(kept) + text[last:]


# Questions answered in the middle of the profile questions when the message answers nothing asked ("does AZ-305
# have coding questions?" while the goal is asked): their answers need no path, and the form then asks again.
IN_FORM_KINDS = ("exam_fact", "policy", "status", "covers", "exam_family", "find_exam", "held_validity",
                 "counts_toward", "equivalent", "others_path")


def question_instead_of_answer(text: str, requested: Optional[str]) -> Optional[str]:
    """The kind of a question asked instead of an answer to `requested`, or None (an answer, or no such kind)."""
    if not (looks_like_question(text) or text.rstrip().endswith("?")):
        return None
    kind = follow_up_kind(text)
    if kind not in IN_FORM_KINDS or (requested and answers_question(requested, without_questions(text))):
        return None
    return kind


def split_message(text: str) -> List[Tuple[int, str]]:
    """(offset, part) for the sentences and joined requests of a message, in order."""
    parts: List[Tuple[int, str]] = []
    start = 0
    for match in _SPLIT_RE.finditer(text):
        parts.append((start, text[start:match.start()]))
        start = match.end()
    parts.append((start, text[start:]))
    trimmed = []
    for offset, part in parts:  # "? and can I be ready by March": the part opens at "can"
        lead = _LEADING_JOIN_RE.match(part)
        cut = lead.end() if lead else 0
        trimmed.append((offset + cut, part[cut:]))
    return [(offset, part) for offset, part in trimmed if part.strip()]


def answer_parts(text: str) -> List[Tuple[int, str, str]]:
    """(offset, part, kind) for each part to answer in turn; empty when the message is one request."""
    text = (text or "")[:2000]
    if not text.strip() or text.startswith("/"):
        return []
    # "no, SC-200. it expires february 2027. when can I renew it?": one question about the dates it gives
    dates = follow_up_kind(text) == "held_validity" and read_held_dates(text, date.today()).any_date
    found = [(offset, part, follow_up_kind(part) or _step_question(part)) for offset, part in split_message(text)]
    kinds: List[Tuple[int, str, Optional[str]]] = []
    for offset, part, kind in found:
        if dates and kind == "policy":
            kind = "held_validity"
        if kind not in PART_ACTIONS:
            continue
        if kind == "exam_passed" and kinds and kinds[-1][2] == "held_validity" and not _CODE_RE.search(part):
            # "when does my SC-200 need renewing? passed it 14 feb 2026": the date of the certification asked about
            kinds[-1] = (kinds[-1][0], text[kinds[-1][0]:offset + len(part)], "held_validity")
            continue
        if kind in _RESULT_KINDS and any(earlier in _RESULT_KINDS for _, _, earlier in kinds):
            continue  # "I did NOT pass 104. I passed 140": one piece of news (a correction), read whole by one answer
        if kinds and kinds[-1][2] == kind and (kind in ("policy", "held_validity") or _POINTS_BACK_RE.search(part)):
            # "is the 104 hands-on? any labs?", "whats az-802? is that better than 104?", two sentences about one
            # certification's dates: one question, one answer
            first_offset, first_part, _ = kinds[-1]
            kinds[-1] = (first_offset, text[first_offset:offset + len(part)], kind)
            continue
        kinds.append((offset, part, kind))
    if len(kinds) < 2:
        return []
    return [(offset, part, str(kind)) for offset, part, kind in kinds][:MAX_PARTS]


_CODE_RE = re.compile(r"(?<![\w.\-/])(?:[A-Za-z]{2}[\s-]?)?\d{3}(?![\w.%])")


# "how much is it", "what's the pass mark": a fact about the exam in question (the price, the score, the length)
HOW_MUCH_PRICE = (r"\bhow much(?:\W*$| (?:is|are|does|do|will|would) (?:it|they|this|that|each|one|an? |"
                  r"(?:the )?(?:exam|test|(?:[a-z]{2}[\s-]?)?\d{3})))")
# "can I take the exam in spanish?", "which languages?": the exam's languages
IN_A_LANGUAGE = (r"\bin (?:spanish|german|french|portuguese|italian|polish|dutch|japanese|chinese|korean|arabic|"
                 r"my (?:own )?language)\b|\blanguages?\b")
_FACT_QUESTION_RE = re.compile(HOW_MUCH_PRICE + "|" + IN_A_LANGUAGE + r"|\b(?:cost|costs|price|"
                               r"fee|fees|expensive|pass(?:ing)? (?:mark|score)|how many questions|"
                               r"how long is the exam|minutes)\b", re.IGNORECASE)


def _step_question(part: str) -> Optional[str]:
    """A question with no plainer kind: about a fact of the exam ("how much is it?") or about a named step ("is
    az-900 a waste of time?")."""
    if not question_spans(part):
        return None
    if _FACT_QUESTION_RE.search(part):
        return "exam_fact"
    return "path_step" if _CODE_RE.search(part) else None


def question_kind(text: str) -> Optional[str]:
    """The kind of the first part that asks something answerable ("ill do 8 hrs a week. how much is it?" →
    exam_fact), for a message whose statement alone would only update the profile."""
    for _, part in split_message((text or "")[:2000]):
        kind = follow_up_kind(part) or _step_question(part)
        if kind in PART_ACTIONS:
            return kind
    return None


def answered_so_far(actions_since_message: Iterable[Optional[str]]) -> int:
    """How many parts are answered: the answering actions that ran since the message."""
    return sum(1 for name in actions_since_message if name in ANSWER_ACTIONS)


def part_for(text: str, answered: int) -> Optional[Tuple[int, str, str]]:
    """The part the next answer is about, or None (one request, or every part answered)."""
    parts = answer_parts(text)
    return parts[answered] if answered < len(parts) else None


def check_actions(table: Mapping[str, str]) -> List[str]:
    """Kinds whose part action differs from the policy's own table (a test keeps them in step)."""
    return [kind for kind, action in PART_ACTIONS.items() if table.get(kind) != action]
