"""Layers import one way: message -> NLU (components/) -> slots and form (actions/) -> rules (advisor/) ->
knowledge base (knowledge/); presentation/ words the advisor's data for both servers; rasa_runtime/ patches
the Rasa server and reaches no layer but presentation/ (its Slack and Teams channels format with it).

Every import counts, also one inside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest

from tests.conftest import ROOT

# package -> top-level packages it must not import
FORBIDDEN: Dict[str, Set[str]] = {
    "knowledge": {"advisor", "presentation", "components", "actions", "rasa_runtime", "scripts", "rasa", "rasa_sdk"},
    "presentation": {"components", "actions", "rasa_runtime", "scripts", "rasa", "rasa_sdk"},
    "advisor": {"components", "actions", "rasa_runtime", "scripts", "rasa", "rasa_sdk"},
    "components": {"actions", "rasa_runtime", "scripts", "rasa_sdk"},
    "actions": {"rasa_runtime", "scripts", "rasa"},
    "rasa_runtime": {"advisor", "components", "actions", "scripts"},
}
# Known violations, to be removed when fixed (the test fails once one no longer occurs, so the entry goes too).
EXPECTED: Dict[Tuple[str, str], str] = {}


def imports(path: Path) -> List[str]:
    """Every module `path` imports (absolute names; relative imports resolved against its package)."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    found: List[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                found.append(".".join(base + ((node.module,) if node.module else ())))
            else:
                found.append(node.module or "")
    return found


def violations() -> List[Tuple[str, str]]:
    found = []
    for package, forbidden in FORBIDDEN.items():
        for path in sorted((ROOT / package).rglob("*.py")):
            for name in imports(path):
                if name.split(".")[0] in forbidden:
                    found.append((str(path.relative_to(ROOT)), name))
    return found


def test_the_scan_sees_every_import():
    assert "knowledge.loader" in imports(ROOT / "knowledge" / "__main__.py")
    assert "rasa.core.actions.action" in imports(ROOT / "rasa_runtime" / "fixes.py")  # inside apply()
    assert "presentation.slack_blocks" in imports(ROOT / "rasa_runtime" / "channels" / "slack.py")


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layers_import_one_way(package):
    wrong = [(path, name) for path, name in violations()
             if path.startswith(package + "/") and (path, name) not in EXPECTED]
    assert wrong == [], f"{package}/ must not import {sorted(FORBIDDEN[package])}: {wrong}"


def test_expected_exceptions_still_occur():
    """An exception that no longer occurs is removed from EXPECTED, so it cannot come back unnoticed."""
    gone = sorted(set(EXPECTED) - set(violations()))
    assert gone == [], f"fixed, remove from EXPECTED in {Path(__file__).name}: {gone}"
