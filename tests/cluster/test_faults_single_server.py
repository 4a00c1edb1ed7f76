"""`make run`'s configuration (one Rasa server on SQLite, one action server): an action server that is frozen
(SIGSTOP) or killed gives a short apology instead of an empty reply, and the conversation resumes when it is
back, with every answer given before kept and nothing of the failed turn half-kept."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path
from typing import Dict, Iterator, List

import pytest
import requests

from rasa_runtime.faults import APOLOGY, is_apology
from scripts.servers import _env, _stop, find_model, start_actions, start_rasa
from tests.cluster.conversation import healthy, say, slots, user_texts
from tests.cluster.services import SINGLE_ACTIONS_PORT, SINGLE_RASA_PORT
from tests.conftest import TODAY

pytestmark = pytest.mark.e2e

RASA_URL = f"http://127.0.0.1:{SINGLE_RASA_PORT}"
ACTIONS_HEALTH = f"http://127.0.0.1:{SINGLE_ACTIONS_PORT}/health"
TIMEOUT = 5  # ACTION_SERVER_TIMEOUT for this server (a frozen one is given up on soon)


class Single:
    def __init__(self, workdir: Path, env: Dict[str, str]) -> None:
        self.workdir, self.env = workdir, env
        self.processes: Dict[str, subprocess.Popen] = {}

    def start_actions(self) -> None:
        self.processes["actions"] = start_actions(self.workdir, SINGLE_ACTIONS_PORT, self.env)

    def signal_actions(self, sig: signal.Signals) -> None:
        os.killpg(self.processes["actions"].pid, sig)
        if sig == signal.SIGKILL:
            self.processes["actions"].wait(timeout=30)


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Single]:
    workdir = tmp_path_factory.mktemp("single")
    env = _env(workdir, {"ADVISOR_TODAY": TODAY.isoformat(), "ACTION_SERVER_TIMEOUT": str(TIMEOUT),
                         "REDIS_URL": "", "SLACK_TOKEN": "", "MICROSOFT_APP_ID": ""})
    running = Single(workdir, env)
    try:
        running.start_actions()
        running.processes["rasa"] = start_rasa(workdir, find_model(), SINGLE_RASA_PORT, SINGLE_ACTIONS_PORT, env)
        yield running
    finally:
        for process in running.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGCONT)
            _stop(process)


def reply_text(sender: str, text: str) -> str:
    answer = say(RASA_URL, sender, text)
    assert answer.status_code == 200
    return "\n".join(reply.get("text", "") for reply in answer.json())


def events(sender: str) -> List[dict]:
    answer = requests.get(f"{RASA_URL}/conversations/{sender}/tracker", timeout=30)
    answer.raise_for_status()
    result: List[dict] = answer.json()["events"]
    return result


def test_health_names_the_embedded_stores(single: Single) -> None:
    health = requests.get(f"{RASA_URL}/health", timeout=10).json()
    assert health == {"status": "ok", "tracker_store": "sqlite ok", "lock_store": "InMemoryLockStore"}


def test_a_frozen_action_server_gets_an_apology_then_the_conversation_resumes(single: Single) -> None:
    sender = "frozen-single"
    assert "What do you do" in reply_text(sender, "hi")
    single.signal_actions(signal.SIGSTOP)
    try:
        assert reply_text(sender, "I'm a developer") == APOLOGY
    finally:
        single.signal_actions(signal.SIGCONT)
    assert slots(RASA_URL, sender)["current_role"] is None
    assert "code" in reply_text(sender, "I'm a developer")
    assert slots(RASA_URL, sender)["current_role"] == "developer"
    assert user_texts(RASA_URL, sender) == ["hi", "I'm a developer", "I'm a developer"]
    apologies = [event for event in events(sender) if is_apology(event)]
    assert len(apologies) == 1 and apologies[0]["text"] == APOLOGY, "the apology is on record"


def test_a_killed_action_server_gets_an_apology_and_answers_are_kept(single: Single) -> None:
    sender = "killed-single"
    reply_text(sender, "hi")
    reply_text(sender, "I've been a Windows sysadmin for 6 years")
    before = slots(RASA_URL, sender)
    assert before["current_role"] == "administrator"
    single.signal_actions(signal.SIGKILL)
    try:
        for text in ("not really, I can tweak PowerShell scripts", "what is AZ-104?"):
            assert reply_text(sender, text) == APOLOGY
        assert slots(RASA_URL, sender) == before
    finally:
        single.start_actions()
    assert healthy(ACTIONS_HEALTH)
    assert "become" in reply_text(sender, "not really, I can tweak PowerShell scripts")
    after = slots(RASA_URL, sender)
    assert after["current_role"] == "administrator" and after["coding_comfort"] == "low"
