"""The REST channel refuses malformed bodies with a clear 400 and cleans control characters."""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace
from typing import Any, Optional

import pytest
from rasa.core.channels.rest import RestInput

from rasa_runtime import fixes, rest_validation
from rasa_runtime.rest_validation import BodyError, check_rest_body, check_rest_request, strip_controls


def body(value: Any) -> bytes:
    return json.dumps(value).encode()


@pytest.mark.parametrize("raw, status, says", [
    (b"", 400, "empty"),
    (b"   ", 400, "empty"),
    (b"sender=me&message=hi", 400, "not valid JSON"),
    (b'{"sender": "me", "message": "hi"', 400, "not valid JSON"),
    (b"\xff\xfe{}", 400, "not valid JSON"),
    (body(["me", "hi"]), 400, "JSON array, not an object"),
    (body("hi"), 400, "JSON string, not an object"),
    (body(None), 400, "JSON null, not an object"),
    (body({"message": "hi"}), 400, '"sender" is missing'),
    (body({"sender": "me"}), 400, '"message" is missing'),
    (body({"sender": "me", "message": None}), 400, '"message" is missing'),
    (body({"sender": 42, "message": "hi"}), 400, '"sender" must be a non-empty string, not a number'),
    (body({"sender": "", "message": "hi"}), 400, "not an empty string"),
    (body({"sender": "a\x00b", "message": "hi"}), 400, "without control characters"),
    (body({"sender": "x" * 300, "message": "hi"}), 400, "at most 256"),
    (body({"sender": "me", "message": 5}), 400, '"message" must be a string, not a number'),
    (body({"sender": "me", "message": ["hi"]}), 400, "not an array"),
    (body({"sender": "me", "message": {"text": "hi"}}), 400, "not a dict"),
    (body({"sender": "me", "message": True}), 400, "not a boolean"),
    (body({"sender": "me", "message": "hi", "metadata": "x"}), 400, '"metadata" must be a JSON object'),
    (body({"sender": "me", "message": "hi", "input_channel": 3}), 400, '"input_channel" must be a string'),
    (body({"sender": "me", "message": "x" * 50_001}), 413, "at most 50000"),
])
def test_malformed_bodies_are_refused_with_a_reason(raw, status, says):
    checked = check_rest_body(raw)
    assert isinstance(checked, BodyError)
    assert checked.status == status
    assert says in checked.message
    payload = checked.payload()
    assert payload["status"] == status and payload["message"] == checked.message
    assert payload["error"] in ("Bad Request", "Request Entity Too Large")


@pytest.mark.parametrize("message", ["", "   ", "hi", "x" * 20_000, "{current_role}", "<script>x</script>"])
def test_well_formed_bodies_pass(message):
    checked = check_rest_body(body({"sender": "me", "message": message, "metadata": {"a": 1}}))
    assert checked == {"sender": "me", "message": message, "metadata": {"a": 1}}


def test_control_characters_are_removed_from_the_message():
    checked = check_rest_body(body({"sender": "me", "message": "I'm a\x00 sys\x1badmin\x07\n\tok\u0085"}))
    assert isinstance(checked, dict)
    assert checked["message"] == "I'm a sysadmin\n\tok"
    assert strip_controls("plain café ✅") == "plain café ✅"


def request(method: str, path: str, raw: Optional[bytes]) -> SimpleNamespace:
    return SimpleNamespace(method=method, path=path, body=raw, parsed_json=None)


def test_middleware_answers_400_json_and_hands_clean_bodies_on():
    bad = request("POST", "/webhooks/rest/webhook", b"[1, 2]")
    answer = asyncio.run(check_rest_request(bad))
    assert answer.status == 400
    assert json.loads(answer.body)["message"].startswith("The request body is a JSON array")

    good = request("POST", "/webhooks/rest/webhook", body({"sender": "me", "message": "hi\x00"}))
    assert asyncio.run(check_rest_request(good)) is None
    assert good.parsed_json == {"sender": "me", "message": "hi"}

    health = request("GET", "/webhooks/rest/", None)
    assert asyncio.run(check_rest_request(health)) is None


def test_apply_installs_the_check_on_the_rest_blueprint_only_once(monkeypatch):
    original = RestInput.blueprint
    monkeypatch.setattr(RestInput, "blueprint", original)  # restored after the test
    upstream = getattr(original, "__wrapped_by_advisor__", original)
    fixes.apply()
    fixes.apply()  # applying twice must not stack the middleware

    async def on_new_message(message: Any) -> None:
        return None

    webhook = RestInput().blueprint(on_new_message)
    handlers = [m.middleware for m in webhook._future_middleware]
    assert handlers.count(check_rest_request) == 1
    assert RestInput.blueprint.__wrapped_by_advisor__ is upstream
    assert rest_validation.MAX_MESSAGE_CHARS >= 20_000
