"""Reads a person's reply as an answer to the question just asked (expected-slot-first reading).

Plain Python (no Rasa, no spaCy), shared by the dialogue policy that keeps answers inside the profile
form (`components/expected_answer_policy.py`) and by the form's `extract_<slot>` methods
(`actions/profile_form.py`), so that one measurement (`tests/conversation/`) covers both.

Two ways to read a message for a slot:
- `asked=True`: the message answers that slot's question, so short replies count ("a bit", "4-5",
  "nope", "PL-300", "couple of years");
- `asked=False`: the slot was not asked, so only explicit statements count ("no certs", "5 hours a week",
  "2 years of Azure").
A fact is never read from a mention about something else: another cloud ("tons on AWS"), a colleague
("my boss codes"), a tool named as context.

The stated rules: ranges give their midpoint; "10ish" is 10; daily hours are times 7, weekday hours times
5; Azure use of two years or more is `extensive`, anything hands-on below that is `some`, none or other
clouds only is `none`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, List, Optional, Tuple

from components.answer_hours import read_study_hours
from components.answer_numbers import duration_years

MAX_CHARS = 2000

# Profile slots whose answers this module reads.
READABLE_SLOTS = ("current_role", "coding_comfort", "target_role", "azure_experience", "certifications_held",
                  "weekly_hours", "org_cloud_maturity")


@dataclass(frozen=True)
class Reading:
    """A value read for a slot, and what to tell the person about how it was read (if anything)."""

    value: Any
    note: Optional[str] = None


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


# ---------------------------------------------------------------- questions and generic replies
_QUESTION_START_RE = re.compile(
    r"^\W*(?:what|whats|what's|how|why|which|when|where|who|is|are|does|do|did|can|could|should|shall|will|"
    r"would|isn'?t|aren'?t|doesn'?t|don'?t|wouldn'?t|tell me|explain)\b", re.IGNORECASE)
_IDK_RE = _rx(r"idk", r"i\s*d\s*k", r"dunno", r"don'?t know", r"do not know", r"no idea", r"not sure", r"unsure",
              r"no clue", r"not certain", r"hard to say", r"can'?t say", r"who knows")
_NO_RE = _rx(r"no+", r"nope", r"nah+", r"naw", r"none", r"nothing", r"zero", r"zilch", r"nada", r"never", r"not yet",
             r"not really", r"not at all", r"negative", r"n/?a", r"0", r"nil", r"no+pe")
_YES_RE = _rx(r"yes", r"yeah", r"yep", r"yup", r"ya", r"sure", r"of course", r"definitely", r"absolutely")
_A_BIT_RE = _rx(r"a (?:little )?bit", r"a little", r"little", r"very little", r"not much", r"barely", r"slightly",
                r"somewhat", r"kinda", r"kind of", r"sort of", r"limited", r"minimal", r"a tad", r"bits and pieces",
                r"some", r"meh", r"basic(?:s|ally)?", r"so-so", r"so so")

# Other clouds: a clause about them says nothing about Azure.
_OTHER_CLOUD_RE = _rx(r"aws", r"amazon(?: web services)?", r"gcp", r"google cloud", r"google", r"oracle cloud",
                      r"oci", r"ibm cloud", r"alibaba", r"digital ?ocean", r"vercel", r"heroku", r"netlify", r"linode", r"cloudflare", r"other clouds?", r"on[- ]?prem(?:ise)?s?",
                      r"vmware", r"openstack")
_AZURE_RE = _rx(r"azure", r"az", r"microsoft cloud", r"entra", r"the portal")
# Someone else: "my boss", "my team", "my colleague".
_SOMEONE_ELSE_RE = re.compile(
    r"\b(?:my|our|his|her|their)\s+(?:boss|manager|team(?:mates?)?|colleagues?|coworkers?|co-workers?|husband|"
    r"wife|partner|friend|brother|sister|dad|mum|mom|lead|company|devs?|developers?)\b", re.IGNORECASE)

_CLAUSE_SPLIT_RE = re.compile(r"\.(?!\d)|[;!?\n]+|,|\bbut\b|\bwhereas\b|\bwhile\b|\bthough\b|\balthough\b|\band\b",
                              re.IGNORECASE)


def clauses(text: str) -> List[str]:
    """The message cut into clauses ("none on Azure", "tons on AWS")."""
    return [c.strip() for c in _CLAUSE_SPLIT_RE.split(text[:MAX_CHARS]) if c and c.strip()]


def looks_like_question(text: str) -> bool:
    """True when the message opens as a question ("is it open book?", "what about AZ-104?")."""
    return bool(_QUESTION_START_RE.search(text.strip()))


# ---------------------------------------------------------------- coding comfort
_CODING_HIGH_RE = _rx(
    r"high", r"highly", r"production code", r"very(?! little| few| basic| bad| poor| low| rarely| limited)(?: comfortable)?", r"extremely", r"super comfortable", r"expert", r"fluent", r"pro",
    r"professional(?:ly)?", r"advanced", r"(?:build|building|built|develop|developing|write|writing|ship|shipping)"
    r"\s+(?:\w+\s+){0,2}(?:apps?|applications?|software|services|apis?|web ?sites?|backends?|frontends?|products?|"
    r"microservices|systems)", r"software (?:engineer|developer|dev)", r"full[- ]?stack", r"back[- ]?end dev\w*",
    r"front[- ]?end dev\w*", r"i(?:'m| am) a (?:dev|developer|programmer|coder)", r"code (?:all day|daily|every ?day)",
    r"(?:coding|programming|code) is (?:literally )?my job", r"10/10", r"9/10", r"8/10", r"(?:very|really|pretty|quite) (?:good|strong|confident)",
    r"confident", r"c#", r"\.net", r"dotnet", r"java(?!script)", r"javascript", r"typescript", r"golang", r"go lang",
    r"rust", r"c\+\+", r"kotlin", r"swift", r"react", r"angular", r"node(?:\.?js)?", r"django", r"spring", r"php",
    r"ruby", r"years of (?:coding|programming|development)")
_CODING_MEDIUM_RE = _rx(
    r"scripts?", r"scripting", r"powershell", r"posh", r"bash", r"shell", r"automation", r"automate\w*", r"sql",
    r"t-?sql", r"tsql", r"pl/?sql", r"queries", r"query", r"kql", r"terraform", r"bicep", r"arm templates?",
    r"ansible", r"yaml", r"pipelines?", r"python", r"medium", r"moderate(?:ly)?", r"intermediate", r"decent(?:ly)?",
    r"okay", r"ok", r"ok-?ish", r"fair(?:ly)?(?: comfortable)?", r"reasonabl[ey](?: comfortable)?", r"comfortable",
    r"average", r"alright", r"not bad", r"mid", r"some(?: coding| programming| code)?", r"5/10", r"6/10", r"7/10", r"vba", r"macros", r"dax", r"m code",
    r"power ?query", r"notebooks?", r"pyspark", r"spark")
_CODING_LOW_RE = _rx(
    r"low", r"beginner", r"novice", r"basic(?:s)?", r"a (?:little )?bit", r"a little", r"little", r"meh", r"not really",
    r"not much", r"not at all", r"not (?:very|that|too|so) (?:comfortable|good)", r"barely", r"rarely", r"never",
    r"hardly", r"not comfortable", r"no+", r"nope", r"nah", r"none", r"zero", r"can'?t code", r"don'?t code", r"do not code",
    r"(?:copy|copy-?paste|tweak|tweaking|edit|editing|run|running|read|reading)\w*\s+(?:\w+\s+)?(?:scripts?|code)",
    r"learning", r"just starting", r"hello world", r"1/10", r"2/10", r"3/10", r"4/10", r"not a (?:coder|dev\w*|programmer)",
    r"no coding", r"no code", r"low[- ]code", r"no[- ]code", r"uncomfortable", r"terrible", r"bad", r"poor", r"weak",
    r"idk", r"dunno", r"don'?t know", r"no idea", r"not sure")
_CODING_DOWNGRADE_RE = re.compile(
    r"\b(?:basic|beginner|a (?:little )?bit of|a little|learning|some basic|just started|starting to learn|copy[- ]?paste|"
    r"trying to learn|read|reading|run|running|copy|tweak|tweaking|modify|modifying|edit|editing)\s+(?:\w+\s+)?$",
    re.IGNORECASE)
_LEADING_LOW_RE = re.compile(r"^\W*(?:rarely|barely|hardly|not really|not much|never really|nope|nah|no+|not at all)\b",
                             re.IGNORECASE)
_NEGATED_BEFORE_RE = re.compile(r"(?:\bnot|\bnever|\bno|n't|\bnor|\bwithout)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
# Outside the coding question only an explicit statement about code counts ("I'm a developer" is a role).
_CODING_CUE_RE = _rx(r"code", r"coding", r"coder", r"program(?:ming|s)?", r"scripts?", r"scripting")


def _levels_in(pattern: re.Pattern[str], text: str) -> List[Tuple[int, bool, bool]]:
    """(start, negated, downgraded) for each match of `pattern`."""
    found = []
    for match in pattern.finditer(text):
        before = text[max(0, match.start() - 40):match.start()]
        found.append((match.start(), bool(_NEGATED_BEFORE_RE.search(before)), bool(_CODING_DOWNGRADE_RE.search(before))))
    return found


def read_coding_comfort(text: str, asked: bool) -> Optional[Reading]:
    """low / medium / high from "a bit", "T-SQL and some PowerShell", "I build apps", "nope", "idk"."""
    if not asked and not _CODING_CUE_RE.search(text):
        return None
    considered = " ".join(c for c in clauses(text) if not _SOMEONE_ELSE_RE.search(c))
    high = [m for m in _levels_in(_CODING_HIGH_RE, considered) if not m[1]]
    if any(not downgraded for _, _, downgraded in high):
        return Reading("high")
    medium = [m for m in _levels_in(_CODING_MEDIUM_RE, considered) if not m[1]]
    if _LEADING_LOW_RE.search(considered) and not re.search(r"\bi (?:write|wrote|build|develop)\b", considered, re.I):
        return Reading("low")  # "rarely, i run scripts other ppl wrote. powershell a little": the answer comes first
    if any(not downgraded for _, _, downgraded in medium):
        # "not really, only basic powershell" reads low; "a bit, mostly PowerShell scripts" reads medium.
        return Reading("medium")
    if high or medium or _CODING_LOW_RE.search(considered):
        return Reading("low")
    if asked and (_NO_RE.search(considered) or _IDK_RE.search(considered)):
        return Reading("low")
    return None


# ---------------------------------------------------------------- Azure experience
_AZ_NONE_RE = _rx(r"none", r"no+", r"nope", r"nah", r"zero", r"nothing", r"nada", r"zilch", r"nil", r"never", r"not yet", r"not really",
                  r"not at all", r"n/?a", r"0", r"haven'?t (?:\w+ ){0,2}(?:used|touched|tried)\w*",
                  r"never (?:\w+ ){0,2}(?:used|touched|tried)\w*", r"not (?:\w+ ){0,2}(?:used|touched)\w*",
                  r"only (?:read|heard|watched)\w*", r"complete(?:ly)? new", r"brand new", r"total(?:ly)? new",
                  r"new to (?:it|azure|the cloud|cloud)", r"no experience", r"no hands[- ]on")
_AZ_EXTENSIVE_RE = _rx(r"a lot", r"lots", r"loads", r"tons", r"tonnes", r"heaps", r"plenty", r"extensive(?:ly)?",
                       r"heavy", r"heavily", r"daily", r"every ?day", r"all day", r"day[- ]to[- ]day", r"expert",
                       r"very experienced", r"deep", r"senior", r"in production", r"production", r"professionally",
                       r"it'?s my (?:job|day job)", r"(?:my|our) whole (?:job|stack)", r"a great deal",
                       r"quite a lot", r"a good amount", r"a fair amount", r"strong", r"advanced", r"many years",
                       r"years and years", r"years of (?:it|azure|experience|use)", r"for ages", r"ages", r"several years", r"a few years", r"few years",
                       r"couple (?:of )?years", r"a decade", r"decade", r"high", r"10/10", r"9/10", r"8/10")
_AZ_SOME_RE = _rx(r"some", r"a (?:little )?bit", r"a little", r"little", r"very little", r"not much", r"limited",
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
        if _SOMEONE_ELSE_RE.search(clause):
            continue
        if _OTHER_CLOUD_RE.search(clause) and not _AZURE_RE.search(clause):
            other_only = True
            continue
        kept.append(clause)
    return kept, other_only


def _duration_start(clause: str) -> int:
    match = re.search(r"\d|\b(?:a|one|two|three|four|five|couple|few|several)\b", clause, re.I)
    return match.start() if match else 0


def read_azure_experience(text: str, asked: bool, today: Optional[date] = None) -> Optional[Reading]:
    """none / some / extensive from "very little", "a couple of years", "none on Azure, tons on AWS"."""
    if not asked and not _AZURE_RE.search(text):
        return None
    kept, other_only = _azure_clauses(text)
    if not asked:
        kept = [c for c in kept if _AZURE_RE.search(c)]
    if other_only and not _AZURE_RE.search(text):
        # "only AWS, 5 years": every duration is about the other cloud
        return Reading("none", "Experience with other clouds helps, but I'm counting your Azure experience as none.")
    for clause in kept:
        years = duration_years(clause, today or date.today())
        if years is not None and re.search(r"\b(?:almost|nearly|under|less than|not quite|just under|close to)\s+$",
                                           clause[:_duration_start(clause)], re.I):
            years = min(years, 1.9)
        if years is not None and not _NEGATED_BEFORE_RE.search(clause[:6] + " "):
            if years >= 2:
                return Reading("extensive")
            return Reading("some") if years > 0 else Reading("none")
    joined = " , ".join(kept)
    if not joined.strip():
        if other_only:
            return Reading("none", "Experience with other clouds helps, but I'm counting your Azure experience as "
                                   "none.")
        return None
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


# ---------------------------------------------------------------- organisation's cloud maturity
_EARLY_RE = _rx(r"early", r"starting", r"just start\w*", r"beginning", r"begun", r"new to (?:it|the cloud|cloud)",
                r"migrating", r"moving", r"pilot\w*", r"poc", r"proof of concept", r"on[- ]?prem\w*", r"mostly on[- ]prem",
                r"not really", r"not much", r"barely", r"a few workloads", r"some workloads", r"first steps?",
                r"exploring", r"evaluating", r"planning", r"behind", r"slow", r"hybrid", r"not far", r"nowhere",
                r"nope", r"no+", r"none", r"zero", r"low", r"immature", r"infancy", r"dipping")
_MATURE_RE = _rx(r"mature", r"all in", r"all-in", r"fully", r"cloud[- ]first", r"cloud[- ]native", r"most(?:ly)?",
                 r"everything", r"all of it", r"all our", r"far along", r"advanced", r"well established", r"established",
                 r"taken root", r"years", r"completely", r"entirely", r"100%", r"a long way", r"very far", r"high",
                 r"done migrating", r"finished migrating", r"migrated", r"long time", r"deep")


def read_org_cloud_maturity(text: str, asked: bool) -> Optional[Reading]:
    """early / mature from "we're just starting", "mostly on-prem", "all in on Azure"."""
    if not asked and not re.search(r"\b(?:organi[sz]ation|company|employer|we|our|firm|business)\b", text, re.I):
        return None
    early, mature = _EARLY_RE.search(text), _MATURE_RE.search(text)
    if mature and not _NEGATED_BEFORE_RE.search(text[:mature.start()]) and (not early or mature.start() < early.start()
                                                                             or early.group(0).lower() == "mostly"):
        return Reading("mature")
    if early or (mature and _NEGATED_BEFORE_RE.search(text[:mature.start()])):
        return Reading("early")
    if asked and _IDK_RE.search(text):
        return Reading("early", "I'll assume your organisation is early in its cloud adoption.")
    return None


# ---------------------------------------------------------------- goals beyond job titles
_UNDECIDED_RE = _rx(r"idk", r"dunno", r"don'?t know(?: yet)?", r"no idea", r"not sure(?: yet)?", r"unsure",
                    r"undecided", r"no clue", r"not decided", r"haven'?t decided", r"you (?:choose|decide|pick|tell me)",
                    r"up to you", r"your call", r"whatever you (?:think|recommend|suggest|say)", r"no preference",
                    r"open to (?:anything|suggestions|ideas)", r"anything(?: really)?", r"don'?t mind", r"surprise me",
                    r"what do (?:people|most people|others) (?:usually |normally |typically )?do", r"no plans?",
                    r"recommend (?:something|one|me something)", r"what(?:ever)? (?:makes sense|is best|pays)",
                    r"help me (?:decide|choose)", r"still figuring(?: it)? out", r"figuring it out", r"exploring",
                    r"keeping my options open", r"not decided yet", r"no goal")
_STAY_RE = _rx(r"stay(?:ing)?(?: in| as| a| an| where)?", r"same(?: role| job| thing| as now| position)?",
               r"keep (?:doing|my job|my role)\w*", r"(?:my )?current (?:role|job|position)", r"where i am",
               r"no change", r"not (?:changing|moving)", r"get better at (?:what i do|my job|my role)",
               r"better at my (?:job|role)", r"deepen\w*", r"level up in my (?:job|role)", r"remain\w*",
               r"happy (?:where i am|in my (?:role|job))", r"grow in my (?:role|job)")
_FUNDAMENTALS_ONLY_RE = _rx(
    r"just (?:want to |to |need to )?(?:understand|learn|know|get)\s+(?:\w+\s+){0,2}(?:cloud|azure|basics|"
    r"overview|idea|concepts?)", r"(?:an |the |a high[- ]level |high[- ]level |general |basic )?overview",
    r"the basics", r"basic understanding", r"big picture", r"high[- ]level", r"(?:one|a|just a|a single|single) "
    r"(?:\w+ )?(?:cert|certificate|certification|badge)(?: \w+){0,3} (?:for|on) (?:my |the )?(?:cv|resume|résumé|"
    r"linkedin|profile)", r"something (?:for|on) my (?:cv|resume|linkedin)", r"(?:for|on) my (?:cv|resume|linkedin)",
    r"just (?:a|one) (?:\w+ )?(?:cert|certificate|certification)", r"talk (?:to|with) (?:the )?(?:engineers|techies|"
    r"tech team|developers|it)", r"understand what my team (?:does|is doing)", r"conversant", r"literate",
    r"not (?:going|trying) to be(?:come)? (?:an? )?(?:engineer|techie|technical)", r"just (?:the )?fundamentals", r"only (?:the )?fundamentals", r"fundamentals only",
    r"only fundamentals", r"fundamentals only", r"entry[- ]level cert\w*")
_FUNDAMENTALS_TOPICS: Tuple[Tuple[re.Pattern[str], str], ...] = (
    (_rx(r"ai", r"a\.i\.?", r"artificial intelligence", r"machine learning", r"ml", r"copilot", r"gen ?ai", r"llms?"),
     "ai_engineer"),
    (_rx(r"data", r"analytics", r"power bi", r"sql", r"databases?"), "data_engineer"),
    (_rx(r"security", r"cyber\w*", r"identity", r"compliance"), "security_engineer"),
)
_HURRY_RE = _rx(r"just tell me", r"just give me", r"just say", r"which (?:exam|cert\w*) (?:should i|do i)",
                r"quick(?:ly| answer| version| one)?", r"short(?: version| answer)", r"tl;?dr", r"in a (?:hurry|rush)",
                r"no time", r"skip the (?:questions|quiz|chat)", r"asap", r"cut to the chase", r"straight answer",
                r"bottom line", r"don'?t have (?:much )?time", r"too many questions", r"stop asking")


@dataclass(frozen=True)
class GoalAnswer:
    """A goal that is not a job title: undecided, stay in the current role, or fundamentals only (and its topic)."""

    undecided: bool = False
    stay: bool = False
    fundamentals_only: bool = False
    topic_role: Optional[str] = None


def read_goal(text: str, asked: bool) -> Optional[GoalAnswer]:
    """"you choose", "stay a DBA but in Azure", "I just need the overview", "one AI cert for my CV"."""
    text = text[:MAX_CHARS]
    fundamentals = bool(_FUNDAMENTALS_ONLY_RE.search(text))
    topic = next((role for regex, role in _FUNDAMENTALS_TOPICS if regex.search(text)), None) if fundamentals else None
    stay = bool(_STAY_RE.search(text)) and (asked or bool(re.search(r"\b(?:goal|want|plan)\b", text, re.I)))
    undecided = asked and bool(_UNDECIDED_RE.search(text)) and not stay and not fundamentals
    if not (fundamentals or stay or undecided):
        return None
    return GoalAnswer(undecided=undecided, stay=stay, fundamentals_only=fundamentals, topic_role=topic)


_ADVICE_RE = _rx(
    r"(?:which|what) (?:\w+ ){0,2}(?:exams?|certs?|certifications?|certificates?|path) (?:\w+ ){0,2}(?:should|to|do|would|"
    r"can|must|is best|for me)", r"(?:choose|pick|decide on|plan|planning|map out) (?:an? |my |the |some )?(?:\w+ )?"
    r"(?:exams?|certs?|certifications?|path)", r"where (?:do|should|can) i (?:start|begin)", r"certification advisor",
    r"recommend (?:me )?(?:an? |some )?(?:exams?|certs?|certifications?|path)", r"what should i (?:take|study|do) next",
    r"(?:help|advice) (?:me )?(?:with|on|choosing|picking) (?:an? |my )?(?:exams?|certs?|certifications?)",
    r"interested in (?:\w+ ){0,2}(?:certs?|certifications?|certificates?|exams?)",
    r"(?:want|looking|hoping|planning|thinking about|thinking of) (?:to )?(?:get|getting|become|becoming) "
    r"(?:\w+ )?certified")


def asks_for_advice(text: str) -> bool:
    """"help me choose an exam", "which cert should I book?": a request for a path, before any profile."""
    return bool(_ADVICE_RE.search(text[:MAX_CHARS])) and not re.search(
        r"(?<![A-Za-z0-9])(?:AZ|AI|DP|SC|MS|PL|AB|GH)[\s-]?\d{3}", text, re.IGNORECASE)


def in_a_hurry(text: str) -> bool:
    """"just tell me which exam", "quick answer please": ask only what decides the first exam."""
    return bool(_HURRY_RE.search(text[:MAX_CHARS]))


# ---------------------------------------------------------------- one entry point
def read_answer(slot: str, text: str, asked: bool, today: Optional[date] = None) -> Optional[Reading]:
    """The value `text` gives for `slot` (categorical slots and hours; roles and codes are read elsewhere)."""
    text = (text or "")[:MAX_CHARS]
    if not text.strip() or text.startswith("/"):
        return None
    if slot == "coding_comfort":
        return read_coding_comfort(text, asked)
    if slot == "azure_experience":
        return read_azure_experience(text, asked, today)
    if slot == "org_cloud_maturity":
        return read_org_cloud_maturity(text, asked)
    if slot == "weekly_hours":
        hours = read_study_hours(text, asked)
        return Reading(hours) if hours is not None else None
    return None


def answers_question(slot: str, text: str, known_codes: Tuple[str, ...] = ()) -> bool:
    """True when `text` reads as an answer to the question about `slot` (used to keep the form going)."""
    from components.answer_certifications import read_certifications

    text = (text or "")[:MAX_CHARS]
    if not text.strip() or text.startswith("/"):
        return False
    if looks_like_question(text) and not re.match(r"^\W*(?:is|are)\s+\d", text, re.I):
        return False
    if slot == "certifications_held":
        return read_certifications(text, True, known_codes) is not None
    if slot == "target_role":
        return read_goal(text, True) is not None
    return read_answer(slot, text, True) is not None
