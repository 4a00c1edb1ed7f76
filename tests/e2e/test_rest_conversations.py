"""Whole conversations through the REST channel, against the real action server and Rasa server."""

from __future__ import annotations

from typing import Iterator, List

import pytest

from scripts.servers import Servers, restart_rasa
from tests.e2e.helpers import module_servers, slots, texts

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[Servers]:
    yield from module_servers(tmp_path_factory.mktemp("e2e"))


def chat(servers: Servers, sender: str, *messages: str) -> List[dict]:
    """Send the messages in order; return the replies to the last one."""
    replies: List[dict] = []
    for message in messages:
        replies = servers.say(sender, message)
    return replies


def test_architect_path_with_why_restart_and_start_over(servers):
    user = "e2e-architect"
    replies = servers.say(user, "hi")
    assert "Azure certification path advisor" in texts(replies)
    assert replies[-1].get("buttons"), "the role question offers buttons"
    assert slots(servers, user)["requested_slot"] == "current_role"

    servers.say(user, "I've been a Windows sysadmin for 6 years")
    assert slots(servers, user)["current_role"] == "administrator"
    assert slots(servers, user)["requested_slot"] == "coding_comfort"

    servers.say(user, "not really, I can tweak PowerShell scripts")
    assert slots(servers, user)["coding_comfort"] == "low"
    assert slots(servers, user)["requested_slot"] == "target_role"

    servers.say(user, "a cloud architect, within two years")
    assert slots(servers, user)["target_role"] == "architect"
    servers.say(user, "some")
    servers.say(user, "none yet")
    assert slots(servers, user)["certifications_held"] == []
    replies = servers.say(user, "5 hours a week")
    answer = texts(replies)
    assert "1. AZ-104" in answer and "2. AZ-305" in answer
    assert "Azure Solutions Architect Expert" in answer and "at 5 h/week" in answer
    state = slots(servers, user)
    assert state["recommended_path"] == ["AZ-104", "AZ-305"]
    assert state["weekly_hours"] == 5.0

    why = texts(servers.say(user, "why?"))
    assert "source: https://" in why and "Expert prerequisites" in why and "Passing score 700" in why

    restart_rasa(servers)
    assert slots(servers, user)["recommended_path"] == ["AZ-104", "AZ-305"], "the SQL tracker store keeps it"

    replies = servers.say(user, "start over")
    state = slots(servers, user)
    assert state["current_role"] is None and state["recommended_path"] is None
    assert state["requested_slot"] == "current_role"


def test_developer_path_hears_about_the_az204_retirement(servers):
    user = "e2e-developer"
    servers.say(user, "I'm a C# developer, I build web apps every day and I want a developer certification")
    state = slots(servers, user)
    assert state["current_role"] == "developer" and state["coding_comfort"] == "high"
    assert state["target_role"] == "developer"
    answer = texts(chat(servers, user, "a lot, I use Azure daily", "none", "about 6 hours a week"))
    assert "AZ-204" in answer and "retired on 2026-07-31" in answer
    assert slots(servers, user)["recommended_path"] == ["AI-200"]


def test_beginner_gets_az900_first(servers):
    user = "e2e-beginner"
    answer = texts(chat(servers, user, "hello", "I'm a student", "I don't code", "not sure yet",
                        "I've never used Azure", "no certifications", "10"))
    state = slots(servers, user)
    assert state["target_role"] == "undecided" and state["azure_experience"] == "none"
    assert state["recommended_path"][0] == "AZ-900"
    assert "1. AZ-900" in answer and "(optional)" in answer


def test_bad_values_are_asked_again_with_a_reason(servers):
    user = "e2e-bad-values"
    replies = chat(servers, user, "hi", "I'm a network engineer", "I write scripts", "network engineer", "some",
                   "AZ-104", "200 hours a week")
    assert "more than 80" in texts(replies)
    state = slots(servers, user)
    assert state["weekly_hours"] is None and state["requested_slot"] == "weekly_hours"
    replies = servers.say(user, '/inform{"coding_comfort": "guru"}')
    assert "isn't something I can use as your coding comfort" in texts(replies)
    assert slots(servers, user)["coding_comfort"] == "medium"


@pytest.mark.parametrize("message", ["what's the weather in Paris tomorrow?", "qwxz vbnm plkj"])
def test_off_topic_and_unclear_messages_are_never_met_with_silence(servers, message):
    replies = servers.say(f"e2e-off-topic-{abs(hash(message))}", message)
    answer = texts(replies)
    assert answer.strip(), "the assistant always answers"
    assert "Azure" in answer or "didn't" in answer or "Did you mean" in answer


def test_corrections_replace_earlier_answers(servers):
    user = "e2e-corrections"
    servers.say(user, "hi")
    servers.say(user, "I'm a developer")
    assert slots(servers, user)["current_role"] == "developer"
    servers.say(user, "actually I'm more of a sysadmin")
    state = slots(servers, user)
    assert state["current_role"] == "administrator"
    assert state["requested_slot"] == "coding_comfort"
