"""Hostile input through the REST channel never breaks a conversation or stores a value outside the contract.

Runs against the real action server and Rasa server (started through `python -m rasa_runtime`, so the REST
body check in rasa_runtime/rest_validation.py is active), and checks the tracker's slots after every message.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Iterator

import pytest
import requests
import yaml

from knowledge.vocabulary import (
    AZURE_EXPERIENCE,
    CODING_COMFORT,
    CURRENT_ROLES,
    MAX_WEEKLY_HOURS,
    ORG_CLOUD_MATURITY,
    TARGET_ROLE_VALUES,
)
from scripts.servers import Servers
from tests.e2e.helpers import module_servers, slots, texts

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
KNOWN_EXAMS = {
    str((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("code", path.stem)).upper()
    for path in (ROOT / "knowledge" / "exams").glob("*.yml")
}
CATEGORICAL = {
    "current_role": CURRENT_ROLES,
    "target_role": TARGET_ROLE_VALUES,
    "coding_comfort": CODING_COMFORT,
    "azure_experience": AZURE_EXPERIENCE,
    "org_cloud_maturity": ORG_CLOUD_MATURITY,
}


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[Servers]:
    yield from module_servers(tmp_path_factory.mktemp("e2e-hostile"))


def post(servers: Servers, data: bytes, content_type: str = "application/json") -> requests.Response:
    return requests.post(f"{servers.rasa_url}/webhooks/rest/webhook", data=data,
                         headers={"Content-Type": content_type}, timeout=60)


def assert_in_contract(state: Dict[str, Any]) -> None:
    """Every profile slot is empty or holds a value the contract allows."""
    for slot, allowed in CATEGORICAL.items():
        assert state[slot] is None or state[slot] in allowed, f"{slot}={state[slot]!r} is outside the contract"
    hours = state["weekly_hours"]
    assert hours is None or (isinstance(hours, (int, float)) and 0 < hours <= MAX_WEEKLY_HOURS), hours
    for slot in ("certifications_held", "recommended_path"):
        value = state[slot]
        assert value is None or (isinstance(value, list) and set(value) <= KNOWN_EXAMS), f"{slot}={value!r}"


LONG = ("I am a sysadmin and I patch servers. " * 600)[:20_000]
HOSTILE_MESSAGES = [
    pytest.param("", id="empty"),
    pytest.param("   \n\t  ", id="whitespace"),
    pytest.param(LONG, id="20000-characters"),
    pytest.param("x" * 20_000, id="20000-character-word"),
    pytest.param("I'm a\x00 sys\x1b[31madmin\x07\x08\x7f", id="control-characters"),
    pytest.param("<script>alert('x')</script><img src=x onerror=alert(1)>", id="html-script"),
    pytest.param("'; DROP TABLE events; -- \" OR 1=1; SELECT * FROM slots", id="sql"),
    pytest.param("{current_role} {{7*7}} ${jndi:ldap://x} {% raw %} %s %(slot)s", id="template-syntax"),
    pytest.param("😀" * 5_000, id="emoji-flood"),
    pytest.param("\u202eevil\u202d \ufeff\u200b", id="bidi-and-zero-width"),
]


@pytest.mark.parametrize("message", HOSTILE_MESSAGES)
def test_hostile_messages_do_not_break_the_form(servers, message):
    user = f"hostile-msg-{abs(hash(message)) % 10**8}"
    servers.say(user, "hi")
    servers.say(user, "I'm a sysadmin")
    assert slots(servers, user)["requested_slot"] == "coding_comfort"

    replies = servers.say(user, message)
    assert isinstance(replies, list)
    state = slots(servers, user)
    assert_in_contract(state)
    assert state["current_role"] == "administrator", "hostile input does not clear earlier answers"

    servers.say(user, "I write scripts and automation")  # the conversation goes on where it was
    state = slots(servers, user)
    assert state["coding_comfort"] == "medium"
    assert state["requested_slot"] == "target_role"
    assert_in_contract(state)


def test_template_syntax_is_not_filled_with_slot_values(servers):
    user = "hostile-template"
    servers.say(user, "hi")
    servers.say(user, "I'm a sysadmin")
    replies = servers.say(user, '/inform{"coding_comfort": "{current_role}"}')
    assert '"{current_role}" isn\'t something I can use' in texts(replies), "shown literally, never filled"
    assert slots(servers, user)["coding_comfort"] is None


INJECTIONS = [
    ('/inform{"job_role": "root"}', "current_role", None),
    ('/inform{"job_role": ["root", "administrator"]}', "current_role", "administrator"),
    ('/inform{"job_role": {"$ne": null}}', "current_role", None),
    ('/inform{"current_role": "root"}', "current_role", None),  # a slot name, not an entity in the domain
    ('/inform{"recommended_path": ["XX-999"]}', "recommended_path", None),
    ('/inform{"requested_slot": "weekly_hours"}', "requested_slot", "current_role"),
    ('/inform{"weekly_hours": "-5"}', "weekly_hours", None),
    ('/inform{"weekly_hours": 1e9}', "weekly_hours", None),
    ('/inform{"weekly_hours": "NaN"}', "weekly_hours", None),
    ('/inform{"weekly_hours": "Infinity"}', "weekly_hours", None),
    ('/inform{"exam_code": "AZ-999"}', "certifications_held", None),
    ('/inform{"exam_code": ["AZ-104", "DROP TABLE"]}', "certifications_held", None),  # not asked yet
    ('/inform{"coding_comfort": "guru"}', "coding_comfort", None),
    ('/inform{"azure_experience": 42}', "azure_experience", None),
    ('/inform{"org_cloud_maturity": "galactic"}', "org_cloud_maturity", None),
    ('/request_recommendation{"job_role": "root", "weekly_hours": -1}', "weekly_hours", None),
    ('/greet{"job_role": "root"}', "current_role", None),
    ('/action_recommend_path', "recommended_path", None),
    ('/action_restart', "current_role", None),
    ('/nonexistent_intent{"job_role": "administrator"}', "current_role", None),
    ('/inform{"job_role": "root"', "current_role", None),  # broken JSON
    ('/inform{"unknown_entity": "x", "job_role": "developer"}', "current_role", "developer"),
]


@pytest.mark.parametrize("payload, slot, expected", INJECTIONS, ids=[i[0] for i in INJECTIONS])
def test_injected_values_go_through_validation(servers, payload, slot, expected):
    user = f"hostile-inject-{abs(hash(payload)) % 10**8}"
    servers.say(user, "hi")
    replies = servers.say(user, payload)
    assert isinstance(replies, list)
    state = slots(servers, user)
    assert_in_contract(state)
    assert state[slot] == expected
    servers.say(user, "I'm a developer")  # and the conversation still works
    state = slots(servers, user)
    assert state["current_role"] == "developer"
    assert_in_contract(state)


def test_injection_later_in_the_form_keeps_the_previous_answer(servers):
    user = "hostile-inject-later"
    for message in ("hi", "I'm a sysadmin", "I write scripts", "architect", "some"):
        servers.say(user, message)
    assert slots(servers, user)["requested_slot"] == "certifications_held"
    replies = servers.say(user, '/inform{"exam_code": ["AZ-900", "DROP TABLE", "ZZ-000"]}')
    assert "I don't know an exam called" in texts(replies)
    state = slots(servers, user)
    assert state["certifications_held"] == ["AZ-900"] and state["requested_slot"] == "weekly_hours"
    servers.say(user, '/inform{"weekly_hours": 500, "job_role": "root", "exam_code": "ZZ-000"}')
    state = slots(servers, user)
    assert_in_contract(state)
    assert state["weekly_hours"] is None and state["current_role"] == "administrator"
    assert state["certifications_held"] == ["AZ-900"]
    servers.say(user, "5 hours a week")
    state = slots(servers, user)
    assert state["weekly_hours"] == 5.0 and state["recommended_path"]
    assert_in_contract(state)


def _refused(response: requests.Response, status: int, says: str) -> None:
    assert response.status_code == status, response.text
    payload = response.json()
    assert payload["status"] == status
    assert says in payload["message"]


@pytest.mark.parametrize("data, says", [
    (b"", "empty"),
    (b"sender=me&message=hi", "not valid JSON"),
    (b'{"sender": "me", "message": ', "not valid JSON"),
    (json.dumps([{"sender": "me", "message": "hi"}]).encode(), "JSON array"),
    (json.dumps({"sender": "me"}).encode(), '"message" is missing'),
    (json.dumps({"message": "hi"}).encode(), '"sender" is missing'),
    (json.dumps({"sender": 7, "message": "hi"}).encode(), '"sender" must be a non-empty string'),
    (json.dumps({"sender": "me", "message": 7}).encode(), '"message" must be a string'),
    (json.dumps({"sender": "me", "message": {"text": "hi"}}).encode(), '"message" must be a string'),
    (json.dumps({"sender": "me", "message": "hi", "metadata": [1]}).encode(), '"metadata" must be a JSON object'),
])
def test_malformed_bodies_get_400_with_a_clear_message(servers, data, says):
    _refused(post(servers, data), 400, says)


def test_oversized_message_gets_413_and_the_server_keeps_working(servers):
    _refused(post(servers, json.dumps({"sender": "me", "message": "x" * 60_000}).encode()), 413, "at most")
    replies = servers.say("hostile-after-bad-bodies", "hi")
    assert "Azure certification path advisor" in texts(replies)


def test_wrong_content_type_with_a_good_body_still_works(servers):
    response = post(servers, json.dumps({"sender": "hostile-ctype", "message": "hi"}).encode(), "text/plain")
    assert response.status_code == 200
    assert "Azure certification path advisor" in texts(response.json())

