"""What an exam counts for and covers: the prerequisite sets and skills outlines in knowledge/exams, in words."""

from __future__ import annotations

import pytest

from advisor.exam_family import counts_toward_answer, coverage_answer, find_exam_answer
from presentation.compose import reply_to


@pytest.mark.parametrize("code, target, start", [
    ("SC-200", "SC-100", "Yes: the Cybersecurity Architect Expert certification (SC-100) requires"),
    ("AZ-104", "AZ-305", "Yes: the Azure Solutions Architect Expert certification (AZ-305) requires AZ-104."),
    ("AZ-204", "AZ-305", "No: the Azure Solutions Architect Expert certification (AZ-305) requires AZ-104, not"),
    ("AZ-104", "AZ-700", "No: AZ-700 has no prerequisite"),
])
def test_counts_toward(code, target, start, catalog):
    assert reply_to(counts_toward_answer(code, target, catalog)).text.startswith(start)


@pytest.mark.parametrize("code, text, start", [
    ("AZ-104", "is az-104 linux friendly or all windows stuff?",
     "The AZ-104 skills outline (as of 17 April 2026) doesn't mention \"linux\" or \"windows\""),
    ("AZ-104", "does az-104 cover networking?", "Yes: the AZ-104 skills outline names networking in"),
])
def test_coverage_from_the_skills_outline(code, text, start, catalog):
    answer = coverage_answer(code, text, catalog)
    assert answer is not None and reply_to(answer).text.startswith(start)


@pytest.mark.parametrize("text, start", [
    ("there is a certification for SAP in azure?", "Yes: AZ-120 "),
    ("is there a cert for github copilot?", "Yes: GH-300 "),
    ("is there a cert for m365 basics?", "2 current exams fit m365 basics"),
    ("is there a cert for playfab", "No current Microsoft exam in my knowledge base is specifically about playfab"),
])
def test_finding_an_exam_by_subject(text, start, catalog, today):
    from advisor.exam_family import find_exam_answer

    assert reply_to(find_exam_answer(text, catalog, today)).text.startswith(start)


@pytest.mark.parametrize("text, start", [
    ("whats the azure equivalant of SA pro?",
     "The nearest Azure one to AWS Solutions Architect Professional is AZ-305"),
    ("azure version of the aws developer associate?", "The nearest Azure one to AWS Developer Associate is AI-200"),
    ("equivalent of GCP professional cloud architect", "The nearest Azure one to Google Professional Cloud Architect"),
])
def test_the_nearest_azure_exam_to_another_clouds(text, start, catalog, today):
    from advisor.equivalents import equivalent_answer

    answer = equivalent_answer(text, catalog, today)
    assert answer is not None
    text = reply_to(answer).text
    assert text.startswith(start) and "not an official equivalence" in text


def test_which_of_two_is_for_me_comes_from_the_path(catalog, today):
    from advisor.profile import Profile
    from presentation.choice_answers import for_you

    person = Profile(current_role="data_engineer", target_role="ai_engineer", coding_comfort="high",
                     azure_experience="some", weekly_hours=5.0)  # path AI-103; AI-300 is the MLOps alternative
    text = for_you("AI-300", "AI-103", person, catalog, today).text
    assert text.startswith("For you: AI-103.") and 'say "switch to AI-300"' in text


def test_the_subject_never_ends_in_a_dangling_word(catalog, today):
    heading = find_exam_answer("is there any cert on labs in the", catalog, today).heading
    assert not heading.rstrip(". ").endswith((" the", " in")), heading


def test_find_exam_names_no_fit_for_generic_words(catalog, today):
    from advisor.exam_family import find_exam_answer

    assert find_exam_answer("any azure cert for hospital IT?", catalog, today).heading.startswith(
        "No current Microsoft exam in my knowledge base is specifically about hospital IT")
    assert find_exam_answer("is there an exam on k8s?", catalog, today).heading.startswith("Yes: AI-200")
