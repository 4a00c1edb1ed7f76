"""Questions about one step of the recommended path: "should I do AZ-900 first?", "can I skip AZ-104?",
"can I go straight to AZ-305?", "isn't AI-901 enough for me?".

Answered from the rules' own recommendation (re-run for the person), the step's reasons and the exams'
prerequisites; an exam that is not on the path gets the why-not answer. Plain Python (no Rasa).
"""

from __future__ import annotations

import re
from datetime import date
from typing import List

from advisor.counterfactuals import why_not
from advisor.exam_answers import compose
from advisor.profile import Profile
from advisor.recommendation import Fact
from advisor.reply import Button, Reply
from advisor.rules import recommend
from knowledge.catalog import Catalog

SKIP_RE = re.compile(r"\b(?:skip|skipping|without|straight|directly|jump|avoid|bypass|really need|need to do|"
                     r"have to do|necessary|required|mandatory|must i|do i need)\b", re.IGNORECASE)
FIRST_RE = re.compile(r"\b(?:first|before|start with|begin with|beforehand)\b", re.IGNORECASE)
ENOUGH_RE = re.compile(r"\b(?:enough|sufficient|suffice|all i need|just that|only that)\b", re.IGNORECASE)


def is_path_question(text: str) -> bool:
    """True when the words ask about skipping, ordering or sufficiency of a step."""
    return bool(SKIP_RE.search(text) or FIRST_RE.search(text) or ENOUGH_RE.search(text))


def path_step_answer(codes: List[str], text: str, profile: Profile, catalog: Catalog, today: date) -> Reply:
    """The answer about the first exam named, relative to the path (the second is where they want to go)."""
    rec = recommend(profile, catalog, today)
    code = codes[0]
    step = rec.step(code)
    if step is None:
        return why_not(code, profile, catalog, today)
    exam = step.exam
    path = " → ".join(rec.path)
    facts: List[Fact] = []
    later = [c for c in rec.path[rec.path.index(code) + 1:]]
    requires = [c for c in later if any(code in options for options in catalog.exam(c).prerequisite_sets)]
    if ENOUGH_RE.search(text) and step.kind == "fundamentals":
        target = next((s for s in reversed(rec.steps) if not s.optional), None)
        heading = f"Is {code} enough? For the overview, yes; for your goal, no."
        facts.append(Fact(f"{code} gives the vocabulary and concepts; the credential for your goal is "
                          f"{target.exam.certification if target else 'the next step'}.", exam.status.source))
        facts.append(Fact("If the overview is all you want, say \"just the fundamentals\" and I'll make "
                          f"{code} the whole path.", None))
    elif step.optional:
        heading = f"{code} is optional: take it first only if you want the gentle start."
        facts += [Fact(reason.text, reason.facts[0].source if reason.facts else None) for reason in step.reasons[:1]]
    elif requires:
        names = ", ".join(requires)
        heading = f"You can't skip {code}: the certification {names} leads to requires it."
        facts += [Fact(reason.text, reason.facts[0].source if reason.facts else None) for reason in step.reasons[:1]]
    else:
        heading = (f"You can book {later[0] if later else 'the next exam'} without {code} (no formal prerequisite), "
                   f"but the path puts {code} first for a reason.") if SKIP_RE.search(text) else \
            f"{code} is step {rec.path.index(code) + 1} of your path ({path})."
        facts += [Fact(reason.text, reason.facts[0].source if reason.facts else None) for reason in step.reasons[:2]]
    facts.append(Fact(f"Your path: {path}.", rec.track.source))
    return compose(heading, facts, (Button("Why this path?", "/explain_recommendation"),))
