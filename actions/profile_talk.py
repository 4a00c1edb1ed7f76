"""What the profile form says: its questions' wording ("go back to your goal"), changes, assumptions, help to
answer, heads-ups, and a question kept for after the path.

- A changed answer is said out loud ("Got it: your goal is now data engineer (it was architect).").
- A question missed twice is not asked a third time: the form assumes a stated default, which the
  recommendation lists and the person can change.
- A question in the middle of an answer about a named exam ("I was planning AZ-801 next, still OK?")
  gets its status first (retired, since when, what replaced it), before the form goes on.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from rasa_sdk import Tracker

from actions.context import advisor_today, catalog
from advisor.team_paths import typical_coding
from components.answer_certifications import read_certifications
from knowledge.resolver import find_exam_mentions
from presentation.formats import role_label, source_note

_CODING_LABELS = {"low": "rarely writes code", "medium": "writes scripts and queries",
                  "high": "builds applications"}
_EXPERIENCE_LABELS = {"none": "none yet", "some": "some", "extensive": "a lot"}
_MATURITY_LABELS = {"early": "early in its cloud adoption", "mature": "mature in the cloud"}
SLOT_NAMES = {
    "current_role": "your current role", "target_role": "your goal", "coding_comfort": "your coding",
    "azure_experience": "your Azure experience", "certifications_held": "your certifications",
    "weekly_hours": "your study time", "org_cloud_maturity": "your organisation's cloud maturity",
}
# The second time a question is asked, it says what kinds of answer work (the buttons follow).
READABLE_ANSWERS = {
    "current_role": "A job title or a few words about your work is enough, for example \"sysadmin\", "
                    "\"I answer tickets\" or \"I write C# apps\".",
    "coding_comfort": "Answers like \"hardly\", \"I write PowerShell scripts\" or \"I build apps\" work.",
    "target_role": "A role such as \"architect\" or \"data engineer\" works, and so do \"stay in my role\", "
                   "\"just the overview\" or \"you choose\".",
    "azure_experience": "Answers like \"none\", \"a few labs\", \"about a year\" or \"daily for 3 years\" work.",
    "certifications_held": "Type exam codes such as AZ-900 or PL-300, or say \"none\". Other vendors' "
                           "certifications (AWS, CompTIA …) are welcome but don't go in the list.",
    "weekly_hours": "A rough number works: \"4-5\", \"10ish\", \"an hour a day\".",
    "org_cloud_maturity": "\"Just starting\" or \"mostly in the cloud already\" is enough.",
}


# What the form assumes after a question was missed twice (or skipped in a hurry), by current role.
ASSUMED_VALUES: Dict[str, Callable[[Optional[str]], Any]] = {
    "current_role": lambda role: "other",
    "coding_comfort": typical_coding,
    "target_role": lambda role: "undecided",
    "azure_experience": lambda role: "none",
    "certifications_held": lambda role: [],
    "weekly_hours": lambda role: 5.0,
    "org_cloud_maturity": lambda role: "early",
}


def value_label(slot: str, value: Any) -> str:
    """A profile value as a person reads it."""
    if slot in ("current_role", "target_role"):
        return role_label(str(value))
    if slot == "coding_comfort":
        return _CODING_LABELS.get(str(value), str(value))
    if slot == "azure_experience":
        return _EXPERIENCE_LABELS.get(str(value), str(value))
    if slot == "org_cloud_maturity":
        return _MATURITY_LABELS.get(str(value), str(value))
    if slot == "weekly_hours":
        return f"{float(value):g} hours a week"
    if slot == "certifications_held":
        return ", ".join(value) if value else "none"
    return str(value)


def change_text(slot: str, previous: Any, value: Any) -> str:
    """"Got it: your goal is now data engineer (it was solutions architect)."""
    return (f"Got it: {SLOT_NAMES.get(slot, slot)} is now {value_label(slot, value)} "
            f"(it was {value_label(slot, previous)}).")


def assumption_text(slot: str, value: Any) -> str:
    """What the form assumes instead of asking a third time."""
    return (f"No problem, I'll assume {SLOT_NAMES.get(slot, slot)} is {value_label(slot, value)} for now and move "
            f"on. Tell me any time if that's wrong (\"change my {_change_word(slot)}\").")


def question_for_later(asked_for: str) -> str:
    """A question asked instead of an answer: kept for after the path, never counted as a failed answer."""
    return (f"Good question. I'll answer it better once your path is ready, and that's close: ask me again right "
            f"after it. First I need {asked_for}.")


def _change_word(slot: str) -> str:
    return {"current_role": "role", "target_role": "goal", "coding_comfort": "coding",
            "azure_experience": "experience", "certifications_held": "certifications", "weekly_hours": "hours",
            "org_cloud_maturity": "organisation"}.get(slot, slot)


def assumptions_line(assumed: List[str], values: Mapping[str, Any]) -> Optional[str]:
    """The recommendation's list of what was assumed rather than told."""
    parts = [f"{SLOT_NAMES[slot]}: {value_label(slot, values.get(slot))}" for slot in assumed
             if slot in SLOT_NAMES and values.get(slot) is not None]
    if not parts:
        return None
    return "Assumed, not told: " + "; ".join(parts) + ". Tell me if any is wrong and I'll redo the path."


def hurried_assumptions(known: Mapping[str, Any], current_role: Optional[str]) -> Tuple[List[str], Dict[str, Any]]:
    """For someone in a hurry: the slots to assume (not asked) and their values."""
    assumed: List[str] = []
    values: Dict[str, Any] = {}
    for slot in ("coding_comfort", "certifications_held", "weekly_hours"):
        if known.get(slot) is None:
            assumed.append(slot)
            values[slot] = ASSUMED_VALUES[slot](current_role)
    return assumed, values


