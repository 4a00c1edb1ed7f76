"""Exam names and nicknames live in knowledge/ and everyone reads them through knowledge/exam_names.py."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import List

import pytest

from knowledge.exam_names import ExamNamesError, exam_names_digest, load_exam_names, load_exam_nicknames
from tests.conftest import ROOT

# Folders of project code outside knowledge/ (tests may build fixtures from the files themselves).
OUTSIDE_KNOWLEDGE = ("advisor", "actions", "components", "rasa_runtime", "scripts")
# What only knowledge/ may name: the exam files and the nicknames file (and the nicknames' old home).
KNOWLEDGE_ONLY_PATHS = ("knowledge/exams", "exam_nicknames", "lexicons/certifications")
KNOWLEDGE_ONLY_NAMES = {"exams", "exam_nicknames.yml", "certifications.yml"}


def _docstrings(tree: ast.AST) -> set:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def direct_reads(source: str) -> List[str]:
    """Places in `source` that point at knowledge/exams or the nicknames file: a path string naming them, or a
    path built with `/ "exams"` or `/ "exam_nicknames.yml"` (docstrings and comments may mention them)."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if any(path in node.value for path in KNOWLEDGE_ONLY_PATHS):
                found.append(f"line {node.lineno}: {node.value!r}")
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and isinstance(node.right, ast.Constant):
            if node.right.value in KNOWLEDGE_ONLY_NAMES:
                found.append(f"line {node.lineno}: / {node.right.value!r}")
    return found


def test_the_scan_finds_direct_reads():
    """What the extractor and the resolver did before the names moved into knowledge/."""
    assert direct_reads('CONFIG = {"exams_dir": "knowledge/exams"}\n')
    assert direct_reads('names = lexicon_dir / "certifications.yml"\n')
    assert direct_reads('FILE = ROOT / "components" / "lexicons" / "certifications.yml"\n')
    assert direct_reads('files = (root / "exams").glob("*.yml")\n')
    assert not direct_reads('"""Names come from knowledge/exams and knowledge/exam_nicknames.yml."""\n')


@pytest.mark.parametrize("path", sorted(p for folder in OUTSIDE_KNOWLEDGE for p in (ROOT / folder).rglob("*.py")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_outside_knowledge_reads_the_exam_files_or_nicknames_directly(path: Path):
    assert direct_reads(path.read_text(encoding="utf-8")) == [], (
        f"{path.relative_to(ROOT)} reads knowledge/exams or the nicknames file itself: use knowledge.exam_names "
        "(load_exam_names, load_exam_nicknames, exam_names_digest) or knowledge.loader.load_catalog")


def test_the_lexicons_hold_no_exam_names():
    assert not (ROOT / "components" / "lexicons" / "certifications.yml").exists()


def test_every_nickname_names_a_known_exam(catalog):
    nicknames = load_exam_nicknames()
    assert nicknames and set(nicknames) <= set(catalog.exams)


def test_names_come_from_the_catalog_and_the_nicknames(catalog):
    names = load_exam_names()
    assert catalog.exam("AZ-104").certification.lower() in names["AZ-104"]
    assert catalog.exam("AZ-305").title.lower() in names["AZ-305"]
    assert "azure admin associate" in names["AZ-104"]  # a curated nickname


def test_a_shared_name_goes_only_where_the_nicknames_file_puts_it(catalog):
    """AI-900 and AI-901 share a title; only a name the nicknames file gives to one exam is kept, for it."""
    shared = catalog.exam("AI-901").title.lower()
    assert shared == catalog.exam("AI-900").title.lower()
    names = load_exam_names()
    owners = [code for code, aliases in names.items() if shared in aliases]
    curated = [code for code, aliases in load_exam_nicknames().items() if shared in (a.lower() for a in aliases)]
    assert owners == curated


def test_a_malformed_nicknames_file_is_named(tmp_path):
    bad = tmp_path / "exam_nicknames.yml"
    bad.write_text("names:\n  AZ-104: the admin one\n", encoding="utf-8")
    with pytest.raises(ExamNamesError, match="exam_nicknames.yml: AZ-104: expected a list"):
        load_exam_nicknames(bad)


def test_the_digest_changes_with_the_nicknames(tmp_path):
    import shutil

    root = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", root, ignore=shutil.ignore_patterns("*.py", "*.db", "__pycache__"))
    before = exam_names_digest(root)
    assert before == exam_names_digest(ROOT / "knowledge")
    path = root / "exam_nicknames.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert exam_names_digest(root) != before
