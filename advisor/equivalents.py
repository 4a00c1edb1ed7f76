"""Other clouds' certifications and their nearest Microsoft counterpart: "what's the Azure equivalent of
AWS SA Pro?".

The table is the advisor's own mapping by job role (the same job, on another cloud), not an official
equivalence: no vendor publishes one, and no certification of one vendor counts for another's. It says so
in every answer. Plain Python (no Rasa).
"""

from __future__ import annotations

import re
from datetime import date
from typing import List, Optional, Sequence, Tuple

from advisor.recommendation import Answer, Fact
from knowledge.catalog import Catalog

# (pattern for the other vendor's certification, its name, the Microsoft exam for the same job)
EQUIVALENTS: Tuple[Tuple[str, str, str], ...] = (
    (r"cloud practitioner|clf-c0\d|aws ccp", "AWS Certified Cloud Practitioner", "AZ-900"),
    (r"(?:sa|solutions architect) pro(?:fessional)?|sap-c0\d", "AWS Solutions Architect Professional", "AZ-305"),
    (r"saa(?:-c0\d)?|(?:sa|solutions architect) associate", "AWS Solutions Architect Associate", "AZ-104"),
    (r"sysops|soa-c0\d", "AWS SysOps Administrator Associate", "AZ-104"),
    (r"(?:aws )?developer associate|dva(?:-c0\d)?", "AWS Developer Associate", "AI-200"),
    (r"devops (?:engineer )?pro(?:fessional)?|dop-c0\d", "AWS DevOps Engineer Professional", "AZ-400"),
    (r"(?:aws )?security specialty|scs-c0\d", "AWS Security Specialty", "SC-500"),
    (r"advanced networking|ans-c0\d", "AWS Advanced Networking Specialty", "AZ-700"),
    (r"(?:aws )?data engineer associate|dea-c0\d", "AWS Data Engineer Associate", "DP-700"),
    (r"machine learning (?:engineer|specialty)|mla-c0\d|mls-c0\d", "AWS Machine Learning", "AI-300"),
    (r"cloud digital leader|\bcdl\b", "Google Cloud Digital Leader", "AZ-900"),
    (r"associate cloud engineer|\bace\b", "Google Associate Cloud Engineer", "AZ-104"),
    (r"professional cloud architect|\bpca\b", "Google Professional Cloud Architect", "AZ-305"),
    (r"professional data engineer|\bpde\b", "Google Professional Data Engineer", "DP-700"),
    (r"professional cloud security engineer", "Google Professional Cloud Security Engineer", "SC-500"),
    (r"professional cloud network engineer", "Google Professional Cloud Network Engineer", "AZ-700"),
    (r"professional cloud devops engineer", "Google Professional Cloud DevOps Engineer", "AZ-400"),
    (r"professional cloud developer", "Google Professional Cloud Developer", "AI-200"),
    (r"professional machine learning engineer", "Google Professional Machine Learning Engineer", "AI-300"),
)
_RES = tuple((re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE), name, code)
             for pattern, name, code in EQUIVALENTS)


def named_equivalent(text: str) -> Optional[Tuple[str, str]]:
    """(other certification, Microsoft exam) for the first other-cloud certification the text names."""
    found: List[Tuple[int, str, str]] = []
    for regex, name, code in _RES:
        match = regex.search(text)
        if match:
            found.append((match.start(), name, code))
    if not found:
        return None
    _, name, code = min(found)
    return name, code


def other_clouds_for(code: str) -> List[str]:
    """Other clouds' certifications for the same job as a Microsoft exam ("AWS equivalent of AI-200?")."""
    return [name for _, name, mapped in _RES if mapped == code]


def equivalent_answer(text: str, catalog: Catalog, today: date, codes: Tuple[str, ...] = ()) -> Optional[Answer]:
    """The nearest Microsoft exam for the other certification named; or, for a Microsoft exam named
    ("what's the AWS equivalent of AI-200?"), the other clouds' certifications for the same job."""
    named = named_equivalent(text)
    if named is None and codes:
        code = codes[0]
        others = [n for n in other_clouds_for(code)
                  if not re.search(r"\b(?:aws|amazon|google|gcp)\b", text, re.I)
                  or re.search(r"\b(?:aws|amazon)\b", text, re.I) and n.startswith("AWS")
                  or re.search(r"\b(?:google|gcp)\b", text, re.I) and n.startswith("Google")]
        if not others:
            return Answer(f"I have no other cloud's certification mapped to {code}; the nearest are the ones "
                              "for the same job role on that cloud's own certification page.")
        return _answer(f"The nearest to {code} on other clouds: {', '.join(others)}.",
                       [Fact("That's my mapping by job role, not an official equivalence: no certification of one "
                             "vendor counts for another's.", None)])
    if named is None:
        return None
    name, code = named
    exam = catalog.exam(code)
    if exam.is_retired_on(today):
        exam = catalog.current_successor(code, today) or exam
    heading = (f"The nearest Azure one to {name} is {exam.label}: it covers the same job on Azure "
               f"({exam.certification}, {exam.level}).")
    facts = [Fact(f"Who it is for: {' '.join(exam.audience.split())}", exam.status.source),
             Fact("That's my mapping by job role, not an official equivalence: no certification of one vendor "
                  "counts for another's, but your experience makes the Azure exam quicker.", None)]
    return _answer(heading, facts)


def _answer(heading: str, facts: Sequence[Fact] = ()) -> Answer:
    return Answer(heading, tuple(facts))
