"""Follow-ups after a recommendation that ask about a change that has not happened, about an exam beside the path,
about the exam's format or about moving a booking: each gets its own kind, and hypotheticals state no facts."""

from __future__ import annotations

from datetime import date

import pytest

from advisor.path_questions import step_named
from components.answer_deadline import read_deadline
from components.follow_up_reader import follow_up_kind
from components.message_parts import answer_parts, question_spans
from knowledge.queries import get_catalog


@pytest.mark.parametrize("text, kind", [
    # a change that has not happened: the rules re-run on a copy of the profile
    ("say I had three years on azure already, would the plan look different?", "what_if"),
    ("imagine my goal was security, what changes?", "what_if"),
    ("hypothetically, with way more azure time under my belt?", "what_if"),
    ("what if I wanted devops instead", "what_if"),
    ("let's say I already held AZ-104", "what_if"),
    ("what if I fail it twice?", "policy"),  # a failure hypothetical is the retake rule
    ("what if I put in 12 hours a week?", "path_cost"),  # new hours: the path's time at those hours
    # an exam beside the path
    ("what about SC-300?", "why_not"),
    ("ok and how about the AI-103", "why_not"),
    ("what about my AWS solutions architect cert?", "other_vendor"),
    # the exam's format
    ("does AZ-400 have labs?", "policy"),
    ("any case studies on the 305?", "policy"),
    ("is DP-700 just multiple-choice?", "policy"),
    ("what kind of questions are on the exam", "policy"),
    # moving a booking
    ("can I move my exam to next month?", "policy"),
    ("how late can I cancel my booking", "policy"),
    ("need to postpone, work got crazy", "policy"),
    # pushback on the estimate: which estimate was used and what shortens it
    ("20-30 weeks looks way too long, I've done GCP for years. realistic for me?", "estimate_basis"),
    ("does my CCNP reduce the study time for AZ-700?", "estimate_basis"),
    # other people's paths: the person's own stays
    ("what exams would you suggest for our junior admins?", "others_path"),
    ("and which certification should my analysts go for", "others_path"),
    ("ok what about my developers", "others_path"),
    ("my devs hate exams", None),
    ("I want to take AZ-104 for my team", "choose_exam"),
])
def test_follow_up_kinds(text, kind):
    assert follow_up_kind(text) == kind


@pytest.mark.parametrize("text", [
    "I did a lab once", "if I had to guess, maybe 5", "we have a lab subscription at work",
])
def test_no_question_kind_in_statements(text):
    assert follow_up_kind(text) not in ("what_if", "policy")


@pytest.mark.parametrize("text, asked", [
    ("suppose I'd been on Azure for years, would that change it?",
     ["suppose I'd been on Azure for years, would that change it?"]),
    ("let's say I had AZ-104, is AZ-305 next?", ["let's say I had AZ-104, is AZ-305 next?"]),
    ("I have AZ-104. imagine I aimed for architect", ["imagine I aimed for architect"]),
])
def test_a_hypothetical_states_no_fact(text, asked):
    assert [text[a:b].strip() for a, b in question_spans(text)] == asked


def test_two_sentences_of_one_question_are_one_part():
    assert answer_parts("is the 305 practical? any labs in it?") == []


@pytest.mark.parametrize("text, path, step", [
    ("how come the security expert one is already in there?", ["SC-200", "SC-100"], "SC-100"),
    ("do I have to do the fundamentals exam?", ["AZ-900", "AZ-104"], "AZ-900"),
    ("is the last step really needed", ["AZ-104", "AZ-305"], "AZ-305"),
    ("can I drop the associate one", ["AZ-900", "AZ-104", "AZ-305"], "AZ-104"),
    ("the expert one", ["AZ-104"], None),  # no expert step on this path
])
def test_a_step_named_without_its_code(text, path, step):
    assert step_named(text, path, get_catalog()) == step


@pytest.mark.parametrize("text, kinds", [
    ("what's the fee? and do my cisco certs matter", ["exam_fact", "other_vendor"]),
    ("how much of az-104 is networking? and could I be done by end of april", ["covers", "deadline"]),
    ("whats the pass mark. also add it to my calendar", ["exam_fact", "calendar"]),
    ("so is it hard? and also how much is it", ["path_step", "exam_fact"]),
    ("thanks a lot. and how much is it", []),  # one part has no kind of its own
])
def test_every_part_of_a_message_gets_its_answer(text, kinds):
    assert [kind for _, _, kind in answer_parts(text)] == kinds


@pytest.mark.parametrize("text", [
    "is microsoft learn enough to pass?", "any decent practice exams you'd recommend", "how should I study for it?",
    "is it more hands on or theory?",
])
def test_how_to_prepare_is_a_policy_question(text):
    assert follow_up_kind(text) == "policy"


