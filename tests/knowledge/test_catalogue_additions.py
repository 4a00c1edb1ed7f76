"""Issue 10, "the whole catalogue an Azure person meets": Power Platform, GitHub and Microsoft 365 exams
load with their basic facts, retirements point to their successors, and the tracks use them."""

from __future__ import annotations

import pytest

from knowledge.vocabulary import WEAK_GRADES

# (code, level, status) for every exam added for issue 10
ADDED = [
    ("PL-300", "associate", "active"),
    ("PL-900", "fundamentals", "active"),
    ("PL-400", "associate", "active"),
    ("PL-200", "associate", "retired"),
    ("PL-600", "expert", "retired"),
    ("GH-900", "fundamentals", "active"),
    ("GH-100", "associate", "active"),
    ("GH-200", "associate", "active"),
    ("GH-300", "associate", "active"),
    ("GH-500", "associate", "active"),
    ("AB-900", "fundamentals", "active"),
    ("AB-650", "associate", "beta"),
    ("AB-100", "expert", "active"),
    ("AB-410", "associate", "active"),
    ("AB-730", "fundamentals", "active"),
    ("AB-731", "fundamentals", "active"),
    ("MD-102", "associate", "active"),
    ("MS-700", "associate", "active"),
]


@pytest.mark.parametrize("code, level, status", ADDED, ids=[a[0] for a in ADDED])
def test_added_exams_load_with_their_basic_facts(catalog, code, level, status):
    exam = catalog.exam(code)
    assert exam.title and exam.certification
    assert exam.level == level
    assert exam.status.value == status
    assert exam.learn_url.startswith("https://learn.microsoft.com/")
    assert exam.status.source.url.startswith("https://")


# (code, retired on, successor): retirements of the issue-10 exams and of the Microsoft 365 exams
@pytest.mark.parametrize("code, retired_on, successor", [
    ("MS-102", "2026-11-30", "AB-650"),
    ("MS-900", "2026-03-31", "AB-900"),
    ("PL-200", "2026-08-31", "AB-410"),
    ("PL-600", "2026-06-30", None),
])
def test_retired_exams_name_their_successor(catalog, code, retired_on, successor):
    exam = catalog.exam(code)
    assert exam.status.value == "retired"
    assert exam.status.retirement_date.isoformat() == retired_on
    assert exam.status.successor == successor
    if successor:
        assert catalog.exam(successor).status.value != "retired"


def test_ms102_successor_is_flagged_as_weak(catalog):
    """No page names AB-650 as the exam successor, only as the course replacement: the fact stays weak."""
    assert catalog.exam("MS-102").status.source.grade in WEAK_GRADES


@pytest.mark.parametrize("code, prerequisite_sets", [
    ("MS-102", {("MD-102",), ("MS-700",), ("SC-300",), ("SC-401",)}),
    ("AZ-400", {("AZ-104",), ("AZ-204",)}),
])
def test_expert_prerequisites(catalog, code, prerequisite_sets):
    assert set(catalog.exam(code).prerequisite_sets) == prerequisite_sets


@pytest.mark.parametrize("code", ["AZ-800", "AZ-801"])
def test_one_windows_server_hybrid_exam_alone_never_earns_the_certification(catalog, code):
    exam = catalog.exam(code)
    other = ({"AZ-800", "AZ-801"} - {code}).pop()
    assert exam.certification_also_requires == (other,)
    assert other in exam.certification


def test_az400_never_calls_az204_an_administrator_exam(catalog):
    note = " ".join(catalog.exam("AZ-400").prerequisites.note.split())
    assert "AZ-204, the developer exam" in note
    assert "AZ-104, the administrator exam" in note


# (track, what must hold)
TRACKS = [
    ("data_analyst", lambda t: [s.exam for s in t.steps] == ["PL-300"]),
    ("data_analyst", lambda t: t.next[0] == "DP-600"),
    ("devops_engineer", lambda t: "GH-200" in {a.exam for a in t.alternatives}),
    ("devops_engineer", lambda t: "GH-200" in t.next),
]


@pytest.mark.parametrize("role, holds", TRACKS, ids=[f"{t[0]}-{i}" for i, t in enumerate(TRACKS)])
def test_tracks_use_the_new_exams(catalog, role, holds):
    assert holds(catalog.track(role))


def test_pl300_leads_the_data_analyst_track(catalog):
    track = catalog.track("data_analyst")
    assert track.steps[0].exam == "PL-300" and track.steps[0].kind == "target"
    assert "data_analyst" in catalog.exam("PL-300").roles
