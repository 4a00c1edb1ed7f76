"""What a question asks about an exam, read from the words the aspect lookup misses or over-reads."""

from __future__ import annotations

import pytest

from actions.exam_questions import aspects_asked


@pytest.mark.parametrize("text, aspects", [
    ("how much is it", ["price"]), ("how much does AZ-104 cost", ["price"]), ("how much is the 305 exam", ["price"]),
    ("how much of it is networking", ["skills"]), ("how much is load balancing on there", ["skills"]),
])
def test_how_much_asks_the_price_only_of_an_exam(text, aspects):
    assert aspects_asked(text, ["price"]) == aspects


@pytest.mark.parametrize("text, aspect", [
    ("can i take it from home or test center only", "delivery"), ("heard you can use ms learn during the exam now?",
                                                                  "learn_access"),
    ("is the exam open book", "learn_access"),
])
def test_taking_the_exam_and_learn_during_it(text, aspect):
    assert aspect in aspects_asked(text, ["overview"])
