"""Questions about one step of the recommended path: "should I do AZ-900 first?", "can I skip AZ-104?",
"can I go straight to AZ-305?", "isn't AI-901 enough for me?".

Answered from the rules' own recommendation (re-run for the person), the step's reasons and the exams'
prerequisites; an exam that is not on the path gets the why-not answer. The reply (with its buttons and
the offer) is `presentation/why_answers.path_step_answer`. Plain Python (no Rasa).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import List, Optional, Tuple

from advisor.exam_choice import skip_offer
from advisor.exam_facts import exam_facts_for
from advisor.profile import Profile
from advisor.recommendation import Answer, Fact, Recommendation
from advisor.rules import held_and_active, recommend
from knowledge.catalog import Catalog

SKIP_RE = re.compile(r"\b(?:skip|skipping|straight|directly|jump|avoid|bypass|really need|need to do|"
                     r"have to do|necessary|required|mandatory|must i|do i need)\b|\bwithout\s+(?:the\s+|doing\s+|"
                     r"taking\s+|passing\s+)?(?:(?:[A-Za-z]{2}[\s-]?)?\d{3}\b|it\b|that\b|this\b|fundamentals\b)",
                     re.IGNORECASE)
FIRST_RE = re.compile(r"\b(?:first|before|start with|begin with|beforehand)\b", re.IGNORECASE)
STRAIGHT_TO_RE = re.compile(r"\b(?:straight|directly|right|jump|go|skip ahead)\s+(?:to|into|for|with)\s+"
                            r"(?:the\s+)?(?:[A-Za-z]{2}[\s-]?)?\d{3}\b", re.IGNORECASE)
# "what's next after AZ-900?", "and after SC-500? anything that builds on it?"
NEXT_RE = re.compile(r"\b(?:after|next|afterwards|then what|what comes|builds? on|beyond|follow[- ]?up)\b",
                     re.IGNORECASE)
# "is AZ-700 hard for someone with CCNP?", "how difficult is it?"
HARD_RE = re.compile(r"\b(?:hard|harder|difficult\w*|tough|easy|easier|challenging|pass rates?|doable)\b",
                     re.IGNORECASE)
# "is AI-200 still the right exam for me?", "isn't DP-600 the better fit?", "is AZ-104 realistic for me?"
FIT_RE = re.compile(r"\b(?:right (?:exam|one|choice|cert\w*|fit|path)|(?:still )?ok(?:ay)? for me|better (?:fit|choice|"
                    r"option|for me)|better than|(?:good|best) (?:fit|choice|option) for me|make (?:more )?sense|"
                    r"realistic|waste of time)\b", re.IGNORECASE)
ENOUGH_RE = re.compile(r"\b(?:enough|sufficient|suffice|all i need|just that|only that)\b", re.IGNORECASE)


# "the first one", "the last exam": a step of the path by its place
_ORDINAL_REF_RE = re.compile(r"\bthe (first|second|third|last|final) (?:one|exam|step|cert\w*)\b", re.IGNORECASE)
# "the data fundamentals one", "the devops expert exam": a step of the path by its level (and a word of its title)
_LEVEL_REF_RE = re.compile(r"\bthe ((?:[a-z]+ ){0,2}?)(fundamentals?|basics?|associate|expert|specialty) "
                           r"(?:one|exam|cert\w*|level)\b", re.IGNORECASE)
# "so which ONE do i book first?": the path's first step
_WHICH_FIRST_RE = re.compile(r"\bwhich (?:one|exam|cert\w*)\b.{0,25}\b(?:first|start with|begin with)\b", re.IGNORECASE)
STEP_REFERENCE_RE = re.compile(f"{_ORDINAL_REF_RE.pattern}|{_LEVEL_REF_RE.pattern}|{_WHICH_FIRST_RE.pattern}",
                               re.IGNORECASE)
# "one answer pls", "just tell me", "do I book 900 or straight 104?": a decision, not the options
DECIDE_RE = re.compile(r"\b(?:one answer|just tell me|which one|pick one|decide for me|yes or no|or straight|"
                       r"or directly|or go straight|(?:a )?waste(?: of time)?|good idea|bother|worth it)\b|"
                       r"\bshould i\b.{0,40}\bor\b", re.IGNORECASE)
_ORDINALS = {"first": 0, "second": 1, "third": 2, "last": -1, "final": -1}
_LEVEL_WORDS = {"fundamental": "fundamentals", "fundamentals": "fundamentals", "basic": "fundamentals",
                "basics": "fundamentals", "associate": "associate", "expert": "expert", "specialty": "specialty"}


def step_named(text: str, path: List[str], catalog: Catalog) -> Optional[str]:
    """The step of the path a message names without its code ("why the devops expert one right away?",
    "can I skip the data fundamentals one?"), or None when it names none or several fit."""
    if _WHICH_FIRST_RE.search(text) and path:
        return path[0]
    ordinal = _ORDINAL_REF_RE.search(text)
    if ordinal and path:
        index = _ORDINALS[ordinal.group(1).lower()]
        return path[index] if -len(path) <= index < len(path) else None
    level = _LEVEL_REF_RE.search(text)
    if level is None:
        return None
    fits = [code for code in path if code in catalog.exams
            and catalog.exam(code).level == _LEVEL_WORDS[level.group(2).lower()]]
    words = [w for w in level.group(1).lower().split() if w not in ("the", "a", "an", "one")]
    if len(fits) > 1 and words:
        named = [code for code in fits if all(
            w in f"{catalog.exam(code).title} {catalog.exam(code).certification}".lower() for w in words)]
        fits = named or fits
    return fits[0] if len(fits) == 1 else None


def is_path_question(text: str) -> bool:
    """True when the words ask about skipping, ordering, sufficiency, difficulty or fit of a step, or what follows
    it."""
    return bool(SKIP_RE.search(text) or FIRST_RE.search(text) or ENOUGH_RE.search(text) or HARD_RE.search(text)
                or NEXT_RE.search(text) or FIT_RE.search(text))


def _earlier_step_asked(codes: List[str], text: str, path: List[str]) -> Optional[str]:
    """"Could I sit AZ-305 before AZ-104?", "can I do AZ-305 first?": the earlier step it would jump ahead of."""
    if not FIRST_RE.search(text) or codes[0] not in path:
        return None
    position = path.index(codes[0])
    named = [c for c in codes[1:] if c in path and path.index(c) < position]
    if named:
        return named[0]
    return path[position - 1] if position > 0 and len(codes) == 1 else None


def _order_answer(code: str, earlier: str, rec: Recommendation, catalog: Catalog) -> Tuple[str, List[Fact]]:
    """Whether a later step can be sat before an earlier one: only certifications have prerequisites."""
    exam = catalog.exam(code)
    facts: List[Fact] = []
    if any(earlier in option for option in exam.prerequisite_sets):
        source = exam.prerequisites.source if exam.prerequisites else exam.status.source
        heading = (f"Yes, you may sit {code} before {earlier}, but the {exam.certification} certification is only "
                   f"awarded once you hold {earlier} too.")
        facts.append(Fact(f"{earlier} is a prerequisite of the certification, not of the exam.", source))
    else:
        heading = f"Yes: nothing requires {earlier} before {code}; the order is advice, not a rule."
    step = rec.step(earlier)
    if step is not None and step.reasons:
        reason = step.reasons[0]
        facts.append(Fact(f"Why {earlier} comes first on your path: {reason.text}",
                          reason.facts[0].source if reason.facts else None))
    return heading, facts


def _needs(target: str, code: str, profile: Profile, catalog: Catalog, today: date) -> bool:
    """True when `target`'s certification needs `code`: no prerequisite option without it is already held
    (someone holding SC-300 can go straight to SC-100 without SC-500)."""
    sets = catalog.exam(target).prerequisite_sets
    if not any(code in option for option in sets):
        return False
    return not any(code not in option and all(held_and_active(c, profile, catalog, today) for c in option)
                   for option in sets)


def _destination_skip(codes: List[str], text: str, path: List[str]) -> Optional[str]:
    """"can I go straight to AZ-700?": the step before the destination is the one being skipped."""
    match = STRAIGHT_TO_RE.search(text)
    if not match or codes[0] not in path or path.index(codes[0]) == 0:
        return None
    if not re.search(re.escape(codes[0].split("-")[1]), match.group(0)):
        return None
    return path[path.index(codes[0]) - 1]


@dataclass(frozen=True)
class PathStepAnswer:
    """The answer about one exam relative to the path: `answer` is None when the exam is not on the path
    (then the why-not answer applies); `offer` is the offer to take it off the path, when asked to skip it."""

    code: str
    answer: Optional[Answer]
    offer: Optional[str] = None


def path_step_facts(codes: List[str], text: str, profile: Profile, catalog: Catalog, today: date) -> PathStepAnswer:
    """The answer about the first exam named, relative to the path (the second is where they want to go)."""
    rec = recommend(profile, catalog, today)
    code = _destination_skip(codes, text, rec.path) or _asked_about(codes, text)
    step = rec.step(code)
    if step is None:
        if HARD_RE.search(text) and not SKIP_RE.search(text):  # "is AZ-700 hard for someone with CCNP?"
            hard_heading, hard_facts = _difficulty_answer(code, rec, catalog, today)
            return PathStepAnswer(code, Answer(hard_heading, tuple(hard_facts)))
        if NEXT_RE.search(text) and held_and_active(code, profile, catalog, today):  # "whats next after az-700?"
            after_heading, after_facts = _after_goal(code, rec, catalog, today)
            return PathStepAnswer(code, Answer(after_heading, tuple(after_facts)))
        if ENOUGH_RE.search(text) and catalog.exam(code).level == "fundamentals" and rec.path:
            enough_heading, enough_facts = _fundamentals_enough(code, rec, catalog)
            return PathStepAnswer(code, Answer(enough_heading, tuple(enough_facts)))
        if DECIDE_RE.search(text) and catalog.exam(code).level == "fundamentals" and \
                rec.path and not catalog.exam(code).is_retired_on(today):
            return PathStepAnswer(code, _fundamentals_first(code, rec, catalog))  # "SC-900 first, good idea?"
        return PathStepAnswer(code, None)
    exam = step.exam
    path = " → ".join(rec.path)
    facts: List[Fact] = []
    later = [c for c in rec.path[rec.path.index(code) + 1:]]
    requires = [c for c in later if _needs(c, code, profile, catalog, today)]
    earlier = _earlier_step_asked(codes, text, rec.path)
    target = next((s for s in reversed(rec.steps) if not s.optional), None)
    offer = skip_offer(code, rec) if SKIP_RE.search(text) else None
    if earlier is not None and not SKIP_RE.search(text):
        heading, facts = _order_answer(code, earlier, rec, catalog)
    elif ENOUGH_RE.search(text) and step.kind == "fundamentals":
        if target is None or target.code == code:
            heading = f"Yes: {code} is your whole path, because you asked for the overview."
        else:
            heading = f"Is {code} enough? For the overview, yes; for your goal, no."
            facts.append(Fact(f"{code} gives the vocabulary and concepts; your goal's credential is "
                              f"{target.exam.certification} ({target.code}).", exam.status.source))
            facts.append(Fact("If the overview is all you want, say \"just the fundamentals\" and I'll make "
                              f"{code} the whole path.", None))
    elif HARD_RE.search(text) and not SKIP_RE.search(text):
        heading, facts = _difficulty_answer(code, rec, catalog, today)
    elif NEXT_RE.search(text) and not SKIP_RE.search(text) and not FIRST_RE.search(text):
        heading, facts = _next_answer(code, rec, catalog, today)
    elif step.optional and DECIDE_RE.search(text) and later:
        new_to_azure = profile.azure_experience in (None, "none")
        heading = (f"Book {code} first: with no Azure experience it is the gentle start, and {later[0]} comes next."
                   if new_to_azure else
                   f"Book {later[0]} directly: with your Azure experience, the optional {code} adds little.")
        facts += [Fact(reason.text, reason.facts[0].source if reason.facts else None) for reason in step.reasons[:1]]
    elif step.optional:
        heading = f"{code} is optional: take it first only if you want the gentle start."
        facts += [Fact(reason.text, reason.facts[0].source if reason.facts else None) for reason in step.reasons[:1]]
    elif requires:
        names = ", ".join(requires)
        heading = f"You can't skip {code}: the certification {names} leads to requires it."
        facts += [Fact(reason.text, reason.facts[0].source if reason.facts else None) for reason in step.reasons[:1]]
    else:
        if SKIP_RE.search(text) and later:
            heading = (f"Yes, you can book {later[0]} without {code} (no formal prerequisite), but the path puts "
                       f"{code} first for a reason.")
        elif SKIP_RE.search(text):  # the path's last exam: "do I need anything else for DP-700?"
            heading = f"{code} has no formal prerequisite: you can book it directly."
        else:
            heading = f"{code} is step {rec.path.index(code) + 1} of your path ({path})."
        facts += [Fact(reason.text, reason.facts[0].source if reason.facts else None) for reason in step.reasons[:2]]
    facts.append(Fact(f"Your path: {path}.", rec.track.source))
    return PathStepAnswer(code, Answer(heading, tuple(facts)), offer)


def _next_answer(code: str, rec: Recommendation, catalog: Catalog, today: date) -> Tuple[str, List[Fact]]:
    """"What's next after AZ-900?": the next step of the path, or what the track suggests after its end."""
    position = rec.path.index(code)
    if position + 1 < len(rec.path):
        following = rec.steps[position + 1]
        reason = following.reasons[0] if following.reasons else None
        facts = [Fact(reason.text, reason.facts[0].source if reason.facts else None)] if reason else []
        return f"After {code} comes {following.exam.label} (step {position + 2} of {len(rec.path)}).", facts
    return _after_goal(code, rec, catalog, today)


def _after_goal(code: str, rec: Recommendation, catalog: Catalog, today: date) -> Tuple[str, List[Fact]]:
    """What comes after the goal's exam (on the path, or already held): the track's next exams."""
    held = held_and_active(code, rec.profile, catalog, today)
    suggested = [c for c in rec.track.next if catalog.has_exam(c) and not catalog.exam(c).is_retired_on(today)
                 and not held_and_active(c, rec.profile, catalog, today) and c not in rec.path]
    done = f"You hold {code}" if held else f"{code} is the last step to your goal"
    if not suggested:
        return (f"{done}: it completes the {rec.track.title} track. After it, keep it current with the free "
                f"yearly renewal, or ask \"why not …?\" about another exam."), []
    names = ", ".join(catalog.exam(c).label for c in suggested[:3])
    return (f"{done}. After it, the {rec.track.title} track goes on with: {names}.",
            [Fact(f"Say \"add {suggested[0]}\" to put it on your path.", rec.track.source)])


def beyond_path(rec: Recommendation, catalog: Catalog, today: date) -> Answer:
    """"What next?" once every exam of the path is held: the track's next exams, or keeping them current."""
    suggested = [c for c in rec.track.next if catalog.has_exam(c) and not catalog.exam(c).is_retired_on(today)
                 and not held_and_active(c, rec.profile, catalog, today)]
    if not suggested:
        return Answer(f"You hold every exam on the {rec.track.title} track, so nothing new is required. Keep them "
                      "current with the free yearly renewal, or ask \"why not …?\" about another exam.", ())
    names = ", ".join(catalog.exam(c).label for c in suggested[:3])
    return Answer(f"You hold every exam your goal needs. Worth doing next on the {rec.track.title} track: {names}.",
                  (Fact(f"Say \"add {suggested[0]}\" to put it on your path.", rec.track.source),))


