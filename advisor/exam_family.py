"""Questions about what an exam is and what it counts for: "is PL-300 actually an Azure cert?", "does my
MS-900 count?", "does SC-200 count towards SC-100?".

Microsoft's exam codes start with the family's letters (AZ for Azure, PL for Power Platform, …). The
table is data; `family_answer` says whether the exam is an Azure one and what the person's path offers
if "Azure" has to be in the name. Plain Python (no Rasa).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Dict, List, Optional, Sequence, Tuple

from advisor.recommendation import Answer, Fact, Recommendation
from knowledge.catalog import Catalog

# prefix → (family, whether its exams are about Azure services)
FAMILIES: Dict[str, Tuple[str, bool]] = {
    "AZ": ("Azure", True),
    "AI": ("Azure AI", True),
    "DP": ("Azure data and Microsoft Fabric", True),
    "SC": ("Microsoft Security (security, compliance and identity, across Azure and Microsoft 365)", True),
    "PL": ("Power Platform (Power BI, Power Apps, Power Automate)", False),
    "MS": ("Microsoft 365", False),
    "MD": ("Microsoft 365 endpoint management", False),
    "AB": ("Microsoft 365 Copilot, agents and AI business", False),
    "MB": ("Dynamics 365", False),
    "GH": ("GitHub", False),
}


def family_of(code: str) -> Optional[Tuple[str, bool]]:
    """The family of an exam code, from its letters; None for letters the table does not know."""
    return FAMILIES.get(code.split("-")[0].upper())


def family_answer(code: str, rec: Recommendation, catalog: Catalog) -> Answer:
    """Whether the exam is an Azure certification, what it is instead, and the Azure one on the path."""
    exam = catalog.exam(code)
    family = family_of(code)
    name = f"Microsoft Certified: {exam.certification}"
    if family is None:
        heading = f"{code} is a Microsoft exam: it earns {name}."
    elif family[1]:
        heading = f"Yes: {code} is in the {family[0]} family; it earns {name}."
    else:
        heading = (f"Not an Azure one: {code} is a Microsoft certification in the {family[0]} family; it earns "
                   f"{name}.")
    facts: List[Fact] = [Fact(f"Who it is for: {' '.join(exam.audience.split())}", exam.status.source)]
    if family is not None and not family[1]:
        azure = [s.code for s in rec.steps if (family_of(s.code) or ("", False))[1]]
        if azure:
            facts.append(Fact(f"If \"Azure\" has to be in it, {azure[0]} on your path is an Azure certification.",
                              rec.track.source))
        facts.append(Fact("Worth asking whoever wants it whether they need Azure specifically or a Microsoft "
                          "certification for the role.", None))
    return _answer(heading, facts)


def held_counts_answer(code: str, rec: Recommendation, catalog: Catalog) -> Answer:
    """Whether a Microsoft certification the person holds changes their path, and how."""
    exam = catalog.exam(code)
    path = " → ".join(rec.path) or "nothing new"
    needs = [s.code for s in rec.steps if any(code in option for option in s.exam.prerequisite_sets)]
    facts: List[Fact] = []
    if any(held.code == code for held in rec.already_held):
        heading = f"Yes: {code} is a step of your track you already hold, so it is off your path ({path})."
    elif needs:
        heading = f"Yes: {code} is what {needs[0]}'s certification requires, so that requirement is met."
    elif exam.level == "fundamentals":
        heading = f"It counts as a start, not as a step: {code} doesn't replace anything on your path ({path})."
        policy = catalog.policy("fundamentals_not_prerequisite")
        facts.append(Fact(policy.statement, policy.source))
    else:
        heading = (f"Not for this path: {code} ({exam.certification}) doesn't replace a step of {path}, and nothing "
                   "on it requires it. It still shows experience an employer can verify.")
    family = family_of(code)
    if family is not None and not family[1]:
        facts.append(Fact(f"{code} is in the {family[0]} family, not an Azure one.", exam.status.source))
    return _answer(heading, facts)


_PREREQ_OF_RE = r"(?:is |a |an |the |it |that )*(?:prereq\w*|required|needed|mandatory|necessary) (?:for|by|to|before)"
_REQUIRES_RE = r"(?:require|requires|need|needs)"


def prerequisite_pair(text: str, codes: List[str]) -> Tuple[str, str]:
    """(the exam that may count, the exam it would count towards) as the words put them: "is 104 a prereq for
    140?" and "does AZ-140 require AZ-104?" both give (AZ-104, AZ-140); otherwise the order named."""
    first, second = codes[0], codes[1]

    def at(code: str) -> str:
        return rf"(?:[A-Za-z]{{2}}[\s-]?)?{code.split('-')[1]}\b"

    for a, b in ((first, second), (second, first)):
        if re.search(rf"{at(a)}\W+{_PREREQ_OF_RE}\b", text, re.IGNORECASE) or \
                re.search(rf"{at(b)}\W+(?:\w+\W+)?{_REQUIRES_RE}\W+(?:the\W+)?{at(a)}", text, re.IGNORECASE):
            return a, b
    return first, second


