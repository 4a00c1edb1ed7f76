"""What a follow-up after a recommendation asks for, when the words make it plain.

Plain Python, used by `components/follow_up_policy.py`. It recognises three kinds whose words are
unmistakable and that the intent classifier, scoring messages out of context, tends to miss:
- `other_vendor`: whether another vendor's certification or another cloud counts ("does my AWS cert count?");
- `career`: whether the path gets a job or a raise ("will this get me a job?");
- `policy`: the certification rules ("is it open book?", "how do I renew?", "when can I retake?").
Anything else returns None, and the intents and rules decide as before.
"""

from __future__ import annotations

import re
from typing import Optional

from components.answer_certifications import other_vendors, read_certifications
from components.answer_numbers import read_hours
from components.answer_reader import looks_like_question

_COUNTS_RE = re.compile(
    r"\b(?:count|counts|counted|help|helps|matter|matters|transfer\w*|useful|worth|recogni[sz]\w*|credit|skip|"
    r"exempt\w*|replace|instead|equivalent|relevant|carry over|apply|any good|use|what about)\b", re.IGNORECASE)
_CAREER_RE = re.compile(
    r"\b(?:jobs?|hired|hire|hiring|salary|salaries|pay rise|raise|paid more|promotion|career|employ\w*|"
    r"job market|recruiters?|interviews?|cv|resume|résumé|linkedin|market value|worth it|worth the (?:money|time)|"
    r"land (?:a|me)|get me (?:a|into)|make more money)\b", re.IGNORECASE)
_POLICY_RE = re.compile(
    r"\bopen[- ]book\b|\brenew\w*|\bexpir\w*|\bretake\w*|\bresit\w*|\bre-?sit\b|\bproctor\w*|\bonline exam\b|"
    r"\btest (?:cent(?:er|re))\b|\bpearson\b|\bat home\b|\blearn during\b|\bduring the exam\b|\bdiscount\w*|"
    r"\bvouchers?\b|\bif i fail\b|\bfail(?:ed)? (?:it|the exam)\b|\bhow many times\b|\bpassing score\b",
    re.IGNORECASE)


_EXAM_RE = re.compile(r"(?<![\w.\-/])(?:[A-Za-z]{2}[\s-]?)?\d{3}(?![\w.%])")
_PATH_STEP_RE = re.compile(
    r"\b(?:skip|skipping|straight|directly|jump|first|before|really need|do i need|need to do|have to do|"
    r"enough|overkill|necessary|mandatory)\b|^\W*why\b", re.IGNORECASE)
_EXPLAIN_RE = re.compile(
    r"\bsources?\b|\bwhere (?:does|did|do) (?:this|that|the|these|you) (?:info\w*|data|facts?|numbers?|get)|"
    r"\bbase[ds]? (?:this|that|it) on\b|\bhow did you (?:decide|choose|pick|come up)|\bwhy (?:these|those|this "
    r"path|that path)\b|\breasoning\b", re.IGNORECASE)
_PATH_COST_RE = re.compile(r"\b(?:whole|entire|total|all|full)\b.{0,25}\b(?:cost|price|pay|spend)|"
                           r"\b(?:cost|price)\b.{0,25}\b(?:whole|entire|total|full)\b|\bcheapest\b", re.IGNORECASE)


def follow_up_kind(text: str) -> Optional[str]:
    """The kind of a follow-up after a recommendation, or None when the words do not make it plain.

    `profile` (a statement that changes the profile: "oh I forgot, I have AZ-900", "now I have 20 hours a
    week"), `other_vendor`, `policy`, `path_cost`, `path_step`, `explain`, `career`.
    """
    text = (text or "")[:2000]
    if not text.strip() or text.startswith("/"):
        return None
    question = looks_like_question(text) or "?" in text
    held = read_certifications(text, asked=False)
    if not question and ((held is not None and (held.codes or held.said_none))
                         or read_hours(text, asked=False) is not None):
        return "profile"
    if other_vendors(text) and _COUNTS_RE.search(text):
        return "other_vendor"
    if _POLICY_RE.search(text):
        return "policy"
    if _PATH_COST_RE.search(text):
        return "path_cost"
    if _EXAM_RE.search(text) and _PATH_STEP_RE.search(text) and question:
        return "path_step"
    if _EXPLAIN_RE.search(text):
        return "explain"
    if _CAREER_RE.search(text) and question:
        return "career"
    return None
