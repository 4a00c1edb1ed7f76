"""The answer reader's stated rules, one case per line (values from the rules, not from the code)."""

from __future__ import annotations

from datetime import date

import pytest

from components.answer_certifications import read_certifications
from components.answer_numbers import read_hours
from components.answer_reader import answers_question, asks_for_advice, read_answer, read_goal
from components.follow_up_reader import accepts_offer, follow_up_kind

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("text, hours", [
    ("5", 5.0), ("4-5", 4.5), ("2 or 3", 2.5), ("10ish", 10.0), ("between 6 and 8", 7.0),
    ("friday afternoons, so like 4h", 4.0), ("an hour a day", 7.0), ("an hour a day, but only on weekdays", 5.0),
    ("30 mins a day", 3.5), ("90 minutes a week", 1.5), ("weekends, 3h each day", 6.0),
    ("two evenings a week, 2 hours each", 4.0), ("three", 3.0), ("like 20 hours a month", 4.6),
    ("6 hrs a week, no make that 8", 8.0), ("full time rn since im job hunting, like 20+", 20.0),
    ("10 hours a week, well maybe 8 realistically", 8.0),
    ("10ish. also my azure exp isnt none, ive been running our landing zone pilot for 6 months", 10.0),
    ("7h now and 20h in july-aug", 7.0),
])
def test_hours_follow_the_stated_rules(text, hours):
    assert read_hours(text, asked=True) == hours


def test_a_correction_names_the_new_hours_even_unasked():
    assert read_hours("i said 8 not 6", asked=False) == 8.0
    assert read_hours("its 20 hrs a week not 40", asked=False) == 20.0


def test_a_large_total_is_not_hours_a_week_unless_asked():
    assert read_hours("I already passed it once, 60-100 hours seems a lot for me?", asked=False) is None
    assert read_hours("60 hours a week", asked=False) == 60.0


def test_a_bare_number_is_hours_only_when_the_hours_question_was_asked():
    assert read_hours("5", asked=False) is None
    assert read_hours("5 hours a week", asked=False) == 5.0
    assert read_hours("since 2019", asked=True) is None


@pytest.mark.parametrize("slot, text, value", [
    ("coding_comfort", "a bit", "low"), ("coding_comfort", "meh", "low"), ("coding_comfort", "nope", "low"),
    ("coding_comfort", "basic python", "low"), ("coding_comfort", "T-SQL and some PowerShell", "medium"),
    ("coding_comfort", "high", "high"), ("coding_comfort", "I build apps in C#", "high"),
    ("coding_comfort", "very little", "low"),
    ("coding_comfort", "rarely, i run scripts other ppl wrote. powershell a little", "low"),
    ("coding_comfort", "not really, but i write powershell scripts for AD", "medium"),
    ("azure_experience", "very little", "some"), ("azure_experience", "a couple of years", "extensive"),
    ("azure_experience", "only in a lab once", "some"), ("azure_experience", "few months", "some"),
    ("azure_experience", "none on Azure, tons on AWS", "none"), ("azure_experience", "only AWS, 5 years", "none"),
    ("azure_experience", "almost 2 years", "some"), ("azure_experience", "1.5 years", "some"),
    ("azure_experience", "since 2019", "extensive"),
    ("azure_experience", "none, just deployed a react app to vercel once", "none"),
    ("org_cloud_maturity", "we are just starting", "early"), ("org_cloud_maturity", "all in on azure", "mature"),
])
def test_answers_to_the_question_asked(slot, text, value):
    reading = read_answer(slot, text, asked=True, today=TODAY)
    assert reading is not None and reading.value == value


def test_a_role_alone_says_nothing_about_coding_and_not_sure_is_not_a_guess():
    assert read_answer("coding_comfort", "I'm a developer", asked=False) is None
    assert read_answer("azure_experience", "not sure", asked=True) is None


@pytest.mark.parametrize("text, codes, none, vendors", [
    ("PL-300", ("PL-300",), False, ()),
    ("az104 and 900", ("AZ-104", "AZ-900"), False, ()),
    ("failed AZ-104, have AZ-900", ("AZ-900",), False, ()),
    ("no microsoft ones, just comptia and aws", (), True, ("CompTIA", "AWS")),
    ("my boss has AZ-305, I have none", (), True, ()),
    ("none, just did the az-900 practice test but never booked it", (), True, ()),
])
def test_certifications_answer(text, codes, none, vendors):
    answer = read_certifications(text, asked=True, known=("AZ-104", "AZ-900", "AZ-305", "PL-300"))
    assert answer is not None
    assert answer.codes == codes and answer.said_none == none and answer.other_vendors == vendors


