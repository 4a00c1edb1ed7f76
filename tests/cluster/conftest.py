"""One real cluster for the end-to-end cluster tests: two Rasa servers and two action servers on the real
PostgreSQL (a database of their own, dropped first, reached through a TCP proxy on 127.0.0.1:6650 that a test
cuts) and Redis, behind HAProxy on 127.0.0.1:6400, with Slack and Teams enabled against a local stand-in for
their services (127.0.0.1:6600)."""

from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from scripts.cluster import Cluster, running_cluster
from scripts.cluster_services import ServiceUrls, drop_database
from tests.channels.conftest import APP_ID, APP_PASSWORD, SLACK_SIGNING_SECRET, SLACK_TOKEN
from tests.channels.stand_ins import StandIn
from tests.cluster.services import CLUSTER_PORT, POSTGRES_SERVER, REDIS_URL, STAND_IN_PORT, require_redis
from tests.cluster.tcp_proxy import TcpProxy
from tests.conftest import TODAY

TEST_DATABASE = "advisor_cluster_test"
POSTGRES_PROXY_PORT = 6650  # the cluster reaches PostgreSQL through a proxy the tests can cut
REDIS_PROXY_PORT = 6651  # and Redis the same way
ACTION_TIMEOUT = 10  # seconds: a frozen action server is given up on soon, a busy machine still answers
LOCK_LIFETIME = 20  # seconds: a lock held by a killed Rasa server expires sooner than Rasa's 60


class FixedPortStandIn(StandIn):
    """The channels' stand-in, on a port of the cluster tests' range."""

    def __init__(self, port: int) -> None:
        super().__init__(APP_ID, APP_PASSWORD)
        self.server.server_close()
        self.server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.url = f"http://127.0.0.1:{port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)


@pytest.fixture(scope="module")
def stand_in() -> Iterator[StandIn]:
    with FixedPortStandIn(STAND_IN_PORT) as running:
        yield running


@pytest.fixture(scope="module")
def postgres_proxy() -> Iterator[TcpProxy]:
    proxy = TcpProxy(POSTGRES_PROXY_PORT, 5432).start()
    yield proxy
    proxy.stop()


@pytest.fixture(scope="module")
def redis_proxy() -> Iterator[TcpProxy]:
    proxy = TcpProxy(REDIS_PROXY_PORT, urlsplit(REDIS_URL).port or 6379).start()
    yield proxy
    proxy.stop()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory, stand_in: StandIn, postgres_proxy: TcpProxy,
            redis_proxy: TcpProxy) -> Iterator[Cluster]:
    require_redis()
    drop_database(f"{POSTGRES_SERVER}/{TEST_DATABASE}")
    env = {
        "ADVISOR_TODAY": TODAY.isoformat(), "ACTION_SERVER_TIMEOUT": str(ACTION_TIMEOUT),
        "TICKET_LOCK_LIFETIME": str(LOCK_LIFETIME),
        "SLACK_TOKEN": SLACK_TOKEN, "SLACK_SIGNING_SECRET": SLACK_SIGNING_SECRET,
        "SLACK_API_URL": f"{stand_in.url}/slack/api/",
        "MICROSOFT_APP_ID": APP_ID, "MICROSOFT_APP_PASSWORD": APP_PASSWORD,
        "BOTFRAMEWORK_OPENID_METADATA_URL": f"{stand_in.url}/bf/openid",
        "MICROSOFT_TOKEN_URL": f"{stand_in.url}/bf/token",
    }
    workdir: Path = tmp_path_factory.mktemp("cluster")
    database_url = f"postgresql://postgres@127.0.0.1:{POSTGRES_PROXY_PORT}/{TEST_DATABASE}"
    redis_url = f"redis://127.0.0.1:{REDIS_PROXY_PORT}{urlsplit(REDIS_URL).path or '/0'}"
    with running_cluster(workdir, CLUSTER_PORT, env=env, urls=ServiceUrls(database_url, redis_url)) as running:
        yield running
