"""Reads a person's reply as an answer to the question just asked (expected-slot-first reading).

Plain Python (no Rasa, no spaCy), shared by the dialogue policy that keeps answers inside the profile
form (`components/expected_answer_policy.py`) and by the form's `extract_<slot>` methods
(`actions/profile_form.py`), so that one measurement (`tests/conversation/`) covers both.

Two ways to read a message for a slot:
- `asked=True`: the message answers that slot's question, so short replies count ("a bit", "4-5",
  "nope", "PL-300", "couple of years");
- `asked=False`: the slot was not asked, so only explicit statements count ("no certs", "5 hours a week",
  "2 years of Azure").
A fact is never read from a mention about something else: another cloud ("tons on AWS"), a colleague
("my boss codes"), a tool named as context.

The stated rules: ranges give their midpoint; "10ish" is 10; daily hours are times 7, weekday hours times
5; Azure use of two years or more is `extensive`, anything hands-on below that is `some`, none or other
clouds only is `none`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional, Tuple

from components.answer_azure import read_azure_experience
from components.answer_coding import read_coding_comfort
from components.answer_hours import read_study_hours
from components.answer_maturity import read_org_cloud_maturity
from components.answer_roles import read_role
from components.answer_text import MAX_CHARS, Reading, clauses, rx

__all__ = ["MAX_CHARS", "READABLE_SLOTS", "Reading", "clauses", "read_answer", "answers_question", "read_goal",
           "looks_like_question", "asks_for_advice", "in_a_hurry"]

# Profile slots whose answers this module reads.
READABLE_SLOTS = ("current_role", "coding_comfort", "target_role", "azure_experience", "certifications_held",
                  "weekly_hours", "org_cloud_maturity")

# ---------------------------------------------------------------- questions and generic replies
_QUESTION_START_RE = re.compile(
    r"^\W*(?:what|whats|what's|how|why|which|when|where|who|is|are|does|do|did|can|could|should|shall|will|"
    r"would|isn'?t|aren'?t|doesn'?t|don'?t|wouldn'?t|tell me|explain)\b", re.IGNORECASE)


def looks_like_question(text: str) -> bool:
    """True when the message opens as a question ("is it open book?", "what about AZ-104?")."""
    return bool(_QUESTION_START_RE.search(text.strip()))


# ---------------------------------------------------------------- goals beyond job titles
_UNDECIDED_RE = rx(r"idk", r"dunno", r"don'?t know(?: yet)?", r"no idea", r"not sure(?: yet)?", r"unsure",
                    r"undecided", r"no clue", r"not decided", r"haven'?t decided", r"you (?:choose|decide|pick|tell me)",
                    r"up to you", r"your call", r"whatever you (?:think|recommend|suggest|say)", r"no preference",
                    r"open to (?:anything|suggestions|ideas)", r"anything(?: really)?", r"don'?t mind", r"surprise me",
                    r"what do (?:people|most people|others) (?:usually |normally |typically )?do", r"no plans?",
                    r"recommend (?:something|one|me something)", r"what(?:ever)? (?:makes sense|is best|pays)",
                    r"help me (?:decide|choose)", r"still figuring(?: it)? out", r"figuring it out", r"exploring",
                    r"keeping my options open", r"not decided yet", r"no goal", r"none", r"nothing (?:specific|in particular)")
# said outright, even before the goal is asked: "you pick the goal", "up to you what I should become"
_YOU_CHOOSE_RE = rx(r"you (?:choose|decide|pick)(?! (?:the |my |which )?(?:exams?|certs?|certifications?|order))"
                    r"(?: (?:the|my) (?:goal|role|path|track))?", r"(?:the goal|my goal) is up to you",
                    r"pick (?:a|the|my) (?:goal|role|track) for me", r"surprise me",
                    r"(?:not sure|unsure|no idea|dunno|don'?t know) (?:yet )?(?:what|where) (?:(?:to do |to go )?next|to aim for|"
                    r"i want to (?:be|become|do)|to become|to go from here)")
_STAY_RE = rx(r"stay(?:ing)?(?: in| as| a| an| where)?", r"same(?: role| job| thing| as now| position)?",
               r"keep (?:doing|my job|my role)\w*", r"(?:my )?current (?:role|job|position)", r"where i am",
               r"no change", r"not (?:changing|moving)", r"(?:don'?t|do not|no) (?:want to |plan to |need to )?"
               r"(?:change|switch|leave|move)\w* (?:my |the )?(?:role|job|career|position)",
               r"no (?:career|role|job) change", r"get better at (?:what i do|my job|my role)",
               r"better at my (?:job|role)", r"deepen\w*", r"level up in my (?:job|role)", r"remain\w*",
               r"happy (?:where i am|in my (?:role|job))", r"grow in my (?:role|job)")
_FUNDAMENTALS_ONLY_RE = rx(
    r"just (?:want to |to |need to )?(?:understand|learn|know|get)\s+(?:\w+\s+){0,2}(?:cloud|azure|basics|"
    r"overview|idea|concepts?)", r"(?:an |the |a high[- ]level |high[- ]level |general |basic )?overview",
    r"the basics", r"basic understanding", r"big picture", r"high[- ]level", r"(?:one|a|just a|a single|single) "
    r"(?:\w+ )?(?:cert|certificate|certification|badge)(?: \w+){0,3} (?:for|on) (?:my |the )?(?:cv|resume|résumé|"
    r"linkedin|profile)", r"something (?:for|on) my (?:cv|resume|linkedin)", r"(?:for|on) my (?:cv|resume|linkedin)",
    r"just (?:a|one) (?:\w+ )?(?:cert|certificate|certification)", r"talk (?:to|with) (?:the )?(?:engineers|techies|"
    r"tech team|developers|it)", r"understand what my team (?:does|is doing)", r"conversant", r"literate",
    r"not (?:going|trying) to be(?:come)? (?:an? )?(?:engineer|techie|technical)", r"just (?:the )?fundamentals", r"only (?:the )?fundamentals", r"fundamentals only",
    r"only fundamentals", r"fundamentals only", r"entry[- ]level cert\w*",
    r"understand (?:\w+ ){0,2}(?:azure|cloud|it) (?:well )?enough", r"(?:know|learn) enough (?:about |of )?(?:azure|"
    r"the cloud|cloud) to", r"enough to (?:lead|manage|oversee|follow|steer|sponsor|talk about|discuss|make decisions)")
_FUNDAMENTALS_TOPICS: Tuple[Tuple[re.Pattern[str], str], ...] = (
    (rx(r"ai", r"a\.i\.?", r"artificial intelligence", r"machine learning", r"ml", r"copilot", r"gen ?ai", r"llms?"),
     "ai_engineer"),
    (rx(r"data", r"analytics", r"power bi", r"sql", r"databases?"), "data_engineer"),
    (rx(r"security", r"cyber\w*", r"identity", r"compliance"), "security_engineer"),
)
_HURRY_RE = rx(r"just tell me", r"just give me", r"just say", r"which (?:exam|cert\w*) (?:should i|do i)",
                r"quick(?:ly| answer| version| one)?", r"short(?: version| answer)", r"tl;?dr", r"in a (?:hurry|rush)",
                r"no time", r"skip the (?:questions|quiz|chat)", r"asap", r"cut to the chase", r"straight answer",
                r"bottom line", r"don'?t have (?:much )?time", r"too many questions", r"stop asking")


@dataclass(frozen=True)
class GoalAnswer:
    """A goal that is not a job title: undecided, stay in the current role, or fundamentals only (and its topic)."""

    undecided: bool = False
    stay: bool = False
    fundamentals_only: bool = False
    topic_role: Optional[str] = None


def read_goal(text: str, asked: bool) -> Optional[GoalAnswer]:
    """"you choose", "stay a DBA but in Azure", "I just need the overview", "one AI cert for my CV"."""
    text = text[:MAX_CHARS]
    fundamentals = bool(_FUNDAMENTALS_ONLY_RE.search(text))
    topic = next((role for regex, role in _FUNDAMENTALS_TOPICS if regex.search(text)), None) if fundamentals else None
    stay = bool(_STAY_RE.search(text)) and (asked or bool(re.search(r"\b(?:goal|want|plan)\b", text, re.I)))
    undecided = (asked and bool(_UNDECIDED_RE.search(text)) or bool(_YOU_CHOOSE_RE.search(text))) and not stay and \
        not fundamentals
    if not (fundamentals or stay or undecided):
        return None
    return GoalAnswer(undecided=undecided, stay=stay, fundamentals_only=fundamentals, topic_role=topic)


_ADVICE_RE = rx(
    r"(?:which|what) (?:\w+ ){0,2}(?:exams?|certs?|certifications?|certificates?|path) (?:\w+ ){0,2}(?:should|to|do|would|"
    r"can|must|is best|for me)", r"(?:choose|pick|decide on|plan|planning|map out) (?:an? |my |the |some )?(?:\w+ )?"
    r"(?:exams?|certs?|certifications?|path)", r"where (?:do|should|can) i (?:start|begin)", r"certification advisor",
    r"recommend (?:me )?(?:an? |some )?(?:exams?|certs?|certifications?|path)", r"what should i (?:take|study|do) next",
    r"(?:help|advice|guidance|tips) (?:me )?(?:with|on|about|for|choosing|picking) (?:an? |my |the )?(?:\w+ ){0,2}"
    r"(?:exams?|certs?|certifications?|certificates?)",
    r"(?:road ?map|plan|path|route) (?:for|to|of|through) (?:\w+ ){0,2}(?:exams?|certs?|certifications?|certificates?)",
    r"interested in (?:\w+ ){0,2}(?:certs?|certifications?|certificates?|exams?)",
    r"(?:want|looking|hoping|planning|thinking about|thinking of) (?:to )?(?:get|getting|become|becoming) "
    r"(?:\w+ )?certified")


def asks_for_advice(text: str) -> bool:
    """"help me choose an exam", "which cert should I book?": a request for a path, before any profile."""
    return bool(_ADVICE_RE.search(text[:MAX_CHARS])) and not re.search(
        r"(?<![A-Za-z0-9])(?:AZ|AI|DP|SC|MS|PL|AB|GH)[\s-]?\d{3}", text, re.IGNORECASE)


def in_a_hurry(text: str) -> bool:
    """"just tell me which exam", "quick answer please": ask only what decides the first exam."""
    return bool(_HURRY_RE.search(text[:MAX_CHARS]))


# ---------------------------------------------------------------- one entry point
def read_answer(slot: str, text: str, asked: bool, today: Optional[date] = None) -> Optional[Reading]:
    """The value `text` gives for `slot` (categorical slots and hours; roles and codes are read elsewhere)."""
    text = (text or "")[:MAX_CHARS]
    if not text.strip() or text.startswith("/"):
        return None
    if slot == "coding_comfort":
        return read_coding_comfort(text, asked)
    if slot == "azure_experience":
        return read_azure_experience(text, asked, today)
    if slot == "org_cloud_maturity":
        return read_org_cloud_maturity(text, asked, today)
    if slot == "weekly_hours":
        hours = read_study_hours(text, asked)
        return Reading(hours) if hours is not None else None
    return None


def answers_question(slot: str, text: str, known_codes: Tuple[str, ...] = ()) -> bool:
    """True when `text` reads as an answer to the question about `slot` (used to keep the form going)."""
    from components.answer_certifications import read_certifications

    text = (text or "")[:MAX_CHARS]
    if not text.strip() or text.startswith("/"):
        return False
    if looks_like_question(text) and not re.match(r"^\W*(?:is|are)\s+\d", text, re.I):
        return False
    if slot == "certifications_held":
        return read_certifications(text, True, known_codes) is not None
    if slot == "target_role":
        return read_goal(text, True) is not None or read_role(text, current=False) is not None
    if slot == "current_role":
        return read_role(text, current=True) is not None  # "sys admn", "retired plumber": the NLU named no role
    return read_answer(slot, text, True) is not None
