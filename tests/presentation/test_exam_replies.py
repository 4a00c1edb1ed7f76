"""Answers about exams and the certification rules, checked against the knowledge base they come from."""

from __future__ import annotations

import re
from datetime import date

import pytest

from advisor.exam_facts import ASPECTS, RULE_ASPECTS, is_rule_question, normalise_aspects
from advisor.profile import Profile
from knowledge.catalog import Catalog, Exam
from presentation.exam_replies import answer_about_exam, answer_about_rules, refuse_exam_dumps, unknown_exam_reply

SAMPLE_CODES = ("AZ-900", "AZ-104", "AZ-305", "AZ-204", "DP-203", "SC-100", "AI-200")
URL = re.compile(r"https?://\S+, checked \d{4}-\d{2}-\d{2}")


def _text(exam: Exam, aspects, catalog: Catalog, today: date, profile=None) -> str:
    return "\n\n".join(reply.text for reply in answer_about_exam(exam, aspects, catalog, today, profile))


@pytest.mark.parametrize("code", SAMPLE_CODES)
@pytest.mark.parametrize("aspect", ASPECTS)
def test_every_aspect_of_every_sample_exam_is_answered_with_dated_sources(catalog, today, code, aspect):
    replies = answer_about_exam(catalog.exam(code), [aspect], catalog, today)
    assert replies
    for reply in replies:
        assert reply.text.startswith(catalog.exam(code).label)
        assert URL.search(reply.text), reply.text


def test_weak_sources_are_said_to_be_weak(catalog, today):
    exam = catalog.exam("AZ-104")
    text = _text(exam, ["price"], catalog, today)
    price = catalog.policy("price")
    assert price.source.weak
    cited = f"{price.source.url}, checked {price.source.checked.isoformat()}"
    assert f"{cited}; weak evidence, treat it as an estimate" in text


@pytest.mark.parametrize("code", SAMPLE_CODES)
def test_status_answer_matches_the_knowledge_base(catalog, today, code):
    exam = catalog.exam(code)
    text = _text(exam, ["status"], catalog, today)
    if exam.is_retired_on(today):
        assert "retired" in text and exam.status.retirement_date.isoformat() in text
        successor = catalog.current_successor(code, today)
        assert successor is not None and successor.label in text
        assert " ".join(catalog.policy("retirement").statement.split()) in text
    else:
        assert "retired" not in text.split("\n")[1]


def test_every_retired_exam_says_since_when_and_what_replaced_it(catalog, today):
    retired = [exam for exam in catalog if exam.is_retired_on(today)]
    assert retired, "the knowledge base has retired exams to test"
    for exam in retired:
        text = _text(exam, ["skills"], catalog, today)  # even when asked something else, status comes first
        assert text.split("\n")[0].endswith(": status")
        assert exam.status.retirement_date.isoformat() in text
        if exam.status.successor:
            assert catalog.exam(exam.status.successor).label in text


def test_passing_score_comes_from_the_policy(catalog, today):
    policy = catalog.policy("passing_score")
    text = _text(catalog.exam("AZ-104"), ["passing_score"], catalog, today)
    assert str(policy.values["score"]) in text and policy.source.url in text


@pytest.mark.parametrize("code", ["AZ-900", "AZ-104", "AZ-305"])
def test_price_depends_on_the_level(catalog, today, code):
    exam = catalog.exam(code)
    price = catalog.policy("price").values
    expected = price["fundamentals_usd"] if exam.level == "fundamentals" else price["role_based_usd"]
    assert f"{expected} USD" in _text(exam, ["price"], catalog, today)


def test_skills_list_every_domain_with_its_weight(catalog, today):
    exam = catalog.exam("AZ-104")
    text = _text(exam, ["skills"], catalog, today)
    for domain in exam.skills.domains:
        assert f"{domain.name}: {domain.weight_label}" in text
    assert exam.skills.as_of.isoformat() in text


def test_expert_prerequisites_name_what_must_be_held(catalog, today):
    exam = catalog.exam("AZ-305")
    text = _text(exam, ["prerequisites"], catalog, today)
    for codes in exam.prerequisite_sets:
        for code in codes:
            assert catalog.exam(code).label in text
    assert " ".join(exam.prerequisites.note.split()) in text


