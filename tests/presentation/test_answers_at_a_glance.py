"""Answers read at a glance: a comparison cites each page once and at most three, answer first."""

from __future__ import annotations

import re
from typing import Any

import pytest

from advisor.comparison import compare_exams, which_is_easier
from advisor.profile import Profile
from knowledge.catalog import Catalog
from presentation.choice_answers import comparison_replies

URL = re.compile(r"https?://[^\s,]+")
PAIRS = [("AZ-104", "AZ-305"), ("AZ-104", "AI-200"), ("AZ-900", "AI-901"), ("DP-700", "DP-750"), ("SC-200", "SC-300"),
         ("AZ-204", "AI-200")]


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_a_comparison_cites_each_page_once_and_at_most_three(catalog: Catalog, today: Any, first: str,
                                                               second: str) -> None:
    profile = Profile(current_role="administrator", coding_comfort="low", azure_experience="some")
    verdict = which_is_easier(first, second, catalog, today, profile)
    replies = comparison_replies(compare_exams(first, second, catalog, today, profile), today, verdict)
    text = "\n".join(reply.text for reply in replies)
    urls = URL.findall(text)
    assert len(urls) == len(set(urls)), "no page twice"
    (sources,) = [line for line in text.split("\n") if line.startswith("Source")]
    assert 1 <= len(URL.findall(sources)) <= 3
    assert replies[0].text.startswith(verdict.text + "\n\n" + f"{catalog.exam(first).label} vs "), "the answer first"
    assert all(text.count(point) == 1 for point in verdict.points), "each reason said once"


@pytest.mark.parametrize("code", ["AZ-104", "AZ-900", "AZ-305", "AI-200"])
def test_a_study_time_answer_says_the_hours_once(catalog: Catalog, today: Any, code: str) -> None:
    from advisor.study_plan import estimate_study_time
    from presentation.plan_answers import estimate_reply

    profile = Profile(current_role="administrator", coding_comfort="low", azure_experience="none", weekly_hours=5.0)
    estimate = estimate_study_time(code, profile, catalog, today)
    text = estimate_reply(estimate).text
    low, high = estimate.hours
    assert text.count(f"{low}–{high}") == 1, text
    assert text.startswith(f"How long {catalog.exam(code).label} takes:\n- For someone ")
