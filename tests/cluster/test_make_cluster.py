"""`make cluster`'s command (`python -m scripts.cluster`), started as a person does: it creates its database,
answers through HAProxy, and Ctrl-C stops every process it started. (One Rasa server and one action server
here, to keep the test short; the two-of-each cluster is tested in test_cluster_e2e.py.)"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
import requests

from scripts.cluster_services import drop_database
from scripts.servers import ROOT
from tests.cluster.conversation import say
from tests.cluster.services import POSTGRES_SERVER, REDIS_URL, require_redis
from tests.conftest import TODAY

pytestmark = pytest.mark.e2e

PORT = 6800
DATABASE = "advisor_cluster_cli_test"


def listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def database_exists(name: str) -> bool:
    with psycopg2.connect(f"{POSTGRES_SERVER}/postgres") as connection, connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        return cursor.fetchone() is not None


def test_make_cluster_starts_answers_and_stops_everything_on_ctrl_c(tmp_path: Path) -> None:
    require_redis()
    drop_database(f"{POSTGRES_SERVER}/{DATABASE}")
    env = {**os.environ, "CLUSTER_PORT": str(PORT), "TRACKER_DATABASE_URL": f"{POSTGRES_SERVER}/{DATABASE}",
           "REDIS_URL": REDIS_URL, "ADVISOR_TODAY": TODAY.isoformat()}
    process = subprocess.Popen([sys.executable, "-m", "scripts.cluster", "--workdir", str(tmp_path),
                                "--rasa-servers", "1", "--action-servers", "1"], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    ports = [PORT, PORT + 1, PORT + 10, PORT + 11, PORT + 20]
    try:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            if "Ctrl-C stops everything" in line or process.poll() is not None:
                break
        output = "".join(lines)
        assert f"Cluster up behind HAProxy: http://127.0.0.1:{PORT}/" in output, output
        assert database_exists(DATABASE), "the conversations database was created"
        assert all(listening(port) for port in ports)
        answer = say(f"http://127.0.0.1:{PORT}", "cli-user", "hi")
        assert answer.status_code == 200 and "What do you do" in answer.text
        assert requests.get(f"http://127.0.0.1:{PORT}/", timeout=10).status_code == 200
    finally:
        process.send_signal(signal.SIGINT)  # what Ctrl-C sends
        try:
            assert process.wait(timeout=90) == 0
        finally:
            if process.poll() is None:
                process.kill()
    assert not any(listening(port) for port in ports), "every server it started is stopped"
    drop_database(f"{POSTGRES_SERVER}/{DATABASE}")