def test_fundamentals_do_not_expire_and_role_based_last_a_year(catalog, today):
    validity = catalog.policy("validity").values
    assert "does not expire" in _text(catalog.exam("AZ-900"), ["validity"], catalog, today)
    text = _text(catalog.exam("AZ-104"), ["validity"], catalog, today)
    assert f"valid for {validity['role_based_years']} year" in text


def test_learn_access_differs_for_fundamentals(catalog, today):
    assert "does not allow" in _text(catalog.exam("AZ-900"), ["learn_access"], catalog, today)
    assert "AZ-104 (associate) allows" in _text(catalog.exam("AZ-104"), ["learn_access"], catalog, today)


def test_study_time_uses_the_profile_background_and_weekly_hours(catalog, today):
    exam = catalog.exam("AZ-104")
    profile = Profile(current_role="administrator", azure_experience="some", weekly_hours=5)
    text = _text(exam, ["study_time"], catalog, today, profile)
    low, high = exam.study_hours.for_background("some_azure")
    assert f"{low}–{high} hours" in text and "At 5 h/week" in text


def test_study_time_without_a_profile_lists_every_background(catalog, today):
    exam = catalog.exam("AZ-104")
    text = _text(exam, ["study_time"], catalog, today)
    for _, low, high in exam.study_hours.ranges:
        assert f"{low}–{high} hours" in text


@pytest.mark.parametrize("asked, expected", [
    (["overview", "price"], ("price",)),
    (["price", "overview", "price"], ("price",)),
    (["overview"], ("overview",)),
    (["skills", "status"], ("status", "skills")),
    (["nonsense"], ()),
    ([], ()),
])
def test_aspects_are_normalised(asked, expected):
    assert normalise_aspects(asked) == expected


@pytest.mark.parametrize("aspect", RULE_ASPECTS)
def test_rule_questions_are_answered_without_an_exam(catalog, aspect):
    assert is_rule_question([aspect])
    replies = answer_about_rules([aspect], catalog)
    assert len(replies) == 1 and URL.search(replies[0].text)


def test_retake_rules_state_the_policy_numbers(catalog):
    values = catalog.policy("retakes").values
    text = answer_about_rules(["retakes"], catalog)[0].text
    assert f"{values['first_wait_hours']} hours" in text and f"{values['later_wait_days']} days" in text


def test_exam_specific_aspects_are_not_rule_questions():
    assert not is_rule_question(["skills"])
    assert not is_rule_question([])


def test_unknown_exam_offers_the_closest_known_ones(catalog):
    closest = [catalog.exam("AZ-900"), catalog.exam("AZ-104")]
    reply = unknown_exam_reply("AZ-999", closest)
    assert "I don't know an exam called AZ-999" in reply.text
    assert [b.title for b in reply.buttons] == ["AZ-900", "AZ-104"]
    assert reply.buttons[0].payload == '/ask_exam_fact{"exam_code": "AZ-900"}'


def test_dump_requests_are_refused_with_the_agreement_and_free_alternatives(catalog):
    text = refuse_exam_dumps(catalog, catalog.exam("AZ-104")).text
    for key in ("exam_security", "free_preparation", "practice_assessments"):
        assert catalog.policy(key).source.url in text
    assert "Candidate Agreement" in text and "revokes" in text
    assert catalog.exam("AZ-104").learn_url in text


@pytest.mark.parametrize("code", ["AZ-104", "AZ-305", "AZ-900"])
def test_a_rule_is_said_once_per_answer(catalog, today, code):
    renewal = " ".join(catalog.policy("renewal").statement.split())
    text = _text(catalog.exam(code), ["validity", "renewal"], catalog, today)
    assert text.count(renewal) <= 1
    rules = "\n\n".join(reply.text for reply in answer_about_rules(["validity", "renewal"], catalog))
    assert rules.count(renewal) == 1


def test_an_aspect_with_nothing_new_adds_no_empty_reply(catalog, today):
    replies = answer_about_exam(catalog.exam("AZ-900"), ["validity", "renewal"], catalog, today)
    assert all("\n- " in reply.text for reply in replies), "every reply says something"
    assert replies[-1].buttons, "the follow-up buttons stay on the last reply"