@pytest.mark.parametrize("text, codes, lapsed", [
    ("had az-104 from 2021 but it expired i think", (), ("AZ-104",)),
    ("az-900, and az-104 from 2021 but pretty sure its expired", ("AZ-900",), ("AZ-104",)),
    ("AZ-104, never renewed it", (), ("AZ-104",)),
    ("my az-204 expires in march", ("AZ-204",), ()),
    ("AZ-104, renewed last month", ("AZ-104",), ()),
])
def test_a_lapsed_certification_is_not_held(text, codes, lapsed):
    answer = read_certifications(text, asked=True, known=("AZ-104", "AZ-900", "AZ-204"))
    assert answer is not None and (answer.codes, answer.lapsed) == (codes, lapsed)


@pytest.mark.parametrize("text, codes, vendors", [
    ("have AZ-305 and AZ-104 (both current)", ("AZ-305", "AZ-104"), ()),
    ("I have AZ-900. what about AZ-104?", ("AZ-900",), ()),
])
def test_certifications_stated_in_passing(text, codes, vendors):
    answer = read_certifications(text, asked=False)
    assert answer is not None and (answer.codes, answer.other_vendors) == (codes, vendors)


def test_older_microsoft_certifications_are_experience_not_codes():
    answer = read_certifications("had mcsa 2016 years ago, expired now i think", asked=True)
    assert answer is not None and answer.codes == () and answer.other_vendors == ("retired Microsoft (MCSA, MCSE)",)


def test_a_question_about_an_exam_is_no_certification_held():
    assert read_certifications("what about AZ-104?", asked=False) is None


@pytest.mark.parametrize("text, undecided, stay, fundamentals, topic", [
    ("you choose", True, False, False, None),
    ("not sure, what do people usually do?", True, False, False, None),
    ("stay a DBA but in Azure", False, True, False, None),
    ("just one AI certificate for my CV", False, False, True, "ai_engineer"),
    ("I'll stay a manager, I just need the overview", False, True, True, None),
    ("i have to understand cloud well enough to run the migration project", False, False, True, None),
    ("know enough about azure to steer my team", False, False, True, None),
    ("none really", True, False, False, None),
])
def test_goals_that_are_not_job_titles(text, undecided, stay, fundamentals, topic):
    goal = read_goal(text, asked=True)
    assert goal is not None
    got = (goal.undecided, goal.stay, goal.fundamentals_only, goal.topic_role)
    assert got == (undecided, stay, fundamentals, topic)


@pytest.mark.parametrize("slot, text, answers", [
    ("coding_comfort", "high", True), ("weekly_hours", "2 or 3", True), ("certifications_held", "PL-300", True),
    ("azure_experience", "is it open book?", False), ("weekly_hours", "what does AZ-104 cost?", False),
])
def test_what_counts_as_an_answer_for_the_policy(slot, text, answers):
    assert answers_question(slot, text) is answers