def _fundamentals_first(code: str, rec: Recommendation, catalog: Catalog) -> Answer:
    """"my colleague says do SC-900 first, good idea?": a decision for this person, with the rule behind it."""
    policy = catalog.policy("fundamentals_not_prerequisite")
    first = rec.path[0]
    if rec.profile.azure_experience in (None, "none"):
        heading = (f"Yes, if you want a gentle start: {code} is optional and nothing requires it, but with no Azure "
                   f"experience it makes {first} easier to begin. Say \"put {code} first\" to add it; your goal stays.")
    else:
        heading = f"Not needed: {code} is optional, and with your Azure experience you can start with {first} directly."
    return Answer(heading, (Fact(" ".join(policy.statement.split()), policy.source),))


def _difficulty_answer(code: str, rec: Recommendation, catalog: Catalog, today: date) -> Tuple[str, List[Fact]]:
    """"Is AZ-700 hard?": no one can promise a pass; the level, the study time for this person and what the
    exam expects are what decide it."""
    exam = catalog.exam(code)
    article = "an" if exam.level[:1].lower() in "aeiou" else "a"
    heading = (f"{code} is {article} {exam.level}-level exam; how hard it is for you depends mostly on study time and "
               f"hands-on practice. Microsoft publishes no pass rates.")
    facts = exam_facts_for("study_time", exam, catalog, today, rec.profile)[:1]
    facts += exam_facts_for("coding", exam, catalog, today, rec.profile)[:1]
    facts += exam_facts_for("passing_score", exam, catalog, today, rec.profile)[:1]
    return heading, facts


