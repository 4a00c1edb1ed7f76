"""From what a user typed (or an extracted entity) to a knowledge-base exam code.

One resolver for every spelling of a code ("az104", "AZ 104", "Az-104"), certification names and titles
("the Azure Administrator cert", "Azure Solutions Architect Expert") and role phrases ("the architect
exam", "the admin one"). Names come from the catalog (titles, certification names, role tracks), the
curated nicknames (knowledge/exam_nicknames.yml, read through knowledge/exam_names.py) and knowledge/synonyms.yml.

    resolver = ExamResolver.from_catalog(catalog)
    resolver.resolve("az104", today).code                      # 'AZ-104'
    resolver.resolve("AZ-999", today).candidates               # ('AZ-900', ...) closest known codes
    resolver.resolve("the data exam", today).candidates        # ('DP-600', 'DP-700', ...) ambiguous
    [m.code for m in resolver.find_mentions("compare AZ-104 and AZ-305", today)]
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

import yaml

from knowledge.catalog import Catalog
from knowledge.exam_names import NICKNAMES_FILE, load_exam_nicknames
from knowledge.vocabulary import ROLE_LABELS

KNOWLEDGE_DIR = Path(__file__).resolve().parent
SYNONYMS_FILE = KNOWLEDGE_DIR / "synonyms.yml"

RESOLVED, UNKNOWN_CODE, AMBIGUOUS, NOT_FOUND = "resolved", "unknown_code", "ambiguous", "not_found"

# Match tiers, most trusted first.
TIER_CODE, TIER_CURATED, TIER_NAME, TIER_ROLE = 0, 1, 2, 3
MAX_CANDIDATES = 3
MAX_SPAN_TOKENS = 12
# Words after a role or name that make it an exam mention in a sentence ("the admin one").
CUES = frozenset({"exam", "exams", "cert", "certs", "certification", "certifications", "one", "ones", "test",
                  "tests", "credential", "credentials"})
# A mention in a sentence never starts or ends on these, and a partial name never spans them.
BOUNDARIES = frozenset({"and", "or", "vs", "versus", "with", "against", "than", "for", "to", "of", "on", "in"})
JOINERS = frozenset({"and", "or", "vs", "versus", "against", "than"})
_UNICODE_DASHES = "\u2010\u2011\u2012\u2013\u2014"
_DASHES = r"\-_" + _UNICODE_DASHES
_WORD_RE = re.compile(r"[a-z0-9&]+(?:[-'][a-z0-9]+)*")
_WHOLE_CODE_RE = re.compile(rf"^\s*([A-Za-z]{{2,3}})[\s{_DASHES}]?(\d{{3}})\s*$")
_NUMBER_RE = re.compile(r"^\s*(\d{3})\s*$")


@dataclass(frozen=True)
class Resolution:
    """What a piece of text names.

    status: `resolved` (code is set), `unknown_code` (looks like an exam code the knowledge base does
    not know; candidates are the closest known codes), `ambiguous` (candidates are the exams it may
    mean) or `not_found` (candidates may hold near-miss suggestions).
    """

    query: str
    status: str
    code: Optional[str] = None
    candidates: Tuple[str, ...] = ()
    matched: Optional[str] = None  # the normalised code or name that matched

    @property
    def resolved(self) -> bool:
        return self.status == RESOLVED


@dataclass(frozen=True)
class Mention:
    """One exam mentioned in a sentence, with its character span."""

    start: int
    end: int
    text: str
    resolution: Resolution

    @property
    def code(self) -> Optional[str]:
        return self.resolution.code


@dataclass(frozen=True)
class _Token:
    word: str
    start: int
    end: int


@dataclass(frozen=True)
class _Vocabulary:
    fillers: FrozenSet[str]
    generic: FrozenSet[str]
    words: Mapping[str, str]
    other_prefixes: Tuple[str, ...]


def levenshtein(a: str, b: str) -> int:
    """Edit distance between two strings."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def _read_yaml(path: Path) -> Dict[str, object]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