def counts_toward_answer(code: str, target: str, catalog: Catalog) -> Answer:
    """"does SC-200 count towards SC-100?": from the target's prerequisite sets in the knowledge base."""
    goal = catalog.exam(target)
    sets = goal.prerequisite_sets
    source = goal.prerequisites.source if goal.prerequisites else goal.status.source
    options = " or ".join(" + ".join(option) for option in sets)
    if not sets:
        heading = f"No: {target} has no prerequisite, so nothing counts towards it; {code} can still help you prepare."
    elif any(tuple(option) == (code,) for option in sets):
        which = "" if len(sets) == 1 else f"; {code} is one of them"
        heading = f"Yes: the {goal.certification} certification ({target}) requires {options}{which}."
    elif any(code in option for option in sets):
        heading = (f"Partly: the {goal.certification} certification ({target}) requires {options}; {code} is half "
                   "of one.")
    else:
        heading = f"No: the {goal.certification} certification ({target}) requires {options}, not {code}."
    facts = [Fact(f"{target} itself can be sat first; the certification is awarded once the prerequisite is held.",
                  source)] if sets else []
    return _answer(heading, facts)


_NOT_TOPICS = frozenset("""
a about after all also am an and any anything are as at be been being both but by can cert certs certification
could cover covered covering covers do does doing don dont exam exams for friendly from gonna going good has have
heavy how i if in include included includes is it its just know learn lot lots me mostly much my need no not of on
only or other really should so some stuff test tested tests than that the them there these they thing things this
to too use used very want was we what when which will with would you your focus focused question questions ask asks
require requires required part side more much less kind type whole actually still also even azure microsoft
understand understanding mentioned mention mentions care one ones thing dba admin developer engineer people person
guy guys get got make makes made think thought said say says tell told like look looks looked seem seems new old
now then again wait sure yes yeah ok okay please thanks why where who whom whose right wrong hard easy difficult
""".split())


def coverage_answer(code: str, text: str, catalog: Catalog) -> Optional[Answer]:
    """"is AZ-104 all windows stuff?", "is terraform on AZ-400?": what the skills outline names, or that it
    doesn't; None when the question names no topic or the exam has no outline in the knowledge base."""
    exam = catalog.exam(code)
    if exam.skills is None:
        return None
    topics = topic_words(text)[:3]
    if not topics:
        return None
    source = exam.skills.source
    as_of = exam.skills.as_of.strftime("%-d %B %Y")
    named = [(topic, domain) for topic in topics for domain in exam.skills.domains if topic in domain.name.lower()]
    areas = "; ".join(f"{d.name} {d.weight_label}" for d in exam.skills.by_weight())
    if named:
        topic, domain = named[0]
        heading = f"Yes: the {code} skills outline names {topic} in \"{domain.name}\" ({domain.weight_label})."
    else:
        said = " or ".join(f"\"{topic}\"" for topic in topics)
        heading = f"The {code} skills outline (as of {as_of}) doesn't mention {said}; the areas it measures are below."
    facts = [Fact(f"Its areas: {areas}.", source),
             Fact(f"The study guide lists every task measured: {source.url}", source)]
    return _answer(heading, facts)


def topic_words(text: str) -> List[str]:
    """The words a question is about, without exam codes and common words ("linux", "terraform", "sap")."""
    plain = re.sub(r"\b[a-z]{2}[\s-]?\d{3}\b", " ", text.lower())
    words = [w.strip(".-") for w in re.findall(r"[a-z][a-z0-9+#.\-]{2,}", plain)]
    return list(dict.fromkeys(w for w in words if len(w) > 2 and w not in _NOT_TOPICS))


