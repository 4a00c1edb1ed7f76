"""The real services the cluster tests use, and the ports they may take (6000-6999 only)."""

from __future__ import annotations

import os

import pytest
import redis

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
POSTGRES_SERVER = os.environ.get("CLUSTER_TEST_POSTGRES") or "postgresql://postgres@127.0.0.1:5432"
# Nothing listens here: the tests' "service is down" address.
UNREACHABLE_REDIS_URL = "redis://127.0.0.1:6997/0"
UNREACHABLE_POSTGRES_URL = "postgresql://postgres@127.0.0.1:6998/advisor_nowhere"
# Ports of the servers the tests start (see scripts/cluster_config.py for the layout above a public port).
CLUSTER_PORT = 6400
SINGLE_RASA_PORT, SINGLE_ACTIONS_PORT = 6501, 6502
STAND_IN_PORT = 6600


def require_redis() -> None:
    """Fail (not skip) with a clear message when Redis is missing: these tests exist to use it."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        pytest.fail(f"Redis at {REDIS_URL} is needed by the cluster tests and does not answer: {error}")
