"""The words every answer reader shares: the `Reading` it returns, clauses, "no", "I don't know", negation, and
clauses about someone else ("my boss codes", "my manager has AZ-305").

Plain Python (no Rasa, no spaCy), used by `components/answer_reader.py` and the slot readers beside it
(`answer_coding.py`, `answer_azure.py`, `answer_maturity.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, List, Optional

MAX_CHARS = 2000


@dataclass(frozen=True)
class Reading:
    """A value read for a slot, and what to tell the person about how it was read (if anything)."""

    value: Any
    note: Optional[str] = None


def rx(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern for whole words or phrases."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


IDK_RE = rx(r"idk", r"i\s*d\s*k", r"dunno", r"don'?t know", r"do not know", r"no idea", r"not sure", r"unsure",
            r"no clue", r"not certain", r"hard to say", r"can'?t say", r"who knows")
NO_RE = rx(r"no+", r"nope", r"nah+", r"naw", r"none", r"nothing", r"zero", r"zilch", r"nada", r"never", r"not yet",
           r"not really", r"not at all", r"negative", r"n/?a", r"0", r"nil", r"no+pe")
# Someone else: "my boss", "my team", "my colleague".
SOMEONE_ELSE_RE = re.compile(
    r"\b(?:my|our|his|her|their)\s+(?:boss|manager|team(?:mates?)?|colleagues?|coworkers?|co-workers?|husband|"
    r"wife|partner|friend|brother|sister|dad|mum|mom|lead|company|devs?|developers?)\b", re.IGNORECASE)

CLAUSE_SPLIT_RE = re.compile(r"\.(?!\d)|[;!?\n]+|,|\bbut\b|\bwhereas\b|\bwhile\b|\bthough\b|\balthough\b|\band\b",
                             re.IGNORECASE)


def clauses(text: str) -> List[str]:
    """The message cut into clauses ("none on Azure", "tons on AWS")."""
    return [c.strip() for c in CLAUSE_SPLIT_RE.split(text[:MAX_CHARS]) if c and c.strip()]


# "not", "never", "without" a few words before a level: "not very comfortable", "never really used".

NEGATED_BEFORE_RE = re.compile(r"(?:\bnot|\bnever|\bno|n't|\bnor|\bwithout)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
