"""Certifications in an answer: Microsoft exam codes held, "none", and other vendors' certifications.

Plain Python, used by `components/answer_reader.py`. Codes are read in any spelling ("az104", "AZ 104",
"pl-300", and bare "104" when the question was about certifications); a code that is failed, booked or
being studied for is not held, nor one the person says they don't have ("I don't hold AZ-104 anymore", "no, not
the 900"). Other vendors' certifications (AWS, Google Cloud, CompTIA, Cisco, Red Hat, ISC2 …) are recognised and
named back, never stored as exam codes; so are older Microsoft exams ("70-533", "DA-100": retired) and codes of
Microsoft's shape the knowledge base doesn't know ("XY-123").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, List, Optional, Set, Tuple

CODE_PREFIXES = ("AZ", "AI", "DP", "SC", "MS", "PL", "MB", "AB", "GH", "MD")
_CODE_RE = re.compile(r"(?<![A-Za-z0-9])(" + "|".join(CODE_PREFIXES) + r")\s?[-_–]?\s?(\d{3})(?![0-9])", re.I)
_BARE_RE = re.compile(r"(?<![\w.\-/])(\d{3})(?![\w.%])")
_NOT_HELD_RE = re.compile(
    r"\b(?:fail(?:ed|ing)?|studying|study(?:ing)? for|booked|scheduled|sitting|planning|plan(?:ned)? to|next|"
    r"working (?:on|towards?)|preparing|prepping|prep(?:ping)? for|going to|gonna|want(?:ed)? to|wanna|will|"
    r"would like|hoping|hope|about to|aiming|considering|thinking (?:of|about)|not yet|didn'?t pass|"
    r"in progress|enrolled|registered|retake|retaking|attempt(?:ing)?|lapsed|practice (?:test|exam|assessment)s?|"
    r"never (?:booked|took|taken|sat)|haven'?t (?:taken|booked|sat|done|passed)|don'?t (?:hold|have)|"
    r"do not (?:hold|have)|not (?:certified|passed)|(?:can|could|will|would|should|might|to) (?:i |we )?(?:\w+ )?"
    r"have|have (?:\w+ )?done|get (?:\w+ )?done)\b", re.IGNORECASE)
# "had az-104 from 2021 but it expired i think": a lapsed certification is not held (it is earned again).
_LAPSED_RE = re.compile(r"\b(?:expired|lapsed|ran out|run out|no longer (?:valid|active|current)|"
                        r"not (?:valid|active|current) any ?more|let (?:it |them )?(?:expire|lapse)|"
                        r"allowed (?:it |them )?to (?:expire|lapse)|"
                        r"didn'?t renew|never renewed|forgot to renew|out of date)\b", re.IGNORECASE)
# "no, not the 900", "the data analyst cert but not PL-300 itself": the code right after "not" is not held.
_NOT_THIS_RE = re.compile(r"\b(?:not|no|never|nor|without|except)\s+(?:(?:the|my|a|an|any|that|this)\s+)?(?:one\s+)?$",
                          re.IGNORECASE)
# Older Microsoft exams: the 70-, 74-, 98- and 77- series (MCSA, MCSE, MCSD, MTA, MOS) and DA-100 (Power BI,
# replaced by PL-300) are retired; another code of Microsoft's shape that the knowledge base doesn't know
# ("XY-123") is unknown. Both are named back once, as experience, never stored.
_RETIRED_RE = re.compile(r"(?<![\w.\-/])(?:(70|74|98|77)\s?-\s?(\d{3})|(DA)\s?-\s?(100))(?![\w%]|\.\d)", re.IGNORECASE)
_SHAPE_RE = re.compile(r"(?<![\w.\-/])([A-Z]{2})-(\d{3})(?![\w%]|\.\d)")
_CORRECTION_RE = re.compile(r"^\W*(?:(?:no+|nope|nah)\W+)?not\s+(?:the\s+)?\d{3}\W*$", re.IGNORECASE)
_HELD_RE = re.compile(r"\b(?:have|got|hold|holding|passed|earned|done|did|cleared|completed|achieved|certified)\b",
                      re.IGNORECASE)
_CLAUSE_RE = re.compile(r"[.;!?\n]+|,|\bbut\b|\bthough\b|\balthough\b|\band\b|\+|&", re.IGNORECASE)
_SOMEONE_ELSE_RE = re.compile(r"\b(?:my|our|his|her|their)\s+(?:boss|manager|team(?:mates?)?|colleagues?|"
                              r"coworkers?|co-workers?|husband|wife|partner|friend|lead)\b|\b(?:he|she|they)\s+"
                              r"(?:has|have|got|passed)\b", re.IGNORECASE)
_NONE_RE = re.compile(
    r"^\W*(?:no+|nope|nah|none|nothing|zero|nada|zilch|not yet|not any|nope not yet|no certs?|no certifications?|"
    r"no certificates?|none yet|none so far|not one|0|n/?a|idk|dunno|i don'?t know|not sure|i don'?t think so|"
    r"don'?t think so|not that i know(?: of)?|no microsoft ones?|none from microsoft|haven'?t got any|"
    r"i don'?t have any|don'?t have any|no,? none|none at all|no not yet|never took any|never taken any)\b",
    re.IGNORECASE)
_NONE_ANYWHERE_RE = re.compile(
    r"\b(?:no|zero|not any|don'?t have any|haven'?t (?:got|taken|passed) any|without any|never (?:took|taken|"
    r"passed|did) any)\s+(?:\w+\s+)?(?:microsoft\s+|ms\s+|azure\s+)?(?:certs?|certifications?|certificates?|"
    r"exams?|ones?)\b|\bnot (?:yet )?certified\b|\buncertified\b|\bnone (?:from|by|of the) (?:microsoft|ms)\b|"
    r"\bno microsoft\b|\bnothing from microsoft\b|\b(?:my )?(?:certs?|certifications?)\s*(?::|=|are|is)\s*none\b|"
    r"\bdon'?t (?:hold|have) any\b|\bi (?:have|hold|got|'ve got) none\b|\bnone myself\b|\bnone for me\b",
    re.IGNORECASE)
_NAME_CODES: Tuple[Tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(r"\b" + pattern + r"\b", re.IGNORECASE), code) for pattern, code in (
        (r"azure fundamentals?", "AZ-900"), (r"(?:the )?cloud fundamentals", "AZ-900"),
        (r"ai fundamentals?", "AI-900"), (r"data fundamentals?", "DP-900"),
        (r"security,? compliance,? (?:and )?identity fundamentals|security fundamentals", "SC-900"),
        (r"power platform fundamentals", "PL-900"), (r"power bi (?:data analyst|analyst|cert\w*|exam)", "PL-300"),
        (r"azure admin(?:istrator)?(?: associate)?", "AZ-104"), (r"(?:azure )?solutions? architect expert", "AZ-305"),
        (r"devops engineer expert", "AZ-400"), (r"github foundations", "GH-900"),
        (r"microsoft 365 fundamentals|m365 fundamentals", "MS-900"),
    ))
# Other vendors' certifications: recognised, named back, never stored.
_OTHER_VENDORS: Tuple[Tuple[str, str], ...] = (
    ("AWS", r"aws|amazon web services|amazon|saa(?:-c0\d)?|cloud practitioner|clf-c0\d"),
    ("Google Cloud", r"gcp|google cloud|google|ace|pca"),
    ("CompTIA", r"comptia|a\+|network\+|net\+|security\+|sec\+|server\+|linux\+|cloud\+|cysa\+|pentest\+|casp\+"),
    ("Cisco", r"cisco|ccna|ccnp|ccie|ccent|devnet"),
    ("Red Hat", r"red ?hat|rhcsa|rhce"),
    ("ISC2", r"isc2|\(isc\)2|cissp|sscp|ccsp"),
    ("ISACA", r"isaca|cisa|cism|crisc"),
    ("Kubernetes", r"cka|ckad|cks|kubernetes"),
    ("HashiCorp", r"hashicorp|terraform associate"),
    ("ITIL", r"itil"),
    ("VMware", r"vmware|vcp|vcap"),
    ("Oracle", r"oracle|oca|ocp|oci"),
    ("Linux Foundation", r"lfcs|lpic|linux foundation"),
    ("EC-Council", r"ceh|ec-council"),
    ("Project management", r"pmp|prince2|capm|csm|psm|scrum master"),
    ("Databricks", r"databricks"),
    ("Snowflake", r"snowpro|snowflake"),
    ("Salesforce", r"salesforce"),
    ("GIAC", r"giac|gsec"),
    ("retired Microsoft (MCSA, MCSE)", r"mcsa|mcse|mcsd|mcitp|mcts|mcp|mta"),
)
_VENDOR_RES = tuple((label, re.compile(r"(?<![\w+])(?:" + rx + r")(?![\w])", re.IGNORECASE))
                    for label, rx in _OTHER_VENDORS)


@dataclass(frozen=True)
class CertificationAnswer:
    """Microsoft exam codes held (normalised, in order), other vendors named, and whether "none" was said."""

    codes: Tuple[str, ...] = ()
    other_vendors: Tuple[str, ...] = ()
    said_none: bool = False
    not_held: Tuple[str, ...] = ()
    lapsed: Tuple[str, ...] = ()
    retired: Tuple[str, ...] = ()  # older Microsoft exams ("70-533", "DA-100"): experience, not held
    unknown: Tuple[str, ...] = ()  # codes of Microsoft's shape the knowledge base doesn't know ("XY-123")


def normalise_code(prefix: str, digits: str) -> str:
    """"az", "104" → "AZ-104"."""
    return f"{prefix.upper()}-{digits}"


def _bare_code(digits: str, known: Iterable[str]) -> Optional[str]:
    """"104" → AZ-104 when the question was about certifications: AZ first, else a unique known code."""
    known = tuple(known)
    if f"AZ-{digits}" in known or not known:
        return f"AZ-{digits}"
    matches = [code for code in known if code.endswith(f"-{digits}")]
    return matches[0] if len(matches) == 1 else None


def other_vendors(text: str) -> Tuple[str, ...]:
    """Other vendors' certifications or clouds named in the text, in order of first mention."""
    found: List[Tuple[int, str]] = []
    for label, regex in _VENDOR_RES:
        match = regex.search(text)
        if match:
            found.append((match.start(), label))
    return tuple(label for _, label in sorted(found))


