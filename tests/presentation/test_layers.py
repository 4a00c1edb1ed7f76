"""The layers import one way: `advisor/` (the rules) returns data and never builds a reply, and none of the plain
Python layers depends on Rasa or on the action server.

- a module in `advisor/` imports nothing from `presentation/` but `presentation.formats` (the one agreed
  exception: one formatter per idea, so a range or a path reads the same in a fact and in a reply);
- no module in `advisor/`, `knowledge/` or `presentation/` imports `rasa`, `rasa_sdk` or `actions`.

Every import counts, also one inside a function or under `if TYPE_CHECKING:`, and a relative one.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[2]
ALLOWED_IN_ADVISOR = ("presentation.formats",)
FORBIDDEN_EVERYWHERE = ("rasa", "rasa_sdk", "actions")


def imported_modules(source: str, package: Tuple[str, ...] = ()) -> Iterator[Tuple[int, str]]:
    """Each module a source in `package` imports, with its line: `from presentation import reply` counts as
    `presentation.reply` and `from ..presentation import reply` is resolved against `package`, so the form
    of the import statement does not matter."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else ()
            module = ".".join(base + ((node.module,) if node.module else ()))
            if module:
                yield node.lineno, module
            for alias in node.names:
                yield node.lineno, f"{module}.{alias.name}" if module else alias.name


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(f"{package}.")


def reported(hits: Iterator[Tuple[int, str]]) -> List[str]:
    """`line N: module`, each import once (`presentation.reply`, not also `presentation.reply.Reply`)."""
    found: List[Tuple[int, str]] = []
    for line, module in hits:
        if not any(line == seen and within(module, name) for seen, name in found):
            found.append((line, module))
    return [f"line {line}: {module}" for line, module in found]


def presentation_violations(source: str, package: Tuple[str, ...] = ("advisor",)) -> List[str]:
    """Imports of `presentation` other than `presentation.formats`; `from presentation import formats` also
    yields the bare `presentation`, which is judged by the names it imports."""
    return reported((line, module) for line, module in imported_modules(source, package)
                    if within(module, "presentation") and module != "presentation"
                    and not any(within(module, allowed) for allowed in ALLOWED_IN_ADVISOR))


def framework_violations(source: str, package: Tuple[str, ...] = ("advisor",)) -> List[str]:
    """Imports of Rasa, the Rasa SDK or the action server."""
    return reported((line, module) for line, module in imported_modules(source, package)
                    if any(within(module, forbidden) for forbidden in FORBIDDEN_EVERYWHERE))


def modules(*packages: str) -> List[Path]:
    return sorted(path for package in packages for path in (ROOT / package).rglob("*.py"))


def package_of(path: Path) -> Tuple[str, ...]:
    return path.relative_to(ROOT).with_suffix("").parts[:-1]


@pytest.mark.parametrize("path", modules("advisor"), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_advisor_builds_no_reply(path: Path) -> None:
    found = presentation_violations(path.read_text(encoding="utf-8"), package_of(path))
    assert not found, (f"{path.relative_to(ROOT)} imports the presentation layer (return data; word it in "
                       f"presentation/): {found}")


@pytest.mark.parametrize("path", modules("advisor", "knowledge", "presentation"),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_plain_python_layers_import_neither_rasa_nor_the_actions(path: Path) -> None:
    found = framework_violations(path.read_text(encoding="utf-8"), package_of(path))
    assert not found, f"{path.relative_to(ROOT)} imports Rasa or the action server: {found}"


def test_the_scan_sees_every_layer_and_every_form_of_import() -> None:
    assert {p.parent.name for p in modules("advisor", "knowledge", "presentation")} >= {
        "advisor", "knowledge", "presentation"}
    assert presentation_violations("from presentation.reply import Button, Reply") == ["line 1: presentation.reply"]
    assert presentation_violations("import presentation.compose")
    assert presentation_violations("from presentation import buttons")
    assert presentation_violations("def f():\n    from presentation.returning_replies import passed_reply\n")
    assert not presentation_violations("from presentation.formats import span\nfrom presentation import formats")
    assert not presentation_violations("from presentation_extras import x")
    assert presentation_violations("from ..presentation import compose") == ["line 1: presentation.compose"]
    assert presentation_violations("from ..presentation.reply import Reply") == ["line 1: presentation.reply"]
    assert not presentation_violations("from ..presentation import formats\nfrom . import rules")
    assert framework_violations("from rasa_sdk import Tracker")
    assert framework_violations("import rasa.shared.core.events")
    assert framework_violations("from actions.context import catalog")
    assert framework_violations("from actions import context")
    assert framework_violations("from .. import actions") == ["line 1: actions"]
    assert not framework_violations("import rasaish\nfrom actionsx import y")
