"""Conversation control through the REST channel: messages in another language, in and out of the form."""

from __future__ import annotations

from typing import List

import pytest

from scripts.servers import Servers, running_servers

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Servers:
    with running_servers(tmp_path_factory.mktemp("e2e-control"), env={"ADVISOR_TODAY": "2026-11-22"}) as running:
        yield running


def texts(replies: List[dict]) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


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
