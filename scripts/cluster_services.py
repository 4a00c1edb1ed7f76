"""The services `make cluster` stands on: PostgreSQL for conversations, Redis for locks and delivery memory.

`prepare_services()` checks both before any server starts, creates the conversations database (and Rasa's
`events` table, so two Rasa servers starting at once do not race to create it) when missing, and raises
`ServiceUnavailable` with a message that says which service, at which address, and what to do.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping, Optional

from sqlalchemy.engine import URL, make_url

DEFAULT_TRACKER_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/advisor_conversations"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
CONNECT_TIMEOUT = 5  # seconds


class ServiceUnavailable(RuntimeError):
    """PostgreSQL or Redis cannot be used; the message says which and why."""


@dataclass(frozen=True)
class ServiceUrls:
    tracker_database: str
    redis: str


def service_urls(env: Optional[Mapping[str, str]] = None) -> ServiceUrls:
    """TRACKER_DATABASE_URL and REDIS_URL, or the local defaults."""
    env = os.environ if env is None else env
    return ServiceUrls(env.get("TRACKER_DATABASE_URL") or DEFAULT_TRACKER_DATABASE_URL,
                       env.get("REDIS_URL") or DEFAULT_REDIS_URL)


def safe_url(url: str) -> str:
    """The URL with its password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 (an unparsable URL is shown without its user part)
        return url.split("@")[-1]


def tracker_url(url: str) -> URL:
    """The conversations database URL, checked to be PostgreSQL."""
    try:
        parsed = make_url(url)
    except Exception as error:  # noqa: BLE001
        raise ServiceUnavailable(f"TRACKER_DATABASE_URL is not a database URL ({error}).") from error
    if not parsed.drivername.startswith("postgresql") or not parsed.database:
        raise ServiceUnavailable(f"TRACKER_DATABASE_URL={safe_url(url)} must be a PostgreSQL URL with a database "
                                 "name, e.g. postgresql://postgres@127.0.0.1:5432/advisor_conversations.")
    return parsed


def ensure_database(url: str) -> bool:
    """Create the database named in `url` when missing, and Rasa's tables in it; True when it was created."""
    import psycopg2
    from psycopg2 import sql
    from sqlalchemy import create_engine

    parsed = tracker_url(url)
    server = {"host": parsed.host or "127.0.0.1", "port": parsed.port or 5432, "user": parsed.username,
              "password": parsed.password, "connect_timeout": CONNECT_TIMEOUT}
    try:
        connection = psycopg2.connect(dbname="postgres", **server)
    except psycopg2.OperationalError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ServiceUnavailable(
            f"PostgreSQL at {server['host']}:{server['port']} cannot be reached ({first_line}). Start it, or set "
            f"TRACKER_DATABASE_URL to a PostgreSQL server you can reach (now {safe_url(url)}).") from error
    created = False
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (parsed.database,))
            if cursor.fetchone() is None:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(parsed.database)))
                created = True
    except psycopg2.Error as error:
        raise ServiceUnavailable(f"PostgreSQL refused to create the database {parsed.database!r}: {error}") from error
    finally:
        connection.close()
    from rasa.core.tracker_store import SQLTrackerStore

    engine = create_engine(parsed.set(drivername="postgresql+psycopg2"))
    try:
        SQLTrackerStore.Base.metadata.create_all(engine)
    finally:
        engine.dispose()
    return created


def check_redis(url: str) -> None:
    """PING the Redis server."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=CONNECT_TIMEOUT, socket_timeout=CONNECT_TIMEOUT)
        client.ping()
        client.close()
    except (redis.RedisError, ValueError) as error:
        raise ServiceUnavailable(f"Redis at {safe_redis_url(url)} cannot be reached ({error}). Start it, or set "
                                 "REDIS_URL to a Redis server you can reach.") from error


def safe_redis_url(url: str) -> str:
    """A Redis URL without its password."""
    if "@" not in url:
        return url
    scheme, _, rest = url.partition("://")
    return f"{scheme}://***@{rest.split('@', 1)[1]}"


def prepare_services(urls: ServiceUrls) -> bool:
    """Check Redis and PostgreSQL, create the database when missing; True when it was created."""
    check_redis(urls.redis)
    return ensure_database(urls.tracker_database)


def drop_database(url: str) -> None:
    """Drop the database named in `url` (tests use a database of their own)."""
    import psycopg2
    from psycopg2 import sql

    parsed = tracker_url(url)
    connection = psycopg2.connect(dbname="postgres", host=parsed.host or "127.0.0.1", port=parsed.port or 5432,
                                  user=parsed.username, password=parsed.password, connect_timeout=CONNECT_TIMEOUT)
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(parsed.database)))
    finally:
        connection.close()
