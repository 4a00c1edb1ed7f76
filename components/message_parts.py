"""Messages that ask for two things: "skip DP-900. is DP-700 heavy on PySpark?", "is AZ-700 hard? also put it in
my calendar".

Plain Python, shared by the follow-up policy (which answers the parts in turn) and the actions (each reads
only the part it answers). A message has parts when it splits into sentences, or at "and"/"also"/"plus"
before a question or a request, and at least two of the parts have a follow-up kind that an answering
action handles on its own (`PART_ACTIONS`). Otherwise the message is one part, as before.
"""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Mapping, Optional, Tuple

from components.follow_up_reader import follow_up_kind

# The follow-up kinds whose answer stands alone, and the action that gives it.
PART_ACTIONS: Dict[str, str] = {
    "choose_exam": "action_choose_exam", "skip_exam": "action_choose_exam", "reorder": "action_choose_exam",
    "fundamentals_only": "action_choose_exam", "path_step": "action_answer_why_not",
    "calendar": "action_send_calendar", "path_cost": "action_make_study_plan",
    "deadline": "action_answer_follow_up", "exam_family": "action_answer_follow_up",
    "held_counts": "action_answer_follow_up", "held_validity": "action_answer_follow_up",
    "counts_toward": "action_answer_follow_up", "covers": "action_answer_follow_up",
    "find_exam": "action_answer_follow_up", "equivalent": "action_answer_follow_up",
    "faster": "action_answer_follow_up", "other_vendor": "action_answer_follow_up",
    "career": "action_answer_follow_up", "policy": "action_answer_exam_question",
    "status": "action_answer_exam_question",
}
ANSWER_ACTIONS = frozenset(PART_ACTIONS.values())
_STARTS = (r"is|are|isn'?t|do|does|did|can|could|should|would|will|what|whats|what'?s|which|how|when|why|where|"
           r"put|add|skip|drop|remove|switch|swap|please|pls|give|send|make")
_SPLIT_RE = re.compile(rf"(?<=[.?!])\s+|\n+|\s*[,;]?\s+(?:and|also|plus|oh and|btw|and also)\s+(?=(?:{_STARTS})\b)",
                       re.IGNORECASE)
MAX_PARTS = 3


def split_message(text: str) -> List[Tuple[int, str]]:
    """(offset, part) for the sentences and joined requests of a message, in order."""
    parts: List[Tuple[int, str]] = []
    start = 0
    for match in _SPLIT_RE.finditer(text):
        parts.append((start, text[start:match.start()]))
        start = match.end()
    parts.append((start, text[start:]))
    return [(offset, part) for offset, part in parts if part.strip()]


def answer_parts(text: str) -> List[Tuple[int, str, str]]:
    """(offset, part, kind) for each part to answer in turn; empty when the message is one request."""
    text = (text or "")[:2000]
    if not text.strip() or text.startswith("/"):
        return []
    found = [(offset, part, follow_up_kind(part)) for offset, part in split_message(text)]
    kinds = [(offset, part, kind) for offset, part, kind in found if kind in PART_ACTIONS]
    if len(kinds) < 2:
        return []
    return [(offset, part, str(kind)) for offset, part, kind in kinds][:MAX_PARTS]


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
