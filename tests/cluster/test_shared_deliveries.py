"""Slack retries and Teams redeliveries are remembered in the real Redis (127.0.0.1:6379), so two replicas agree.

No mocks: every test talks to the Redis server the cluster uses; keys are unique per test run and expire.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from types import SimpleNamespace
from typing import Any, Dict, List

import pytest
import redis

from rasa_runtime.channels.botframework import BotFrameworkInput
from rasa_runtime.channels.deliveries import (
    KEY_PREFIX,
    RecentDeliveries,
    SharedDeliveries,
    delivery_memory,
)
from rasa_runtime.channels.slack import SlackInput
from tests.cluster.services import REDIS_URL, UNREACHABLE_REDIS_URL, require_redis


@pytest.fixture(autouse=True)
def _redis() -> None:
    require_redis()


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


def test_a_delivery_seen_by_one_replica_is_a_repeat_for_the_other() -> None:
    key = f"Ev{uuid.uuid4().hex}"

    async def scenario() -> List[bool]:
        replica_a, replica_b = SharedDeliveries(REDIS_URL, "slack"), SharedDeliveries(REDIS_URL, "slack")
        return [await replica_a.is_repeat(key), await replica_b.is_repeat(key), await replica_a.is_repeat(key)]

    assert run(scenario()) == [False, True, True]


def test_deliveries_expire_and_channels_do_not_share_ids() -> None:
    key = f"Ev{uuid.uuid4().hex}"

    async def scenario() -> List[bool]:
        slack, teams = SharedDeliveries(REDIS_URL, "slack", expiry=120), SharedDeliveries(REDIS_URL, "botframework")
        return [await slack.is_repeat(key), await teams.is_repeat(key)]

    assert run(scenario()) == [False, False], "the same id in another channel is another delivery"
    ttl = redis.Redis.from_url(REDIS_URL).ttl(f"{KEY_PREFIX}slack:{key}")
    assert 0 < ttl <= 120


def test_without_an_id_nothing_is_a_repeat() -> None:
    async def scenario() -> List[bool]:
        memory = SharedDeliveries(REDIS_URL, "slack")
        return [await memory.is_repeat(None), await memory.is_repeat(""), await memory.is_repeat(None)]

    assert run(scenario()) == [False, False, False]


def test_when_redis_does_not_answer_the_process_memory_judges() -> None:
    key = f"Ev{uuid.uuid4().hex}"

    async def scenario() -> List[bool]:
        memory = SharedDeliveries(UNREACHABLE_REDIS_URL, "slack")
        return [await memory.is_repeat(key), await memory.is_repeat(key)]

    assert run(scenario()) == [False, True], "never lost, still answered once per process"


def test_redis_only_when_redis_url_is_set() -> None:
    assert isinstance(delivery_memory("slack", {}), RecentDeliveries), "make run without REDIS_URL: process memory"
    assert isinstance(delivery_memory("slack", {"REDIS_URL": " "}), RecentDeliveries)
    shared = delivery_memory("slack", {"REDIS_URL": REDIS_URL, "DELIVERY_MEMORY_SECONDS": "90"})
    assert isinstance(shared, SharedDeliveries) and shared.expiry == 90


def slack_request(body: Dict[str, Any]) -> Any:
    """What SlackInput reads of a request: its content type and JSON body."""
    return SimpleNamespace(headers={"content-type": "application/json"}, json=body)


def test_a_slack_retry_reaching_another_replica_is_recognised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", REDIS_URL)
    credentials = {"slack_token": "xoxb-test", "slack_signing_secret": "secret"}
    event = {"type": "event_callback", "event_id": f"Ev{uuid.uuid4().hex}",
             "event": {"type": "message", "text": "hi", "client_msg_id": str(uuid.uuid4())}}

    async def scenario() -> List[bool]:
        replica_a, replica_b = SlackInput.from_credentials(credentials), SlackInput.from_credentials(credentials)
        assert isinstance(replica_a, SlackInput) and isinstance(replica_b, SlackInput)
        return [await replica_a.already_seen(slack_request(event)),
                await replica_b.already_seen(slack_request(json.loads(json.dumps(event))))]

    assert run(scenario()) == [False, True]


def test_a_teams_redelivery_reaching_another_replica_is_recognised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", REDIS_URL)
    activity = {"type": "message", "id": uuid.uuid4().hex, "conversation": {"id": f"a:{uuid.uuid4().hex}"}}

    async def scenario() -> List[bool]:
        replica_a, replica_b = BotFrameworkInput("app", "password"), BotFrameworkInput("app", "password")
        other_conversation = {**activity, "conversation": {"id": "a:another"}}
        return [await replica_a.already_seen(activity), await replica_b.already_seen(activity),
                await replica_b.already_seen(other_conversation)]

    assert run(scenario()) == [False, True, False]
