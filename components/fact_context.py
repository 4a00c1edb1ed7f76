"""How the facts found in one message are read together: whose job a role is when several roles relate
("from helpdesk to cloud engineer"), quantity words that belong to another fact ("zero Azure experience") or
answer nothing ("thx a ton"), and one coding level per message.

Plain Python (no Rasa, no spaCy): works on the entity dicts `components/fact_matcher.py` builds.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List

ROLE_CURRENT = "current"
ROLE_TARGET = "target"
ROLE_HELD = "held"

# "from helpdesk to cloud engineer", "helpdesk -> azure admin", "switching from dev into devops"
_TRANSITION_RE = re.compile(r"^\s*(?:-+>|→|=>|>|to|into|towards?)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
_FROM_RE = re.compile(r"\bfrom\s+(?:an?\s+|the\s+|being\s+(?:an?\s+)?)?$", re.IGNORECASE)
_CODING_LEVELS = {"low": 0, "medium": 1, "high": 2}
# "thx a ton", "nothing fancy": quantity words that answer nothing.
_THANKS_BEFORE_RE = re.compile(r"\b(?:thanks|thank you|thx|ty|cheers)\W*$", re.IGNORECASE)
_NOT_AMOUNT_AFTER_RE = re.compile(r"^\s*(?:fancy|special|serious|major|crazy|advanced|complex|big|much else)\b",
                                  re.IGNORECASE)
_BARE_NO_WORDS = {"nope", "nop", "nopes", "nah", "naw", "nay"}


def relate_roles(text: str, entities: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Roles stated relative to each other: "from helpdesk to cloud engineer", "sysadmin, want devops"."""
    roles = [e for e in entities if e["entity"] == "job_role"]
    for before, after in zip(roles, roles[1:], strict=False):
        between = text[before["end"]:after["start"]]
        arrow = between.strip()[:1] in ("-", "→", "=", ">")
        preceding = text[max(0, before["start"] - 40):before["start"]]
        if _TRANSITION_RE.match(between) and (arrow or _FROM_RE.search(preceding)):
            before["role"], after["role"] = ROLE_CURRENT, ROLE_TARGET
    if roles and "role" not in roles[0] and roles[0]["value"] != "undecided" and not re.search(
            r"[^\W\d_]", text[:roles[0]["start"]]):
        # "helpdesk guy, never used azure, ...": a title that opens a list of facts is the job today
        first = roles[0]
        rest = text[first["end"]:]
        others = [e for e in entities if e is not first and e["start"] >= first["end"]
                  and e["entity"] not in ("amount", "number")]
        if others and re.match(r"^\s*(?:[,;:\-–—/(]|[^\w\s])", rest):
            first["role"] = ROLE_CURRENT
    targets = [e["start"] for e in roles if e.get("role") == ROLE_TARGET]
    if targets:
        for found in roles:
            if "role" not in found and found["value"] != "undecided" and found["start"] < min(targets):
                found["role"] = ROLE_CURRENT  # a bare title before the stated goal is the job today
    for found in roles:
        found.pop("title", None)
    return entities

def drop_idle_amounts(text: str, entities: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Quantity words that belong to another fact ("zero Azure experience") or answer nothing ("thx a ton")."""
    facts = [e for e in entities if e["entity"] not in ("amount", "number")]
    kept: List[Dict[str, Any]] = []
    for found in entities:
        if found["entity"] == "amount":
            start, end = found["start"], found["end"]
            word = text[start:end].strip().lower()
            if (any(f["start"] < end + 3 and start < f["end"] for f in facts)
                    or _THANKS_BEFORE_RE.search(text[max(0, start - 20):start])
                    or _NOT_AMOUNT_AFTER_RE.match(text[end:end + 20])
                    or (word in _BARE_NO_WORDS and re.sub(r"[\W_]+", "", text.lower()) != word)):
                continue
        kept.append(found)
    return kept

def resolve_coding(entities: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """One coding level per message; only negated mentions ("I don't know any Python") mean low.

    A described activity ("one-liners", "write services") outweighs a bare language name ("PowerShell"),
    then the highest level stated wins ("I'm no dev but I write Python scripts" is medium).
    """
    coding = [e for e in entities if e["entity"] == "coding_comfort"]
    if not coding:
        return entities
    stated = [e for e in coding if not e.get("negated")]
    if stated:
        keep = max(stated, key=lambda e: (e.get("words", 1) > 1, _CODING_LEVELS.get(e["value"], 0)))
    else:
        keep = dict(coding[0], value="low")
    keep.pop("negated", None)
    keep.pop("words", None)
    return [e for e in entities if e["entity"] != "coding_comfort"] + [keep]
