"""Every decision rule, table-driven from the knowledge base's facts, and their combinations."""

from __future__ import annotations

from datetime import date

import pytest

from advisor.profile import Profile
from advisor.rules import held_and_active, recommend, weeks_for
from knowledge.today import InvalidTodayError, today

BASE = dict(coding_comfort="medium", azure_experience="some", weekly_hours=5.0)


def profile(**values) -> Profile:
    return Profile(**{**BASE, **values})


# (case, profile values, expected path)
PATHS = [
    ("administrator goes AZ-104", dict(current_role="administrator", target_role="administrator"), ["AZ-104"]),
    ("architect: AZ-104 then AZ-305", dict(current_role="administrator", target_role="architect"), ["AZ-104", "AZ-305"]),
    ("architect holding AZ-104 goes straight to AZ-305",
     dict(current_role="administrator", target_role="architect", certifications_held=("AZ-104",)), ["AZ-305"]),
    ("AZ-204 never counts for the architect", dict(current_role="developer", target_role="architect",
                                                 certifications_held=("AZ-204",)), ["AZ-104", "AZ-305"]),
    ("devops goes through AZ-104", dict(current_role="devops_engineer", target_role="devops_engineer"), ["AZ-104", "AZ-400"]),
    ("devops with a still-active AZ-204", dict(current_role="developer", target_role="devops_engineer",
                                               certifications_held=("AZ-204",)), ["AZ-400"]),
    ("developer gets AI-200, never AZ-204", dict(current_role="developer", target_role="developer",
                                                coding_comfort="high"), ["AI-200"]),
    ("security: AZ-104 then SC-500", dict(current_role="administrator", target_role="security_engineer"), ["AZ-104", "SC-500"]),
    ("security with extensive Azure skips the foundation",
     dict(current_role="security_engineer", target_role="security_engineer", azure_experience="extensive"), ["SC-500"]),
    ("network: AZ-104 then AZ-700", dict(current_role="network_engineer", target_role="network_engineer"), ["AZ-104", "AZ-700"]),
    ("database administrator: DP-300", dict(current_role="database_administrator", target_role="database_administrator"), ["DP-300"]),
    ("data engineer: DP-700", dict(current_role="data_engineer", target_role="data_engineer"), ["DP-700"]),
    ("data analyst: PL-300", dict(current_role="data_analyst", target_role="data_analyst"), ["PL-300"]),
    ("AI engineer: AI-103", dict(current_role="developer", target_role="ai_engineer", coding_comfort="high"), ["AI-103"]),
    ("undecided developer is inferred a developer", dict(current_role="developer", target_role="undecided",
                                                         coding_comfort="high"), ["AI-200"]),
    ("undecided admin holding AZ-104, mature organisation -> AZ-305",
     dict(current_role="administrator", target_role="undecided", certifications_held=("AZ-104",),
          org_cloud_maturity="mature"), ["AZ-305"]),
    ("undecided admin holding AZ-104, early organisation -> administrator track, nothing left",
     dict(current_role="administrator", target_role="undecided", certifications_held=("AZ-104",),
          org_cloud_maturity="early"), []),
    ("beginner gets AZ-900 first", dict(current_role="student", target_role="administrator", coding_comfort="low",
                                       azure_experience="none"), ["AZ-900", "AZ-104"]),
    ("data newcomer gets DP-900", dict(current_role="support", target_role="data_engineer", azure_experience="none"),
     ["DP-900", "DP-700"]),
    ("security newcomer gets SC-900", dict(current_role="support", target_role="security_engineer", azure_experience="none"),
     ["SC-900", "AZ-104", "SC-500"]),
    ("AI newcomer gets AI-901", dict(current_role="student", target_role="ai_engineer", azure_experience="none",
                                    coding_comfort="high"), ["AI-901", "AI-103"]),
    ("held AI-900 counts as AI fundamentals", dict(current_role="student", target_role="ai_engineer",
                                                   azure_experience="none", coding_comfort="high",
                                                   certifications_held=("AI-900",)), ["AI-103"]),
    ("no fundamentals with real Azure experience", dict(current_role="administrator", target_role="architect",
                                                       azure_experience="extensive"), ["AZ-104", "AZ-305"]),
    ("low coding: the coding exam is never first", dict(current_role="other", target_role="developer",
                                                        coding_comfort="low"), ["AZ-104", "AI-200"]),
    ("somewhere in between: AZ-104 then the developer exam",
     dict(current_role="administrator", target_role="developer", coding_comfort="high"), ["AZ-104", "AI-200"]),
    ("held exams are skipped", dict(current_role="administrator", target_role="security_engineer",
                                    certifications_held=("AZ-104", "AZ-900")), ["SC-500"]),
]


