"""Deadlines as people type them, read by the stated rules in components/answer_deadline.py (today 2026-12-01)."""

from __future__ import annotations

from datetime import date

import pytest

from components.answer_deadline import read_deadline, read_start

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("text, expected", [
    ("can i have ai-200 done before feb?", date(2027, 1, 31)),
    ("boss wants a cert by end of march", date(2027, 3, 31)),
    ("deadline end of march", date(2027, 3, 31)),
    ("could i realistically do az-104 by march instead?", date(2027, 2, 28)),
    ("my exam is in 3 weeks, am I on track?", date(2026, 12, 22)),
    ("need it by 15 January", date(2027, 1, 15)),
    ("by January 15th please", date(2027, 1, 15)),
    ("before December 2027", date(2027, 11, 30)),
    ("I want to be certified in june", date(2027, 6, 30)),
    ("can I pass within two months?", date(2027, 1, 30)),
    ("I may do it later", None),
    ("I have 3 weeks of holiday", None),
    ("what's on AZ-104?", None),
    ("so is end of feb doable or not, yes/no", date(2027, 2, 28)),
    ("client kickoff is march 1. feasible?", date(2027, 3, 1)),
    # a start is no deadline
    ("when would I finish? I'm starting on Monday 14 December", None),
    ("began studying 2 December, my exam is 10 March 2027, on track?", date(2027, 3, 10)),
])
def test_deadlines(text, expected):
    assert read_deadline(text, TODAY) == expected


@pytest.mark.parametrize("text, start", [
    ("put it in my calendar, i want to start jan 4", date(2027, 1, 4)),
    ("i said start january 4th, not december", date(2027, 1, 4)),
    ("put AI-300 in my calendar, but start in January (Jan 11)", date(2027, 1, 11)),
    ("start from 1 February", date(2027, 2, 1)),
    ("starting in may", date(2027, 5, 1)),
    ("start on the 3rd of march", date(2027, 3, 3)),
    ("calendar please", None), ("I may start soon", None),
])
def test_start_dates(text, start):
    assert read_start(text, date(2026, 12, 1)) == start
