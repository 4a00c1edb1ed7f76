"""`python -m scripts.misunderstood` reads conversations stored by Rasa's own SQL tracker store (SQLite here,
PostgreSQL below) and names the questions asked again, their unfilled answers, fallbacks and faults."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid
from pathlib import Path
from typing import List

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SlotSet, UserUtteranceReverted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_runtime.faults import APOLOGY, FAULT_METADATA
from scripts import misunderstood
from scripts.cluster_services import drop_database, ensure_database
from scripts.servers import ROOT
from tests.cluster.services import POSTGRES_SERVER


def user(text: str, intent: str = "inform") -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 0.9})


def asks(slot: str) -> List[Event]:
    return [ActionExecuted("profile_form"), SlotSet("requested_slot", slot), ActionExecuted("action_listen")]


CONVERSATION: List[Event] = [
    ActionExecuted("action_listen"), user("hi", "greet"), *asks("current_role"),
    user("I herd goats"), *asks("current_role"),                       # not understood: asked again
    user("sysadmin"), *asks("coding_comfort"),
    user("I dunno, some?"), *asks("coding_comfort"),                   # not understood again
    user("asdfgh", "nlu_fallback"), ActionExecuted("action_two_stage_fallback"),
    ActionExecuted("action_listen"),
    user("I write PowerShell"), BotUttered(APOLOGY, metadata=dict(FAULT_METADATA)), UserUtteranceReverted(),
    user("I write PowerShell"), *asks("target_role"),
]
OTHER: List[Event] = [ActionExecuted("action_listen"), user("hi", "greet"), *asks("current_role"),
                      user("I herd goats"), *asks("current_role")]


def store_conversations(url_kwargs: dict) -> None:
    store = SQLTrackerStore(Domain.empty(), **url_kwargs)

    async def save() -> None:
        for sender, events in (("person-a", CONVERSATION), ("person-b", OTHER)):
            await store.save(DialogueStateTracker.from_events(sender, events))

    asyncio.run(save())
    store.engine.dispose()


def check(report: misunderstood.Report) -> None:
    assert report.conversations == 2
    again = [(turn.sender, turn.asked_before, turn.text) for turn in report.asked_again()]
    assert again == [("person-a", "current_role", "I herd goats"), ("person-a", "coding_comfort", "I dunno, some?"),
                     ("person-b", "current_role", "I herd goats")]
    assert [turn.text for turn in report.fallbacks()] == ["asdfgh"]
    assert [turn.text for turn in report.faults()] == ["I write PowerShell"]
    text = misunderstood.render(report)
    assert "| current_role | 2 | 2 |" in text and "| current_role | I herd goats | 2 |" in text
    assert "| asdfgh | nlu_fallback | 1 |" in text
    assert "1 messages in 1 conversations got the apology" in text


def test_report_from_an_sqlite_tracker_store(tmp_path: Path) -> None:
    database = tmp_path / "tracker.db"
    store_conversations({"dialect": "sqlite", "db": str(database)})
    check(misunderstood.build_report(f"sqlite:///{database}"))
    result = subprocess.run([sys.executable, "-m", "scripts.misunderstood", "--url", f"sqlite:///{database}"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.startswith("# What the advisor did not understand")


def test_report_from_postgresql() -> None:
    name = f"advisor_misunderstood_{uuid.uuid4().hex[:8]}"
    url = f"{POSTGRES_SERVER}/{name}"
    ensure_database(url)
    try:
        store_conversations({"dialect": "postgresql", "host": "127.0.0.1", "port": 5432, "db": name,
                             "username": "postgres"})
        check(misunderstood.build_report(url))
    finally:
        drop_database(url)


def test_an_unreadable_store_is_a_clear_error(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "scripts.misunderstood", "--url",
                             "postgresql://postgres@127.0.0.1:6998/nowhere"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1 and result.stderr.startswith("error: could not read the tracker store at")


@pytest.mark.parametrize("days", [None, 1.0])
def test_recent_conversations_only(tmp_path: Path, days: float) -> None:
    database = tmp_path / "tracker.db"
    store_conversations({"dialect": "sqlite", "db": str(database)})
    assert misunderstood.build_report(f"sqlite:///{database}", days).conversations == 2