# "want SC-200 and Security+ next", "should I take AZ-104 or the CCNA?": plans and questions, not certificates held
# "goal cybersecurity architect (SC-100)", "PL-600 is the one I want": a plan, never a certification held
_GOAL_CLAUSE_RE = re.compile(r"\b(?:goal|want|wanna|aim\w*|target\w*|next|plan\w*|thinking (?:of|about)|"
                             r"interested in|hoping|working (?:on|towards?)|studying for|preparing for)\b", re.I)
_PLANNED_RE = re.compile(r"\?|\b(?:want|wanna|plan\w*|next|take|taking|study\w*|book\w*|aim\w*|go for|should|"
                         r"thinking|considering|or)\b", re.IGNORECASE)


def _listed_with_other_vendors(text: str) -> Set[str]:
    """Codes named right beside another vendor's certificate, outside plans and questions ("SC-200 and
    Security+")."""
    listed: Set[str] = set()
    for match in _CODE_RE.finditer(text):
        window = re.split(r"[.;!?\n]", text[max(0, match.start() - 35):match.start()])[-1] + \
            re.split(r"[.;!?\n]", text[match.end():match.end() + 35])[0]
        rest = re.search(r"[.;!?\n]", text[match.end():])
        asks = bool(rest and rest.group(0) == "?")  # "sc-200 + sec+ enough to land tier 1 soc?" asks
        if other_vendors(window) and not _PLANNED_RE.search(window) and not asks:
            listed.add(normalise_code(match.group(1), match.group(2)))
    return listed


