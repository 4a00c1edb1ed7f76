"""How far the person's organisation is with the cloud: early or mature (the contract's two values), from
"we're just starting", "mostly on-prem", "all in on Azure". The stated rules: only SaaS (Office 365) with the rest
on-premises, or still choosing a cloud, is early; hybrid ("half and half") is early, since most systems are not
in the cloud yet; in the cloud for two years or more, or running PaaS, Kubernetes or serverless, is mature.

Plain Python, used by `components/answer_reader.py`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from components.answer_text import IDK_RE, NEGATED_BEFORE_RE, Reading, rx

_EARLY_RE = rx(r"early", r"starting", r"just start\w*", r"beginning", r"begun", r"new to (?:it|the cloud|cloud)",
                r"migrating", r"moving", r"pilot\w*", r"poc", r"proof of concept", r"on[- ]?prem\w*", r"mostly on[- ]prem",
                r"not really", r"not much", r"barely", r"a few workloads", r"some workloads", r"first steps?",
                r"exploring", r"evaluating", r"planning", r"behind", r"slow", r"hybrid", r"not far", r"nowhere",
                r"nope", r"no+", r"none", r"zero", r"low", r"immature", r"infancy", r"dipping")
_MATURE_RE = rx(r"mature", r"all in", r"all-in", r"fully", r"cloud[- ]first", r"cloud[- ]native", r"most(?:ly)?",
                 r"everything", r"all of it", r"all our", r"far along", r"advanced", r"well established", r"established",
                 r"taken root", r"years", r"completely", r"entirely", r"100%", r"a long way", r"very far", r"high",
                 r"done migrating", r"finished migrating", r"migrated", r"long time", r"deep")


# Early whatever else is said: SaaS only, the rest on-premises, a cloud not chosen yet.
_EARLY_FIRST_RE = rx(
    r"(?:only|just|mostly) (?:\w+ ){0,2}?(?:office ?365|o365|m365|microsoft 365|email|e-?mail|exchange online|"
    r"teams|sharepoint|saas)", r"everything else (?:is |still |stays )?on[- ]?prem\w*",
    r"(?:the rest|everything else|all (?:the )?(?:rest|other )?(?:servers|apps|systems)) (?:\w+ ){0,3}?(?:on[- ]?prem\w*|"
    r"(?:in|on) (?:our|the|an?) (?:own )?(?:server rooms?|data ?cent(?:er|re)s?|basement|premises))",
    r"(?:our|their) own (?:data ?cent(?:er|re)s?|server rooms?|servers|racks|hardware)",
    r"(?:still |now )?(?:picking|choosing|deciding|comparing|evaluating|weighing up) (?:\w+ ){0,3}?(?:aws|azure|gcp|"
    r"google|clouds?|providers?|vendors?)", r"between (?:aws|azure|gcp|google) (?:and|or|&) (?:aws|azure|gcp|google)",
    r"which cloud", r"(?:haven'?t|not yet|didn'?t) (?:\w+ ){0,2}?(?:chosen|picked|decided|moved|migrated|started)",
    r"half and half", r"50/50", r"fifty[- ]fifty")
# Mature whatever comes after: platform services in use.
_MATURE_FIRST_RE = rx(r"paas", r"aks", r"kubernetes", r"k8s", r"serverless", r"functions", r"cloud[- ]native",
                      r"microservices", r"landing zones?", r"containers?", r"in production")
_SINCE_RE = re.compile(r"\b(?:since|from|in) (?:early |mid |late )?((?:19|20)\d\d)\b", re.IGNORECASE)


def read_org_cloud_maturity(text: str, asked: bool, today: Optional[date] = None) -> Optional[Reading]:
    """early / mature from "we're just starting", "mostly on-prem", "all in on Azure", "since 2017"."""
    if not asked and not re.search(r"\b(?:organi[sz]ation|company|employer|we|our|firm|business)\b", text, re.I):
        return None
    if _EARLY_FIRST_RE.search(text):
        return Reading("early")
    since = _SINCE_RE.search(text)
    if since and re.search(r"\b(?:cloud|azure|aws|gcp|there|on it|using)\b", text, re.I):
        return Reading("mature" if (today or date.today()).year - int(since.group(1)) >= 2 else "early")
    platform = _MATURE_FIRST_RE.search(text)
    if platform:  # "no kubernetes yet" is early
        return Reading("early" if NEGATED_BEFORE_RE.search(text[:platform.start()]) else "mature")
    early, mature = _EARLY_RE.search(text), _MATURE_RE.search(text)
    if mature and not NEGATED_BEFORE_RE.search(text[:mature.start()]) and (not early or mature.start() < early.start()
                                                                             or early.group(0).lower() == "mostly"):
        return Reading("mature")
    if early or (mature and NEGATED_BEFORE_RE.search(text[:mature.start()])):
        return Reading("early")
    if asked and IDK_RE.search(text):
        return Reading("early", "I'll assume your organisation is early in its cloud adoption.")
    return None

