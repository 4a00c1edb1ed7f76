"""How comfortable the person is writing code: low, medium or high, from "a bit", "T-SQL and some PowerShell",
"I build apps", "only excel formulas", "sql yes very good, python only a little bit".

Plain Python, used by `components/answer_reader.py`.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from components.answer_text import IDK_RE, NEGATED_BEFORE_RE, NO_RE, SOMEONE_ELSE_RE, Reading, clauses, rx

_CODING_HIGH_RE = rx(
    r"high", r"highly", r"production code", r"very(?! little| few| basic| bad| poor| low| rarely| limited)(?: comfortable)?", r"extremely", r"super comfortable", r"expert", r"fluent", r"pro",
    r"professional(?:ly)?", r"advanced", r"(?:build|building|built|develop|developing|write|writing|ship|shipping)"
    r"\s+(?:\w+\s+){0,2}(?:apps?|applications?|software|services|apis?|web ?sites?|backends?|frontends?|products?|"
    r"microservices|systems)", r"software (?:engineer|developer|dev)", r"full[- ]?stack", r"back[- ]?end dev\w*",
    r"front[- ]?end dev\w*", r"i(?:'m| am) a (?:dev|developer|programmer|coder)", r"code (?:all day|daily|every ?day)",
    r"(?:coding|programming|code) is (?:literally )?my job", r"10/10", r"9/10", r"8/10", r"(?:very|really|pretty|quite) (?:good|strong|confident)",
    r"confident", r"c#", r"\.net", r"dotnet", r"java(?!script)", r"javascript", r"typescript", r"golang", r"go lang",
    r"rust", r"c\+\+", r"kotlin", r"swift", r"react", r"angular", r"node(?:\.?js)?", r"django", r"spring", r"php",
    r"ruby", r"years of (?:coding|programming|development)")
_CODING_MEDIUM_RE = rx(
    r"scripts?", r"scripting", r"powershell", r"posh", r"bash", r"shell", r"automation", r"automate\w*", r"sql",
    r"t-?sql", r"tsql", r"pl/?sql", r"queries", r"query", r"kql", r"terraform", r"bicep", r"arm templates?",
    r"ansible", r"yaml", r"pipelines?", r"python", r"medium", r"moderate(?:ly)?", r"intermediate", r"decent(?:ly)?",
    r"okay", r"ok", r"ok-?ish", r"fair(?:ly)?(?: comfortable)?", r"reasonabl[ey](?: comfortable)?", r"comfortable",
    r"average", r"alright", r"not bad", r"mid", r"some(?: coding| programming| code)?", r"5/10", r"6/10", r"7/10", r"vba", r"macros", r"dax", r"m code",
    r"power ?query", r"notebooks?", r"pyspark", r"spark")
_CODING_LOW_RE = rx(
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
# Outside the coding question only an explicit statement about code counts ("I'm a developer" is a role).
_CODING_CUE_RE = rx(r"code", r"coding", r"coder", r"program(?:ming|s)?", r"scripts?", r"scripting")


# "python only a little bit", "macros at most", "SQL, rusty": the level named before it does not hold.
_DOWNGRADE_AFTER_RE = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:only |just |maybe )?(?:a (?:little|tiny|lil|wee) bit|a little|a lil|a tad|"
    r"not (?:so |that |very |too )?(?:much|good|great|well)|not really|barely|hardly|at most|at best|(?:the )?basics?|"
    r"beginner|weak|rusty|meh|so-?so)\b", re.IGNORECASE)
# "python heavy, all day": writing code is most of the day.
_INTENSE_RE = rx(r"heavy", r"heavily", r"all day(?: long)?", r"every ?day", r"day in,? day out", r"i live in",
                 r"(?:most|all) of my (?:day|days|time|job)", r"daily", r"full[- ]time")
# Languages for programs, not scripts or queries: "python all day" is high, "PowerShell/SQL all day" stays medium.
_PROGRAMMING_RE = rx(r"python", r"pyspark", r"spark", r"scala", r"notebooks?", r"programming", r"coding", r"code")
# "free python course on codecademy, so beginner": learning to code is low, whatever the language.
_BEGINNER_RE = rx(r"beginner", r"novice", r"noob", r"newbie", r"just start(?:ed|ing)(?: out)?", r"courses?",
                  r"tutorials?", r"bootcamp", r"codecademy", r"udemy", r"hello world", r"learning to code")
# "took a course, now I build apps at work": the course is past, the work decides.
_DOES_CODE_RE = rx(r"i (?:\w+ )?(?:write|build|develop|ship|maintain|teach)\w*", r"at work", r"for (?:a living|work)",
                   r"professional(?:ly)?", r"in production", r"years")
# Code that is not programming, or plainly not their thing: low.
_NOT_CODE_RE = rx(r"excel(?: formulas?)?", r"spreadsheets?", r"formulas?",
                  r"not (?:really |exactly )?my (?:thing|cup of tea|strong suit|forte|strength|area)",
                  r"paste[sd]?", r"pasting", r"stack ?overflow", r"chat ?gpt")


def _levels_in(pattern: re.Pattern[str], parts: List[str]) -> List[Tuple[bool, bool]]:
    """(negated, downgraded) for each match of `pattern` in the clauses `parts`."""
    found = []
    for part in parts:
        for match in pattern.finditer(part):
            before = part[max(0, match.start() - 40):match.start()]
            after = part[match.end():match.end() + 30]
            found.append((bool(NEGATED_BEFORE_RE.search(before)),
                          bool(_CODING_DOWNGRADE_RE.search(before) or _DOWNGRADE_AFTER_RE.search(after))))
    return found


def read_coding_comfort(text: str, asked: bool) -> Optional[Reading]:
    """low / medium / high from "a bit", "T-SQL and some PowerShell", "I build apps", "nope", "idk"; a strong and
    a weak language together ("sql very good, python only a little") are medium."""
    if not asked and not _CODING_CUE_RE.search(text):
        return None
    parts = [c for c in clauses(text) if not SOMEONE_ELSE_RE.search(c)]
    considered = " ".join(parts)
    high = [m for m in _levels_in(_CODING_HIGH_RE, parts) if not m[0]]
    medium = [m for m in _levels_in(_CODING_MEDIUM_RE, parts) if not m[0]]
    intense = any(_INTENSE_RE.search(part) and _PROGRAMMING_RE.search(part) for part in parts)
    if _BEGINNER_RE.search(considered) and not intense and not _DOES_CODE_RE.search(considered):
        return Reading("low")
    weak = any(downgraded for _, downgraded in high + medium)
    if any(not downgraded for _, downgraded in high):
        return Reading("medium" if weak else "high")
    if intense:
        return Reading("high")  # "python heavy, all day"
    if _LEADING_LOW_RE.search(considered) and not re.search(r"\bi (?:write|wrote|build|develop)\b", considered, re.I):
        return Reading("low")  # "rarely, i run scripts other ppl wrote. powershell a little": the answer comes first
    if any(not downgraded for _, downgraded in medium):
        # "not really, only basic powershell" reads low; "a bit, mostly PowerShell scripts" reads medium.
        return Reading("medium")
    if high or medium or _CODING_LOW_RE.search(considered) or _NOT_CODE_RE.search(considered):
        return Reading("low")
    if asked and (NO_RE.search(considered) or IDK_RE.search(considered)):
        return Reading("low")
    return None
