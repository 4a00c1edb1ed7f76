"""When a certification was earned, read by the stated rules in components/answer_earned.py (today 2026-12-01)."""

from __future__ import annotations

from datetime import date

import pytest

from components.answer_earned import read_earned_date

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("text, expected", [
    ("I passed AZ-104 in March 2025", (date(2025, 3, 1), "month")),
    ("had az-104 from 2021", (date(2021, 1, 1), "year")),
    ("got it last june", (date(2026, 6, 1), "month")),
    ("got it last december", (date(2025, 12, 1), "month")),
    ("earned it on 2024-05-10", (date(2024, 5, 10), "day")),
    ("passed it last year", (date(2025, 1, 1), "year")),
    ("my az-204 expires in march", None),
    ("valid till june 2027", None),
    ("is my ai-900 still valid?", None),
    ("I'll pass it in March 2027", None),
])
def test_earned_dates(text, expected):
    assert read_earned_date(text, TODAY) == expected
