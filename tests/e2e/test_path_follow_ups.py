"""Follow-ups after a recommendation that change or test the path, through REST against the real servers:
choosing an exam ("switch my path to AI-300", "yes" to an offer), deadlines, "is PL-300 an Azure cert?",
"does my MS-900 count?", lapsed certifications and order questions. Today is pinned (tests/conftest.py).
"""

from __future__ import annotations

from typing import Iterator

import pytest

from scripts.servers import Servers
from tests.e2e.helpers import module_servers, slots, texts

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[Servers]:
    yield from module_servers(tmp_path_factory.mktemp("e2e-follow-ups"))


def profile(servers: Servers, user: str, *answers: str) -> str:
    """Answer the form in order; the reply texts of the last answer (the recommendation)."""
    replies: list = []
    for answer in answers:
        replies = servers.say(user, answer)
    return texts(replies)


def test_a_soc_analyst_takes_the_offer_of_sc200(servers):
    user = "e2e-soc"
    profile(servers, user, "I'm a security engineer and want to stay in security", "none", "some", "none", "6")
    assert slots(servers, user)["recommended_path"] == ["AZ-104", "SC-500"]
    offer = texts(servers.say(user, "isn't SC-200 the one for me? I work in a SOC with Sentinel"))
    assert "SC-200" in offer and "Say yes" in offer
    answer = texts(servers.say(user, "yes please"))
    assert "SC-200" in answer and "Done" in answer
    state = slots(servers, user)
    assert state["recommended_path"] == ["SC-200"] and state["chosen_exams"] == ["SC-200"]


def test_switch_my_path_to_another_tracks_exam_moves_the_goal_out_loud(servers):
    user = "e2e-mlops"
    profile(servers, user, "data engineer", "I write python every day", "data engineering", "a couple of years",
            "none", "8")
    answer = texts(servers.say(user, "ok switch my path to ai-300 then"))
    assert "your goal is now AI engineer (it was data engineer)" in answer
    state = slots(servers, user)
    assert state["target_role"] == "ai_engineer" and state["recommended_path"] == ["AI-300"]


def test_a_deadline_question_gets_a_yes_or_no(servers):
    user = "e2e-deadline"
    profile(servers, user, "developer", "I build apps in C#", "developer", "a bit", "none", "5")
    assert slots(servers, user)["recommended_path"] == ["AI-200"]
    answer = texts(servers.say(user, "if i do 15h a week, can i have ai-200 done before june?"))
    assert answer.startswith(("Yes", "Possible but tight", "Not at this pace")) and "15 h/week" in answer
    assert slots(servers, user)["weekly_hours"] == 5.0, "a what-if about hours is no change of the profile"


def test_family_and_held_certification_questions_are_answered_directly(servers):
    user = "e2e-analyst"
    profile(servers, user, "business analyst, lots of excel and power bi", "basically none", "data analyst",
            "none", "none", "4")
    family = texts(servers.say(user, "so is pl-300 actually an azure cert? my manager said azure"))
    assert family.startswith("Not an Azure one") and "Power Platform" in family
    held = texts(servers.say(user, "does my ms-900 count for anything?"))
    assert "MS-900" in held and "Noted: you hold MS-900" in held
    assert "MS-900" in slots(servers, user)["certifications_held"]


def test_a_lapsed_certification_is_not_counted(servers):
    user = "e2e-lapsed"
    answer = profile(servers, user, "sysadmin", "a little powershell", "azure admin", "i had a lot back then",
                     "had az-104 from 2021 but it expired i think")
    assert "lapsed" in answer
    servers.say(user, "5")
    state = slots(servers, user)
    assert "AZ-104" not in (state["certifications_held"] or []) and "AZ-104" in state["recommended_path"]


def test_sitting_the_expert_exam_first_is_allowed_and_said(servers):
    user = "e2e-order"
    profile(servers, user, "cloud engineer at a GCP shop", "scripts mostly", "solutions architect", "none",
            "none", "10")
    assert slots(servers, user)["recommended_path"][-2:] == ["AZ-104", "AZ-305"]
    answer = texts(servers.say(user, "Could I sit AZ-305 before AZ-104 to go faster?"))
    assert answer.startswith("Yes, you may sit AZ-305 before AZ-104")


def test_work_that_fits_an_alternative_picks_it_out_loud_and_can_be_undone(servers):
    user = "e2e-soc-cue"
    answer = profile(servers, user, "SOC analyst, splunk and sentinel all day, want to grow in security",
                     "i tweak scripts", "some", "none", "6")
    assert "You mentioned" in answer and "SC-200 instead of SC-500" in answer
    assert slots(servers, user)["recommended_path"] == ["SC-200"]
    back = texts(servers.say(user, "switch to SC-500"))
    assert "SC-500" in back
    assert slots(servers, user)["recommended_path"][-1] == "SC-500"


def test_skipping_a_preparatory_step_after_the_offer(servers):
    user = "e2e-skip"
    profile(servers, user, "network engineer, CCNP", "a little python", "network engineer", "some", "none", "6")
    assert slots(servers, user)["recommended_path"] == ["AZ-104", "AZ-700"]
    offer = texts(servers.say(user, "can i go straight to az-700? i know networking cold"))
    assert offer.startswith("Yes, you can book AZ-700 without AZ-104") and 'Say yes, or "skip AZ-104"' in offer
    answer = texts(servers.say(user, "yes"))
    assert "Done: AZ-104 is off your path" in answer
    assert slots(servers, user)["recommended_path"] == ["AZ-700"]


