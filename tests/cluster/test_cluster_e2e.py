"""The cluster for real: load through HAProxy, Slack and Teams redeliveries to the other replica, action servers
frozen and killed, a Rasa server killed in the middle of a load. Run in this order (one cluster for all).

Nothing here asserts a speed: `make bench-cluster` measures; these tests check that nothing is lost,
reordered, answered twice or answered with silence.
"""

from __future__ import annotations

import signal
import threading
import uuid
from typing import List

import pytest
import requests

from rasa_runtime.faults import APOLOGY
from rasa_runtime.store_faults import STORE_APOLOGY
from scripts.cluster import Cluster
from tests.channels.stand_ins import StandIn
from tests.channels.test_botframework import activity, replies_in, token
from tests.channels.test_slack import message_event, posts_to, signed_headers
from tests.cluster.conversation import (
    ARCHITECT_TURNS,
    LOAD_TURNS,
    backend_requests,
    healthy,
    is_subsequence,
    load,
    say,
    slots,
    user_texts,
    wait_until,
)
from tests.cluster.tcp_proxy import TcpProxy

pytestmark = pytest.mark.e2e

LOAD_USERS = 50  # × 20 turns (LOAD_TURNS): the load
KILL_USERS = 12


def new_senders(count: int, label: str) -> List[str]:
    run = uuid.uuid4().hex[:8]
    return [f"{label}-{run}-{number}" for number in range(count)]


def texts(replies: List[dict]) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


def test_the_balancer_exposes_what_make_run_exposes(cluster: Cluster) -> None:
    health = requests.get(f"{cluster.url}/health", timeout=10).json()
    assert health == {"status": "ok", "tracker_store": "postgresql ok", "lock_store": "redis ok"}
    assert requests.get(f"{cluster.url}/version", timeout=10).json()["version"] == "3.6.21"  # the HTTP API
    page = requests.get(f"{cluster.url}/", timeout=10)
    assert page.status_code == 200 and "text/html" in page.headers["Content-Type"]  # the web chat page
    config = requests.get(f"{cluster.url}/config.js", timeout=10).text
    assert f'"socketUrl": "{cluster.url}"' in config, "the widget talks to the balancer"
    handshake = requests.get(f"{cluster.url}/socket.io/?EIO=4&transport=polling", timeout=10)
    assert handshake.status_code == 200 and '"sid"' in handshake.text
    assert handshake.cookies.get("ADVISOR_SERVER") in ("rasa1", "rasa2"), "socket.io sessions are sticky"
    sender = new_senders(1, "rest")[0]
    assert "What do you do" in texts(say(cluster.url, sender, "hi").json())
    for name in ("rasa1", "rasa2", "actions1", "actions2"):
        assert healthy(f"{cluster.server_url(name)}/health"), f"{name} has a health endpoint"


def test_concurrent_users_lose_nothing_and_reach_their_recommendation(cluster: Cluster) -> None:
    stats_url = f"http://127.0.0.1:{cluster.ports.stats}"
    before = backend_requests(stats_url, "rasa")
    runs = load(cluster.url, new_senders(LOAD_USERS, "load"), LOAD_TURNS)
    errors = [f"{run.sender} {error}" for run in runs for error in run.errors()]
    assert errors == [], "zero errors under load"
    for run in runs:
        assert all(replies for replies in run.replies), f"{run.sender}: every turn is answered"
        assert user_texts(cluster.url, run.sender) == LOAD_TURNS, f"{run.sender}: all kept, in order"
        assert slots(cluster.url, run.sender)["recommended_path"] == ["AZ-104", "AZ-305"]
        assert APOLOGY not in texts([r for turn in run.replies for r in turn])
    after = backend_requests(stats_url, "rasa")
    served = {server: after[server] - before.get(server, 0) for server in after}
    assert all(count > 0 for count in served.values()) and len(served) == 2, f"both servers served: {served}"


