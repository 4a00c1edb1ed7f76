"""The exam resolver: codes in any spelling, names, role phrases, unknown and ambiguous mentions."""

from __future__ import annotations

from datetime import timedelta

import pytest

from knowledge.resolver import (
    AMBIGUOUS,
    NOT_FOUND,
    RESOLVED,
    UNKNOWN_CODE,
    ExamResolver,
    distinct_codes,
    find_exam_mentions,
    levenshtein,
    resolve_exam,
)

# (what the user typed, the code it names)
RESOLVED_CASES = [
    ("az104", "AZ-104"),
    ("AZ 104", "AZ-104"),
    ("az-104", "AZ-104"),
    ("Az-104", "AZ-104"),
    ("AZ_104", "AZ-104"),
    ("AZ\u2011104", "AZ-104"),
    ("  sc500 ", "SC-500"),
    ("the AZ-104 exam", "AZ-104"),
    ("104", "AZ-104"),
    ("the Azure Administrator cert", "AZ-104"),
    ("Azure Administrator Associate", "AZ-104"),
    ("the admin one", "AZ-104"),
    ("azure adminstrator cert", "AZ-104"),  # a typo
    ("Azure Solutions Architect Expert", "AZ-305"),
    ("the architect exam", "AZ-305"),
    ("the architect one", "AZ-305"),
    ("solutions architect", "AZ-305"),
    ("azure fundamentals", "AZ-900"),
    ("Microsoft Azure Fundamentals", "AZ-900"),
    ("security engineer exam", "SC-500"),
    ("Cloud and AI Security Engineer Associate", "SC-500"),
    ("the networking one", "AZ-700"),
    ("network engineer", "AZ-700"),
    ("database administrator", "DP-300"),
    ("Fabric Data Engineer", "DP-700"),
    ("the devops exam", "AZ-400"),
    ("cybersecurity architect", "SC-100"),
    ("ai fundamentals", "AI-901"),  # shared with the retired AI-900: the current exam wins
    ("the old ai fundamentals", "AI-900"),
    ("the cosmos db exam", "DP-420"),
]


@pytest.mark.parametrize("text, code", RESOLVED_CASES, ids=[c[0] for c in RESOLVED_CASES])
def test_resolves(catalog, today, text, code):
    result = resolve_exam(text, catalog, today)
    assert (result.status, result.code) == (RESOLVED, code)
    assert result.resolved


def test_every_code_title_and_certification_resolves_to_its_exam(catalog, today):
    """Derived from the catalog: each exam's code (in three spellings) and its own title resolve to it,
    except names shared by several exams, which go to the one available today."""
    for exam in catalog:
        for spelling in (exam.code, exam.code.replace("-", "").lower(), exam.code.replace("-", " ")):
            assert resolve_exam(spelling, catalog, today).code == exam.code
        owners = [e for e in catalog if e.title == exam.title]
        result = resolve_exam(exam.title, catalog, today)
        if len(owners) == 1:
            assert result.code == exam.code, exam.title
        else:
            available = [e.code for e in owners if not e.is_retired_on(today)]
            assert result.code in available


def test_every_track_role_resolves_to_its_target_exam_or_its_predecessor(catalog, today):
    """"the developer exam" is the retired AZ-204 in the curated names; its successor is the track's."""
    for role, track in catalog.tracks.items():
        targets = {step.exam for step in track.steps if step.kind == "target"}
        result = resolve_exam(f"the {role.replace('_', ' ')} exam", catalog, today)
        assert result.code is not None, (role, result)
        current = catalog.current_successor(result.code, today)
        assert current is not None and current.code in targets, (role, result)


# (what the user typed, the codes it may mean)
AMBIGUOUS_CASES = [
    # PL-300 is the data analyst track's target (it replaced DP-600 there); AB-900, PL-900 and GH-900 joined
    # the knowledge base as further fundamentals-level exams.
    ("the data exam", {"PL-300", "DP-700", "DP-750", "DP-900"}),
    ("the fundamentals exam", {"AZ-900", "AI-901", "DP-900", "SC-900", "AB-900", "PL-900"}),
    ("900", {"AZ-900", "DP-900", "SC-900", "AB-900", "PL-900", "GH-900"}),
]


@pytest.mark.parametrize("text, codes", AMBIGUOUS_CASES, ids=[c[0] for c in AMBIGUOUS_CASES])
def test_ambiguous_names_give_the_candidates_available_today(catalog, today, text, codes):
    result = resolve_exam(text, catalog, today)
    assert result.status == AMBIGUOUS and result.code is None
    assert set(result.candidates) == codes
    assert not any(catalog.exam(c).is_retired_on(today) for c in result.candidates)


# (unknown code, known codes that must be among the suggestions, first suggestion)
UNKNOWN_CASES = [
    ("AZ-999", {"AZ-900"}, "AZ-900"),
    ("az 105", {"AZ-104"}, "AZ-104"),
    ("AZ-306", {"AZ-305"}, "AZ-305"),
    ("SC-501", {"SC-500"}, "SC-500"),
    ("XZ-104", {"AZ-104"}, "AZ-104"),
]


