"""The language guard overrides the intent only for messages plainly in another language."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.language_guard import OTHER_LANGUAGE, LanguageGuard, looks_foreign


@pytest.mark.parametrize("text", [
    "hola, quiero saber qué certificación de Azure es mejor para mí",
    "bonjour, je suis administrateur et je veux devenir architecte",
    "ich bin Entwickler und ich möchte eine Zertifizierung machen",
    "ciao, sono uno sviluppatore e vorrei un consiglio",
    "olá, eu sou estudante e quero uma certificação",
    "ik ben beheerder en ik wil een certificaat",
    "привет, я системный администратор",
    "我是系统管理员，想成为架构师",
])
def test_plainly_foreign_messages(text):
    assert looks_foreign(text)


@pytest.mark.parametrize("text", [
    "hola", "hallo", "merci for the help", "I'm a sysadmin and I want to become an architect",
    "I have AZ-900 and AZ-104", "😅😅😅", "", "Ich bin ein sysadmin, I want to do Azure",
])
def test_english_short_or_mixed_messages_are_left_alone(text):
    assert not looks_foreign(text)


def test_process_overrides_the_intent_and_ranking():
    guard = LanguageGuard({})
    foreign = Message({TEXT: "bonjour, je suis développeur et je veux un conseil",
                       INTENT: {"name": "inform", "confidence": 0.9},
                       INTENT_RANKING_KEY: [{"name": "inform", "confidence": 0.9}]})
    english = Message({TEXT: "I'm a developer", INTENT: {"name": "inform", "confidence": 0.9}})
    command = Message({TEXT: '/inform{"job_role": "developer"}', INTENT: {"name": "inform", "confidence": 1.0}})
    guard.process([foreign, english, command])
    assert foreign.get(INTENT) == {"name": OTHER_LANGUAGE, "confidence": 1.0}
    assert foreign.get(INTENT_RANKING_KEY) == [{"name": OTHER_LANGUAGE, "confidence": 1.0}]  # never ambiguous
    assert english.get(INTENT)["name"] == "inform"
    assert command.get(INTENT)["name"] == "inform"
