"""Comparison and single-exam (budget) answers as replies, from `advisor.comparison` and `advisor.budget`."""

from __future__ import annotations

from datetime import date
from typing import List, Optional, Tuple

from advisor.budget import BudgetPick
from advisor.comparison import Comparison, EasierVerdict
from advisor.profile import Profile
from advisor.recommendation import Fact
from advisor.rules import recommend
from knowledge.catalog import Catalog
from presentation.compose import compose
from presentation.formats import ESTIMATE_NOTE, sources_line
from presentation.reply import Button, Reply, intent_payload


def comparison_replies(comparison: Comparison, today: date, verdict: Optional[EasierVerdict] = None) -> List[Reply]:
    """The answer first (the verdict, when "which is easier?" was asked), the side-by-side table, then the
    rows that rest on weak evidence and a capped line of sources."""
    first, second = comparison.exams
    heading = f"{first.label} vs {second.label}"
    if comparison.notes:
        heading += "\n" + "\n".join(comparison.notes)
    if verdict is not None:  # its text names the reasons and says it is an estimate
        heading = f"{verdict.text}\n\n{heading}"
    table_reply = Reply(text=heading, table=comparison.table)
    lines: List[str] = []
    if comparison.weak_rows:
        lines.append(f"{', '.join(comparison.weak_rows)}: {ESTIMATE_NOTE}.")
    cited = sources_line(comparison.sources)
    if cited:
        lines.append(cited)
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


def for_you(first: str, second: str, profile: Profile, catalog: Catalog, today: date) -> Reply:
    """Which of two exams fits this person: the one the rules put on their path, and why."""
    rec = recommend(profile, catalog, today)
    on_path = [code for code in (first, second) if rec.step(code) is not None]
    if len(on_path) == 1:
        step = rec.step(on_path[0])
        other = second if on_path[0] == first else first
        why = step.reasons[0].text if step and step.reasons else ""
        instead = next((a for a in rec.alternatives if a.exam.code == other), None)
        unless = (f" {other} fits instead if {instead.when}: say \"switch to {other}\" and I'll change the path."
                  if instead else "")
        return Reply(text=f"For you: {on_path[0]}. It is on your path and {other} is not. {why}{unless}".strip())
    if len(on_path) == 2:
        earlier = first if rec.path.index(first) < rec.path.index(second) else second
        return Reply(text=f"For you: both are on your path, {earlier} first. Here is how they compare:")
    alternative = next((a for a in rec.alternatives if a.exam.code in (first, second)), None)
    if alternative is not None:
        return Reply(text=f"Neither is on your path ({' → '.join(rec.path)}); {alternative.exam.code} fits if "
                          f"{alternative.when}.")
    return Reply(text=f"Neither is on your path ({' → '.join(rec.path) or 'nothing new'}); the table shows how "
                      "they differ, and \"why not …?\" tells you what would put one on it.")
