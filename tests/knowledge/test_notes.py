"""`note` is written for users, `editor_note` for the knowledge base's editors (`knowledge.schema`).

The advisor shows every `note` as it is, so no note in the data may carry an editor marker; the loader
accepts `editor_note` next to any `note`, drops it, and still rejects unknown fields.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Iterator, List, Tuple

import pytest
import yaml

from knowledge.loader import KNOWLEDGE_DIR, KnowledgeValidationError, load_catalog
from tests.editor_markers import DATA_LABEL_RE, EDITOR_RE

DATA_FILES = sorted((KNOWLEDGE_DIR / "exams").glob("*.yml")) + [KNOWLEDGE_DIR / "policies.yml",
                                                                 KNOWLEDGE_DIR / "role_tracks.yml"]


def _notes(node: Any, where: str) -> Iterator[Tuple[str, str, str]]:
    """(where, key, text) for every `note` and `editor_note` under node."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("note", "editor_note") and isinstance(value, str):
                yield where, key, value
            else:
                yield from _notes(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _notes(value, f"{where}[{i}]")


def _all_notes() -> List[Tuple[str, str, str]]:
    found = []
    for path in DATA_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [(f"{path.name}{where}", key, text) for where, key, text in _notes(data, "")]
    return found


def test_the_data_has_notes_of_both_kinds() -> None:
    kinds = {key for _, key, _ in _all_notes()}
    assert kinds == {"note", "editor_note"}


def test_no_user_note_carries_an_editor_marker() -> None:
    leaks = [(where, text) for where, key, text in _all_notes()
             if key == "note" and (EDITOR_RE.search(text) or DATA_LABEL_RE.search(text))]
    assert not leaks, "move these sentences to editor_note:\n" + "\n".join(f"{w}: {t}" for w, t in leaks)


# fields whose text never reaches a person: editor_note, and where a fact was recorded (via) or read (url)
NOT_SHOWN = ("editor_note", "via", "url")


def _texts(node: Any, where: str) -> Iterator[Tuple[str, str]]:
    """(where, text) for every string under node that may reach a person."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in NOT_SHOWN:
                yield from _texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _texts(value, f"{where}[{i}]")
    elif isinstance(node, str):
        yield where, node


def test_no_other_user_facing_text_carries_an_editor_marker() -> None:
    """Audiences, statements, a track's reasons: shown as they are too (editors' remarks go in YAML comments)."""
    leaks = []
    for path in DATA_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        leaks += [(f"{path.name}{where}", text) for where, text in _texts(data, "")
                  if EDITOR_RE.search(text) or DATA_LABEL_RE.search(text)]
    assert not leaks, "\n".join(f"{w}: {t}" for w, t in leaks)


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, root, ignore=shutil.ignore_patterns("*.py", "*.db", "__pycache__"))
    return root


def _add_after_note(root: Path, text: str) -> None:
    """Put `text` (a YAML line) after AZ-104's status note, at the note's indentation."""
    path = root / "exams" / "AZ-104.yml"
    data = path.read_text(encoding="utf-8")
    assert "\n  note: null\n  source:" in data
    path.write_text(data.replace("\n  note: null\n  source:", f"\n  note: null\n  {text}\n  source:", 1),
                    encoding="utf-8")


def test_the_loader_accepts_an_editor_note_and_drops_it(catalog: Any, tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _add_after_note(root, "editor_note: Sites that give 1999-01-01 are wrong (grade D).")
    loaded = load_catalog(root)
    assert loaded == catalog
    assert "1999-01-01" not in repr(loaded)


@pytest.mark.parametrize("line, expected", [
    ("editor_notes: a misspelt field", "AZ-104: status.editor_notes: unknown field"),
    ("editor_note: [not, a, sentence]", "AZ-104: status.editor_note: str type expected"),
])
def test_the_loader_rejects_unknown_fields_and_bad_editor_notes(tmp_path: Path, line: str, expected: str) -> None:
    root = _copy(tmp_path)
    _add_after_note(root, line)
    with pytest.raises(KnowledgeValidationError) as info:
        load_catalog(root)
    problems = [str(p) for p in info.value.problems]
    assert any(expected in problem for problem in problems), problems