def test_a_slack_retry_sent_to_the_other_replica_is_not_answered_again(cluster: Cluster, stand_in: StandIn) -> None:
    user, channel = f"U0{uuid.uuid4().hex[:8].upper()}", f"D0{uuid.uuid4().hex[:8].upper()}"
    body = message_event(user, channel, "hi")
    first = requests.post(f"{cluster.server_url('rasa1')}/webhooks/slack/webhook", data=body,
                          headers=signed_headers(body), timeout=60)
    assert first.status_code == 200
    stand_in.wait_for(lambda _: bool(posts_to(stand_in, channel)))
    retry_headers = {**signed_headers(body), "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    retry = requests.post(f"{cluster.server_url('rasa2')}/webhooks/slack/webhook", data=body, headers=retry_headers,
                          timeout=60)
    assert retry.status_code == 200 and retry.headers.get("X-Slack-No-Retry") == "1"
    follow_up = message_event(user, channel, "I'm a developer")
    assert requests.post(f"{cluster.server_url('rasa2')}/webhooks/slack/webhook", data=follow_up,
                         headers=signed_headers(follow_up), timeout=60).status_code == 200
    wait_until(lambda: user_texts(cluster.url, user) == ["hi", "I'm a developer"], 60, "the follow-up is kept")


def test_a_teams_redelivery_to_the_other_replica_is_answered_once(cluster: Cluster, stand_in: StandIn) -> None:
    user, conversation = f"29:{uuid.uuid4().hex[:10]}", f"a:{uuid.uuid4().hex[:10]}"
    message = activity(stand_in, user, conversation, "hi")
    headers = {"Authorization": f"Bearer {token(stand_in)}"}
    url = "{}/webhooks/botframework/webhook"
    assert requests.post(url.format(cluster.server_url("rasa1")), json=message, headers=headers,
                         timeout=60).status_code == 200
    stand_in.wait_for(lambda _: bool(replies_in(stand_in, conversation)))
    answered = len(replies_in(stand_in, conversation))
    assert requests.post(url.format(cluster.server_url("rasa2")), json=message, headers=headers,
                         timeout=60).status_code == 200
    follow_up = activity(stand_in, user, conversation, "I'm a developer")
    assert requests.post(url.format(cluster.server_url("rasa2")), json=follow_up, headers=headers,
                         timeout=60).status_code == 200
    wait_until(lambda: user_texts(cluster.url, user) == ["hi", "I'm a developer"], 60, "the follow-up is kept")
    stand_in.wait_for(lambda _: len(replies_in(stand_in, conversation)) > answered)


def test_one_action_server_killed_the_other_answers_without_an_apology(cluster: Cluster) -> None:
    sender = new_senders(1, "one-down")[0]
    say(cluster.url, sender, "hi")
    cluster.signal("actions1", signal.SIGKILL)
    try:
        for text in ARCHITECT_TURNS[1:4]:
            replies = say(cluster.url, sender, text)
            assert replies.status_code == 200 and APOLOGY not in texts(replies.json()), text
        assert slots(cluster.url, sender)["target_role"] == "architect"
    finally:
        cluster.start("actions1")


def _actions_balancer(cluster: Cluster) -> str:
    return f"http://127.0.0.1:{cluster.ports.actions_balancer}/health"


def test_action_servers_frozen_give_an_apology_then_the_conversation_resumes(cluster: Cluster) -> None:
    sender = new_senders(1, "frozen")[0]
    say(cluster.url, sender, "hi")
    for name in ("actions1", "actions2"):
        cluster.signal(name, signal.SIGSTOP)
    try:
        answer = say(cluster.url, sender, "I've been a Windows sysadmin for 6 years")
        assert answer.status_code == 200
        assert texts(answer.json()) == APOLOGY, "a short apology, never silence"
        assert slots(cluster.url, sender)["current_role"] is None, "the failed turn changed nothing"
    finally:
        for name in ("actions1", "actions2"):
            cluster.signal(name, signal.SIGCONT)
    wait_until(lambda: healthy(_actions_balancer(cluster)), 30, "the action servers coming back")
    answer = say(cluster.url, sender, "I've been a Windows sysadmin for 6 years")
    assert "code" in texts(answer.json()), "the conversation resumes where it was"
    assert slots(cluster.url, sender)["current_role"] == "administrator"
    assert user_texts(cluster.url, sender) == ["hi", "I've been a Windows sysadmin for 6 years",
                                               "I've been a Windows sysadmin for 6 years"], "nothing said is lost"


