"""The question actions, driven with rasa-sdk Trackers: answers are checked against the knowledge base."""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.budget import ActionAdviseBudget
from actions.comparisons import ActionCompareExams
from actions.context import catalog
from actions.counterfactuals import ActionAnswerWhyNot
from actions.exam_dumps import ActionRefuseExamDumps
from actions.exam_questions import ActionAnswerExamQuestion
from actions.study_plans import ActionMakeStudyPlan, weeks_from
from advisor.profile import Profile
from advisor.rules import recommend
from tests.conftest import TODAY

ARCHITECT = {"current_role": "administrator", "target_role": "architect", "coding_comfort": "low",
             "azure_experience": "some", "certifications_held": [], "weekly_hours": 5.0}


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setenv("ADVISOR_TODAY", TODAY.isoformat())


def tracker(text: str, intent: str, entities: Optional[List[Dict[str, Any]]] = None,
            slots: Optional[Dict[str, Any]] = None) -> Tracker:
    message = {"text": text, "intent": {"name": intent}, "entities": entities or []}
    events = [{"event": "user", "text": text, "parse_data": message}]
    return Tracker("user", dict(slots or {}), message, events, False, None, {}, "action_listen")


def run(action: Any, track: Tracker) -> tuple:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, track, {}))
    return dispatcher.messages, events


