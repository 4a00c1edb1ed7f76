"""The review set: 30 representative replies, rendered for every channel into reports/replies.md.

`make replies` (or `python -m scripts.render_replies [--out FILE]`) calls the advisor and the presentation
layer directly, without Rasa, on the knowledge base's YAML with "today" pinned to 2026-11-22 (as the tests
do), so the report changes only when the wording, the rules or the facts change. Each reply is shown as
a person reads it in the REST/terminal text, the web widget, Slack and Teams, with its buttons, and the
length of the Slack and Teams forms against the budget (tests/presentation/test_reply_budget.py).
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, List, Sequence

os.environ.setdefault("ADVISOR_TODAY", "2026-11-22")

from advisor.budget import best_single_exam  # noqa: E402
from advisor.comparison import compare_exams, which_is_easier  # noqa: E402
from advisor.counterfactuals import coding_changes  # noqa: E402
from advisor.profile import Profile  # noqa: E402
from advisor.rules import recommend  # noqa: E402
from advisor.study_plan import estimate_study_time, make_study_plan, path_totals  # noqa: E402
from knowledge.catalog import Catalog  # noqa: E402
from knowledge.loader import load_catalog  # noqa: E402
from presentation.channel_formats import render  # noqa: E402
from presentation.choice_answers import budget_reply, comparison_replies  # noqa: E402
from presentation.exam_replies import answer_about_exam, answer_about_rules, unknown_exam_reply  # noqa: E402
from presentation.plan_answers import estimate_reply, plan_reply, totals_reply  # noqa: E402
from presentation.preview import button_titles, visible_lines  # noqa: E402
from presentation.recommendation_text import explanation_replies, recommendation_replies  # noqa: E402
from presentation.reply import Reply  # noqa: E402
from presentation.why_answers import what_if, why_not  # noqa: E402

TODAY = date(2026, 11, 22)
OUT = Path("reports/replies.md")
CHANNELS = (("rest", "REST and terminal"), ("socketio", "web page"), ("slack", "Slack"), ("botframework", "Teams"))
BUDGET_LINES, BUDGET_CHARS = 15, 1500

ARCHITECT = Profile(current_role="administrator", target_role="architect", coding_comfort="low",
                    azure_experience="none", weekly_hours=5.0)
DEVELOPER = Profile(current_role="developer", target_role="developer", coding_comfort="high",
                    azure_experience="some", weekly_hours=8.0)
NURSE = Profile(current_role="other", target_role="undecided", coding_comfort="low", azure_experience="none",
                weekly_hours=3.0)
PROFILES = {
    "a Windows sysadmin who wants to become an architect, new to Azure, 5 h/week": ARCHITECT,
    "a C# developer who wants a developer certification, 8 h/week": DEVELOPER,
    "a nurse moving into IT, goal undecided, 3 h/week": NURSE,
    "a manager, no goal given, 4 h/week": Profile(current_role="manager", coding_comfort="low",
                                                  azure_experience="none", weekly_hours=4.0),
    "helpdesk staff with some Azure, 6 h/week": Profile(current_role="support", target_role="undecided",
                                                        coding_comfort="low", azure_experience="some",
                                                        weekly_hours=6.0),
    "a student who wants to become an AI engineer, 10 h/week": Profile(
        current_role="student", target_role="ai_engineer", coding_comfort="medium", azure_experience="none",
        weekly_hours=10.0),
    "a DevOps engineer who holds AZ-104, 6 h/week": Profile(
        current_role="devops_engineer", target_role="devops_engineer", coding_comfort="high",
        azure_experience="extensive", weekly_hours=6.0, certifications_held=("AZ-104",)),
    "a data analyst who wants to become a data engineer, 7 h/week": Profile(
        current_role="data_analyst", target_role="data_engineer", coding_comfort="medium", azure_experience="some",
        weekly_hours=7.0),
    "a network engineer, study time not given": Profile(current_role="network_engineer",
                                                        target_role="network_engineer", coding_comfort="low",
                                                        azure_experience="some"),
    "an administrator who already holds AZ-104": Profile(current_role="administrator", target_role="administrator",
                                                         coding_comfort="low", azure_experience="extensive",
                                                         weekly_hours=5.0, certifications_held=("AZ-104",)),
}


@dataclass(frozen=True)
class Case:
    """One reply of the review set: what it answers and how to build it."""

    kind: str
    asked: str
    build: Callable[[Catalog], Sequence[Reply]]


def _recommendation(profile: Profile) -> Callable[[Catalog], Sequence[Reply]]:
    return lambda kb: recommendation_replies(recommend(profile, kb, TODAY))


def _exam(code: str, *aspects: str, profile: Profile = ARCHITECT) -> Callable[[Catalog], Sequence[Reply]]:
    return lambda kb: answer_about_exam(kb.exam(code), aspects, kb, TODAY, profile)


def _compare(first: str, second: str, easier: bool = False) -> Callable[[Catalog], Sequence[Reply]]:
    def build(kb: Catalog) -> Sequence[Reply]:
        verdict = which_is_easier(first, second, kb, TODAY, ARCHITECT) if easier else None
        return comparison_replies(compare_exams(first, second, kb, TODAY, ARCHITECT), TODAY, verdict)
    return build


def cases() -> List[Case]:
    """The 30 replies, in the order the report lists them."""
    found = [Case("recommendation", f"the path for {who}", _recommendation(profile))
             for who, profile in PROFILES.items()]
    found += [
        Case("exam question", "passing score for az104?", _exam("AZ-104", "passing_score")),
        Case("exam question", "what's on the architect exam?", _exam("AZ-305", "skills")),
        Case("exam question", "tell me about AI-200", _exam("AI-200", "overview")),
        Case("exam question", "do I need to code for AI-200?", _exam("AI-200", "coding")),
        Case("exam question", "how long is AZ-104 valid and how do I renew it?",
             _exam("AZ-104", "validity", "renewal")),
        Case("exam question", "how do I renew? (no exam named)", lambda kb: answer_about_rules(["renewal"], kb)),
        Case("exam question", "what about AZ-999?",
             lambda kb: [unknown_exam_reply("AZ-999", [kb.exam("AZ-900"), kb.exam("AZ-104")])]),
        Case("retired exam", "is AZ-204 still available?", _exam("AZ-204", "status")),
        Case("retired exam", "tell me about AZ-500", _exam("AZ-500", "overview")),
        Case("comparison", "AZ-104 vs AZ-305", _compare("AZ-104", "AZ-305")),
        Case("comparison", "which is easier for me, AZ-104 or AI-200?", _compare("AZ-104", "AI-200", easier=True)),
        Case("comparison", "DP-700 or DP-750?", _compare("DP-700", "DP-750")),
        Case("study plan", "how long will AZ-104 take me at 5 hours a week?",
             lambda kb: [estimate_reply(estimate_study_time("AZ-104", ARCHITECT, kb, TODAY))]),
        Case("study plan", "exam in 6 weeks, make me a plan for AZ-900",
             lambda kb: [plan_reply(make_study_plan("AZ-900", ARCHITECT, kb, TODAY, weeks=6))]),
        Case("study plan", "what will the whole path cost?",
             lambda kb: [totals_reply(path_totals(recommend(ARCHITECT, kb, TODAY), kb))]),
        Case("why / why not", "why? (after the architect's path)",
             lambda kb: explanation_replies(recommend(ARCHITECT, kb, TODAY))),
        Case("why / why not", "why not AZ-204? (the developer)", lambda kb: [why_not("AZ-204", DEVELOPER, kb, TODAY)]),
        Case("why / why not", "why not AZ-400? (the architect)", lambda kb: [why_not("AZ-400", ARCHITECT, kb, TODAY)]),
        Case("why / why not", "what if I learn Python? (the architect)",
             lambda kb: [what_if(coding_changes(ARCHITECT), ARCHITECT, kb, TODAY)]),
        Case("budget", "my employer pays for one exam (the architect)",
             lambda kb: [budget_reply(best_single_exam(ARCHITECT, kb, TODAY))]),
    ]
    return found


def _section(number: int, case: Case, replies: Sequence[Reply]) -> List[str]:
    out = [f"## {number}. {case.kind}: {case.asked}", ""]
    for channel, label in CHANNELS:
        messages = [message for reply in replies for message in render(channel, reply)]
        lines = visible_lines(channel, messages)
        size = len("\n".join(lines))
        budget = ""
        if channel in ("slack", "botframework") and case.kind == "recommendation":
            within = len(lines) <= BUDGET_LINES and size <= BUDGET_CHARS
            budget = f", budget {BUDGET_LINES} lines / {BUDGET_CHARS} characters: {'within' if within else 'OVER'}"
        out += [f"**{label}** ({len(messages)} message{'s' if len(messages) != 1 else ''}, {len(lines)} lines, "
                f"{size} characters{budget})", "", "```text", *lines, "```"]
        titles = button_titles(messages)
        out += ([f"Buttons: {' · '.join(f'[{t}]' for t in titles)}", ""] if titles else [""])
    return out


def report(kb: Catalog) -> str:
    """The whole review set as markdown."""
    chosen = cases()
    out = ["# Replies people see: the review set", "",
           f"Generated by `make replies` (`python -m scripts.render_replies`) on the knowledge base's YAML, with "
           f"today pinned to {TODAY.isoformat()}; no Rasa. {len(chosen)} replies, each as a person reads it in "
           "every channel (buttons listed below each). Recommendations are checked against the budget of "
           f"{BUDGET_LINES} lines and {BUDGET_CHARS:,} characters in Slack and Teams.", ""]
    for number, case in enumerate(chosen, start=1):
        out += _section(number, case, case.build(kb))
    return "\n".join(out).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write the report (default {OUT})")
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report(load_catalog()), encoding="utf-8")
    print(f"wrote {args.out} ({len(cases())} replies)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
