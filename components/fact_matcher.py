"""Profile facts from free text, with spaCy matchers over curated lexicons: the matching.

Plain Python (no Rasa import): one `PhraseMatcher` (on lemmas) and one `Matcher` per entity type, built from
the `Lexicon` (`components/fact_lexicon.py`: the lexicon files, the exam names, the blank English pipeline with
the lookup lemmatizer), typo-tolerant single words, regular expressions for exam codes, and the cues around a
mention that say whose fact it is (today's job, the goal, a held exam). Study hours and bare numbers are read
by `components/answer_numbers.py`; facts are then read together by `components/fact_context.py`. The Rasa
component in `components/profile_fact_extractor.py` builds a `FactMatcher` at training time, persists it in
the model and calls `extract` for every message.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Tuple

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from components.answer_numbers import number_mentions, weekly_hours_mentions
from components.fact_context import (
    ROLE_CURRENT,
    ROLE_HELD,
    ROLE_TARGET,
    drop_idle_amounts,
    relate_roles,
    resolve_coding,
)
from components.fact_lexicon import LEXICON_ENTITIES, Lexicon, blank_pipeline, load_lexicon
from knowledge.loader import KNOWLEDGE_DIR

EXTRACTOR_NAME = "ProfileFactExtractor"
EXAM_CODE_PREFIXES = ("AZ", "AI", "DP", "SC", "MS", "PL", "MB", "AB", "GH")

_EXAM_CODE_RE = re.compile(
    r"(?<![A-Za-z0-9])(" + "|".join(EXAM_CODE_PREFIXES) + r")[\s\-_–]?(\d{3})(?![0-9])",
    re.IGNORECASE,
)
_CLAUSE_BREAK_RE = re.compile(
    r"[.!?;\n]|\bbut\b|\bhowever\b|\bwhile\b|\bwhereas\b"
    r"|,\s*(?=(?:and\s+|so\s+)?(?:i|i'm|im|i've|ive|my|we|we're|currently|right now|today|now|at the moment)\b)"
    r"|\band\s+(?=(?:i|i'm|im|i've|ive|my|we)\b)",
    re.IGNORECASE,
)
# "I'm not going to be the architect": up to four words between the denial and the role, none that turns it
# round ("no idea, maybe architect", "not a dev, more an architect").
_NEGATION_RE = re.compile(r"(?:\bnot|\bno longer|\bnever|\bnor|n't|\bno)\s+"
                          r"(?:(?!(?:maybe|probably|rather|more|instead|perhaps|likely|but)\b)\w+\s+){0,4}$",
                          re.IGNORECASE)
# "my manager wants me to…" talks about someone else's job.
# ("my goal devops" is a goal, not someone else's job.)
_POSSESSIVE_RE = re.compile(
    r"\b(?:my|our|his|her|their|your)\s+(?!(?:goal|goals|target|aim|plan|dream|ambition|next)\b)(?:\w+\s+)?$",
    re.IGNORECASE,
)
# "I took AZ-104 but failed", "AZ-104 in progress": not held.
_NOT_HELD_SUFFIX_RE = re.compile(
    r"\b(?:failed|fail|failing|in progress|not yet|scheduled|booked|studying|retake|retaking)\b", re.IGNORECASE
)
_SUFFIX_END_RE = re.compile(
    r"[.;!?,]|\band\b|\bor\b|(?<![A-Za-z0-9])(?:" + "|".join(EXAM_CODE_PREFIXES) + r")[\s\-_]?\d{3}", re.IGNORECASE
)
_HELD_SUFFIX_RE = re.compile(
    r"^\s*(?:is\s+|was\s+)?(?:done|passed|complete|completed|certified|achieved|✅|✔)", re.IGNORECASE
)
# "senior sysadmin", "lead dev": a seniority word before a role noun describes the person today.
_SENIORITY_RE = re.compile(
    r"\b(?:senior|snr|sr|junior|jnr|jr|lead|principal|staff|mid[\s-]?level|entry[\s-]?level|chief|head|"
    r"professional|experienced|seasoned|qualified|freelance|contract|full[\s-]?time)\.?\s+$",
    re.IGNORECASE,
)
# "10 years as a DBA", "5 yrs as sysadmin"
_YEARS_AS_RE = re.compile(r"\b(?:\d+|a few|several|many)\+?\s*(?:years?|yrs?)\s+(?:as|of being)\s+(?:an?\s+)?$",
                          re.IGNORECASE)
# "DBA here", "sysadmin by trade", "dev at a bank", "SRE @ fintech", "sysadmin for 6 years"
_CURRENT_SUFFIX_RE = re.compile(
    r"^\s*(?:here\b|by trade\b|by profession\b|@|at\s+(?:an?|the|my|our)\s|for\s+(?:\d+|a few|several|many|over)\b"
    r"|in\s+(?:an?|the)\s+(?!role\b))",
    re.IGNORECASE,
)
# "I don't know any Python" is not an undecided goal.
_NOT_UNDECIDED_SUFFIX_RE = re.compile(r"^\s*(?:any|much|how|the|a|an|anything about|what it|about)\b", re.IGNORECASE)
# "sysadmin now, architect one day": a word right after a bare title that says when it applies.
_NOW_SUFFIX_RE = re.compile(r"^\s*(?:now|currently|at the moment|atm|today|these days|right now|nowadays)\b",
                            re.IGNORECASE)
_LATER_SUFFIX_RE = re.compile(
    r"^\s*(?:one day|someday|some day|eventually|in the future|long[\s-]term|later on|in (?:a|\d+|two|three|"
    r"a few|a couple of) years?)\b",
    re.IGNORECASE,
)
# "how do I fix my printer" asks about a task; it does not say the person does it for a living.
_HOWTO_RE = re.compile(r"^\W*(?:how (?:do|can|should|would|could) (?:i|you|we|one)|how to|can you|could you|"
                       r"help me)\b", re.IGNORECASE)
_OTHERS_HAVE_RE = re.compile(r"\b(?:anyone|anybody|someone|somebody|you|who)\s+(?:\w+\s+)?(?:have|has|got)\b",
                             re.IGNORECASE)
_CERT_WORD_AFTER_RE = re.compile(r"^\s*(?:certs?|certifications?|certificates?|certified|exams?|badges?)\b",
                                 re.IGNORECASE)
# Cues are looked for this far before and after a mention; facts past _MAX_CHARS are not read, so
# a 20 000-character message costs no more than a long paragraph.
_CONTEXT_CHARS = 300
_MAX_CHARS = 4000
_LONG_RUN_RE = re.compile(r"\S{60,}")
# Typos: tokens of at least this length, unknown to the lemma table, may match a lexicon word one edit away.
_FUZZY_MIN_LENGTH = 6


def _same_length_lower(text: str) -> str:
    """Lower-case `text` without changing its length, so character offsets stay valid."""
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _cue_regex(cues: Iterable[str]) -> Optional[re.Pattern[str]]:
    cues = [c for c in cues if c.strip()]
    if not cues:
        return None
    alternatives = "|".join(re.escape(c) for c in sorted(set(cues), key=len, reverse=True))
    return re.compile(r"(?<![\w'])(?:" + alternatives + r")(?![\w'])", re.IGNORECASE)


def _one_edit_apart(a: str, b: str) -> bool:
    """True when `a` and `b` differ by one insertion, deletion, substitution or adjacent swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        first, second = diffs[0], diffs[-1]
        return len(diffs) == 2 and second == first + 1 and a[first] == b[second] and a[second] == b[first]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


