"""Why the study-time estimate is what it is, when the person pushes back with their background ("those hours look
like beginner numbers, I've been an AWS architect for 7 years", "I'm not new to IT").

The estimate follows the person's Azure experience (`advisor.rules.study_background`); years in IT or on another
cloud shorten the concepts, not the Azure-specific parts. The answer says which estimate was used, what their
background changes, and how to tell the advisor more. Plain Python (no Rasa).
"""

from __future__ import annotations

import re
from typing import List

from advisor.recommendation import Answer, Fact, Recommendation
from advisor.rules import study_background
from advisor.study_plan import BACKGROUND_LABELS
from presentation.formats import span

# "beginner numbers", "I'm not new to IT", "7 yrs on AWS, doesn't that cut it down?"
PUSHBACK_RE = re.compile(
    r"\b(?:beginner (?:numbers|hours|estimates?)|not (?:a )?(?:new|newbie|beginner)(?: to (?:it|tech|cloud))?|"
    r"(?:\d+|many|lots of|decades of|twenty|ten|fifteen) (?:years|yrs)\b.{0,20}\b(?:in|of|on|with) (?:it|tech|aws|gcp|"
    r"cloud|infrastructure|infra|ops)|doesn'?t (?:that|it|my \w+) (?:cut|shorten|reduce|count)|"
    r"(?:cut|shorten|reduce) (?:it|that|the (?:hours|time|estimate)) down|"
    r"(?:sounds?|seems?|looks?) (?:like )?(?:a lot|way too (?:long|much)|too (?:long|much|many|high)|excessive|"
    r"overkill|silly|crazy|insane|long|high|like (?:beginner|newbie) (?:numbers|hours))|(?:is|are) (?:silly|overkill|"
    r"excessive|too (?:long|much|many))|(?:reduce|shorten|cut|lower)s? (?:my |the )?(?:study )?(?:time|hours|"
    r"estimate)|(?:time|estimate|hours|weeks) (?:could|can|would|might) be (?:shorter|less|lower|fewer)|"
    r"(?:quicker|faster|shorter) for (?:me|someone like me|someone with))\b", re.IGNORECASE)


def estimate_basis(rec: Recommendation) -> Answer:
    """Which estimate the path uses and what the person's background changes about it."""
    background = study_background(rec.profile)
    target = next((s for s in reversed(rec.steps) if not s.optional), None)
    hours = f" ({target.code}: {span(target.study_hours, 'hours')})" if target and target.study_hours else ""
    heading = f"These hours are the estimate for someone {BACKGROUND_LABELS[background]}{hours}."
    facts: List[Fact] = []
    source = target.exam.study_hours.source if target and target.exam.study_hours else rec.track.source
    if background in ("newcomer", "new_to_azure"):
        facts.append(Fact("Years in IT or on another cloud shorten the concepts; the Azure-specific parts (Entra ID, "
                          "role-based access, Azure networking and governance) still take the time.", source))
        facts.append(Fact("If you have used Azure, say how much (\"some Azure experience\", \"two years of Azure\") "
                          "and I'll redo the path and the estimate.", None))
    else:
        facts.append(Fact("It already counts your Azure experience; a faster pace comes from more hours a week "
                          "(\"what if I do 10 hours a week?\").", source))
    return Answer(heading, tuple(facts))
