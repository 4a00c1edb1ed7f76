"""Conversation control through the REST channel: messages in another language, in and out of the form."""

from __future__ import annotations

from typing import Iterator

import pytest

from scripts.servers import Servers
from tests.e2e.helpers import module_servers, texts

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[Servers]:
    yield from module_servers(tmp_path_factory.mktemp("e2e-control"))


@pytest.mark.parametrize("message, polite", [
    ("hola, estoy buscando una certificación de Azure para empezar", "solo hablo inglés"),
    ("bonjour, je voudrais un conseil pour mes examens Azure", "je ne parle qu'anglais"),
    ("hallo, ich suche eine passende Azure Zertifizierung", "ich spreche nur Englisch"),
])
def test_another_language_gets_a_polite_answer(servers, message, polite):
    answer = texts(servers.say(f"control-lang-{abs(hash(message)) % 10**8}", message))
    assert polite in answer and "only speak English" in answer


def test_another_language_in_the_form_keeps_the_answers_and_asks_again(servers):
    user = "control-lang-form"
    servers.say(user, "hi")
    servers.say(user, "I'm a sysadmin")
    replies = servers.say(user, "perdón, ¿hablas español? no entiendo bien")
    answer = texts(replies)
    assert "solo hablo inglés" in answer
    assert "How comfortable are you writing code?" in answer, "the form asks its question again"
    state = servers.tracker(user)["slots"]
    assert state["current_role"] == "administrator" and state["requested_slot"] == "coding_comfort"


def test_change_my_goal_after_the_recommendation_asks_the_goal_again(servers):
    user = "control-change-goal"
    for message in ("hi", "I'm a sysadmin", "I tweak PowerShell scripts", "a cloud architect", "some", "none yet",
                    "5 hours a week"):
        servers.say(user, message)
    state = servers.tracker(user)["slots"]
    assert state["recommended_path"] == ["AZ-104", "AZ-305"]

    answer = texts(servers.say(user, "change my goal"))
    assert "go back to what you want to become" in answer
    assert "What do you want to become" in answer
    state = servers.tracker(user)["slots"]
    assert state["target_role"] is None and state["requested_slot"] == "target_role"
    assert state["current_role"] == "administrator" and state["weekly_hours"] == 5.0, "other answers are kept"

    servers.say(user, "devops engineer")
    state = servers.tracker(user)["slots"]
    assert state["target_role"] == "devops_engineer"
    assert state["recommended_path"] and "AZ-400" in state["recommended_path"]


def test_going_back_in_the_middle_of_the_form(servers):
    user = "control-change-role"
    for message in ("hi", "I'm a developer", "I build apps in C#", "architect", "a lot"):
        servers.say(user, message)
    assert servers.tracker(user)["slots"]["requested_slot"] == "certifications_held"
    servers.say(user, "wait, can I change my role?")
    state = servers.tracker(user)["slots"]
    assert state["current_role"] is None and state["requested_slot"] == "current_role"
    servers.say(user, "I'm a data engineer")
    state = servers.tracker(user)["slots"]
    assert state["current_role"] == "data_engineer"
    assert state["requested_slot"] == "certifications_held", "the form resumes where it was"
    assert state["coding_comfort"] == "high" and state["azure_experience"] == "extensive"


def test_not_sure_gets_help_to_answer_and_nothing_is_guessed(servers):
    user = "control-not-sure"
    for message in ("hi", "I'm a sysadmin", "I write PowerShell scripts", "architect"):
        servers.say(user, message)
    assert servers.tracker(user)["slots"]["requested_slot"] == "azure_experience"
    answer = texts(servers.say(user, "hmm not sure"))
    assert "never used it is none" in answer
    state = servers.tracker(user)["slots"]
    assert state["azure_experience"] is None and state["requested_slot"] == "azure_experience"
    servers.say(user, "some")
    assert servers.tracker(user)["slots"]["azure_experience"] == "some"