@pytest.mark.parametrize("text, kind", [
    ("does my AWS cert count?", "other_vendor"), ("I have CCNA, does that help?", "other_vendor"),
    ("will this get me a job?", "career"), ("is it open book?", "policy"), ("how do I renew?", "policy"),
    ("why not AZ-204?", "path_step"), ("should I do AZ-900 first?", "path_step"),
    ("can i skip 104 and go straight to 305?", "path_step"), ("oh I forgot, I have AZ-900", "profile"),
    ("now I can do 10 hours a week", "profile"), ("sources?", "explain"),
    ("what does the whole path cost?", "path_cost"), ("changed jobs, I'm a security engineer now", None),
    ("what's on AZ-104?", None), ("compare AZ-104 and AZ-305", None),
    ("ok switch my path to ai-300 then", "choose_exam"), ("put SC-200 on my path instead", "choose_exam"),
    ("i'd rather do az-802", "choose_exam"), ("can you swap 104 for 802 please?", "choose_exam"),
    ("let's go with DP-750", "choose_exam"), ("i want sc-200 instead", "choose_exam"),
    ("should i do az-802 instead or first?", "path_step"), ("isnt az-802 the one for me?", None),
    ("we use Databricks, shouldn't it be DP-750?", None), ("what if I had AZ-104, would the path change?", "what_if"),
    ("remove az-104 from my path please", "skip_exam"), ("i'd rather skip 104 and just do 700", "skip_exam"),
    ("can i skip 104?", "path_step"), ("put az-305 on my path after 400", "choose_exam"),
    ("add SC-500 too", "choose_exam"), ("can i have both done by end of june?", "deadline"),
    ("so is pl-300 actually an azure cert?", "exam_family"), ("too long. faster option?", "faster"),
    ("Could I sit AZ-305 before AZ-104 to go faster?", "path_step"),
    ("does my ms-900 count for anything?", "held_counts"), ("is my ai-900 still valid?", "held_validity"),
    ("so my 204 just dies in june 2027? can i renew it again", "held_validity"),
    ("I passed AZ-104 in March 2025", "held_validity"), ("does sc-200 count towards sc-100?", "counts_toward"),
    ("is AZ-104 a prerequisite for AZ-305?", "counts_toward"),
    ("is az-104 linux friendly or all windows stuff?", "covers"),
    ("whats the azure equivalant of SA pro?", "equivalent"),
    ("so az-305 is basically the SA pro equivalent?", "equivalent"),
    ("add az-802 to my path before az-104", "reorder"), ("swap the order", "reorder"),
    ("put az-140 first please, az-104 after", "reorder"), ("i want az-104 first and sc-500 second", "reorder"),
    ("should I do AZ-900 first?", "path_step"), ("can i do az-305 first?", "path_step"),
    ("is dp-750 still beta or fully live?", "status"),
    ("just the fundamentals", "fundamentals_only"), ("ok just fundamentals", "fundamentals_only"),
    ("no, i want only az-900 please", "fundamentals_only"),
    ("there is a certification for SAP in azure?", "find_exam"),
    ("is there a student discount on the exams?", "policy"),
    ("isnt there a copilot studio / low-code agents cert?", "find_exam"),
    ("whats the aws equivalent of ai-200, in case we go multi cloud", "equivalent"),
    ("az-400 is kinda like the aws devops pro right? how do they compare", "equivalent"),
    ("is there a cert for playfab", "find_exam"),
    ("is terraform on az-400 or only bicep/arm?", "covers"), ("what's on AZ-104?", None),
    ("can I take AZ-900 online from home, yes or no", "policy"),
    ("no i mean which exam do i do NEXT after az900", "path_step"),
    ("you skipped my question: is AZ-700 hard for someone with CCNP?", "path_step"),
    ("Put AZ-900 first", "reorder"),
])
def test_follow_up_kinds(text, kind):
    assert follow_up_kind(text) == kind


@pytest.mark.parametrize("reply, offer, accepted", [
    ("yes", 'DP-750 fits if … Want DP-750 on your path instead of DP-700? Say yes, or "switch to DP-750".',
     "switch to DP-750"),
    ("yes please", 'Want me to take AZ-104 off your path? Say yes, or "skip AZ-104".', "skip AZ-104"),
    ("ok thanks", 'Want DP-750 on your path? Say yes, or "switch to DP-750".', None),
    ("yes", "Your path is unchanged: AZ-104.", None),
    ("no, keep it", 'Want DP-750 on your path? Say yes, or "switch to DP-750".', None),
])
def test_yes_to_an_offer_is_the_offered_change(reply, offer, accepted):
    assert accepts_offer(reply, offer) == accepted


@pytest.mark.parametrize("text, advice", [
    ("help me choose an exam pls", True), ("Good evening. I'm interested in Microsoft certifications.", True),
    ("hey, thinking about getting certified in azure", True), ("which cert should I book?", True),
    ("what's on AZ-104?", False), ("hello", False), ("I'm interested in security", False),
])
def test_a_request_for_advice_starts_the_profile(text, advice):
    assert asks_for_advice(text) is advice


@pytest.mark.parametrize("text, hours", [
    ("maybe 15 hours a week in June. Until then maybe 6", 6.0),  # the hours that hold now
    ("during semester ~5h, in summer way more like 15", 5.0),
    ("for now 5h, later 10h", 5.0),
    ("my hours: 4 per week, not 8. please change", 4.0),
    ("so which ONE do i book first", None), ("two", 2.0), ("maybe two hours a week", 2.0),
    ("17-27 weeks for a fundamentals exam?? I've been in infrastructure 20 years", None),  # weeks are no hours
])
def test_hours_now_and_durations(text, hours):
    assert read_hours(text, asked=True) == hours


@pytest.mark.parametrize("text, undecided", [
    ("retail manager, zero IT, 6h a week, you decide my goal", True),
    ("teacher here, surprise me", True),
    ("I want to be a data engineer, you pick the exams", False),
])
def test_you_choose_is_read_before_the_goal_is_asked(text, undecided):
    goal = read_goal(text, asked=False)
    assert (goal is not None and goal.undecided) is undecided


def test_with_two_offers_the_yes_takes_the_exam_it_names():
    offers = ('Want AZ-400 on your path after AZ-305? Say yes, or "switch to AZ-400". Want SC-100 on your path after '
              'AZ-305? Say yes, or "switch to SC-100".')
    assert accepts_offer("yes add SC-100", offers) == "switch to SC-100"
    assert accepts_offer("yes please", offers) == "switch to AZ-400"
    assert accepts_offer("yes, DP-700", offers) is None