class ExamResolver:
    """Resolves exam codes, names and role phrases against one catalog (build once, reuse)."""

    def __init__(
        self,
        catalog: Catalog,
        curated_names: Mapping[str, Sequence[str]],
        vocabulary: _Vocabulary,
    ) -> None:
        self.catalog = catalog
        self._vocabulary = vocabulary
        self._codes = tuple(sorted(catalog.exams))
        prefixes = {code.split("-")[0] for code in self._codes} | set(vocabulary.other_prefixes)
        self._code_re = re.compile(
            rf"(?<![A-Za-z0-9])({'|'.join(sorted(prefixes))})[\s{_DASHES}]?(\d{{3}})(?![0-9])", re.IGNORECASE
        )
        # core (frozenset of words) -> tier -> codes
        self._index: Dict[FrozenSet[str], Dict[int, Set[str]]] = {}
        self._labels: Dict[FrozenSet[str], str] = {}
        self._bare: Set[FrozenSet[str]] = set()  # curated names said without "exam"/"cert"
        self._raw: Dict[FrozenSet[str], Set[str]] = {}  # every word of the names behind a core
        for code, aliases in curated_names.items():
            if code not in catalog.exams:
                raise ValueError(f"curated name for unknown exam code {code!r}: {list(aliases)}")
            for alias in aliases:
                self._add(alias, code, TIER_CURATED)
        for exam in catalog:
            self._add(exam.title, exam.code, TIER_NAME)
            self._add(exam.certification, exam.code, TIER_NAME)
            self._add(f"{exam.code.split('-')[0]} {exam.title}", exam.code, TIER_NAME)
        for role, track in catalog.tracks.items():
            targets = [step.exam for step in track.steps if step.kind == "target"] or [track.steps[-1].exam]
            for phrase in (role.replace("_", " "), ROLE_LABELS.get(role, role), track.title):
                for code in targets:
                    self._add(phrase, code, TIER_ROLE)
        self._vocab_words = sorted({w for core in self._index for w in core})

    @classmethod
    def from_catalog(
        cls,
        catalog: Catalog,
        synonyms_file: Path = SYNONYMS_FILE,
        nicknames_file: Optional[Path] = NICKNAMES_FILE,
    ) -> ExamResolver:
        """Build from the catalog, knowledge/synonyms.yml and (unless None) the curated nicknames."""
        data = _read_yaml(synonyms_file)
        words = data.get("words") or {}
        if not isinstance(words, dict):
            raise ValueError(f"{synonyms_file}: 'words' must be a mapping")
        vocabulary = _Vocabulary(
            fillers=frozenset(str(w).lower() for w in _as_list(data.get("fillers"))),
            generic=frozenset(str(w).lower() for w in _as_list(data.get("generic"))),
            words={str(k).lower(): str(v).lower() for k, v in words.items()},
            other_prefixes=tuple(str(p).upper() for p in _as_list(data.get("other_prefixes"))),
        )
        curated: Dict[str, List[str]] = {}
        for path in (synonyms_file, nicknames_file):
            if path is None:
                continue
            for code, aliases in load_exam_nicknames(path).items():
                curated.setdefault(code, []).extend(aliases)
        return cls(catalog, curated, vocabulary)

    # -- normalising ------------------------------------------------------------------------

    def _tokens(self, text: str) -> List[_Token]:
        lowered = text.lower()
        for dash in _UNICODE_DASHES:
            lowered = lowered.replace(dash, "-")
        return [_Token(m.group(0), m.start(), m.end()) for m in _WORD_RE.finditer(lowered)]

    def _word(self, word: str) -> List[str]:
        if word.endswith("'s"):
            word = word[:-2]
        parts = word.split("-") if "-" in word else [word]
        out = []
        for part in parts:
            part = self._vocabulary.words.get(part, part)
            if part and part not in self._vocabulary.fillers:
                out.append(part)
        return out

    def _core(self, words: Iterable[str]) -> FrozenSet[str]:
        return frozenset(w for word in words for w in self._word(word))

    def _add(self, alias: str, code: str, tier: int) -> None:
        words = [t.word for t in self._tokens(alias)]
        core = self._core(words)
        if not core:
            return
        self._index.setdefault(core, {}).setdefault(tier, set()).add(code)
        self._labels.setdefault(core, alias.lower())
        self._raw.setdefault(core, set()).update(words)
        if tier == TIER_CURATED and not (CUES | {"certified"}) & set(words):
            self._bare.add(core)

    def _informative(self, core: FrozenSet[str]) -> bool:
        return bool(core - self._vocabulary.generic)

    # -- resolving --------------------------------------------------------------------------

    def resolve(self, text: str, today: date) -> Resolution:
        """Resolve one entity value or short phrase (a code, a name, a role phrase)."""
        query = text or ""
        whole = _WHOLE_CODE_RE.match(query)
        if whole:
            return self._resolve_code(query, whole.group(1), whole.group(2), today)
        codes = [(m.group(1), m.group(2)) for m in self._code_re.finditer(query)]
        if len(codes) == 1:
            return self._resolve_code(query, codes[0][0], codes[0][1], today)
        if len(codes) > 1:
            known = tuple(dict.fromkeys(f"{p.upper()}-{n}" for p, n in codes))
            return Resolution(query, AMBIGUOUS, candidates=tuple(c for c in known if c in self.catalog.exams))
        number = _NUMBER_RE.match(query)
        if number:
            owners = tuple(c for c in self._codes if c.endswith(f"-{number.group(1)}"))
            if len(owners) == 1:
                return Resolution(query, RESOLVED, code=owners[0], matched=owners[0])
            if owners:
                return Resolution(query, AMBIGUOUS, candidates=self._prefer_available(owners, today))
            return Resolution(query, NOT_FOUND)
        core = self._core(t.word for t in self._tokens(query))
        found = self._resolve_core(query, core, today, partial=True)
        if found.status != NOT_FOUND:
            return found
        corrected = self._correct(core)
        if corrected != core:
            again = self._resolve_core(query, corrected, today, partial=True)
            if again.status != NOT_FOUND:
                return again
        return Resolution(query, NOT_FOUND, candidates=self._suggest(query, today))

    def _resolve_code(self, query: str, prefix: str, number: str, today: date) -> Resolution:
        code = f"{prefix.upper()}-{number}"
        if code in self.catalog.exams:
            return Resolution(query, RESOLVED, code=code, matched=code)
        return Resolution(query, UNKNOWN_CODE, candidates=self.closest_codes(code, today), matched=code)

    def closest_codes(self, code: str, today: date, limit: int = MAX_CANDIDATES) -> Tuple[str, ...]:
        """Known codes nearest to an unknown one: same prefix first (digit edit distance, then numeric
        distance), exams available today before retired ones; other prefixes only by edit distance."""
        prefix, _, digits = code.upper().partition("-")
        same = [c for c in self._codes if c.startswith(prefix + "-")]
        if same and digits.isdigit():
            def key(known: str) -> Tuple[int, bool, int, str]:
                other = known.split("-")[1]
                return (levenshtein(digits, other), self._retired(known, today), abs(int(other) - int(digits)), known)
            return tuple(sorted(same, key=key)[:limit])
        ranked = sorted(self._codes, key=lambda c: (levenshtein(code.upper(), c), self._retired(c, today), c))
        return tuple(c for c in ranked if levenshtein(code.upper(), c) <= 2)[:limit]

    def _retired(self, code: str, today: date) -> bool:
        return self.catalog.exam(code).is_retired_on(today)

    def _prefer_available(self, codes: Iterable[str], today: date) -> Tuple[str, ...]:
        ordered = sorted(set(codes))
        available = [c for c in ordered if not self._retired(c, today)]
        return tuple(available or ordered)

    def _resolve_core(self, query: str, core: FrozenSet[str], today: date, partial: bool) -> Resolution:
        if not core or not self._informative(core):
            return Resolution(query, NOT_FOUND)
        tiers = self._index.get(core)
        if tiers:
            codes = tiers[min(tiers)]
            return self._from_codes(query, codes, today, self._labels[core])
        if not partial:
            return Resolution(query, NOT_FOUND)
        # Every word typed appears in some name: "the architect exam", "the data exam".
        best: Dict[int, Set[str]] = {}
        for name, tiers_of_name in self._index.items():
            if core <= name:
                for tier, codes in tiers_of_name.items():
                    best.setdefault(tier, set()).update(codes)
        if not best:
            return Resolution(query, NOT_FOUND)
        everything = set().union(*best.values())
        return self._from_codes(query, everything, today, None)

    def _from_codes(self, query: str, codes: Set[str], today: date, matched: Optional[str]) -> Resolution:
        if len(codes) == 1:
            return Resolution(query, RESOLVED, code=next(iter(codes)), matched=matched)
        available = self._prefer_available(codes, today)
        if len(available) == 1:
            return Resolution(query, RESOLVED, code=available[0], matched=matched)
        return Resolution(query, AMBIGUOUS, candidates=available, matched=matched)

    def _correct(self, core: FrozenSet[str]) -> FrozenSet[str]:
        fixed = set()
        for word in core:
            if len(word) >= 5 and word not in self._vocab_words:
                close = difflib.get_close_matches(word, self._vocab_words, n=1, cutoff=0.85)
                fixed.add(close[0] if close else word)
            else:
                fixed.add(word)
        return frozenset(fixed)

    def _suggest(self, query: str, today: date) -> Tuple[str, ...]:
        if not self._informative(self._core(t.word for t in self._tokens(query))):
            return ()
        labels = {label: core for core, label in self._labels.items()}
        close = difflib.get_close_matches(query.lower().strip(), list(labels), n=MAX_CANDIDATES, cutoff=0.8)
        codes: List[str] = []
        for label in close:
            tiers = self._index[labels[label]]
            codes += [c for c in self._prefer_available(tiers[min(tiers)], today) if c not in codes]
        return tuple(codes[:MAX_CANDIDATES])

    # -- sentences --------------------------------------------------------------------------

    def find_mentions(self, text: str, today: date) -> Tuple[Mention, ...]:
        """Every exam mentioned in a sentence, in order: codes (known or not), names, and role phrases
        followed by "exam", "cert" or "one" ("the admin one or the architect one")."""
        text = text or ""
        mentions: List[Mention] = []
        for match in self._code_re.finditer(text):
            resolution = self._resolve_code(match.group(0), match.group(1), match.group(2), today)
            mentions.append(Mention(match.start(), match.end(), match.group(0), resolution))
        taken = [(m.start, m.end) for m in mentions]
        tokens = [t for t in self._tokens(text)
                  if not any(start < t.end and t.start < end for start, end in taken)]
        index = 0
        while index < len(tokens):
            found = None
            if tokens[index].word in BOUNDARIES:
                index += 1
                continue
            for stop in range(min(len(tokens), index + MAX_SPAN_TOKENS), index, -1):
                span = tokens[index:stop]
                if span[-1].word in BOUNDARIES:
                    continue
                if any(text[tokens[k].end:tokens[k + 1].start].strip() for k in range(index, stop - 1)):
                    continue  # a name never runs across punctuation or a code
                words = [t.word for t in span]
                core = self._core(words)
                cue_after = stop < len(tokens) and tokens[stop].word in CUES
                cued = cue_after or words[-1] in CUES
                joiners = JOINERS & set(words)
                if joiners and not joiners <= self._raw.get(core, set()):
                    continue  # "the data exam and the Fabric one" is two mentions
                partial = cued and not joiners
                resolution = self._resolve_core(text, core, today, partial=partial)
                if resolution.status == NOT_FOUND or not (cued or self._free_text_ok(core)):
                    continue
                start, end = span[0].start, (tokens[stop].end if cue_after else span[-1].end)
                found = (stop + 1 if cue_after else stop, Mention(
                    start, end, text[start:end],
                    Resolution(text[start:end], resolution.status, resolution.code, resolution.candidates,
                               resolution.matched)))
                break
            if found is None:
                index += 1
                continue
            index, mention = found
            mentions.append(mention)
        return tuple(sorted(mentions, key=lambda m: m.start))

    def _free_text_ok(self, core: FrozenSet[str]) -> bool:
        """Without an "exam"/"cert" cue, only specific names count: curated names said without a cue, or
        catalog names of three words or with a level word (so "I'm an Azure administrator" is no mention)."""
        tiers = self._index.get(core, {})
        if core in self._bare:
            return True
        if TIER_NAME in tiers:
            return len(core) >= 3 or bool(core & {"associate", "expert", "specialty", "fundamentals"})
        return False


def _as_list(value: object) -> List[object]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


_CACHE: Dict[int, Tuple[Catalog, ExamResolver]] = {}


def resolver_for(catalog: Catalog) -> ExamResolver:
    """A resolver for this catalog, built once per catalog object."""
    cached = _CACHE.get(id(catalog))
    if cached is None or cached[0] is not catalog:
        if len(_CACHE) > 8:
            _CACHE.clear()
        cached = (catalog, ExamResolver.from_catalog(catalog))
        _CACHE[id(catalog)] = cached
    return cached[1]


def resolve_exam(text: str, catalog: Catalog, today: date) -> Resolution:
    """Resolve one code, name or role phrase to an exam code (see `Resolution`)."""
    return resolver_for(catalog).resolve(text, today)


def find_exam_mentions(text: str, catalog: Catalog, today: date) -> Tuple[Mention, ...]:
    """Every exam mention in a sentence, in order."""
    return resolver_for(catalog).find_mentions(text, today)


def distinct_codes(mentions: Sequence[Mention]) -> Tuple[str, ...]:
    """The resolved codes of some mentions, in order, each once."""
    return tuple(dict.fromkeys(m.code for m in mentions if m.code))
