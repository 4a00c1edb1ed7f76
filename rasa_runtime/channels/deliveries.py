"""Remembering deliveries, so a message that Slack or the Bot Connector delivers again is answered once.

Two memories with one question, `is_repeat(key)`:

- `SharedDeliveries`: Redis (`REDIS_URL`), one `SET key 1 NX EX <expiry>` per delivery, so every replica behind
  a load balancer agrees and a retry that reaches another server is still recognised; keys expire after
  `DELIVERY_MEMORY_SECONDS` (default one hour: Slack retries within minutes, the Bot Connector within seconds).
  When Redis does not answer, the delivery is judged by this process's memory and the error is logged:
  answering a retry twice is better than losing a message.
- `RecentDeliveries`: this process's memory, the latest 10 000 ids; used when `REDIS_URL` is not set (`make run`).
"""

from __future__ import annotations

import logging
import os
from collections import OrderedDict
from typing import Mapping, Optional, Protocol

logger = logging.getLogger(__name__)

SEEN_LIMIT = 10_000  # delivery ids remembered per process
DEFAULT_EXPIRY = 3600  # seconds a delivery id is remembered in Redis
KEY_PREFIX = "advisor:delivery:"
REDIS_TIMEOUT = 2.0  # seconds


class DeliveryMemory(Protocol):
    """What the channels ask: was this delivery seen before? (It is remembered either way.)"""

    async def is_repeat(self, key: Optional[str]) -> bool: ...


class RecentDeliveries:
    """The latest `limit` delivery ids, oldest forgotten first."""

    def __init__(self, limit: int = SEEN_LIMIT) -> None:
        self._limit = limit
        self._seen: OrderedDict[str, None] = OrderedDict()

    def already_seen(self, key: Optional[str]) -> bool:
        """True for a delivery seen before; otherwise remembers it. A delivery without an id is never a repeat."""
        if not key:
            return False
        if key in self._seen:
            return True
        self._seen[key] = None
        while len(self._seen) > self._limit:
            self._seen.popitem(last=False)
        return False

    async def is_repeat(self, key: Optional[str]) -> bool:
        return self.already_seen(key)


class SharedDeliveries:
    """Delivery ids in Redis with an expiry, shared by every replica; this process's memory when Redis fails."""

    def __init__(self, url: str, namespace: str, expiry: int = DEFAULT_EXPIRY) -> None:
        from redis.asyncio import Redis

        self.url = url
        self.namespace = namespace
        self.expiry = expiry
        self._redis = Redis.from_url(url, socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT)
        self._local = RecentDeliveries()

    def redis_key(self, key: str) -> str:
        return f"{KEY_PREFIX}{self.namespace}:{key}"

    async def is_repeat(self, key: Optional[str]) -> bool:
        if not key:
            return False
        local_repeat = self._local.already_seen(key)
        try:
            first = await self._redis.set(self.redis_key(key), b"1", nx=True, ex=self.expiry)
        except Exception as error:  # noqa: BLE001 (any Redis failure: fall back, never lose the message)
            logger.error("Redis at %s did not answer (%s); judging delivery %s by this process's memory only.",
                         self.url, error, key)
            return local_repeat
        return not first


def delivery_memory(namespace: str, env: Optional[Mapping[str, str]] = None) -> DeliveryMemory:
    """Redis when `REDIS_URL` is set, else this process's memory."""
    env = os.environ if env is None else env
    url = (env.get("REDIS_URL") or "").strip()
    if not url:
        return RecentDeliveries()
    raw_expiry = env.get("DELIVERY_MEMORY_SECONDS", "")
    expiry = int(raw_expiry) if raw_expiry.strip().isdigit() and int(raw_expiry) > 0 else DEFAULT_EXPIRY
    return SharedDeliveries(url, namespace, expiry)
