"""Every module of the project's code starts with a docstring saying what it owns."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

FOLDERS = ("components", "advisor", "knowledge", "actions", "rasa_runtime", "scripts")
MODULES = sorted(path for folder in FOLDERS for path in (ROOT / folder).rglob("*.py"))


def test_the_folders_hold_modules():
    assert {path.relative_to(ROOT).parts[0] for path in MODULES} == set(FOLDERS)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_module_opens_with_a_docstring(path: Path):
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert docstring and len(docstring.split()) >= 5, (
        f"{path.relative_to(ROOT)} needs an opening docstring that says what the module owns")
