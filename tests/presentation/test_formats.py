"""One formatter per idea (presentation/formats.py), each against hand-written expected strings."""

from __future__ import annotations

from datetime import date
from typing import Optional, Tuple

import pytest

from knowledge.catalog import Source
from presentation.formats import (
    distinct_sources,
    path_label,
    per_week,
    role_label,
    source_note,
    source_text,
    sources_line,
    span,
)

OFFICIAL = Source("https://learn.microsoft.com/en-us/credentials/certifications/azure-administrator/",
                  date(2026, 10, 9), "A")
REPORTED = Source("https://example.org/az-104-study-time", date(2026, 9, 30), "C")


@pytest.mark.parametrize(("values", "unit", "expected"), [
    ((60, 100), "h", "60–100 h"),
    ((16, 27), "weeks", "16–27 weeks"),
    ((4, 4), "weeks", "4 weeks"),
    ((140, 220), "hours", "140–220 hours"),
    (None, "h", ""),
])
def test_span(values: Optional[Tuple[int, int]], unit: str, expected: str) -> None:
    assert span(values, unit) == expected


@pytest.mark.parametrize(("hours", "expected"), [(5.0, "5 h/week"), (7.5, "7.5 h/week"), (10, "10 h/week")])
def test_per_week(hours: float, expected: str) -> None:
    assert per_week(hours) == expected


@pytest.mark.parametrize(("source", "expected"), [
    (OFFICIAL, "https://learn.microsoft.com/en-us/credentials/certifications/azure-administrator/, checked 2026-10-09"),
    (REPORTED, "https://example.org/az-104-study-time, checked 2026-09-30; weak evidence, treat it as an estimate"),
])
def test_source_text(source: Source, expected: str) -> None:
    assert source_text(source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    (REPORTED, "(source: https://example.org/az-104-study-time, checked 2026-09-30; weak evidence, treat it as an "
               "estimate)"),
    (None, ""),
])
def test_source_note(source: Optional[Source], expected: str) -> None:
    assert source_note(source) == expected


def _page(number: int) -> Source:
    return Source(f"https://learn.microsoft.com/page-{number}", date(2026, 10, number), "A")


@pytest.mark.parametrize(("sources", "expected"), [
    ([], ""),
    ([None], ""),
    ([_page(1)], "Source: https://learn.microsoft.com/page-1, checked 2026-10-01"),
    ([_page(1), _page(1), None, _page(2)],
     "Sources: https://learn.microsoft.com/page-1, checked 2026-10-01 · "
     "https://learn.microsoft.com/page-2, checked 2026-10-02"),
    ([_page(1), _page(2), _page(3), _page(4), _page(5), _page(2)],
     "Sources: https://learn.microsoft.com/page-1, checked 2026-10-01 · "
     "https://learn.microsoft.com/page-2, checked 2026-10-02 · "
     "https://learn.microsoft.com/page-3, checked 2026-10-03 (+2 more)"),
])
def test_sources_line_cites_each_page_once_and_at_most_three(sources, expected: str) -> None:
    assert sources_line(sources) == expected


def test_sources_line_can_say_where_the_rest_are() -> None:
    assert sources_line([_page(1), _page(2)], limit=1, more_hint=': ask "why?"') == (
        'Sources: https://learn.microsoft.com/page-1, checked 2026-10-01 (+1 more: ask "why?")')


def test_a_page_checked_twice_is_cited_once_with_its_newest_date() -> None:
    older = Source("https://learn.microsoft.com/page-1", date(2026, 1, 5), "A")
    assert distinct_sources([older, _page(1)]) == [_page(1)]


@pytest.mark.parametrize(("role", "expected"), [
    ("devops_engineer", "DevOps engineer"),
    ("architect", "solutions architect"),
    ("ai_engineer", "AI engineer"),
    ("support", "IT support"),
    ("database_administrator", "database administrator"),
    (None, "not decided yet"),
    ("undecided", "not decided yet"),
    ("cloud_wizard", "cloud wizard"),
])
def test_role_label(role: Optional[str], expected: str) -> None:
    assert role_label(role) == expected


@pytest.mark.parametrize(("codes", "expected"), [
    (["AZ-900", "AZ-104", "AZ-305"], "AZ-900 → AZ-104 → AZ-305"),
    (["AI-200"], "AI-200"),
    ([], "nothing new"),
])
def test_path_label(codes, expected: str) -> None:
    assert path_label(codes) == expected


def test_exam_reference_is_code_then_title(catalog) -> None:
    from presentation.formats import exam_reference

    assert exam_reference(catalog.exam("AZ-104")) == "AZ-104 Microsoft Azure Administrator"