def test_action_servers_killed_give_an_apology_then_recover_when_restarted(cluster: Cluster) -> None:
    sender = new_senders(1, "killed")[0]
    for text in ARCHITECT_TURNS[:3]:
        say(cluster.url, sender, text)
    before = slots(cluster.url, sender)
    for name in ("actions1", "actions2"):
        cluster.signal(name, signal.SIGKILL)
    try:
        for _ in range(2):  # also while the balancer already knows they are down
            answer = say(cluster.url, sender, "a cloud architect, within two years")
            assert answer.status_code == 200 and texts(answer.json()) == APOLOGY
        assert slots(cluster.url, sender) == before, "no answer is lost or half-kept"
    finally:
        for name in ("actions1", "actions2"):
            cluster.start(name)
    wait_until(lambda: healthy(_actions_balancer(cluster)), 30, "the action servers coming back")
    for text in ARCHITECT_TURNS[3:7]:
        assert APOLOGY not in texts(say(cluster.url, sender, text).json())
    assert slots(cluster.url, sender)["recommended_path"] == ["AZ-104", "AZ-305"]


# (the proxy the cluster reaches the service through, the store /health names when it is gone)
STORES = [("postgres_proxy", "tracker_store"), ("redis_proxy", "lock_store")]


@pytest.mark.parametrize("proxy_fixture, store", STORES, ids=["postgresql", "redis"])
def test_a_store_unreachable_gives_a_clear_error_then_the_conversation_goes_on(
        cluster: Cluster, request: pytest.FixtureRequest, proxy_fixture: str, store: str) -> None:
    proxy: TcpProxy = request.getfixturevalue(proxy_fixture)
    sender = new_senders(1, f"{store}-down")[0]
    for text in ARCHITECT_TURNS[:3]:
        assert say(cluster.url, sender, text).status_code == 200
    proxy.stop()
    try:
        direct = say(cluster.server_url("rasa1"), sender, ARCHITECT_TURNS[3])
        assert direct.status_code == 503 and "in a minute" in direct.json()["message"]
        health = requests.get(f"{cluster.server_url('rasa2')}/health", timeout=10)
        assert health.status_code == 503 and store in health.json()["failing"]
    finally:
        proxy.start()
    wait_until(lambda: healthy(f"{cluster.url}/health"), 30, f"the servers seeing the {store} again")
    for text in ARCHITECT_TURNS[3:7]:
        answer = say(cluster.url, sender, text)
        assert answer.status_code == 200 and APOLOGY not in texts(answer.json()), text
    assert user_texts(cluster.url, sender) == ARCHITECT_TURNS[:7], "nothing lost, nothing doubled"
    assert slots(cluster.url, sender)["recommended_path"] == ["AZ-104", "AZ-305"]


def test_a_store_apology_says_what_to_do(cluster: Cluster, postgres_proxy: TcpProxy) -> None:
    """Through the balancer, with PostgreSQL gone: the server's words, or HAProxy's once both servers are down."""
    sender = new_senders(1, "pg-apology")[0]
    assert say(cluster.url, sender, ARCHITECT_TURNS[0]).status_code == 200
    postgres_proxy.stop()
    try:
        direct = say(cluster.server_url("rasa1"), sender, ARCHITECT_TURNS[1])
        assert direct.json()["message"] == STORE_APOLOGY
        balanced = say(cluster.url, sender, ARCHITECT_TURNS[1])
        assert balanced.status_code == 503 and "in a minute" in balanced.json()["message"]
    finally:
        postgres_proxy.start()
    wait_until(lambda: healthy(f"{cluster.url}/health"), 30, "the servers seeing PostgreSQL again")


def test_a_rasa_server_killed_during_a_load_loses_and_reorders_nothing(cluster: Cluster) -> None:
    total = KILL_USERS * len(ARCHITECT_TURNS)
    killed = threading.Event()
    once = threading.Lock()

    def kill_a_third_of_the_way(done: int) -> None:
        with once:
            if done >= total // 3 and not killed.is_set():
                killed.set()
                cluster.signal("rasa1", signal.SIGKILL)

    runs = load(cluster.url, new_senders(KILL_USERS, "kill"), ARCHITECT_TURNS, kill_a_third_of_the_way)
    assert killed.is_set()
    for run in runs:
        lost_with_the_server = [e for e in run.errors() if "HTTP 502" in e or "RemoteDisconnected" in e]
        assert lost_with_the_server == run.errors(), f"{run.sender}: only the killed server's answers fail"
        kept = user_texts(cluster.url, run.sender)
        assert is_subsequence(run.answered(), kept), f"{run.sender}: every answered message kept, in order"
        assert is_subsequence(kept, run.sent) and len(kept) == len(set(kept)), f"{run.sender}: nothing doubled"
        assert run.statuses[-1] == 200, f"{run.sender}: the other server carried on"
    assert healthy(f"{cluster.server_url('rasa2')}/health")
