"""The spaCy-based profile fact extractor on how people really describe themselves."""

from __future__ import annotations

from typing import Any, List, Optional, Set, Tuple

import pytest

from components.fact_matcher import FactMatcher, Lexicon, lexicon_fingerprint
from components.profile_fact_extractor import ProfileFactExtractor
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def matcher() -> FactMatcher:
    return FactMatcher.from_files(ROOT / "components" / "lexicons", ROOT / "knowledge" / "exams")


def facts(matcher: FactMatcher, text: str) -> Set[Tuple[str, Any, Optional[str]]]:
    return {(e["entity"], e["value"], e.get("role")) for e in matcher.extract(text)}


CASES: List[Tuple[str, Set[Tuple[str, Any, Optional[str]]]]] = [
    ("I've been a Windows sysadmin for 6 years", {("job_role", "administrator", "current")}),
    ("I patch servers and manage AD", {("job_role", "administrator", "current")}),
    ("I write backend services in Java", {("job_role", "developer", "current"), ("coding_comfort", "high", None)}),
    ("not really, I can tweak PowerShell scripts", {("coding_comfort", "low", None)}),
    ("a cloud architect, within two years", {("job_role", "architect", None)}),
    ("SRE at a fintech", {("job_role", "devops_engineer", None)}),
    ("I have AZ-900 and az104", {("exam_code", "AZ-900", "held"), ("exam_code", "AZ-104", "held")}),
    ("I passed AZ 104 last year but I want to take AZ-305",
     {("exam_code", "AZ-104", "held"), ("exam_code", "AZ-305", None)}),
    ("maybe 10 hrs/wk", {("weekly_hours", 10.0, None)}),
    ("an hour a day", {("weekly_hours", 7.0, None)}),
    ("5", {("number", 5.0, None)}),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0] for c in CASES])
def test_extracts_profile_facts(matcher, text, expected):
    assert expected <= facts(matcher, text)


def test_several_facts_in_one_message(matcher):
    found = facts(matcher, "I'm a sysadmin, I can tweak PowerShell, want to become an architect, about 5 hours a week")
    assert {("job_role", "administrator", "current"), ("job_role", "architect", "target"),
            ("coding_comfort", "low", None), ("weekly_hours", 5.0, None)} <= found


def test_years_of_experience_are_not_study_hours(matcher):
    assert not any(e["entity"] in ("weekly_hours", "number") for e in matcher.extract("for 6 years"))


def test_ai_is_not_lemmatised_to_have(matcher):
    assert ("job_role", "ai_engineer", None) not in facts(matcher, "I have no idea")
    assert not any(e["entity"] == "job_role" for e in matcher.extract("I've got AZ-900"))


def test_offsets_point_at_the_original_text(matcher):
    text = "Ich bin ein SYSADMIN"
    for entity in matcher.extract(text):
        assert text[entity["start"]:entity["end"]] == entity["text"]


def test_lexicon_round_trips_through_json(matcher):
    again = Lexicon.from_json(matcher.lexicon.to_json())
    assert again == matcher.lexicon


def test_fingerprint_changes_when_a_lexicon_changes(tmp_path):
    import shutil

    lexicons = tmp_path / "lexicons"
    shutil.copytree(ROOT / "components" / "lexicons", lexicons)
    exams = ROOT / "knowledge" / "exams"
    before = lexicon_fingerprint(lexicons, exams)
    path = lexicons / "cues.yml"
    path.write_text(path.read_text() + "\n# edited\n")
    assert lexicon_fingerprint(lexicons, exams) != before
    assert ProfileFactExtractor.fingerprint_addon({}) == lexicon_fingerprint(
        ROOT / "components" / "lexicons", exams)


def test_empty_and_hostile_text(matcher):
    assert matcher.extract("") == []
    assert matcher.extract("   ") == []
    matcher.extract("<script>alert(1)</script> ' OR 1=1; -- {{7*7}} \x00\x1b" * 200)




def test_certification_names_are_not_job_roles(matcher):
    found = facts(matcher, "I hold the Azure Administrator Associate")
    assert ("exam_code", "AZ-104", "held") in found
    assert not any(name == "job_role" for name, _, _ in found)


@pytest.mark.parametrize("text, unwanted", [
    ("I've never built an app", ("job_role", "developer", "current")),
    ("I'm a sysadmin, not a developer", ("job_role", "developer", None)),
    ("my manager wants me to get certified", ("job_role", "manager", None)),
    ("I took AZ-104 but failed", ("exam_code", "AZ-104", "held")),
    ("I have AZ-104 in progress", ("exam_code", "AZ-104", "held")),
])
def test_negated_possessive_and_unfinished_mentions_are_not_facts(matcher, text, unwanted):
    assert unwanted not in facts(matcher, text)


def test_unfinished_exam_does_not_cancel_a_held_one(matcher):
    found = facts(matcher, "I passed AZ-900 and I'm studying AZ-104")
    assert ("exam_code", "AZ-900", "held") in found
    assert ("exam_code", "AZ-104", "held") not in found
