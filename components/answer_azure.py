"""Hands-on Azure experience: none, some or extensive, from "very little", "a couple of years", "none on Azure,
tons on AWS". The stated rule: two years or more is extensive, anything hands-on below that is some, none or
other clouds only is none.

Plain Python, used by `components/answer_reader.py`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import List, Optional, Tuple

from components.answer_numbers import duration_years
from components.answer_text import NEGATED_BEFORE_RE, SOMEONE_ELSE_RE, Reading, clauses, rx

# Other clouds: a clause about them says nothing about Azure.
_OTHER_CLOUD_RE = rx(r"aws", r"amazon(?: web services)?", r"gcp", r"google cloud", r"google", r"oracle cloud",
                      r"oci", r"ibm cloud", r"alibaba", r"digital ?ocean", r"vercel", r"heroku", r"netlify", r"linode", r"cloudflare", r"other clouds?", r"on[- ]?prem(?:ise)?s?",
                      r"vmware", r"openstack")
_AZURE_RE = rx(r"azure", r"az", r"microsoft cloud", r"entra", r"the portal")

_AZ_NONE_RE = rx(r"none", r"no+", r"nope", r"nah", r"zero", r"nothing", r"nada", r"zilch", r"nil", r"never", r"not yet", r"not really",
                  r"not at all", r"n/?a", r"0", r"haven'?t (?:\w+ ){0,2}(?:used|touched|tried)\w*",
                  r"never (?:\w+ ){0,2}(?:used|touched|tried)\w*", r"not (?:\w+ ){0,2}(?:used|touched)\w*",
                  r"only (?:read|heard|watched)\w*", r"complete(?:ly)? new", r"brand new", r"total(?:ly)? new",
                  r"new to (?:it|azure|the cloud|cloud)", r"no experience", r"no hands[- ]on",
                 r"(?:do ?n'?t|do not|doesn'?t|does not) (?:\w+ ){0,2}?(?:use|touch|work with)\w*")
_AZ_EXTENSIVE_RE = rx(r"a lot", r"lots", r"loads", r"tons", r"tonnes", r"heaps", r"plenty", r"extensive(?:ly)?",
                       r"heavy", r"heavily", r"daily", r"every ?day", r"all day", r"day[- ]to[- ]day", r"expert",
                       r"very experienced", r"deep", r"senior", r"in production", r"production", r"professionally",
                       r"it'?s my (?:job|day job)", r"(?:my|our) whole (?:job|stack)", r"a great deal",
                       r"quite a lot", r"a good amount", r"a fair amount", r"strong", r"advanced", r"many years",
                       r"years and years", r"years of (?:it|azure|experience|use)", r"for ages", r"ages", r"several years", r"a few years", r"few years",
                       r"couple (?:of )?years", r"a decade", r"decade", r"high", r"10/10", r"9/10", r"8/10")
_AZ_SOME_RE = rx(r"some", r"a (?:lil|tiny|wee)(?: bit)?", r"tiny bit", r"a smidge(?:n)?", r"barely", r"hardly(?: any)?",
                 r"(?:only |just |i |we )?(?:use|used|using) (?:it|them|azure(?: \w+){0,2}|the portal)", r"end[- ]users?",
                 r"log(?:ged|ging)? (?:in|into|on)", r"check(?:ing)? (?:stuff|things|things out)", r"click\w* around",
                 r"look(?:ed|ing)? around", r"a (?:little )?bit", r"a little", r"little", r"very little", r"not much", r"limited",
                  r"minimal", r"basic(?:s)?", r"a few", r"few", r"labs?", r"sandbox", r"free (?:account|tier|trial)",
                  r"trial", r"courses?", r"tutorials?", r"training", r"playing", r"played", r"tinker\w*",
                  r"messing around", r"messed around", r"dabbl\w*", r"side projects?", r"personal projects?",
                  r"home ?lab", r"a couple", r"once", r"once or twice", r"occasional(?:ly)?", r"sometimes",
                  r"now and then", r"yes", r"yeah", r"yep", r"yup", r"moderate", r"medium", r"okay", r"ok",
                  r"decent", r"average", r"intermediate", r"beginner", r"novice", r"low", r"meh", r"kinda", r"sort of",
                  r"a handful", r"vms?", r"a bit of", r"on and off", r"here and there", r"hands[- ]on", r"used it",
                  r"touched it", r"fundamentals", r"az-?900", r"5/10", r"6/10", r"4/10", r"3/10")


def _azure_clauses(text: str) -> Tuple[List[str], bool]:
    """Clauses that may be about Azure, and whether another cloud was the only thing mentioned somewhere."""
    kept, other_only = [], False
    for clause in clauses(text):
        if SOMEONE_ELSE_RE.search(clause):
            continue
        if _OTHER_CLOUD_RE.search(clause) and not _AZURE_RE.search(clause):
            other_only = True
            continue
        kept.append(clause)
    return kept, other_only


def _duration_start(clause: str) -> int:
    match = re.search(r"\d|\b(?:a|one|two|three|four|five|couple|few|several)\b", clause, re.I)
    return match.start() if match else 0


# "no hands-on, only theory/videos": learning about Azure without using it is none.
_NO_PRACTICE_RE = rx(r"no (?:real |actual )?(?:hands[- ]on|practical|practice)", r"zero (?:hands[- ]on|practical|practice)",
                     r"nothing (?:hands[- ]on|practical)", r"(?:only|just|mostly|purely) (?:\w+ ){0,2}?(?:theory|theoretical|"
                     r"videos?|youtube|reading|books?|docs|documentation|watch\w*|read\w*)", r"theory only",
                     r"only (?:in )?theory")
_PRACTICE_RE = rx(r"labs?", r"sandbox", r"free (?:account|tier|trial)", r"trial", r"tinker\w*", r"play\w*",
                  r"home ?lab", r"(?:side|personal) projects?", r"deploy\w*", r"built", r"at work", r"portal")
# "Entra daily, but Azure resources like VMs: very little": the clause about Azure resources decides.
_RESOURCES_RE = rx(r"(?:azure )?resources", r"vms?", r"virtual machines?", r"subscriptions?", r"resource groups?",
                   r"iaas", r"paas", r"storage accounts?", r"vnets?", r"app services?", r"aks", r"azure infra\w*")
_SAAS_RE = rx(r"entra", r"azure ad", r"aad", r"m365", r"microsoft 365", r"office ?365", r"o365", r"intune",
              r"power bi", r"teams", r"exchange(?: online)?", r"sharepoint")


def _level_clauses(kept: List[str], other_only: bool, text: str) -> Optional[List[str]]:
    """The clauses that say how much Azure, or None when only another cloud's experience was stated."""
    if other_only and not _AZURE_RE.search(text):
        # "only AWS, 5 years": every duration is about the other cloud; "some, but mostly AWS" still says some
        stated = [c for c in kept if _AZ_SOME_RE.search(c) and not re.search(r"\d|years?|months?", c, re.I)]
        return stated or None
    resources = [c for c in kept if _RESOURCES_RE.search(c) and not _SAAS_RE.search(c)]
    if resources and any(_SAAS_RE.search(c) for c in kept):
        return resources
    return kept