_SENTENCE_RE = re.compile(r"[^.!?\n]+[.!?\n]*")


def _asked_about(codes: List[str], text: str) -> str:
    """The exam the question is about: the first one named in the sentence that asks ("AZ-104 sounds heavy.
    would AZ-900 be enough?" asks about AZ-900), else the first one named."""
    for sentence in _SENTENCE_RE.findall(text):
        if "?" in sentence:
            named = [c for c in codes if re.search(rf"(?<!\d){re.escape(c.split('-')[1])}(?!\d)", sentence)]
            if named:
                return named[0]
    return codes[0]


def _fundamentals_enough(code: str, rec: Recommendation, catalog: Catalog) -> Tuple[str, List[Fact]]:
    """"Would AZ-900 be enough for what I want?" when the path starts elsewhere: enough for the overview only."""
    exam = catalog.exam(code)
    target = next((s for s in reversed(rec.steps) if not s.optional), rec.steps[-1])
    heading = f"{code} alone gives the overview; for your goal, no: its credential is {target.exam.certification} " \
              f"({target.code})."
    return heading, [Fact(f"{code} proves the vocabulary and concepts, not the hands-on skills the job asks for.",
                          exam.status.source),
                     Fact(f"If the overview is all you want, say \"just the fundamentals\" and I'll make {code} the "
                          "whole path.", None)]
