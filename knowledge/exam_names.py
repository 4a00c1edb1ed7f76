"""The names people use for exams: each exam's title and certification name, plus the curated nicknames.

The one place that reads `knowledge/exam_nicknames.yml` and turns the knowledge base into exam names. The
exam resolver (`knowledge/resolver.py`) and the profile fact extractor (`components/`) both read them
through here, so the two agree and nothing outside `knowledge/` opens `knowledge/exams` or the nicknames file.

    load_exam_nicknames()        {"AZ-104": ["azure administrator associate", ...], ...}  (curated, as written)
    load_exam_names()            {"AZ-104": ["administrator associate", "azure administrator associate", ...]}
    exam_names_digest()          changes whenever an exam file or the nicknames file changes (model fingerprint)
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from knowledge.loader import KNOWLEDGE_DIR, load_catalog

NICKNAMES_FILE = KNOWLEDGE_DIR / "exam_nicknames.yml"


class ExamNamesError(ValueError):
    """A names file is malformed; the message names the file and the place."""


def load_exam_nicknames(path: Optional[Path] = None) -> Dict[str, List[str]]:
    """The `names:` mapping of a names file (default `knowledge/exam_nicknames.yml`): exam code -> names.

    Codes are upper-cased; names keep the file's order and spelling. A missing file has no names.
    """
    path = NICKNAMES_FILE if path is None else path
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ExamNamesError(f"{path}: expected a mapping at the top level")
    names = data.get("names") or {}
    if not isinstance(names, dict):
        raise ExamNamesError(f"{path}: 'names' must map exam codes to lists of names")
    result: Dict[str, List[str]] = {}
    for code, aliases in names.items():
        if aliases is not None and not isinstance(aliases, list):
            raise ExamNamesError(f"{path}: {code}: expected a list, got {type(aliases).__name__}")
        result.setdefault(str(code).upper(), []).extend(str(alias) for alias in aliases or [])
    return result


def load_exam_names(root: Path = KNOWLEDGE_DIR) -> Dict[str, List[str]]:
    """Every name that names one exam only, lower-cased: titles and certification names from the catalog
    under `root`, plus the curated nicknames (`root/exam_nicknames.yml`).

    A name shared by several exams (e.g. a retired exam and its successor) is ambiguous: it is kept, for the
    exam the nicknames file gives it to, only when that file lists it; otherwise it is dropped.
    """
    catalog = load_catalog(root)
    names: Dict[str, List[str]] = {}
    for exam in catalog:
        for name in (exam.certification, exam.title):
            if name:
                names.setdefault(exam.code, []).append(name)
    nicknames = load_exam_nicknames(root / NICKNAMES_FILE.name)
    for code, aliases in nicknames.items():
        names.setdefault(code, []).extend(aliases)
    owners: Dict[str, List[str]] = {}
    for code, aliases in names.items():
        for alias in aliases:
            owners.setdefault(alias.lower(), []).append(code)
    curated = {alias.lower(): code for code, aliases in nicknames.items() for alias in aliases}
    resolved: Dict[str, List[str]] = {}
    for alias, codes in owners.items():
        unique = sorted(set(codes))
        if len(unique) == 1:
            resolved.setdefault(unique[0], []).append(alias)
        elif alias in curated:
            resolved.setdefault(curated[alias], []).append(alias)
    return {code: sorted(set(aliases)) for code, aliases in sorted(resolved.items())}


def exam_names_digest(root: Path = KNOWLEDGE_DIR) -> str:
    """Hash of every file `load_exam_names` reads names from, so an edited exam name or nickname retrains."""
    digest = hashlib.sha256()
    for path in sorted(list((root / "exams").glob("*.yml")) + [root / NICKNAMES_FILE.name]):
        if path.exists():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
