"""The fixes to upstream Rasa keep its behaviour."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

from rasa_runtime import fixes


@pytest.fixture()
def action(monkeypatch) -> RemoteAction:
    original = RemoteAction._validate_action_result
    fixes.apply()
    yield RemoteAction("action_recommend_path", EndpointConfig("http://127.0.0.1:1/webhook"))
    monkeypatch.setattr(RemoteAction, "_validate_action_result", original)


def test_valid_action_responses_pass(action):
    assert RemoteAction._validate_action_result is fixes._validate_action_result
    result = {"events": [{"event": "slot", "name": "recommended_path", "value": ["AZ-104"]}],
              "responses": [{"text": "Your path"}]}
    assert action._validate_action_result(result) is True


@pytest.mark.parametrize("result", [
    {"events": [{"event": "slot", "name": 7}]},
    {"events": "not a list"},
    {"responses": ["not an object"]},
])
def test_invalid_action_responses_are_still_rejected(action, result):
    with pytest.raises(ValidationError) as info:
        action._validate_action_result(result)
    assert "Failed to validate Action server response" in info.value.message