def text_of(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def aspect(value: str) -> Dict[str, Any]:
    return {"entity": "exam_aspect", "value": value}


def test_passing_score_for_a_named_exam_with_source_and_focus():
    kb = catalog()
    messages, events = run(ActionAnswerExamQuestion(), tracker(
        "what's the passing score for az104?", "ask_exam_fact", [aspect("passing_score")]))
    text = text_of(messages)
    policy = kb.policy("passing_score")
    assert kb.exam("AZ-104").label in text
    assert str(policy.values["score"]) in text and policy.source.url in text
    assert SlotSet("exam_in_focus", "AZ-104") in events


def test_a_follow_up_question_uses_the_exam_in_focus():
    exam = catalog().exam("AZ-305")
    messages, _ = run(ActionAnswerExamQuestion(), tracker(
        "and what's on it?", "ask_exam_fact", [aspect("skills")], {"exam_in_focus": "AZ-305"}))
    text = text_of(messages)
    assert all(domain.name in text for domain in exam.skills.domains)


def test_certification_names_resolve_like_codes():
    messages, _ = run(ActionAnswerExamQuestion(), tracker(
        "tell me about the Azure Administrator cert", "ask_exam_fact", [aspect("overview")]))
    assert catalog().exam("AZ-104").label in text_of(messages)


def test_a_retired_exam_says_so_first():
    kb = catalog()
    messages, _ = run(ActionAnswerExamQuestion(), tracker("how long is the AZ-204 exam", "ask_exam_fact",
                                                          [aspect("duration")]))
    first = messages[0]["text"]
    assert "retired" in first and kb.exam("AZ-204").status.retirement_date.isoformat() in first
    assert kb.current_successor("AZ-204", TODAY).label in first


def test_an_unknown_code_gets_the_closest_known_ones():
    messages, events = run(ActionAnswerExamQuestion(), tracker("what is AZ-999?", "ask_exam_fact"))
    assert "I don't know an exam called AZ-999" in messages[0]["text"]
    assert messages[0]["buttons"] and all(b["title"] in catalog().exams for b in messages[0]["buttons"])
    assert events == []


def test_a_rule_question_without_an_exam_gets_the_rule():
    policy = catalog().policy("retakes")
    messages, _ = run(ActionAnswerExamQuestion(), tracker("what if I fail, when can I retake?", "ask_exam_fact",
                                                          [aspect("retakes")]))
    assert f"{policy.values['first_wait_hours']} hours" in text_of(messages)


def test_an_exam_question_without_an_exam_asks_which_one():
    messages, _ = run(ActionAnswerExamQuestion(), tracker("what's on the exam?", "ask_exam_fact", [aspect("skills")]))
    assert messages[0]["text"].startswith("Which exam do you mean?")


def test_an_ambiguous_name_offers_the_candidates():
    messages, _ = run(ActionAnswerExamQuestion(), tracker("is the data exam hard?", "ask_exam_fact"))
    assert messages[0]["text"].startswith("Which exam do you mean?") and len(messages[0]["buttons"]) >= 2


@pytest.mark.parametrize("text, weeks", [
    ("6 weeks", 6), ("two weeks", 2), ("a month", 4), ("3 months", 13), ("12 wks", 12), ("10 hours", None),
    ("soon", None),
])
def test_weeks_until_the_exam_are_read(text, weeks):
    assert weeks_from(text) == weeks


def test_a_plan_for_six_weeks_follows_the_domains():
    exam = catalog().exam("AZ-104")
    messages, events = run(ActionMakeStudyPlan(), tracker(
        "my AZ-104 exam is in 6 weeks, make me a plan", "ask_study_plan",
        [{"entity": "weeks_until_exam", "value": "6 weeks"}], ARCHITECT))
    text = text_of(messages)
    assert "Week 6" in text and "Week 7" not in text
    assert any(domain.name in text for domain in exam.skills.domains)
    assert "practice assessment" in text
    assert SlotSet("exam_in_focus", "AZ-104") in events


def test_how_long_at_five_hours_a_week():
    messages, _ = run(ActionMakeStudyPlan(), tracker(
        "how long will AZ-104 take me at 5 hours a week?", "ask_study_plan",
        [{"entity": "weekly_hours", "value": 5.0}], {**ARCHITECT, "weekly_hours": None}))
    assert "at 5 h/week" in text_of(messages)


def test_the_whole_path_totals_time_and_cost():
    kb = catalog()
    rec = recommend(Profile.from_slots(ARCHITECT), kb, TODAY)
    messages, _ = run(ActionMakeStudyPlan(), tracker(
        "how much will the whole path cost?", "ask_study_plan", [], {**ARCHITECT, "recommended_path": rec.path}))
    text = text_of(messages)
    assert all(code in text for code in rec.path) and "USD" in text
    assert kb.policy("price").source.url in text


def test_a_plan_for_a_retired_exam_points_to_its_successor():
    messages, _ = run(ActionMakeStudyPlan(), tracker("plan for AZ-204 in 6 weeks", "ask_study_plan",
                                                     [{"entity": "weeks_until_exam", "value": "6 weeks"}]))
    assert "retired" in messages[0]["text"].lower()


def test_compare_two_named_exams_as_a_table_and_an_easier_verdict():
    messages, _ = run(ActionCompareExams(), tracker("which is easier, AZ-104 or AI-200?", "compare_exams", [],
                                                    ARCHITECT))
    text = text_of(messages)
    assert "AZ-104" in text and "AI-200" in text and "Coding:" in text
    assert "likely the easier one for you" in text and "Sources:" in text


def test_compare_with_one_exam_uses_the_path():
    rec = recommend(Profile.from_slots(ARCHITECT), catalog(), TODAY)
    messages, _ = run(ActionCompareExams(), tracker("compare with AZ-400", "compare_exams", [],
                                                    {**ARCHITECT, "recommended_path": rec.path}))
    assert "AZ-400 Designing" in messages[0]["text"] and rec.path[0] in messages[0]["text"]


def test_compare_without_exams_asks_which_two():
    messages, _ = run(ActionCompareExams(), tracker("compare them", "compare_exams"))
    assert messages[0]["text"].startswith("Which two exams")


def test_why_not_names_the_rule_and_what_would_change():
    messages, _ = run(ActionAnswerWhyNot(), tracker("why not AI-200?", "ask_why_not", [],
                                                    {**ARCHITECT, "recommended_path": ["AZ-104", "AZ-305"]}))
    text = text_of(messages)
    assert "Your goal decides the track" in text and "with the goal developer" in text


def test_what_if_i_learn_python_reruns_the_rules():
    messages, _ = run(ActionAnswerWhyNot(), tracker(
        "what if I learn Python?", "ask_why_not", [{"entity": "coding_comfort", "value": "low"}],
        {**ARCHITECT, "recommended_path": ["AZ-104", "AZ-305"]}))
    text = text_of(messages)
    assert "With coding comfort medium" in text and "With coding comfort high" in text


def test_budget_picks_one_exam_from_the_path():
    messages, _ = run(ActionAdviseBudget(), tracker("my employer pays for one exam", "ask_budget", [], ARCHITECT))
    assert "Spend it on AZ-104" in messages[0]["text"]


def test_budget_without_a_profile_asks_for_it():
    messages, _ = run(ActionAdviseBudget(), tracker("my employer pays for one exam", "ask_budget"))
    assert "role and goal" in messages[0]["text"]


def test_dumps_are_refused_with_the_security_policy():
    kb = catalog()
    messages, _ = run(ActionRefuseExamDumps(), tracker("where can I find AZ-104 dumps?", "ask_exam_dumps"))
    assert kb.policy("exam_security").source.url in messages[0]["text"]
    assert messages[0]["buttons"][0]["payload"] == '/ask_study_plan{"exam_code": "AZ-104"}'


def test_a_recommendation_offers_why_compare_study_plan_and_start_over():
    from presentation.buttons import follow_up_buttons
    rec = recommend(Profile.from_slots(ARCHITECT), catalog(), TODAY)
    buttons = {button.title: button.payload for button in follow_up_buttons(rec)}
    assert buttons["Why?"] == "/explain_recommendation"
    assert buttons[f"Compare {rec.path[0]} and {rec.path[1]}"] == f"compare {rec.path[0]} and {rec.path[1]}"
    assert buttons["Study plan"] == '/ask_study_plan{"exam_code": "' + rec.path[0] + '"}'
    assert buttons["Start over"] == "/start_over"


def test_unclear_messages_offer_the_two_likeliest_meanings_with_their_entities():
    from actions.fallback import ActionAskAffirmation
    message_tracker = tracker("az104 hmm price?", "nlu_fallback", [{"entity": "exam_code", "value": "AZ-104"}])
    message_tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.4}, {"name": "ask_exam_fact", "confidence": 0.35},
        {"name": "out_of_scope", "confidence": 0.2}, {"name": "compare_exams", "confidence": 0.1},
    ]
    messages, _ = run(ActionAskAffirmation(), message_tracker)
    buttons = [(b["title"], b["payload"]) for b in messages[0]["buttons"]]
    assert buttons == [("A question about an exam", '/ask_exam_fact{"exam_code": "AZ-104"}'),
                       ("Comparing two exams", '/compare_exams{"exam_code": "AZ-104"}'),
                       ("Something else", "/out_of_scope")]
