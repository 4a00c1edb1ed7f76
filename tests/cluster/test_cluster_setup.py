"""What `make cluster` checks and writes before it starts a server: services, database, HAProxy config."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
import pytest
import yaml

from scripts.cluster import haproxy_binary
from scripts.cluster_config import ClusterPorts, endpoints, error_page_text, haproxy_config
from scripts.cluster_services import (
    ServiceUnavailable,
    ServiceUrls,
    drop_database,
    ensure_database,
    prepare_services,
)
from scripts.servers import ROOT
from tests.cluster.services import (
    POSTGRES_SERVER,
    REDIS_URL,
    UNREACHABLE_POSTGRES_URL,
    UNREACHABLE_REDIS_URL,
    require_redis,
)


def tables(url: str) -> set:
    with psycopg2.connect(url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return {row[0] for row in cursor.fetchall()}


def test_the_conversations_database_is_created_when_missing_with_rasas_table() -> None:
    url = f"{POSTGRES_SERVER}/advisor_setup_{uuid.uuid4().hex[:10]}"
    try:
        assert ensure_database(url) is True
        assert "events" in tables(url)
        assert ensure_database(url) is False, "a second start reuses it"
    finally:
        drop_database(url)


def test_an_unreachable_postgresql_is_named_with_what_to_do() -> None:
    require_redis()
    with pytest.raises(ServiceUnavailable) as error:
        prepare_services(ServiceUrls(UNREACHABLE_POSTGRES_URL, REDIS_URL))
    assert "PostgreSQL at 127.0.0.1:6998 cannot be reached" in str(error.value)
    assert "TRACKER_DATABASE_URL" in str(error.value)


def test_an_unreachable_redis_is_named_with_what_to_do() -> None:
    with pytest.raises(ServiceUnavailable) as error:
        prepare_services(ServiceUrls(f"{POSTGRES_SERVER}/advisor_conversations", UNREACHABLE_REDIS_URL))
    assert "Redis at redis://127.0.0.1:6997/0 cannot be reached" in str(error.value) and "REDIS_URL" in str(error.value)


def test_a_tracker_url_that_is_not_postgresql_is_refused() -> None:
    with pytest.raises(ServiceUnavailable, match="must be a PostgreSQL URL"):
        ensure_database("sqlite:///tracker.db")


@pytest.mark.parametrize("variable, value, message", [
    ("TRACKER_DATABASE_URL", UNREACHABLE_POSTGRES_URL, "error: PostgreSQL at 127.0.0.1:6998 cannot be reached"),
    ("REDIS_URL", UNREACHABLE_REDIS_URL, "error: Redis at redis://127.0.0.1:6997/0 cannot be reached"),
])
def test_make_cluster_stops_with_a_clear_message_and_a_non_zero_status(variable: str, value: str,
                                                                       message: str, tmp_path: Path) -> None:
    require_redis()
    env = {"PATH": "/usr/bin:/bin", "CLUSTER_PORT": "6450", "TRACKER_DATABASE_URL": f"{POSTGRES_SERVER}/x",
           "REDIS_URL": REDIS_URL, variable: value}
    result = subprocess.run([sys.executable, "-m", "scripts.cluster", "--workdir", str(tmp_path)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith(message), result.stderr
    assert "Traceback" not in result.stderr


def test_rasa_endpoints_use_postgresql_redis_and_the_action_balancer() -> None:
    written = endpoints("postgresql://rasa:secret@db.internal:5433/conversations", "redis://:pw@cache:6380/2",
                        "http://127.0.0.1:8010/webhook")
    assert written["action_endpoint"] == {"url": "http://127.0.0.1:8010/webhook"}
    assert written["tracker_store"] == {"type": "SQL", "dialect": "postgresql", "url": "db.internal", "port": 5433,
                                        "db": "conversations", "username": "rasa", "password": "secret"}
    assert written["lock_store"] == {"type": "redis", "url": "cache", "port": 6380, "db": 2, "password": "pw",
                                     "key_prefix": "advisor"}
    yaml.safe_load(yaml.safe_dump(written))


def test_haproxy_accepts_the_generated_config(tmp_path: Path) -> None:
    ports = ClusterPorts.from_public(6460)
    assert ports.rasa == [6461, 6462] and ports.actions_balancer == 6470 and ports.actions == [6471, 6472]
    error_page = tmp_path / "503.http"
    error_page.write_text(error_page_text())
    config = tmp_path / "haproxy.cfg"
    config.write_text(haproxy_config(ports, error_page, action_timeout=20))
    text = config.read_text()
    assert "cookie ADVISOR_SERVER insert" in text, "socket.io sessions are sticky"
    assert text.count("option httpchk GET /health") == 4, "every back end is health-checked"
    assert "server rasa2 127.0.0.1:6462 check cookie rasa2" in text
    result = subprocess.run([haproxy_binary(), "-c", "-f", str(config)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_503_page_is_json_with_what_to_do() -> None:
    head, body = error_page_text().split("\r\n\r\n", 1)
    assert head.startswith("HTTP/1.0 503") and "application/json" in head
    assert f"Content-Length: {len(body.encode())}" in head
    assert "try again in a minute" in yaml.safe_load(body)["message"]
