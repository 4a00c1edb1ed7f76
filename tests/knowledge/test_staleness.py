"""`python -m knowledge stale`: which facts are due for re-checking, from the catalog's own dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from knowledge.__main__ import main
from knowledge.staleness import EXAM_GROUPS, Age, BadAgeError, parse_age, sourced_facts, stale_facts

# (text, amount, unit)
AGES = [("90d", 90, "d"), ("12w", 12, "w"), ("6m", 6, "m"), ("1y", 1, "y"), ("90 days", 90, "d"),
        (" 6 Months ", 6, "m"), ("0d", 0, "d"), ("2W", 2, "w")]


@pytest.mark.parametrize("text, amount, unit", AGES)
def test_parse_age(text, amount, unit):
    assert parse_age(text) == Age(amount, unit)


@pytest.mark.parametrize("text", ["90", "d90", "90x", "-5d", "1.5m", "", "ninety days", "90 fortnights"])
def test_bad_ages_are_refused_clearly(text):
    with pytest.raises(BadAgeError, match="90d, 12w or 6m"):
        parse_age(text)


# (age, today, cutoff)
CUTOFFS = [
    ("90d", date(2026, 11, 22), date(2026, 8, 24)),
    ("12w", date(2026, 11, 22), date(2026, 8, 30)),
    ("6m", date(2026, 11, 22), date(2026, 5, 22)),
    ("1m", date(2026, 3, 31), date(2026, 2, 28)),  # clamped to the month's last day
    ("3m", date(2026, 1, 15), date(2025, 10, 15)),  # across a year
    ("1y", date(2028, 2, 29), date(2027, 2, 28)),
]


@pytest.mark.parametrize("age, today, cutoff", CUTOFFS)
def test_cutoff(age, today, cutoff):
    assert parse_age(age).cutoff(today) == cutoff


def test_every_fact_group_is_listed(catalog):
    facts = list(sourced_facts(catalog))
    expected = sum(1 for exam in catalog for group in EXAM_GROUPS if getattr(exam, group) is not None)
    expected += len(catalog.policies) + len(catalog.tracks)
    assert len(facts) == expected
    assert {f.kind for f in facts} == {"exam", "policy", "track"}


@pytest.mark.parametrize("age", ["0d", "30d", "90d", "12w", "6m", "1y", "10y"])
def test_stale_facts_are_exactly_those_checked_before_the_cutoff(catalog, today, age):
    threshold = parse_age(age)
    cutoff = threshold.cutoff(today)
    due = stale_facts(catalog, today, threshold)
    listed = {(s.fact.kind, s.fact.subject, s.fact.group) for s in due}
    for fact in sourced_facts(catalog):
        assert ((fact.kind, fact.subject, fact.group) in listed) == (fact.source.checked < cutoff)
    assert [s.checked for s in due] == sorted(s.checked for s in due)
    assert all(s.age_days == (today - s.checked).days for s in due)


def test_a_fact_checked_exactly_at_the_threshold_is_not_due(catalog):
    fact = next(iter(sourced_facts(catalog)))
    on = fact.source.checked + timedelta(days=90)
    due = stale_facts(catalog, on, parse_age("90d"))
    assert fact not in [s.fact for s in due]
    assert fact in [s.fact for s in stale_facts(catalog, on + timedelta(days=1), parse_age("90d"))]


def test_cli_lists_each_due_fact_with_its_url_and_date(catalog, today, capsys):
    assert main(["stale", "--older-than", "90d", "--today", today.isoformat()]) == 0
    out = capsys.readouterr().out
    due = stale_facts(catalog, today, parse_age("90d"))
    assert f"{len(due)} fact(s)" in out
    lines = out.splitlines()[1:]
    assert len(lines) == len(due)
    for line, stale in zip(lines, due, strict=True):
        assert stale.checked.isoformat() in line and stale.fact.source.url in line and stale.fact.name in line


def test_cli_honours_advisor_today(catalog, monkeypatch, capsys):
    newest = max(f.source.checked for f in sourced_facts(catalog))
    monkeypatch.setenv("ADVISOR_TODAY", newest.isoformat())
    assert main(["stale", "--older-than", "0d"]) == 0
    first = capsys.readouterr().out
    assert f"on {newest.isoformat()}" in first
    # --today wins over ADVISOR_TODAY
    assert main(["stale", "--older-than", "0d", "--today", (newest + timedelta(days=1)).isoformat()]) == 0
    assert "Nothing is older" not in capsys.readouterr().out
    oldest = min(f.source.checked for f in sourced_facts(catalog))
    assert main(["stale", "--older-than", "0d", "--today", oldest.isoformat()]) == 0
    assert "Nothing is older" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["stale", "--older-than", "90x"], ["stale", "--today", "22/11/2026"]])
def test_cli_bad_arguments(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert "bad d" in capsys.readouterr().err
