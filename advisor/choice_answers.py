"""Comparison and single-exam (budget) answers as replies, from `advisor.comparison` and `advisor.budget`."""

from __future__ import annotations

from datetime import date
from typing import List, Optional, Tuple

from advisor.budget import BudgetPick
from advisor.comparison import Comparison, EasierVerdict
from advisor.exam_answers import compose, source_line
from advisor.recommendation import Fact
from advisor.reply import Button, Reply, intent_payload


def comparison_replies(comparison: Comparison, today: date, verdict: Optional[EasierVerdict] = None) -> List[Reply]:
    """The side-by-side table, then the verdict (when asked), weak rows and sources."""
    first, second = comparison.exams
    heading = f"{first.label} vs {second.label}"
    if comparison.notes:
        heading += "\n" + "\n".join(comparison.notes)
    table_reply = Reply(text=heading, table=comparison.table)
    lines: List[str] = []
    if verdict is not None:
        lines.append(verdict.text)
        lines += [f"- {point}" for point in verdict.points]
        lines.append("This is an estimate from the knowledge base, not an official difficulty rating.")
    if comparison.weak_rows:
        lines.append(f"Weak evidence (treat as estimates): {', '.join(comparison.weak_rows)}.")
    lines.append("Sources:")
    seen: List[str] = []
    for source in comparison.sources:
        line = source_line(source)
        if line not in seen:
            seen.append(line)
    lines += [f"- {line}" for line in seen]
    buttons = tuple(
        Button(f"Study plan for {exam.code}", intent_payload("ask_study_plan", exam_code=exam.code))
        for exam in comparison.exams if not exam.is_retired_on(today)
    )
    return [table_reply, Reply(text="\n".join(lines), buttons=buttons)]


def budget_reply(pick: BudgetPick) -> Reply:
    """The one exam to spend the paid attempt on, why, and the others considered."""
    facts = [Fact(pick.text, None)] + list(pick.facts)
    buttons: Tuple[Button, ...] = ()
    if pick.exam is not None:
        buttons = (Button(f"Study plan for {pick.exam.code}", intent_payload("ask_study_plan",
                                                                          exam_code=pick.exam.code)),)
    return compose("If only one exam is paid for:", facts, buttons)