@pytest.mark.parametrize("case, values, expected", PATHS, ids=[p[0] for p in PATHS])
def test_paths(catalog, today, case, values, expected):
    assert recommend(profile(**values), catalog, today).path == expected


def test_no_retired_exam_is_ever_recommended(catalog, today):
    roles = ["administrator", "developer", "architect", "devops_engineer", "security_engineer", "network_engineer",
             "database_administrator", "data_engineer", "data_analyst", "ai_engineer", "support", "student",
             "manager", "other"]
    targets = roles[:10] + ["undecided"]
    for current in roles:
        for target in targets:
            for comfort in ("low", "medium", "high"):
                for experience in ("none", "some", "extensive"):
                    rec = recommend(Profile(current, target, comfort, experience, (), 5.0), catalog, today)
                    for code in rec.path:
                        assert not catalog.exam(code).is_retired_on(today), (current, target, code)
                    assert len(rec.path) == len(set(rec.path))


def test_developer_hears_that_az204_retired(catalog, today):
    rec = recommend(profile(current_role="developer", target_role="developer", coding_comfort="high"), catalog, today)
    text = " ".join(w.text for w in rec.warnings)
    assert "AZ-204" in text and "retired on 2026-07-31" in text and "AI-200" in text


def test_before_the_retirement_date_the_successor_is_still_advised(catalog):
    rec = recommend(profile(current_role="developer", target_role="developer", coding_comfort="high"),
                    catalog, date(2026, 6, 1))
    assert rec.path == ["AI-200"]
    assert any("retires on 2026-07-31" in w.text for w in rec.warnings)


def test_architect_reasons_name_the_prerequisite_and_the_facts(catalog, today):
    rec = recommend(profile(current_role="administrator", target_role="architect"), catalog, today)
    az104 = rec.step("AZ-104")
    assert any(r.rule == "expert_prerequisites" and "Azure Solutions Architect Expert" in r.text for r in az104.reasons)
    facts = " ".join(f.text for r in az104.reasons for f in r.facts)
    passing = catalog.policy_value("passing_score", "score")
    assert f"Passing score {passing}" in facts
    heaviest = catalog.exam("AZ-104").skills.by_weight()[0]
    assert heaviest.name in facts
    assert all(f.source is not None for r in az104.reasons for f in r.facts)


def test_fundamentals_are_optional_and_say_they_are_never_prerequisites(catalog, today):
    rec = recommend(profile(current_role="student", target_role="administrator", azure_experience="none"), catalog, today)
    first = rec.steps[0]
    assert first.code == "AZ-900" and first.optional and first.kind == "fundamentals"
    assert "never a prerequisite" in first.reasons[0].text


def test_coding_gate_warns_honestly(catalog, today):
    rec = recommend(profile(current_role="other", target_role="developer", coding_comfort="low"), catalog, today)
    gate = [w for w in rec.warnings if w.rule == "coding_gate"]
    assert gate and "uphill battle" in gate[0].text and "Start with AZ-104" in gate[0].text


def test_held_retired_certification_is_active_until_the_latest_renewed_expiry(catalog):
    # AZ-204 retired 2026-07-31; renewed that day with an expiry six months ahead (2027-01-31), it runs
    # to 2028-01-31 (issue 10: not one year after the retirement).
    holder = Profile(certifications_held=("AZ-204",))
    assert held_and_active("AZ-204", holder, catalog, date(2028, 1, 31))
    assert not held_and_active("AZ-204", holder, catalog, date(2028, 2, 1))
    assert held_and_active("AI-900", Profile(certifications_held=("AI-900",)), catalog, date(2040, 1, 1))


def test_time_estimates_use_weekly_hours(catalog, today):
    rec = recommend(profile(current_role="administrator", target_role="architect", weekly_hours=10.0), catalog, today)
    low, high = catalog.exam("AZ-104").study_hours.for_background("some_azure")
    assert rec.step("AZ-104").study_hours == (low, high)
    assert rec.step("AZ-104").weeks == weeks_for((low, high), 10.0)
    assert rec.total_weeks == (sum(s.weeks[0] for s in rec.steps), sum(s.weeks[1] for s in rec.steps))
    without = recommend(profile(current_role="administrator", target_role="architect", weekly_hours=None), catalog, today)
    assert without.total_weeks is None and without.total_hours is not None


def test_weeks_formula():
    assert weeks_for((40, 80), 10.0) == (5 + 1, 10 + 2)


def test_today_comes_from_the_environment():
    assert today({"ADVISOR_TODAY": "2026-07-01"}) == date(2026, 7, 1)
    with pytest.raises(InvalidTodayError):
        today({"ADVISOR_TODAY": "yesterday"})
