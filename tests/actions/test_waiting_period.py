""""Can I book AZ-400 right away or is there a waiting period?" asks the retake rules, not the exam's overview."""

from __future__ import annotations

from typing import List

import pytest

from actions.exam_questions import aspects_asked


@pytest.mark.parametrize("text, aspects", [
    ("can I book az-400 right away or is there a waiting period?", ["retakes"]),
    ("is there a waiting time between exams?", ["retakes"]),
    ("what's on az-400?", []),
])
def test_a_waiting_period_asks_the_retake_rules(text: str, aspects: List[str]) -> None:
    assert aspects_asked(text, []) == aspects