_QUESTION_RE = re.compile(r"\?|\b(?:still (?:ok|okay|good|fine|valid|worth it)|is that (?:ok|okay|right|fine)|"
                          r"good idea|worth it|should i|can i still)\b", re.IGNORECASE)
_HELD_CUE_RE = re.compile(r"\b(?:have|got|hold|passed|earned|done|cleared)\b", re.IGNORECASE)


def opening_question_replies(tracker: Tracker, text: str) -> List[Dict[str, Any]]:
    """Heads-ups for exams named in a question inside a profile answer: status first, with its source."""
    if not _QUESTION_RE.search(text) or tracker.get_slot("recommended_path") is not None:
        return []
    kb, today = catalog(), advisor_today()
    replies: List[Dict[str, Any]] = []
    stated = read_certifications(text, tracker.get_slot("requested_slot") == "certifications_held", kb.exams)
    held = set(stated.codes + stated.lapsed) if stated else set()  # "az-800 and az-801, still valid": held
    for mention in find_exam_mentions(text[:2000], kb, today)[:2]:
        code = mention.resolution.code
        if not mention.resolution.resolved or not code or code not in kb.exams or code in held:
            continue
        before = text[:mention.start]
        if _HELD_CUE_RE.search(before[-30:]) and not re.search(r"\bbooked|planning|next|thinking\b", text, re.I):
            continue
        exam = kb.exam(code)
        status = exam.status
        if exam.is_retired_on(today):
            successor = f" It was replaced by {status.successor}." if status.successor else ""
            when = status.retirement_date.isoformat() if status.retirement_date else "earlier"
            booked = (" A booking for a retired exam can't go ahead, so check it with the exam provider."
                      if re.search(r"\bbook", text, re.IGNORECASE) else "")
            line = (f"Heads-up on {code}: it retired on {when} and can no longer be taken.{successor}{booked} "
                    f"{source_note(status.source)}")
        elif status.retirement_date:
            line = (f"Heads-up on {code}: it is available until {status.retirement_date.isoformat()}"
                    + (f", then {status.successor} replaces it" if status.successor else "")
                    + f". I'll check where it fits your path once I know a little more {source_note(status.source)}")
        else:
            line = (f"{code} ({exam.title}) is a current exam. I'll tell you whether it fits your path once I know "
                    f"a little more about you {source_note(status.source)}")
        replies.append({"text": line})
    return replies


SLOT_QUESTIONS = {
    "current_role": "your current role",
    "coding_comfort": "how comfortable you are writing code",
    "target_role": "what you want to become",
    "azure_experience": "your Azure experience",
    "certifications_held": "the certifications you hold",
    "weekly_hours": "how many hours a week you can study",
    "org_cloud_maturity": "how far your organisation is with the cloud",
}
# "change my goal", "can I redo the hours?": go back to that question (when no new value came with it).
_CHANGE_RE = re.compile(
    r"\b(?:change|update|edit|redo|fix|correct|revise|go back to)\s+(?:my\s+|the\s+|your\s+)?(?:answer\s+"
    r"(?:about|for|to)\s+(?:my\s+|the\s+)?)?(?P<what>goal|target|current role|role|job|coding|azure experience|"
    r"experience|certs|certifications|certificates|exams|hours|study time|weekly hours|time)\b",
    re.IGNORECASE,
)
_CHANGE_SLOTS = {
    "goal": "target_role", "target": "target_role", "current role": "current_role", "role": "current_role",
    "job": "current_role", "coding": "coding_comfort", "azure experience": "azure_experience",
    "experience": "azure_experience", "certs": "certifications_held", "certifications": "certifications_held",
    "certificates": "certifications_held", "exams": "certifications_held", "hours": "weekly_hours",
    "study time": "weekly_hours", "weekly hours": "weekly_hours", "time": "weekly_hours",
}


# "not sure", "skip", "no idea": the question is asked again with help to answer it (no value is guessed).
UNSURE_RE = re.compile(r"\b(?:not sure|unsure|no idea|don'?t know|dunno|no clue|skip|pass|next question|"
                        r"can'?t say|hard to say)\b", re.IGNORECASE)
UNSURE_HINTS = {
    "current_role": "No problem: describe what you spend most of your working day on (for example \"I answer "
                    "tickets\", \"I patch servers\", \"I write code\"), or pick the closest button.",
    "coding_comfort": "A rough idea is enough: if you only run or lightly edit scripts, say rarely; if you write "
                      "your own scripts or queries, say scripts; if you build applications, say apps.",
    "azure_experience": "A rough idea is enough: never used it is none; labs, a free account or a few tasks at work "
                        "is some; using it at work most weeks is a lot.",
    "certifications_held": "I need this one to skip exams you already have. If you don't remember passing any "
                           "Microsoft exam, say none.",
    "weekly_hours": "I need a rough number to size the plan: even a guess like 3 hours a week is fine, and you "
                    "can change it later (\"change my hours\").",
    "org_cloud_maturity": "A rough idea is enough: if your organisation is only starting with the cloud, say "
                          "early; if most of its systems already run in the cloud, say mature.",
}


def slot_to_change(text: Optional[str]) -> Optional[str]:
    """The profile slot a "change my …" message asks to go back to, if any."""
    match = _CHANGE_RE.search(text or "")
    return _CHANGE_SLOTS[match.group("what").lower()] if match else None
