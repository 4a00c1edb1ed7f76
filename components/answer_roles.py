"""Job roles in an answer to the role or goal question that the NLU's lexicon misses: typos and clippings
("sys admn", "data enginer", "cybersec", "cloud archtect", "netwrk engineer"), jobs outside IT ("nurse",
"I work in marketing", "retired plumber": `other`), and roles that are someone else's ("my wife is a DBA, I do
helpdesk": the helpdesk).

Plain Python (no Rasa, no spaCy), used by `actions/profile_reading.py` only while the form asks that slot, so a
loose match never fills a role from a message about something else. Words are first mapped to a small
vocabulary (exact clippings, then one or two edits away for longer words), then the rules below name the role,
the most specific first; values follow `domain.yml` (DevSecOps is `devops_engineer`, as in the lexicon).
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

# Clippings and abbreviations, word for word.
_CLIPPINGS: Dict[str, str] = {
    "sysadm": "sysadmin", "sysadmn": "sysadmin", "sysad": "sysadmin", "sysadmins": "sysadmin", "sysop": "sysadmin",
    "sysops": "sysadmin", "admn": "admin", "adm": "admin", "admins": "admin", "administrator": "admin",
    "eng": "engineer", "engr": "engineer", "engg": "engineer", "engi": "engineer", "engs": "engineer",
    "dev": "developer", "devs": "developer", "programmer": "developer", "coder": "developer", "swe": "developer",
    "arch": "architect", "architecture": "architect",
    "net": "network", "netwk": "network", "ntwk": "network", "networking": "network", "netops": "network",
    "netsec": "security", "sec": "security", "cybersec": "security", "cyber": "security", "infosec": "security",
    "secops": "security", "cybersecurity": "security", "itsec": "security",
    "db": "database", "dbs": "database", "databases": "database", "dbas": "dba",
    "analyist": "analyst", "analist": "analyst", "anlyst": "analyst",
    "desk": "helpdesk", "servicedesk": "helpdesk", "helpdesk": "helpdesk", "deskside": "helpdesk",
    "mgr": "manager", "mngr": "manager", "mangr": "manager", "pm": "manager", "dta": "data", "daat": "data",
    "dat": "data", "stud": "student", "uni": "student", "undergrad": "student",
    "devsecops": "devops", "sre": "devops", "ml": "ai", "mlops": "ai", "infra": "infrastructure",
}
# Words a typo may be meant for: one edit away (two for words of ten letters or more).
_VOCABULARY = ("sysadmin", "admin", "administrator", "engineer", "developer", "programmer", "architect", "network",
               "security", "cybersecurity", "database", "analyst", "devops", "helpdesk", "support", "student",
               "manager", "infrastructure", "platform", "solutions", "software", "cloud", "data", "devsecops",
               "secops", "windows", "linux", "systems")
_KEEP = frozenset({"data", "cloud", "dba", "ai", "it", "bi", "sql", "ops"})

# (pattern over the normalised words, role), the most specific first: titles, then what the job does.
_TITLE_RULES: Tuple[Tuple[str, str], ...] = (
    (r"\b(?:ai|machine learning|ml)\s+(?:engineer|developer)\b|\bdata\s+scientists?\b", "ai_engineer"),
    (r"\bdata\s+(?:engineer|engineering|platform)\b", "data_engineer"),
    (r"\b(?:data|bi|business intelligence|reporting)\s+analyst\b", "data_analyst"),
    (r"\bdevops\b|\bplatform\s+engineer\b", "devops_engineer"),
    (r"\bsecurity\b", "security_engineer"),
    (r"\bnetwork\b", "network_engineer"),
    (r"\bdba\b|\bdatabase\s+(?:admin|engineer|developer)\b|\bsql\s+(?:admin|dba)\b", "database_administrator"),
    (r"\b(?:cloud|solutions?|enterprise|azure|it|infrastructure)?\s*architect\b", "architect"),
    (r"\bsoftware\s+engineer\b|\bdeveloper\b", "developer"),
    (r"\bsysadmin\b|\bsys\s+admin\b|\b(?:systems?|windows|linux|cloud|infrastructure|it)\s+(?:admin|engineer)\b|"
     r"\badmin\b", "administrator"),
    (r"\bhelpdesk\b|\b(?:it|desktop|tech|technical)\s+support\b|\bsupport\b", "support"),
    (r"\bstudent\b", "student"),
    (r"\bmanager\b", "manager"),
    (r"\b(?:infrastructure|ops|operations|server)\s+(?:team|guys|people|folks|staff|side|crew)\b", "administrator"),
)
_WORK_RULES: Tuple[Tuple[str, str], ...] = (
    # what the job does, when no title is named ("I'd like to run azure environments", "I build LLM apps"; never
    # what was done before: "i managed the servers")
    (r"\b(?:llm|genai|gen ai|ai|ml|machine learning|chatbots?|copilots?|agents?)\s+(?:apps?|applications?|models?|"
     r"solutions?|systems)\b|\btrain\w*\s+(?:\w+\s+){0,2}models?\b", "ai_engineer"),
    (r"\b(?:data pipelines?|etl|elt|data lakes?|lakehouses?|data warehouses?|ingest\w*)\b", "data_engineer"),
    (r"\b(?:analy[sz]\w*|report\w* on)\s+(?:\w+\s+){0,2}data\b|\bdashboards?\b|\bpower ?bi\b", "data_analyst"),
    (r"\b(?:ci/?cd|release pipelines?|deployment pipelines?|automat\w*\s+(?:\w+\s+)?(?:deploy\w*|releases?|"
     r"infrastructure))\b", "devops_engineer"),
    (r"\b(?:secur\w+|protect\w*|defend\w*)\s+(?:\w+\s+){0,2}(?:azure|cloud|systems|networks?|workloads?|data)\b|"
     r"\b(?:threats?|incidents?|soc|pentest\w*|hacking)\b", "security_engineer"),
    (r"\b(?:design\w*)\s+(?:\w+\s+){0,2}(?:solutions?|architectures?|systems|cloud|platforms?)\b", "architect"),
    (r"\b(?:build\w*|develop\w*|writ\w*|cod\w*)\s+(?:\w+\s+){0,2}(?:apps?|applications?|software|apis?|backends?|"
     r"web ?sites?|services|code)\b", "developer"),
    (r"\b(?:administer|administering|administrate|run|running|operate|operating|manage|managing|look after|maintain|"
     r"maintaining|support|supporting)\s+"
     r"(?:\w+\s+){0,2}(?:azure|cloud|environments?|infrastructure|servers?|tenants?|subscriptions?|systems|vms?)\b",
     "administrator"),
    (r"\b(?:study|studying)\b", "student"),
)
_COMPILED_TITLES = tuple((re.compile(pattern, re.IGNORECASE), role) for pattern, role in _TITLE_RULES)
_COMPILED = _COMPILED_TITLES + tuple((re.compile(pattern, re.IGNORECASE), role) for pattern, role in _WORK_RULES)

# Work outside IT: the current role is `other` (the contract has no finer value for it).
_NON_IT_RE = re.compile(
    r"\b(?:marketing|marketer|sales(?:man|woman|person)?|(?:sales|account) (?:rep|representative|executive)|"
    r"retail|cashier|nurse|nursing|doctor|physician|pharmacist|pharmacy|dentist|paramedic|carer|caregiver|accountant|"
    r"accounting|bookkeeper|finance|banking|teacher|teaching|lecturer|tutor|professor|plumber|electrician|"
    r"carpenter|mechanic|builder|construction|chef|cook|waiter|waitress|barista|bartender|hospitality|driver|"
    r"trucker|logistics|warehouse|lawyer|solicitor|paralegal|hr|human resources|recruiter|recruitment|"
    r"journalist|writer|designer|artist|musician|photographer|architecture firm|farmer|soldier|police|firefighter|"
    r"pilot|retired|pensioner|stay[- ]at[- ]home|homemaker|unemployed|between jobs|career change\w*|"
    r"customer service|call cent(?:er|re)|receptionist|admin assistant|office assistant|secretary|"
    r"real estate|insurance|consultant|entrepreneur|business owner|shop owner)s?\b",
    re.IGNORECASE)

# "my boss is an architect", "my wife is a DBA", "my manager has AZ-305": that clause is about someone else.
_SOMEONE_ELSE_RE = re.compile(
    r"\b(?:my|our|his|her|their)\s+(?:\w+\s+)?(?:boss|manager|lead|team ?lead|colleagues?|coworkers?|co-workers?|"
    r"husband|wife|partner|girlfriend|boyfriend|friends?|brother|sister|dad|father|mum|mom|mother|son|daughter|"
    r"cousin|uncle|aunt|mentor|teammates?|team|cto|ceo|director)\b", re.IGNORECASE)
_CLAUSE_RE = re.compile(r"[,;.!?\n]+|\bbut\b|\bwhereas\b|\bwhile\b|\bthough\b|\band\b(?=\s+(?:i|i'm|im|me)\b)",
                        re.IGNORECASE)


def someone_elses_spans(text: str) -> List[Tuple[int, int]]:
    """(start, end) of each clause about another person ("my boss is an architect")."""
    spans, start = [], 0
    for cut in list(_CLAUSE_RE.finditer(text)) + [None]:
        end = cut.start() if cut else len(text)
        if _SOMEONE_ELSE_RE.search(text[start:end]):
            spans.append((start, end))
        start = cut.end() if cut else len(text)
    return spans


def _edits(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of two letters is one edit), stopping above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: List[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return previous[-1]


def _normal_word(word: str) -> str:
    if word in _CLIPPINGS:
        return _CLIPPINGS[word]
    if len(word) < 5 or word in _KEEP or word.endswith(("ed", "ing")):
        return word  # "managed", "developing" are activities, not a typed title
    limit = 2 if len(word) >= 10 else 1
    best = min(_VOCABULARY, key=lambda known: _edits(word, known, limit))
    if _edits(word, best, limit) <= limit:
        return _CLIPPINGS.get(best, best)
    return word


def normalise(text: str) -> str:
    """The words mapped to the role vocabulary: "sys admn" → "sysadmin", "netwrk engineer" → "network engineer"."""
    text = re.sub(r"\bdev[\s-]*(?:sec[\s-]*)?ops\b", "devops", text.lower())
    words = [_normal_word(w) for w in re.findall(r"[a-z]+", text)]
    joined = " ".join(words)
    return re.sub(r"\bsys(?:tem|tems)?\s+admin\b", "sysadmin", joined)


def _without(text: str, spans: List[Tuple[int, int]]) -> str:
    kept, start = [], 0
    for a, b in spans:
        kept.append(text[start:a])
        start = b
    kept.append(text[start:])
    return " , ".join(kept)


def read_role(text: str, current: bool) -> Optional[str]:
    """The role an answer names, typos and clippings included, leaving out clauses about someone else;
    `other` for a job outside IT when `current` (the goal question has no such value)."""
    own = _without(text[:2000], someone_elses_spans(text[:2000]))
    words = normalise(own)
    for pattern, role in _COMPILED:
        if pattern.search(words):
            return role
    if current and _NON_IT_RE.search(own):
        return "other"
    return None


_OTHERS_SPLIT_RE = re.compile(r"\bvs\.?|\bversus\b|\band\b|\bor\b|[,;/&+]|\bthen\b", re.IGNORECASE)


def roles_named(text: str) -> List[str]:
    """Every role named, in order, others' included ("my helpdesk guys vs my infra guys": support,
    administrator): each part between "vs", "and", commas… read on its own."""
    found: List[str] = []
    for part in _OTHERS_SPLIT_RE.split(text[:2000]):
        words = normalise(part)
        role = next((r for pattern, r in _COMPILED_TITLES if pattern.search(words)), None)
        if role and role not in found:
            found.append(role)
    return found
