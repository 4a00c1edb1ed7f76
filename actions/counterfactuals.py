"""`action_answer_why_not`: "why not AZ-204?", "what if I learn Python?", "what if I wanted to be a …?"."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import List, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel_output import send
from actions.context import advisor_today, catalog
from actions.exam_mentions import (
    codes_with_bare_numbers,
    exam_in_focus,
    latest_entity_values,
    latest_weekly_hours,
    read_question,
)
from advisor.counterfactuals import coding_changes, is_offered
from advisor.path_questions import is_path_question, step_named
from advisor.profile import Profile
from advisor.rules import recommend
from components.answer_reader import read_azure_experience
from components.answer_roles import roles_named
from components.follow_up_reader import OFFER_KIND
from knowledge.vocabulary import TARGET_ROLES
from presentation.reply import Button, Reply
from presentation.why_answers import path_step_answer, what_if, why_not

# "what if I learn Python / to code / C#": a change in coding comfort, whatever level the extractor read.
CODING_WORDS = re.compile(r"\b(code|coding|program\w*|python|c#|java\w*|typescript|develop\w*)\b", re.IGNORECASE)
HELD_WORDS = re.compile(r"\b(already )?(had|have|hold|held|passed|got)\b", re.IGNORECASE)
AZURE_LABELS = {"none": "no Azure experience", "some": "some Azure experience",
                "extensive": "a lot of hands-on Azure experience"}

# "is it hard?", "is that realistic for me?": a step named by a pronoun
_POINTS_AT_STEP_RE = re.compile(r"\b(?:is|isn'?t|would|will|does) (?:it|that|this)(?: one| exam)?\b", re.IGNORECASE)

NOT_SURE = Reply(
    text="Ask me about an exam (\"why not AZ-305?\") or a change (\"what if I learn Python?\", "
         "\"what if I had 10 hours a week?\", \"what if I wanted to be a data engineer?\") and I'll rerun the rules.",
    buttons=(Button("Why this path?", "/explain_recommendation"),),
)


# "would data or security be better for me?": the fields named without a job title
_FIELDS = ((re.compile(r"\bdata\b(?!\s+(?:cent(?:er|re)s?|protection))", re.IGNORECASE),
            ("data_analyst", "data_engineer")),
           (re.compile(r"\b(?:security|cyber\w*)\b", re.IGNORECASE), ("security_engineer",)),
           (re.compile(r"\b(?:ai|machine learning)\b", re.IGNORECASE), ("ai_engineer",)),
           (re.compile(r"\b(?:dev|coding|programming|software)\b", re.IGNORECASE), ("developer",)))


def _changes(tracker: Tracker, profile: Profile, text: str) -> List[Tuple[str, Profile]]:
    changes: List[Tuple[str, Profile]] = []
    named = list(latest_entity_values(tracker, "job_role")) + roles_named(text)
    if re.search(r"\b(?:better|instead|rather|or)\b", text, re.IGNORECASE):
        named += [role for pattern, roles in _FIELDS if pattern.search(text) for role in roles]
    track = recommend(profile, catalog(), advisor_today()).track.role
    for role in dict.fromkeys(r for r in named if r != track):
        if role in TARGET_ROLES and role != profile.target_role:
            changes.append((f"With the goal {role.replace('_', ' ')}", replace(profile, target_role=role)))
    azure = read_azure_experience(text, asked=False)
    if azure is not None and azure.value in AZURE_LABELS and azure.value != profile.azure_experience:
        changes.append((f"With {AZURE_LABELS[azure.value]}", replace(profile, azure_experience=azure.value)))
    hours = latest_weekly_hours(tracker)
    if hours is not None:
        changes.append((f"With {hours:g} hours a week", replace(profile, weekly_hours=hours)))
    if latest_entity_values(tracker, "coding_comfort") or CODING_WORDS.search(text):
        changes += coding_changes(profile)
    return changes


class ActionAnswerWhyNot(Action):
    """Re-runs the rules to say why an exam is not in the path, or how a change would alter it."""

    def name(self) -> str:
        return "action_answer_why_not"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb, today, profile, text, mentions = read_question(tracker)
        replies: List[Reply] = []
        if tracker.get_slot("recommended_path") is None:
            replies.append(Reply(text="I haven't recommended a path yet, so this is based on what you've told me "
                                      "so far."))
        path = [c for c in tracker.get_slot("recommended_path") or [] if c in kb.exams]
        codes = codes_with_bare_numbers(text, mentions.codes, kb, path) if path else list(mentions.codes)
        named_step = step_named(text, path, kb) if path and not codes else None
        if path and not codes and not named_step and _POINTS_AT_STEP_RE.search(text) and is_path_question(text):
            named_step = exam_in_focus(tracker, kb) or path[-1]  # "is it hard? my python is weak": the exam discussed
        codes = [named_step] if named_step else codes  # "why the devops expert one right away?"
        has_path = tracker.get_slot("recommended_path") is not None  # an empty path is a finished one
        if has_path and codes and (is_path_question(text) or named_step) and \
                not re.search(r"\bwhat if\b", text, re.IGNORECASE):
            send(dispatcher, tracker, [path_step_answer(codes, text, profile, kb, today)])
            kind = OFFER_KIND if is_offered(codes[0], profile, kb, today) else "path_step"
            return [SlotSet("exam_in_focus", codes[0]), SlotSet("answer_kind", kind)]
        if mentions.codes and HELD_WORDS.search(text) and re.search(r"\bif\b", text, re.IGNORECASE):
            held = tuple(dict.fromkeys(profile.certifications_held + mentions.codes))
            label = f"If you already held {', '.join(mentions.codes)}"
            replies.append(what_if([(label, replace(profile, certifications_held=held))], profile, kb, today))
        elif mentions.codes:
            replies += [why_not(code, profile, kb, today) for code in mentions.codes[:2]]
        elif mentions.unknown:
            replies.append(mentions.unknown_reply(kb) or NOT_SURE)
        else:
            changes = _changes(tracker, profile, text)
            if re.search(r"\bwhy\b", text, re.IGNORECASE) and has_path:  # "why admin tho?": how the goal was chosen
                reason = recommend(profile, kb, today).track_reason
                replies.append(Reply(text=f"Why this track: {reason.text}"))
            replies.append(what_if(changes, profile, kb, today) if changes else NOT_SURE)
        send(dispatcher, tracker, replies)
        if not mentions.codes:
            return []
        offered = len(mentions.codes) == 1 and is_offered(mentions.codes[0], profile, kb, today)
        kind = OFFER_KIND if offered else "why_not"
        return [SlotSet("exam_in_focus", mentions.codes[0]), SlotSet("answer_kind", kind)]