@pytest.mark.parametrize("text, included, first", UNKNOWN_CASES, ids=[c[0] for c in UNKNOWN_CASES])
def test_unknown_codes_get_the_closest_known_codes(catalog, today, text, included, first):
    result = resolve_exam(text, catalog, today)
    assert result.status == UNKNOWN_CODE and result.code is None
    assert included <= set(result.candidates) and result.candidates[0] == first
    assert all(catalog.has_exam(c) for c in result.candidates)
    assert 0 < len(result.candidates) <= 3


def test_unknown_code_suggestions_share_the_prefix(catalog, today):
    result = resolve_exam("DP-999", catalog, today)
    assert result.candidates and all(c.startswith("DP-") for c in result.candidates)


def test_available_exams_are_suggested_before_retired_ones_at_equal_distance(catalog, today):
    # AZ-800 and AZ-801 retired, AZ-802 did not: all are one digit away from AZ-803.
    result = resolve_exam("AZ-803", catalog, today)
    retired = [catalog.exam(c).is_retired_on(today) for c in result.candidates]
    assert retired == sorted(retired)
    assert result.candidates[0] == "AZ-802"


@pytest.mark.parametrize("text", ["hello", "the azure exam", "", "what is the weather", "the associate cert"])
def test_not_exams(catalog, today, text):
    result = resolve_exam(text, catalog, today)
    assert result.status == NOT_FOUND and result.code is None


def test_a_shared_name_goes_to_the_exam_available_on_the_date(catalog, today):
    """AI-900 and AI-901 share the title; before AI-900 retired, the title meant either."""
    title = catalog.exam("AI-901").title
    retired_on = catalog.exam("AI-900").status.retirement_date
    assert retired_on is not None
    assert ExamResolver.from_catalog(catalog, nicknames_file=None).resolve(title, today).code == "AI-901"
    before = ExamResolver.from_catalog(catalog, nicknames_file=None).resolve(title, retired_on - timedelta(days=30))
    assert before.status == AMBIGUOUS and set(before.candidates) == {"AI-900", "AI-901"}


# (sentence, codes mentioned in order; None for an unknown or ambiguous mention)
SENTENCES = [
    ("compare AZ-104 and AZ-305", ["AZ-104", "AZ-305"]),
    ("az305 vs az104?", ["AZ-305", "AZ-104"]),
    ("which is easier, the admin one or the architect one?", ["AZ-104", "AZ-305"]),
    ("is az104 harder than az 900?", ["AZ-104", "AZ-900"]),
    ("AZ-104 vs the azure fundamentals", ["AZ-104", "AZ-900"]),
    ("should I do the security engineer exam or the AI fundamentals", ["SC-500", "AI-901"]),
    ("Cloud and AI Security Engineer Associate versus Azure Solutions Architect Expert", ["SC-500", "AZ-305"]),
    ("what about the data exam and the Fabric data engineer cert", [None, "DP-700"]),
    ("compare AZ-999 with AZ-104", [None, "AZ-104"]),
    ("what's the passing score for Azure Administrator Associate", ["AZ-104"]),
    ("how long does the cosmos db exam take", ["DP-420"]),
    # job titles are not exam mentions
    ("I'm an Azure administrator and want to become an architect", []),
    ("I'm a security engineer and a data engineer", []),
    ("the exam is 100 minutes long and has 40 to 60 questions", []),
]


@pytest.mark.parametrize("sentence, codes", SENTENCES, ids=[s[0] for s in SENTENCES])
def test_mentions_in_a_sentence(catalog, today, sentence, codes):
    mentions = find_exam_mentions(sentence, catalog, today)
    assert [m.code for m in mentions] == codes
    for mention in mentions:
        assert sentence[mention.start:mention.end] == mention.text
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_mentions_keep_unknown_and_ambiguous_results(catalog, today):
    unknown, known = find_exam_mentions("compare AZ-999 with AZ-104", catalog, today)
    assert unknown.resolution.status == UNKNOWN_CODE and "AZ-900" in unknown.resolution.candidates
    assert known.resolution.status == RESOLVED
    (ambiguous,) = find_exam_mentions("tell me about the data exam", catalog, today)
    assert ambiguous.resolution.status == AMBIGUOUS and len(ambiguous.resolution.candidates) > 1


def test_distinct_codes(catalog, today):
    mentions = find_exam_mentions("AZ-104, az104 and AZ-305", catalog, today)
    assert distinct_codes(mentions) == ("AZ-104", "AZ-305")


def test_curated_names_must_name_known_exams(catalog, tmp_path):
    bad = tmp_path / "synonyms.yml"
    bad.write_text("names:\n  AZ-999: [the imaginary exam]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="AZ-999"):
        ExamResolver.from_catalog(catalog, synonyms_file=bad, nicknames_file=None)


@pytest.mark.parametrize("a, b, distance", [("999", "900", 2), ("104", "104", 0), ("205", "204", 1), ("", "ab", 2)])
def test_levenshtein(a, b, distance):
    assert levenshtein(a, b) == distance
