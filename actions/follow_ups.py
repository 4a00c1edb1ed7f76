"""`action_answer_follow_up`: after a recommendation, "does my AWS cert count?" and "will this get me a job?".

Short, direct answers relative to the person's path (never the whole path again); which kind of
question it is comes from `components/follow_up_reader.py`, through the follow-up policy.
"""

from __future__ import annotations

from typing import List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel_output import send
from actions.context import advisor_today, catalog, profile_from
from actions.profile_reading import latest_text
from advisor.exam_answers import compose
from advisor.recommendation import Fact, Recommendation
from advisor.reply import Button, Reply
from advisor.rules import recommend
from components.answer_certifications import other_vendors
from components.follow_up_reader import follow_up_kind

CLOUD_VENDORS = ("AWS", "Google Cloud", "Oracle")


def other_vendor_reply(vendors: List[str], rec: Recommendation) -> Reply:
    """Another vendor's certification: experience that helps, never a step skipped or a prerequisite met."""
    kb = catalog()
    named = " and ".join(vendors) if vendors else "other vendors'"
    path = " → ".join(rec.path) if rec.path else "your path"
    facts: List[Fact] = []
    first = rec.steps[0].exam if rec.steps else None
    source = first.prerequisites.source if first and first.prerequisites else rec.track.source
    facts.append(Fact(f"It doesn't replace a step: Microsoft's exams and prerequisites only count Microsoft "
                      f"certifications, so {path} stays as it is.", source))
    if any(v in CLOUD_VENDORS for v in vendors):
        policy = kb.policy("fundamentals_not_prerequisite")
        optional = [s.code for s in rec.steps if s.optional]
        if optional:
            facts.append(Fact(f"It does help: cloud concepts carry over, so you can skip the optional {optional[0]} "
                              "and start with the next step.", policy.source))
        facts.append(Fact("Spend your study time on what is specific to Azure: Entra ID identities, role-based "
                          "access, Azure networking and governance.", None))
    else:
        facts.append(Fact("It does help: it shows the IT, networking or security basics the Azure exams assume; "
                          "the Azure-specific parts are what to study.", None))
    return compose(f"Your {named} certification counts as experience, not as a Microsoft exam.", facts,
                   (Button("Why this path?", "/explain_recommendation"),))


def career_reply(rec: Recommendation) -> Reply:
    """Whether the path gets a job: honest, with no invented numbers."""
    target = next((s for s in reversed(rec.steps) if not s.optional), None)
    earns = f"{target.exam.certification} ({target.code})" if target else "the certifications on your path"
    return Reply(
        text=(f"I can't promise a job or a raise, and I have no salary data. What the path gives you is {earns}: "
              "a Microsoft credential that employers can verify and often use to shortlist. They still hire on "
              "hands-on experience, so pair each exam with a small project you can show (a lab you built, a "
              "script, a deployment). That's advice, not a fact from Microsoft."),
        buttons=(Button("Study plan", "/ask_study_plan"), Button("Why this path?", "/explain_recommendation")),
    )


class ActionAnswerFollowUp(Action):
    """Answers other-vendor and career questions relative to the recommended path."""

    def name(self) -> str:
        return "action_answer_follow_up"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        text = latest_text(tracker)
        rec = recommend(profile_from(tracker), catalog(), advisor_today())
        kind = follow_up_kind(text) or "career"
        if kind == "other_vendor":
            send(dispatcher, tracker, [other_vendor_reply(list(other_vendors(text)), rec)])
        else:
            send(dispatcher, tracker, [career_reply(rec)])
        return [SlotSet("answer_kind", kind)]