def read_certifications(text: str, asked: bool, known: Iterable[str] = ()) -> Optional[CertificationAnswer]:
    """What the message says about certifications held; None when it says nothing about them."""
    text = text[:2000]
    known = tuple(known)
    held: List[str] = []
    not_held: List[str] = []
    held_before = False  # "have AZ-305 and AZ-104 (both current)": the verb carries over within a sentence
    listed = _listed_with_other_vendors(text)
    for clause, sentence_start in _clauses(text):
        if sentence_start:
            held_before = False
        if not clause.strip() or _SOMEONE_ELSE_RE.search(clause):
            continue
        if _GOAL_CLAUSE_RE.search(clause) and not _HELD_RE.search(clause):
            held_before = False
            continue
        spots = [(m.start(), normalise_code(m.group(1), m.group(2))) for m in _CODE_RE.finditer(clause)]
        denied = [code for start, code in spots if _NOT_THIS_RE.search(clause[max(0, start - 30):start])]
        codes = [code for _, code in spots if code not in denied]
        if asked or _CORRECTION_RE.match(text):  # "no, not the 900" corrects what was read, asked or not
            stripped = _RETIRED_RE.sub(" ", _CODE_RE.sub(" ", clause))
            for match in _BARE_RE.finditer(stripped):
                code = _bare_code(match.group(1), known)
                if code and _NOT_THIS_RE.search(stripped[max(0, match.start() - 30):match.start()]):
                    denied.append(code)
                elif code and asked:
                    codes.append(code)
            for pattern, code in _NAME_CODES if asked else ():
                if pattern.search(clause):
                    codes.append(code)
        for code in denied:
            if code not in not_held:
                not_held.append(code)
        if not codes:
            continue
        negative = _NOT_HELD_RE.search(clause) and not (asked and _HELD_RE.search(clause) and len(codes) > 1)
        # "SC-200 and Security+" in a self-description: listed with another vendor's certificate, it is held
        stated = bool(_HELD_RE.search(clause)) or held_before or any(code in listed for code in codes)
        held_before = stated and not negative
        if not asked and not negative and not stated:
            continue  # "what about AZ-104?" is not a certification held
        for code in codes:
            target = not_held if negative else held
            if code not in target:
                target.append(code)
    held = [code for code in held if code not in not_held]
    lapsed = _lapsed_codes(text, held + not_held)
    held = [code for code in held if code not in lapsed]
    not_held += [code for code in lapsed if code not in not_held]
    vendors = other_vendors(text)
    said_none = bool(_NONE_ANYWHERE_RE.search(text)) or (asked and bool(_NONE_RE.search(text)) and not held)
    retired = tuple(dict.fromkeys(normalise_code(m.group(1) or m.group(3), m.group(2) or m.group(4))
                                  for m in _RETIRED_RE.finditer(text)))
    unknown = tuple(dict.fromkeys(f"{m.group(1)}-{m.group(2)}" for m in _SHAPE_RE.finditer(text)
                                  if m.group(1) not in CODE_PREFIXES and f"{m.group(1)}-{m.group(2)}" not in retired))
    older = bool(retired or unknown)
    if not asked and not held and not said_none and not not_held and not older:
        return None
    if asked and not held and not said_none and not vendors and not not_held and not older:
        return None
    return CertificationAnswer(tuple(held), vendors, said_none, tuple(not_held), lapsed, retired, unknown)