class FactMatcher:
    """Finds profile facts (roles, coding comfort, experience, exams, hours) in a message."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.nlp = nlp
        self.lexicon = lexicon
        self._phrase_matchers: Dict[str, PhraseMatcher] = {}
        self._token_matchers: Dict[str, Matcher] = {}
        self._labels: Dict[str, Tuple[str, str, str]] = {}
        self._build()
        self._target_cues = _cue_regex(lexicon.target_cues)
        self._current_cues = _cue_regex(lexicon.current_cues)
        self._held_cues = _cue_regex(lexicon.held_cues)
        self._plan_cues = _cue_regex(lexicon.plan_cues + lexicon.target_cues)
        self._known_words, self._fuzzy_words = self._typo_tables()

    def _label(self, entity: str, value: str, kind: str) -> str:
        label = f"{entity}|{value}|{kind}"
        self._labels[label] = (entity, value, kind)
        return label

    def _build(self) -> None:
        entities = list(LEXICON_ENTITIES) + ["exam_code"]
        for entity in entities:
            self._phrase_matchers[entity] = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
            self._token_matchers[entity] = Matcher(self.nlp.vocab)
        phrases: Dict[str, List[str]] = {}
        for entry in self.lexicon.entries:
            if entry.kind == "pattern" and entry.pattern is not None:
                label = self._label(entry.entity, entry.value, "phrase")
                self._token_matchers[entry.entity].add(label, [entry.pattern])
            elif entry.phrase:
                label = self._label(entry.entity, entry.value, entry.kind)
                phrases.setdefault(label, []).append(_same_length_lower(entry.phrase))
        for code, aliases in self.lexicon.exam_names.items():
            label = self._label("exam_code", code, "name")
            phrases.setdefault(label, []).extend(_same_length_lower(a) for a in aliases)
        for label, texts in phrases.items():
            entity = self._labels[label][0]
            docs = list(self.nlp.pipe(sorted(set(texts))))
            self._phrase_matchers[entity].add(label, docs)

    def _typo_tables(self) -> Tuple[frozenset[str], Dict[str, Dict[str, str]]]:
        """English words (lemma table keys and lemmas) and, per entity, single-word lexicon phrases -> label."""
        known: set[str] = set()
        if "lemmatizer" in self.nlp.pipe_names:
            table = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")  # type: ignore[attr-defined]
            known.update(str(v) for v in table.values())
        fuzzy: Dict[str, Dict[str, str]] = {}
        ambiguous: set[Tuple[str, str]] = set()
        for entry in self.lexicon.entries:
            if not entry.phrase:
                continue
            word = entry.phrase.lower()
            known.add(word)
            if not word.isalpha() or len(word) < _FUZZY_MIN_LENGTH:
                continue
            label = self._label(entry.entity, entry.value, entry.kind)
            words = fuzzy.setdefault(entry.entity, {})
            previous = words.get(word)
            if previous is not None and self._labels[previous][:2] != (entry.entity, entry.value):
                ambiguous.add((entry.entity, word))
            if previous is None or entry.kind == "title":
                words[word] = label
        for entity, word in ambiguous:
            fuzzy[entity].pop(word, None)
        return frozenset(known), fuzzy

    def _is_known(self, word: str) -> bool:
        table = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")  # type: ignore[attr-defined]
        return word in self._known_words or word in table

    def _typo_spans(self, doc: Doc, entity: str, taken: List[Span]) -> List[Span]:
        """Unknown words one edit away from a single-word lexicon phrase ("sysadmn", "devloper")."""
        words = self._fuzzy_words.get(entity)
        if not words or "lemmatizer" not in self.nlp.pipe_names:
            return []
        spans: List[Span] = []
        for token in doc:
            text = token.lower_
            if len(text) < _FUZZY_MIN_LENGTH or not text.isalpha() or self._is_known(text):
                continue
            if any(span.start <= token.i < span.end for span in taken):
                continue
            labels = {label for word, label in words.items()
                      if abs(len(word) - len(text)) <= 1 and _one_edit_apart(text, word)}
            values = {self._labels[label][:2] for label in labels}
            if len(values) == 1:
                spans.append(Span(doc, token.i, token.i + 1, label=sorted(labels)[0]))
        return spans

    @classmethod
    def from_files(cls, lexicon_dir: Path, knowledge_dir: Path = KNOWLEDGE_DIR) -> FactMatcher:
        """Build from the lexicon folder and the knowledge base's exam names."""
        return cls(blank_pipeline(), load_lexicon(lexicon_dir, knowledge_dir))

    # -- extraction -------------------------------------------------------------------------

    def extract(self, text: str) -> List[Dict[str, Any]]:
        """Return Rasa-style entity dicts (entity, value, start, end, optional role)."""
        if not text or not text.strip():
            return []
        text = text[:_MAX_CHARS]
        # Runs of 60+ non-space characters are no words (and spaCy's tokenizer is slow on them).
        lowered = _LONG_RUN_RE.sub(lambda m: " " * len(m.group(0)), _same_length_lower(text))
        doc = self.nlp(lowered)
        entities: List[Dict[str, Any]] = []
        for entity in LEXICON_ENTITIES:
            for span in self._spans(doc, entity):
                found = self._lexicon_entity(lowered, span)
                if found:
                    entities.append(found)
        entities = drop_idle_amounts(lowered, entities)
        entities = relate_roles(lowered, entities)
        entities = resolve_coding(entities)
        code_spans = self._exam_codes(lowered, doc)
        # "Azure Administrator Associate" names a certification, not the person's job.
        entities = [e for e in entities if not (e["entity"] == "job_role" and any(
            c["start"] <= e["start"] and e["end"] <= c["end"] for c in code_spans))]
        entities.extend(code_spans)
        hour_spans = self._weekly_hours(lowered)
        entities.extend(hour_spans)
        taken = [(e["start"], e["end"]) for e in code_spans + hour_spans]
        entities.extend(self._bare_numbers(lowered, taken))
        for found in entities:
            found["text"] = text[found["start"]:found["end"]]
        return sorted(entities, key=lambda e: (e["start"], e["entity"]))

    def _spans(self, doc: Doc, entity: str) -> List[Span]:
        spans = [
            Span(doc, start, end, label=match_id)
            for match_id, start, end in self._phrase_matchers[entity](doc)
        ]
        if len(self._token_matchers[entity]):
            spans += [
                Span(doc, start, end, label=match_id)
                for match_id, start, end in self._token_matchers[entity](doc)
            ]
        spans = filter_spans(spans)
        if entity != "exam_code":
            spans += self._typo_spans(doc, entity, spans)
        return spans

    def _clause_prefix(self, text: str, start: int) -> str:
        prefix = text[max(0, start - _CONTEXT_CHARS):start]
        breaks = [m.end() for m in _CLAUSE_BREAK_RE.finditer(prefix)]
        return prefix[breaks[-1]:] if breaks else prefix

    @staticmethod
    def _last_cue(pattern: Optional[re.Pattern[str]], prefix: str) -> Tuple[int, int]:
        """(end, length) of the last cue in `prefix`, (-1, 0) when none: the nearer cue wins, then the longer
        ("log into" is a current cue although "into" is a target cue; "end up doing" a target cue)."""
        if pattern is None:
            return (-1, 0)
        found = [(m.end(), m.end() - m.start()) for m in pattern.finditer(prefix)]
        return found[-1] if found else (-1, 0)

    def _lexicon_entity(self, text: str, span: Span) -> Optional[Dict[str, Any]]:
        entity, value, kind = self._labels[span.label_]
        start, end = span.start_char, span.end_char
        found: Dict[str, Any] = {
            "entity": entity, "value": value, "start": start, "end": end,
            "confidence_entity": 1.0, "extractor": EXTRACTOR_NAME,
        }
        prefix = self._clause_prefix(text, start)
        if entity == "coding_comfort":
            found["words"] = len(span)
            if value != "low" and _NEGATION_RE.search(prefix):
                found["negated"] = True  # "I don't know any Python": resolved in _resolve_coding
            return found
        if entity == "azure_experience" and _CERT_WORD_AFTER_RE.match(text[end:end + 40]):
            return None  # "no Azure certs" is about certifications, not experience
        if entity != "job_role":
            return found
        if _NEGATION_RE.search(prefix) or (kind == "title" and _POSSESSIVE_RE.search(prefix)):
            return None
        suffix = text[end:end + _CONTEXT_CHARS]
        if value == "undecided" and _NOT_UNDECIDED_SUFFIX_RE.match(suffix):
            return None
        target_at = self._last_cue(self._target_cues, prefix)
        current_at = self._last_cue(self._current_cues, prefix)
        no_cue = target_at[0] < 0 and current_at[0] < 0
        if kind != "title" and no_cue and _HOWTO_RE.match(text):
            return None
        if kind == "title" and no_cue and value != "undecided":
            if _NOW_SUFFIX_RE.match(suffix):
                current_at = (start, 0)
            elif _LATER_SUFFIX_RE.match(suffix):
                target_at = (start, 0)
        if target_at > current_at:
            found["role"] = ROLE_TARGET
        elif current_at > target_at or kind != "title":
            found["role"] = ROLE_CURRENT
        elif value != "undecided" and (
            _SENIORITY_RE.search(prefix) or _YEARS_AS_RE.search(prefix) or _CURRENT_SUFFIX_RE.match(suffix)
        ):
            found["role"] = ROLE_CURRENT  # "senior sysadmin", "10 years as a DBA", "SRE at a fintech"
        if kind == "title":
            found["title"] = True
        return found

    def _exam_codes(self, text: str, doc: Doc) -> List[Dict[str, Any]]:
        found: List[Dict[str, Any]] = []
        for match in _EXAM_CODE_RE.finditer(text):
            code = f"{match.group(1).upper()}-{match.group(2)}"
            found.append(self._exam_entity(text, code, match.start(), match.end()))
        taken = [(f["start"], f["end"]) for f in found]
        for span in self._spans(doc, "exam_code"):
            if any(span.start_char < end and start < span.end_char for start, end in taken):
                continue
            code = self._labels[span.label_][1]
            found.append(self._exam_entity(text, code, span.start_char, span.end_char))
        return found

    def _exam_entity(self, text: str, code: str, start: int, end: int) -> Dict[str, Any]:
        found: Dict[str, Any] = {
            "entity": "exam_code", "value": code, "start": start, "end": end,
            "confidence_entity": 1.0, "extractor": EXTRACTOR_NAME,
        }
        prefix = self._clause_prefix(text, start)
        held_at = self._last_cue(self._held_cues, prefix)
        plan_at = self._last_cue(self._plan_cues, prefix)
        suffix = text[end:end + _CONTEXT_CHARS]
        cut = _SUFFIX_END_RE.search(suffix)
        suffix = suffix[:cut.start()] if cut else suffix
        if _NOT_HELD_SUFFIX_RE.search(suffix):
            return found
        if _OTHERS_HAVE_RE.search(prefix):  # "anyone have the AZ-305 dump?", "do you have AZ-104 questions"
            return found
        if (held_at > plan_at) or _HELD_SUFFIX_RE.match(text[end:end + _CONTEXT_CHARS]):
            found["role"] = ROLE_HELD
        return found

    @staticmethod
    def _weekly_hours(text: str) -> List[Dict[str, Any]]:
        return [{
            "entity": "weekly_hours", "value": value, "start": start, "end": end,
            "confidence_entity": 1.0, "extractor": EXTRACTOR_NAME,
        } for start, end, value in weekly_hours_mentions(text, _CONTEXT_CHARS)]

    @staticmethod
    def _bare_numbers(text: str, taken: List[Tuple[int, int]]) -> List[Dict[str, Any]]:
        return [{
            "entity": "number", "value": value, "start": start, "end": end,
            "confidence_entity": 1.0, "extractor": EXTRACTOR_NAME,
        } for start, end, value in number_mentions(text, taken)]
