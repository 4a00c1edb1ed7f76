"""Loading the knowledge base: the real data, and each kind of bad data with its message."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Callable

import pytest

from knowledge.loader import KNOWLEDGE_DIR, KnowledgeValidationError, load_catalog
from knowledge.queries import read_catalog
from knowledge.store import build, is_built, make_engine


def test_real_data_loads_every_exam_in_the_research(catalog):
    expected = {
        "AZ-900", "AZ-104", "AZ-204", "AZ-305", "AZ-400", "AZ-500", "AZ-700", "AZ-800", "AZ-801", "AZ-802",
        "AZ-120", "AZ-140", "AZ-220", "AZ-600", "AZ-720", "AI-900", "AI-901", "AI-102", "AI-103", "AI-200",
        "AI-300", "AI-500", "DP-100", "DP-900", "DP-203", "DP-300", "DP-420", "DP-600", "DP-700", "DP-750",
        "DP-800", "SC-900", "SC-200", "SC-300", "SC-400", "SC-401", "SC-500", "SC-100",
    }
    assert expected <= set(catalog.exams)


def test_every_fact_group_has_a_source_and_date(catalog):
    for exam in catalog:
        groups = [exam.status, exam.coding, exam.format, exam.skills, exam.prerequisites, exam.study_hours]
        for group in groups:
            if group is not None:
                assert group.source.url.startswith("https://"), exam.code
                assert group.source.checked.year >= 2023, exam.code


@pytest.mark.parametrize("code, retired_on, successor", [
    ("AZ-204", "2026-07-31", "AI-200"),
    ("AZ-500", "2026-08-31", "SC-500"),
    ("AZ-800", "2026-09-30", "AZ-802"),
    ("AI-102", "2026-06-30", "AI-103"),
    ("AI-900", "2026-06-30", "AI-901"),
])
def test_retirements_match_the_research(catalog, code, retired_on, successor):
    exam = catalog.exam(code)
    assert exam.status.retirement_date.isoformat() == retired_on
    assert exam.status.successor == successor


def test_expert_prerequisites_are_any_of_sets(catalog):
    assert catalog.exam("AZ-305").prerequisite_sets == (("AZ-104",),)
    assert set(catalog.exam("AZ-400").prerequisite_sets) == {("AZ-104",), ("AZ-204",)}
    assert all(catalog.exam(code).level != "fundamentals"
               for exam in catalog for option in exam.prerequisite_sets for code in option)


def test_database_round_trip_gives_the_same_catalog(catalog, tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'kb.db'}")
    assert not is_built(engine)
    build(engine, catalog)
    assert is_built(engine)
    assert read_catalog(engine) == catalog
    build(engine, catalog)  # rebuilding replaces, never duplicates
    assert read_catalog(engine) == catalog


@pytest.fixture()
def broken(tmp_path) -> Callable[[str, Callable[[str], str]], KnowledgeValidationError]:
    """Copy the knowledge base, apply an edit to one file, and return the validation error."""

    def run(file: str, edit: Callable[[str], str]) -> KnowledgeValidationError:
        root = tmp_path / "knowledge"
        shutil.copytree(KNOWLEDGE_DIR, root, ignore=shutil.ignore_patterns("*.py", "*.db", "__pycache__"))
        path = root / file
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
        with pytest.raises(KnowledgeValidationError) as info:
            load_catalog(root)
        return info.value

    return run


@pytest.mark.parametrize("file, edit, expected", [
    ("exams/AZ-104.yml", lambda s: s.replace("level: associate", "levle: associate"),
     "knowledge/exams/AZ-104.yml: AZ-104: levle: unknown field"),
    ("exams/AZ-204.yml", lambda s: re.sub(r"successor: AI-200", "successor: AI-299", s),
     "knowledge/exams/AZ-204.yml: AZ-204: status.successor: unknown exam code 'AI-299'"),
    ("exams/AZ-305.yml", lambda s: s.replace("any_of: [[AZ-104]]", "any_of: [[AZ-999]]"),
     "knowledge/exams/AZ-305.yml: AZ-305: prerequisites.any_of[0][0]: unknown exam code 'AZ-999'"),
    ("exams/AZ-204.yml", lambda s: s.replace("retirement_date: 2026-07-31", "retirement_date: 2026-02-30"),
     "knowledge/exams/AZ-204.yml: AZ-204: status.retirement_date: invalid date format"),
    ("exams/AZ-104.yml", lambda s: s.replace("weight: [20, 25]", "weight: [25, 20]", 1),
     "knowledge/exams/AZ-104.yml: AZ-104: skills.domains[0].weight: low weight 25 is above high weight 20"),
    ("exams/AZ-104.yml", lambda s: s.replace("weight: [20, 25]", "weight: [60, 65]", 1),
     "knowledge/exams/AZ-104.yml: AZ-104: skills.domains: domain weights cannot add up to 100 percent"),
    ("exams/AZ-104.yml", lambda s: s.replace("grade: B", "grade: E", 1),
     "knowledge/exams/AZ-104.yml: AZ-104: status.source.grade: 'E' is not an evidence grade"),
    ("exams/AZ-104.yml", lambda s: s.replace("code: AZ-104", "code: AZ-105"),
     "knowledge/exams/AZ-104.yml: AZ-105: code: does not match the file name AZ-104.yml"),
    ("exams/AZ-204.yml", lambda s: s.replace("retirement_date: 2026-07-31", "retirement_date: null"),
     "knowledge/exams/AZ-204.yml: AZ-204: status.retirement_date: a retired exam needs its retirement_date"),
    ("exams/AZ-305.yml", lambda s: s.replace("any_of: [[AZ-104]]", "any_of: [[AZ-900]]"),
     "AZ-900 is a fundamentals exam, and fundamentals are never prerequisites"),
    ("role_tracks.yml", lambda s: s.replace("- exam: AZ-305", "- exam: AZ-399"),
     "knowledge/role_tracks.yml: track architect: steps[0].exam: unknown exam code 'AZ-399'"),
    ("policies.yml", lambda s: s.replace("score: 700", "points: 700"),
     "knowledge/policies.yml: policy passing_score: values.score: required value is missing"),
    ("exams/AZ-104.yml", lambda s: s.replace("roles: [", "roles: [wizard, "),
     "knowledge/exams/AZ-104.yml: AZ-104: roles[0]: 'wizard' is not a target role"),
])
def test_bad_data_is_reported_with_file_exam_and_field(broken, file, edit, expected):
    error = broken(file, edit)
    assert any(expected in str(problem) for problem in error.problems), [str(p) for p in error.problems]


def test_all_problems_are_reported_at_once(broken):
    def two_errors(text: str) -> str:
        return text.replace("level: associate", "level: guru").replace("grade: B", "grade: Z", 1)

    error = broken("exams/AZ-104.yml", two_errors)
    assert len(error.problems) >= 2


def test_invalid_data_never_touches_the_database(catalog, tmp_path, monkeypatch, broken):
    from knowledge.__main__ import main

    db = tmp_path / "kb.db"
    engine = make_engine(f"sqlite:///{db}")
    build(engine, catalog)
    before = db.read_bytes()
    root = tmp_path / "knowledge"
    broken("exams/AZ-104.yml", lambda s: s.replace("level: associate", "level: guru"))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{db}")
    monkeypatch.setattr("knowledge.__main__.load_catalog", lambda: load_catalog(root))
    assert main(["build"]) == 1
    assert db.read_bytes() == before


def test_cli_show_and_unknown_code(capsys, monkeypatch, tmp_path):
    from knowledge.__main__ import main

    monkeypatch.setenv("ADVISOR_TODAY", "2026-11-22")
    assert main(["show", "az104"]) == 0
    out = capsys.readouterr().out
    assert "AZ-104  Microsoft Azure Administrator" in out and "status on 2026-11-22: active" in out
    assert main(["show", "AZ-999"]) == 1
    assert "no exam 'AZ-999'" in capsys.readouterr().err
    assert main(["list", "--status", "retired"]) == 0
    assert "AZ-204" in capsys.readouterr().out


def test_cli_rejects_an_impossible_today(monkeypatch, capsys):
    from knowledge.__main__ import main

    monkeypatch.setenv("ADVISOR_TODAY", "2026-13-01")
    assert main(["list"]) == 2
    assert "ADVISOR_TODAY='2026-13-01'" in capsys.readouterr().err


def test_knowledge_files_dir_exists():
    assert (Path(KNOWLEDGE_DIR) / "exams").is_dir()