# words people use for what the knowledge base writes out
_SUBJECT_SYNONYMS = {"m365": "microsoft 365", "o365": "microsoft 365", "office": "microsoft 365",
                     "avd": "virtual desktop", "k8s": "kubernetes", "aks": "kubernetes", "gh": "github",
                     "kubernetes": "aks"}
_SUBJECT_RE = re.compile(r"\b(?:certs?|certifications?|exams?|credentials?)\s+(?:for|about|on|covering|in)\s+"
                         r"([^?.!,;]{2,60})", re.IGNORECASE)
# "does microsoft have a terraform cert", "any copilot studio exam?": the subject before the word cert
_SUBJECT_BEFORE_RE = re.compile(r"\b(?:have|offer|there|any)\s+(?:an?\s+|the\s+)?([\w][\w /+.-]{1,30}?)\s+"
                                r"(?:certs?|certifications?|exams?|credentials?)\b", re.IGNORECASE)
_BASIC_RE = re.compile(r"\b(?:basic|basics|fundamentals?|entry|beginner|intro\w*)\b", re.IGNORECASE)


def find_exam_answer(text: str, catalog: Catalog, today: date) -> Answer:
    """"is there a cert for SAP?", "any exam for playfab?": current exams whose title or audience names the
    subject (the words after "cert for", or else the message's own words); "basic" prefers fundamentals."""
    match = _SUBJECT_RE.search(text) or _SUBJECT_BEFORE_RE.search(text)
    subject = match.group(1).strip() if match else ""
    subject = re.sub(r"(?:\s+(?:the|a|an|in|on|of|to|and|or|for|with|my|your|like|about))+\s*$", "", subject,
                     flags=re.IGNORECASE)  # "labs in the" is about labs
    subject = re.sub(r"^(?:(?:is|are|there|some|any|a|an|the|only)\s+)+", "", subject, flags=re.IGNORECASE)
    if subject.lower() in ("that", "it", "this", "them", "those", "me", "my job", "my role"):
        subject = ""
    if subject and not [t for t in topic_words(subject) if t not in _FIND_WORDS]:
        subject = ""  # "some Azure certification only for frontend developers": the subject is the rest
    words = topic_words(subject or text)
    topics = [(t, _SUBJECT_SYNONYMS.get(t, t), _SUBJECT_SYNONYMS.get(_SUBJECT_SYNONYMS.get(t, t), t))
              for t in words if t not in _FIND_WORDS]
    named = [(exam, sum(any(re.search(rf"(?<![a-z]){re.escape(form)}(?![a-z])",
                                      f"{exam.title} {exam.certification} {exam.audience}".lower()) for form in forms)
                        for forms in topics))
             for exam in catalog if not exam.is_retired_on(today)]
    best = max((hits for _, hits in named), default=0)
    found = [exam for exam, hits in named if hits and hits == best]
    if _BASIC_RE.search(text) and any(e.level == "fundamentals" for e in found):
        found = [e for e in found if e.level == "fundamentals"]
    about = subject or "that"
    if not found:
        return Answer(f"No current Microsoft exam in my knowledge base is specifically about {about}. The "
                          "role-based exams are the closest; ask me \"what's on AZ-104?\" to see what one covers.")
    facts = [Fact(f"{e.label}: {' '.join(e.audience.split())}", e.status.source) for e in found[:3]]
    heading = (f"Yes: {found[0].label}." if len(found) == 1 else
               f"{len(found)} current exams fit{' ' + about if subject else ''}:" if len(found) <= 3 else
               "No current Microsoft exam is specifically about that; these come closest:")
    return _answer(heading, facts[1:] if len(found) == 1 else facts)


# Words that name no subject: "is there a healthcare cloud cert?" is about healthcare
_FIND_WORDS = frozenset({"cert", "certs", "certification", "certifications", "exam", "exams", "there", "any", "cloud",
                         "azure", "microsoft", "related", "specific", "specifically", "something", "anything",
                         "people", "someone", "job", "jobs", "role", "work", "good", "best", "only", "some"})


def _answer(heading: str, facts: Sequence[Fact] = ()) -> Answer:
    return Answer(heading, tuple(facts))
