"""A conversation whose lock holder died (its ticket never removed) is served again once that ticket expires,
with Rasa's real Redis lock store on the real Redis."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
from rasa.core.lock_store import LockStore, RedisLockStore

from rasa_runtime import locks
from tests.cluster.services import require_redis

LIFETIME = 1.0  # seconds: the dead holder's ticket and the waiter's expire within a millisecond of each other
CHECK_EVERY = 1.5  # seconds: so upstream's first re-check finds both expired


@pytest.fixture()
def store() -> Any:
    require_redis()
    return RedisLockStore(host="127.0.0.1", port=6379, db=0, key_prefix="advisortest")


async def wait_for_lock(lock_store: Any, conversation: str, lock: Any) -> bool:
    lock_store.issue_ticket(conversation, LIFETIME)  # a server took the lock, then died: never cleaned up
    async with lock(lock_store, conversation, lock_lifetime=LIFETIME, wait_time_in_seconds=CHECK_EVERY):
        return True


def test_upstream_waits_forever_after_its_own_ticket_expired(store: Any) -> None:
    upstream = locks._upstream.get("lock", LockStore.lock)
    conversation = f"dead-holder-{uuid.uuid4().hex}"
    with pytest.raises(asyncio.TimeoutError):
        asyncio.run(asyncio.wait_for(wait_for_lock(store, conversation, upstream), timeout=6))
    store.delete_lock(conversation)


def test_the_waiter_takes_a_new_ticket_and_is_served(store: Any) -> None:
    conversation = f"dead-holder-{uuid.uuid4().hex}"
    assert asyncio.run(asyncio.wait_for(wait_for_lock(store, conversation, locks.lock), timeout=30))
    assert store.get_lock(conversation) is None, "its ticket is removed at the end; nothing left behind"


def test_messages_of_one_conversation_are_still_served_one_at_a_time(store: Any) -> None:
    conversation = f"serial-{uuid.uuid4().hex}"
    inside: list = []
    overlaps: list = []

    async def turn(number: int) -> None:
        async with locks.lock(store, conversation, lock_lifetime=30, wait_time_in_seconds=0.05):
            overlaps.append(len(inside))
            inside.append(number)
            await asyncio.sleep(0.1)
            inside.remove(number)

    async def turns() -> None:
        await asyncio.gather(*(turn(number) for number in range(5)))

    asyncio.run(turns())
    assert overlaps == [0, 0, 0, 0, 0]
