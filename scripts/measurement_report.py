"""Writes a measurement's report pair: `<name>.json` (the whole result) and `<name>.md` (for people).

Shared by the held-out answer, follow-up and simulation measurements (`scripts/evaluate_conversation.py`,
`scripts/evaluate_followups.py`, `scripts/simulate.py`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List


def write_report_files(report: Path, result: Dict[str, Any], lines: List[str]) -> None:
    """`report` without suffix: the result as JSON beside the markdown lines."""
    report.parent.mkdir(parents=True, exist_ok=True)
    report.with_suffix(".json").write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    report.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def table(header: List[str], rows: List[List[Any]]) -> List[str]:
    """A markdown table."""
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + \
        ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
