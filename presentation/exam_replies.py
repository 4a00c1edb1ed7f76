"""Answers about one exam or the certification rules as replies: a heading per aspect asked, its facts
(from `advisor/exam_facts.py`), one "Sources" line, and follow-up buttons on the last reply; also the
replies for an unknown exam, an ambiguous one, and a request for exam dumps. Plain Python, no Rasa.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Dict, List, Optional, Sequence, Set, Tuple

from advisor.exam_facts import RULE_POLICIES, exam_facts_for, normalise_aspects, policy_fact, rule_facts
from advisor.profile import Profile
from advisor.recommendation import Fact
from knowledge.catalog import Catalog, Exam
from presentation.buttons import exam_buttons
from presentation.compose import compose
from presentation.reply import Button, Reply, intent_payload

ASPECT_TITLES: Dict[str, str] = {
    "overview": "what it is", "status": "status", "passing_score": "passing score", "duration": "duration",
    "questions": "questions", "price": "price", "skills": "skills measured", "coding": "coding",
    "prerequisites": "prerequisites", "experience": "recommended experience", "study_time": "study time",
    "link": "official page", "renewal": "renewal", "validity": "validity", "retakes": "retakes",
    "delivery": "taking the exam", "learn_access": "Microsoft Learn during the exam", "language": "languages",
    "format": "question types", "reschedule": "rescheduling", "preparation": "how to prepare",
}


def answer_about_exam(exam: Exam, aspects: Sequence[str], catalog: Catalog, today: date,
                      profile: Optional[Profile] = None) -> Tuple[Reply, ...]:
    """One reply per aspect asked (overview when none), each with its sources; buttons on the last."""
    asked = normalise_aspects(aspects) or ("overview",)
    if exam.is_retired_on(today) and "status" not in asked:
        asked = ("status",) + asked  # a retired exam is always said to be retired first
    replies: List[Reply] = []
    said: Set[str] = set()
    for index, aspect in enumerate(asked):
        heading = f"{exam.label}: {ASPECT_TITLES[aspect]}"
        facts = _not_said(exam_facts_for(aspect, exam, catalog, today, profile), said)
        buttons = exam_buttons(exam, asked, today) if index == len(asked) - 1 else ()
        if facts or not replies:
            replies.append(compose(heading, facts, buttons))
        elif buttons:  # everything this aspect says was said above: its buttons go on the last reply
            replies[-1] = replace(replies[-1], buttons=tuple(buttons))
    return tuple(replies)


def _not_said(facts: Sequence[Fact], said: Set[str]) -> List[Fact]:
    """The facts not already said in an earlier reply of the same answer (and remembers them as said):
    "how long is it valid and how do I renew?" says the renewal rule once."""
    new = [fact for fact in facts if fact.text not in said]
    said.update(fact.text for fact in new)
    return new


def answer_about_rules(aspects: Sequence[str], catalog: Catalog) -> Tuple[Reply, ...]:
    """The general certification rules asked about, when no exam is named."""
    replies = []
    said: Set[str] = set()
    for aspect in normalise_aspects(aspects):
        if aspect in RULE_POLICIES:
            facts = _not_said(rule_facts(aspect, catalog), said)
            if facts:
                replies.append(compose(f"Microsoft certification rules: {ASPECT_TITLES[aspect]}", facts))
    return tuple(replies)


def unknown_exam_reply(typed: str, closest: Sequence[Exam]) -> Reply:
    """`I don't know AZ-999`, with the closest known exams as buttons."""
    text = f"I don't know an exam called {typed}; it is not in my knowledge base."
    if closest:
        text += " The closest ones I know: " + "; ".join(exam.label for exam in closest) + "."
    buttons = tuple(Button(exam.code, intent_payload("ask_exam_fact", exam_code=exam.code)) for exam in closest)
    return Reply(text=text, buttons=buttons)


def which_exam_reply(candidates: Sequence[Exam]) -> Reply:
    """Ask which exam is meant, offering candidates (ambiguous name or the user's path)."""
    if not candidates:
        return Reply(text="Which exam do you mean? Give me its code (like AZ-104) or its name "
                          "(like \"Azure Administrator\").")
    return Reply(text="Which exam do you mean? " + "; ".join(exam.label for exam in candidates) + "?",
                 buttons=tuple(Button(exam.code, intent_payload("ask_exam_fact", exam_code=exam.code))
                               for exam in candidates))


def refuse_exam_dumps(catalog: Catalog, exam: Optional[Exam] = None) -> Reply:
    """Why the advisor won't help with dumps, and the free official ways to prepare instead."""
    facts = [policy_fact(catalog, "exam_security"), policy_fact(catalog, "free_preparation"),
             policy_fact(catalog, "practice_assessments")]
    if exam is not None:
        facts.append(Fact(f"For {exam.code}, start from the official page and its study guide: {exam.learn_url}",
                          exam.status.source))
    heading = "I can't help with exam dumps or real exam questions, and I'd steer you away from them:"
    buttons: Tuple[Button, ...] = ()
    if exam is not None:
        buttons = (Button("Make me a study plan", intent_payload("ask_study_plan", exam_code=exam.code)),)
    return compose(heading, facts, buttons)