def _clauses(text: str) -> List[Tuple[str, bool]]:
    """The text's clauses, each with whether it starts a new sentence."""
    found: List[Tuple[str, bool]] = []
    for sentence in re.split(r"[.;!?\n]+", text):
        found += [(clause, index == 0) for index, clause in enumerate(_CLAUSE_RE.split(sentence))]
    return found


def _lapsed_codes(text: str, codes: List[str]) -> Tuple[str, ...]:
    """Codes an expiry remark is about: the nearest code named before it ("AZ-104 from 2021, it expired"),
    or else right after it ("my expired AZ-104")."""
    spots = [(m.start(), m.end(), normalise_code(m.group(1), m.group(2))) for m in _CODE_RE.finditer(text)]
    found: List[str] = []
    for remark in _LAPSED_RE.finditer(text):
        before = [code for _, end, code in spots if end <= remark.start() and remark.start() - end <= 60]
        after = [code for start, _, code in spots if start >= remark.end() and start - remark.end() <= 20]
        code = before[-1] if before else after[0] if after else None
        if code and code in codes and code not in found:
            found.append(code)
    return tuple(found)


# "goal cybersecurity architect (SC-100)", "aiming for AZ-305", "security architect": exams named as the aim
_ARCHITECT_OF_SECURITY_RE = re.compile(r"\b(?:cyber ?security|security|identity and security)\s+architect(?:ure)?\b",
                                       re.IGNORECASE)


def goal_exams(text: str) -> Tuple[str, ...]:
    """Exam codes the person names as their aim (in a clause with a goal word and no verb of holding), and SC-100
    for a security architect."""
    found: List[str] = []
    for clause, _ in _clauses(text[:2000]):
        if _GOAL_CLAUSE_RE.search(clause) and not _HELD_RE.search(clause):
            found += [normalise_code(m.group(1), m.group(2)) for m in _CODE_RE.finditer(clause)]
    if _ARCHITECT_OF_SECURITY_RE.search(text):
        found.append("SC-100")
    return tuple(dict.fromkeys(found))