def test_a_held_certifications_dates_are_answered(servers):
    user = "e2e-validity"
    profile(servers, user, "junior dev, react and python", "i build apps", "ai engineer", "a bit", "AI-900", "8")
    answer = texts(servers.say(user, "is my ai-900 still valid?"))
    assert answer.startswith("AI-900 never expires: it is a fundamentals certification")
    answer = texts(servers.say(user, "I passed AZ-104 in March 2026 btw"))
    # passed in March 2026 → expires in March 2027 (any day of it); renewal opened in September 2026
    assert "expires in March 2027" in answer and "AZ-104" in slots(servers, user)["certifications_held"]


def test_a_booked_exam_date_sets_the_plan_length(servers):
    user = "e2e-booked"
    answer = texts(servers.say(user, "i have my az-104 exam booked for dec 20. been studying for 2 months already, "
                                     "about 15 hrs a week. what should i focus on?"))
    assert "You've already been studying, so use these 4 weeks" in answer  # 2026-11-22 → 2026-12-20
    answer = texts(servers.say(user, "i dont have 9 weeks, the exam is in 3 weeks. make me a study plan"))
    assert "Study plan for AZ-104" in answer and ": 3 weeks" in answer


def test_a_standalone_question_before_any_profile(servers):
    user = "e2e-equivalent"
    answer = texts(servers.say(user, "whats the azure equivalent of aws SA pro?"))
    assert answer.startswith("The nearest Azure one to AWS Solutions Architect Professional is AZ-305")
    servers.say(user, "ok. i'm a cloud architect at an aws shop and want the azure architect cert")
    assert slots(servers, user)["current_role"] == "architect"


def test_the_order_asked_for_and_an_exam_added_to_the_fundamentals(servers):
    user = "e2e-order-asked"
    profile(servers, user, "windows sysadmin, hyper-v and AD", "a little powershell", "azure admin", "none",
            "none", "5")
    assert slots(servers, user)["recommended_path"] == ["AZ-900", "AZ-104"]
    answer = texts(servers.say(user, "add az-802 to my path before az-104"))
    assert "Done: your path is now AZ-802 → " in answer
    path = slots(servers, user)["recommended_path"]
    assert path[0] == "AZ-802" and "AZ-104" in path
    servers.say(user, "just the fundamentals")
    assert slots(servers, user)["recommended_path"] == ["AZ-900"]
    servers.say(user, "add az-104 after az-900")
    assert slots(servers, user)["recommended_path"] == ["AZ-900", "AZ-104"]


def test_a_status_question_with_or_is_no_comparison(servers):
    user = "e2e-status"
    answer = texts(servers.say(user, "is dp-750 still beta or fully live?"))
    assert "DP-750" in answer and "Which two exams" not in answer


def test_a_fundamentals_exam_asked_for_first_keeps_the_goal(servers):
    """Round 8: "no az-900 first?" offered a goal change, and taking it lost the architect path."""
    user = "e2e-az900-first"
    profile(servers, user, "windows sysadmin, some azure, powershell scripts, want to be a cloud architect",
            "none", "5")
    assert slots(servers, user)["recommended_path"] == ["AZ-104", "AZ-305"]
    offer = texts(servers.say(user, "no az-900 first? everyone says start there"))
    assert 'put AZ-900 first' in offer and "goal" in offer
    texts(servers.say(user, "yes"))
    state = slots(servers, user)
    assert state["recommended_path"] == ["AZ-900", "AZ-104", "AZ-305"] and state["target_role"] == "architect"


def test_a_question_that_names_a_role_changes_no_goal(servers):
    """Round 8: "I want to work in a SOC as analyst first. isn't SC-200 better …?" became the data analyst goal."""
    user = "e2e-soc-analyst"
    profile(servers, user, "helpdesk, I only run scripts, no azure, want to go into security", "none", "6")
    assert slots(servers, user)["target_role"] == "security_engineer"
    answer = texts(servers.say(user, "I want to work in a SOC as analyst first. isn't SC-200 better for that "
                                     "than SC-500?"))
    assert "SC-200" in answer and "data analyst" not in answer
    assert slots(servers, user)["target_role"] == "security_engineer"


def test_the_calendar_starts_when_asked_and_a_correction_of_the_date_is_no_start_over(servers):
    user = "e2e-calendar-start"
    profile(servers, user, "developer", "I build apps in C#", "developer", "a bit", "none", "5")
    answer = texts(servers.say(user, "put it in my calendar, i want to start jan 4"))
    assert "From Monday 2027-01-04" in answer
    corrected = texts(servers.say(user, "i said start january 11th, not january 4th"))
    assert "From Monday 2027-01-11" in corrected
    assert slots(servers, user)["recommended_path"] == ["AI-200"], "the profile is kept"


def test_a_message_with_two_requests_gets_both(servers):
    """Round 9: "skip X. is Y hard?" did one of the two."""
    user = "e2e-two-parts"
    profile(servers, user, "helpdesk, I only run scripts, no azure, want to become an azure admin", "none", "6")
    assert slots(servers, user)["recommended_path"] == ["AZ-900", "AZ-104"]
    answer = texts(servers.say(user, "skip az-900. is az-104 hard?"))
    assert "AZ-900 is off your path" in answer and "AZ-104 is an associate-level exam" in answer
    assert answer.index("AZ-900 is off your path") < answer.index("associate-level")
    assert slots(servers, user)["recommended_path"] == ["AZ-104"]


def test_hours_said_beside_a_question_are_kept_and_the_question_answered(servers):
    """Round 13: "ok fine ill do 8 hrs a week then. how much does az-104 cost" kept 5 h/week and lost the price."""
    user = "e2e-hours-and-price"
    profile(servers, user, "helpdesk, some scripting", "a little powershell", "azure admin", "a bit", "none", "5")
    answer = texts(servers.say(user, "ok fine ill do 8 hrs a week then. how much does az-104 cost"))
    assert "165 USD" in answer
    assert slots(servers, user)["weekly_hours"] == 8.0