@pytest.mark.parametrize("text, kind", [
    ("AI-200 though? is it really the right one for me, I mostly do APIs", "path_step"),
    ("wouldn't SC-300 be the better choice for me?", "path_step"),
    ("is AZ-305 realistic with my background", "path_step"),
    ("I heard AZ-104 is going away, is that true?", "status"),
    ("20 weeks for AZ-900? people do it in a week", "faster"),
])
def test_fit_status_and_time_pushback(text, kind):
    assert follow_up_kind(text) == kind


def test_a_part_that_points_back_joins_the_previous_one():
    assert answer_parts("what's AZ-802? is that better than 104 for us?") == []
    assert [k for _, _, k in answer_parts("is az-900 needed? and should I put 104 before ai-200?")] == \
        ["path_step", "path_step"]



@pytest.mark.parametrize("text, kind", [
    ("is it difficult? my maths is rusty", "path_step"), ("would that be realistic for a beginner?", "path_step"),
    ("is it open book?", "policy"),
])
def test_a_step_named_by_a_pronoun(text, kind):
    assert follow_up_kind(text) == kind


@pytest.mark.parametrize("text", [
    "and my CCNP?", "the AWS developer associate I have, anything?", "should I get Security+ first before SC-900?",
])
def test_another_vendors_certificate_asked_about(text):
    assert follow_up_kind(text) == "other_vendor"


@pytest.mark.parametrize("text", ["how long would all that take", "how long will this take me?",
                                  "how long would it take"])
def test_how_long_it_takes_is_the_path_time(text):
    assert follow_up_kind(text) == "path_cost"


@pytest.mark.parametrize("text", [
    "my dp-900 is booked for the 14th, what should I focus on?", "exam in 5 weeks, make me a study plan",
])
def test_a_booked_exam_and_what_to_focus_on_is_a_study_plan(text):
    assert follow_up_kind(text) == "study_plan"


def test_a_pass_date_after_a_renewal_question_belongs_to_it():
    text = "when is my AZ-104 up for renewal? passed it on 3 march 2026"
    assert answer_parts(text) == []
    assert follow_up_kind(text) == "held_validity"


@pytest.mark.parametrize("text, day", [
    ("booked DP-900 for 2027-03-09, on track?", "2027-03-09"),
    ("exam still 2 April 2027. am I on track?", "2027-04-02"),
    ("passed it 14 feb 2026", None),  # a day gone by is no deadline
])
def test_a_bare_date_beside_an_exam_is_its_day(text, day):
    found = read_deadline(text, date(2026, 12, 1))
    assert (found.isoformat() if found else None) == day


@pytest.mark.parametrize("text, day", [
    ("passed az-104 last friday, 812!!", "2026-11-27"), ("did it this past tuesday", "2026-11-24"),
])
def test_a_weekday_said_with_last_is_the_latest_one_gone(text, day):
    from components.returning_reader import read_result_date

    found = read_result_date(text, date(2026, 12, 1))
    assert found is not None and found[0].isoformat() == day


@pytest.mark.parametrize("text, kind", [
    ("how much overlap is there between az-104 and 305?", "compare"), ("what's the difference between DP-700 and "
                                                                      "DP-750?", "compare"),
])
def test_two_exams_compared(text, kind):
    assert follow_up_kind(text) == kind


def test_a_language_question_is_a_part_of_its_own():
    assert [k for _, _, k in answer_parts("is PL-300 hard for me? can I take the exam in spanish?")] == \
        ["path_step", "exam_fact"]


@pytest.mark.parametrize("text, attempts", [
    ("Hello again! I sat PL-300 yesterday and failed, 640", 1), ("failed it again, 650", 2),
    ("back again... failed AZ-104 for the third time", 3),
])
def test_a_greeting_again_is_no_second_failure(text, attempts):
    from components.returning_reader import failed_attempts

    assert failed_attempts(text) == attempts


@pytest.mark.parametrize("text, kind", [
    ("I pass the DP-700 yesterday! What I do now?", "exam_passed"), ("can I pass az-104 in 4 weeks?", None),
])
def test_a_pass_said_in_the_present_tense(text, kind):
    from components.returning_reader import returning_kind

    assert returning_kind(text) == kind


@pytest.mark.parametrize("text, requested, kind", [
    ("does AZ-305 have coding questions?", "target_role", "exam_fact"),
    ("whatever. any coding on az-700?", "target_role", "exam_fact"),
    ("I passed AI-900 in 2023. Do I still hold that cert or did it expire?", "weekly_hours", "held_validity"),
    ("which certs should my juniors do, they are helpdesk", "weekly_hours", "others_path"),
    ("none, is that a problem?", "certifications_held", None),  # an answer with a question: the form reads it
    ("I code in python daily", "coding_comfort", None),
])
def test_questions_asked_instead_of_a_profile_answer(text, requested, kind):
    from components.message_parts import question_instead_of_answer
    assert question_instead_of_answer(text, requested) == kind
