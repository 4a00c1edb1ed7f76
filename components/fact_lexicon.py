"""The lexicons the fact matcher is built from, and the spaCy pipeline it matches with.

Reads `components/lexicons/*.yml` (roles, coding comfort, experience, cloud maturity, amounts, and the cue
words that say whose fact a mention is) and the exam names from the knowledge base (through
`knowledge/exam_names.py`) into a `Lexicon`, which the Rasa component stores in the model as JSON.
`lexicon_fingerprint` changes whenever any of those files changes, so the component retrains.
Plain Python (no Rasa import).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

import spacy
import yaml
from spacy.language import Language

from knowledge.exam_names import exam_names_digest, load_exam_names
from knowledge.loader import KNOWLEDGE_DIR

LEXICON_ENTITIES = ("job_role", "coding_comfort", "azure_experience", "org_cloud_maturity", "amount")
_DEFAULT_PLAN_CUES = (
    "take", "taking", "study for", "studying for", "prepare for", "preparing for", "next", "should i",
    "thinking about", "considering", "planning", "plan to", "want to", "wanna", "going to", "aim for",
    "instead of", "or", "vs", "versus", "compare",
)


@dataclass(frozen=True)
class LexiconEntry:
    """One phrase or token pattern that signals `entity` = `value`."""

    entity: str
    value: str
    kind: str  # "title" (role nouns), "phrase" or "pattern"
    phrase: Optional[str] = None
    pattern: Optional[List[Dict[str, Any]]] = None


@dataclass
class Lexicon:
    """Everything the matcher is built from; serialisable to JSON for the model archive."""

    entries: List[LexiconEntry] = field(default_factory=list)
    target_cues: List[str] = field(default_factory=list)
    current_cues: List[str] = field(default_factory=list)
    held_cues: List[str] = field(default_factory=list)
    plan_cues: List[str] = field(default_factory=list)
    exam_names: Dict[str, List[str]] = field(default_factory=dict)

    def to_json(self) -> str:
        """Serialise for persistence."""
        return json.dumps(
            {
                "entries": [entry.__dict__ for entry in self.entries],
                "target_cues": self.target_cues,
                "current_cues": self.current_cues,
                "held_cues": self.held_cues,
                "plan_cues": self.plan_cues,
                "exam_names": self.exam_names,
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> Lexicon:
        """Inverse of `to_json`."""
        data = json.loads(text)
        return cls(
            entries=[LexiconEntry(**entry) for entry in data["entries"]],
            target_cues=data["target_cues"],
            current_cues=data["current_cues"],
            held_cues=data["held_cues"],
            plan_cues=data["plan_cues"],
            exam_names=data["exam_names"],
        )


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and the place."""


def _as_list(value: Any, where: str) -> List[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise LexiconError(f"{where}: expected a list, got {type(value).__name__}")
    return value


def load_lexicon(lexicon_dir: Path, knowledge_dir: Path = KNOWLEDGE_DIR) -> Lexicon:
    """Read the lexicon YAML files and the exam names (through the knowledge base's loader)."""
    lexicon = Lexicon()
    for entity in LEXICON_ENTITIES:
        path = lexicon_dir / f"{entity}.yml"
        if not path.exists():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if data.get("entity", entity) != entity:
            raise LexiconError(f"{path}: 'entity' is {data.get('entity')!r}, expected {entity!r}")
        values = data.get("values") or {}
        if not isinstance(values, dict):
            raise LexiconError(f"{path}: 'values' must be a mapping of value -> phrases")
        for value, spec in values.items():
            spec = spec or {}
            where = f"{path}: values.{value}"
            for title in _as_list(spec.get("titles"), f"{where}.titles"):
                lexicon.entries.append(LexiconEntry(entity, str(value), "title", phrase=str(title)))
            for phrase in _as_list(spec.get("phrases"), f"{where}.phrases"):
                lexicon.entries.append(LexiconEntry(entity, str(value), "phrase", phrase=str(phrase)))
            for index, pattern in enumerate(_as_list(spec.get("patterns"), f"{where}.patterns")):
                if not isinstance(pattern, list) or not all(isinstance(tok, dict) for tok in pattern):
                    raise LexiconError(f"{where}.patterns[{index}]: a pattern is a list of token dicts")
                lexicon.entries.append(LexiconEntry(entity, str(value), "pattern", pattern=pattern))
    cues_path = lexicon_dir / "cues.yml"
    cues = yaml.safe_load(cues_path.read_text(encoding="utf-8")) if cues_path.exists() else {}
    cues = cues or {}
    lexicon.target_cues = [str(c).lower() for c in _as_list(cues.get("target_cues"), f"{cues_path}: target_cues")]
    lexicon.current_cues = [str(c).lower() for c in _as_list(cues.get("current_cues"), f"{cues_path}: current_cues")]
    lexicon.held_cues = [str(c).lower() for c in _as_list(cues.get("held_cues"), f"{cues_path}: held_cues")]
    plan = _as_list(cues.get("plan_cues"), f"{cues_path}: plan_cues") or list(_DEFAULT_PLAN_CUES)
    lexicon.plan_cues = [str(c).lower() for c in plan]
    lexicon.exam_names = load_exam_names(knowledge_dir)
    return lexicon


def lexicon_fingerprint(lexicon_dir: Path, knowledge_dir: Path = KNOWLEDGE_DIR) -> str:
    """Hash of every input file, so that an edited lexicon, exam name or nickname retrains the component."""
    digest = hashlib.sha256()
    for path in sorted(lexicon_dir.glob("*.yml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(exam_names_digest(knowledge_dir).encode())
    return digest.hexdigest()


# Lookup lemmas that are wrong for IT talk ("AI" is not "have", "first" is not "1").
KEEP_AS_IS = ("ai", "d", "m", "s", "first", "second", "third", "best", "well", "less", "more", "most", "left")


def blank_pipeline() -> Language:
    """A blank English pipeline with the lookup lemmatizer (tables from spacy-lookups-data)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")  # type: ignore[attr-defined]
    for word in KEEP_AS_IS:
        table.set(word, word)
    return nlp
