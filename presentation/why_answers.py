"""Counterfactual answers as replies: "why not AZ-204?", "what if I learn Python?", "can I skip AZ-104?".

The facts come from `advisor/counterfactuals.py` (which re-runs the rules); here they get their heading,
one "Sources" line, the offer to put the exam on the path with its button, and the follow-up buttons.
Plain Python, no Rasa.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import List, Sequence, Tuple

from advisor.counterfactuals import what_if_facts, why_not_answer
from advisor.path_questions import path_step_facts
from advisor.profile import Profile
from knowledge.catalog import Catalog
from presentation.buttons import about_exam_buttons
from presentation.compose import compose, reply_to
from presentation.reply import Button, Reply


def why_not(code: str, profile: Profile, catalog: Catalog, today: date) -> Reply:
    """Why this exam is (or is not) on the path, then the offer to put it there when that would change it."""
    answer = why_not_answer(code, profile, catalog, today)
    reply = compose(answer.heading, answer.facts, about_exam_buttons(answer.about, today))
    if answer.offer is None:
        return reply
    command = answer.command or f"switch to {code}"
    button = Button(command[:1].upper() + command[1:], command)
    return replace(reply, text=f"{reply.text}\n\n{answer.offer}", buttons=(button,) + tuple(reply.buttons))


def what_if(changes: Sequence[Tuple[str, Profile]], profile: Profile, catalog: Catalog, today: date) -> Reply:
    """How the path would differ for each changed profile, with "Why?" to follow."""
    return compose("What would change:", what_if_facts(changes, profile, catalog, today),
                   (Button("Why?", "/explain_recommendation"),))


def path_step_answer(codes: List[str], text: str, profile: Profile, catalog: Catalog, today: date) -> Reply:
    """"Should I do AZ-900 first?", "can I skip AZ-104?": the answer about the step, "Why this path?", and the
    offer to skip it (with its button) when asked; an exam not on the path gets the why-not answer."""
    found = path_step_facts(codes, text, profile, catalog, today)
    if found.answer is None:
        return why_not(found.code, profile, catalog, today)
    reply = reply_to(found.answer, (Button("Why this path?", "/explain_recommendation"),))
    if found.offer:
        reply = replace(reply, text=f"{reply.text}\n\n{found.offer}",
                        buttons=(Button(f"Skip {found.code}", f"skip {found.code}"),) + tuple(reply.buttons))
    return reply