# "need some help with azure certs", "I want some azure certs": what they ask for, not how much Azure they did
_NOT_EXPERIENCE_RE = re.compile(r"\b(?:some|a little|a bit of|a few|any)\s+(?:\w+\s+)?(?:help|advice|guidance|tips|pointers|"
                                r"info\w*|direction|input|recommendations?|suggestions?|questions?|certs?|certifications?|"
                                r"certificates?|exams?|credentials?)\b", re.IGNORECASE)


def read_azure_experience(text: str, asked: bool, today: Optional[date] = None) -> Optional[Reading]:
    """none / some / extensive from "very little", "a couple of years", "none on Azure, tons on AWS"."""
    text = _NOT_EXPERIENCE_RE.sub(" ", text)
    if not asked and not _AZURE_RE.search(text):
        return None
    kept, other_only = _azure_clauses(text)
    if not asked:
        kept = [c for c in kept if _AZURE_RE.search(c)]
    chosen = _level_clauses(kept, other_only, text)
    if chosen is None:
        return Reading("none", "Experience with other clouds helps, but I'm counting your Azure experience as none.")
    kept = chosen
    for clause in kept:
        years = duration_years(clause, today or date.today())
        if years is not None and re.search(r"\b(?:almost|nearly|under|less than|not quite|just under|close to)\s+$",
                                           clause[:_duration_start(clause)], re.I):
            years = min(years, 1.9)
        if years is not None and not NEGATED_BEFORE_RE.search(clause[:6] + " "):
            if years >= 2:
                return Reading("extensive")
            return Reading("some") if years > 0 else Reading("none")
    joined = " , ".join(kept)
    if not joined.strip():
        if other_only:
            return Reading("none", "Experience with other clouds helps, but I'm counting your Azure experience as "
                                   "none.")
        return None
    if _NO_PRACTICE_RE.search(joined) and not _PRACTICE_RE.search(joined):
        return Reading("none")  # "no hands-on, only theory/videos"
    if _AZ_EXTENSIVE_RE.search(joined) and not _AZ_NONE_RE.search(joined):
        return Reading("extensive")
    # "not much" and "very little" are some; "no" alone is none.
    if _AZ_SOME_RE.search(joined) and not re.search(r"^\W*(?:no+|nope|none|nah|zero|never)\W*$", joined, re.I):
        none_match = _AZ_NONE_RE.search(joined)
        some_match = _AZ_SOME_RE.search(joined)
        if none_match and some_match and none_match.start() < some_match.start() and not re.search(
                r"\bnot (?:much|really much|a lot)\b", joined, re.I):
            if re.search(r"\b(?:only|just|except|apart from|besides)\b", joined, re.I):
                return Reading("some")  # "never at work, only a lab once"
            return Reading("none")
        return Reading("some")
    if _AZ_NONE_RE.search(joined):
        return Reading("none")
    return None

