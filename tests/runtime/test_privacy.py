"""Deleting conversations for real in PostgreSQL: "forget me" for one sender, and the retention limit.

Uses the local PostgreSQL (`PRIVACY_TEST_POSTGRES`, default postgresql://postgres@127.0.0.1:5432) with a
database of its own, created and dropped here; fails (never skips) when PostgreSQL is not there.
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from typing import Any, Iterator

import psycopg2
import pytest
from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_runtime.privacy import (
    confirmed_forget,
    delete_conversation,
    purge_expired,
    retention_days,
)
from scripts.cluster_services import drop_database, ensure_database

SERVER = os.environ.get("PRIVACY_TEST_POSTGRES") or "postgresql://postgres@127.0.0.1:5432"
DOMAIN = Domain.from_yaml("slots:\n  answer_kind:\n    type: text\n    mappings: [{type: custom}]\n")


@pytest.fixture(scope="module")
def store() -> Iterator[SQLTrackerStore]:
    url = f"{SERVER}/advisor_privacy_test_{uuid.uuid4().hex[:8]}"
    try:
        ensure_database(url)
    except Exception as error:  # noqa: BLE001
        pytest.fail(f"PostgreSQL at {SERVER} is needed by these tests: {error}")
    name = url.rsplit("/", 1)[1]
    sql_store = SQLTrackerStore(DOMAIN, dialect="postgresql", host="127.0.0.1", port=5432, db=name,
                                username="postgres")
    try:
        yield sql_store
    finally:
        sql_store.engine.dispose()
        drop_database(url)


def run(awaitable: Any) -> Any:
    return asyncio.run(awaitable)


def rows(store: SQLTrackerStore, sender: str) -> int:
    url = store.engine.url
    with psycopg2.connect(host=url.host, port=url.port, user=url.username, dbname=url.database) as connection:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM events WHERE sender_id = %s", (sender,))
            return int(cursor.fetchone()[0])


def conversation(sender: str, at: float, sessions: int = 2) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, DOMAIN.slots)
    for index in range(sessions):
        tracker.update(ActionExecuted("action_session_start", timestamp=at + index))
        tracker.update(UserUttered("hi", timestamp=at + index + 0.1))
        tracker.update(BotUttered("Hi!", timestamp=at + index + 0.2))
    return tracker


def test_forget_deletes_every_row_of_that_sender_only(store):
    now = time.time()
    run(store.save(conversation("forget-me", now)))
    run(store.save(conversation("someone-else", now)))
    assert rows(store, "forget-me") == 6
    assert delete_conversation(store, "forget-me") == 6
    assert rows(store, "forget-me") == 0 and rows(store, "someone-else") == 6
    assert run(store.retrieve("forget-me")) is None


def test_retention_deletes_conversations_whose_last_event_is_too_old(store):
    now = time.time()
    run(store.save(conversation("old", now - 400 * 86400)))
    run(store.save(conversation("old-but-back", now - 400 * 86400, sessions=1)))
    back = run(store.retrieve("old-but-back"))
    back.update(UserUttered("I passed AZ-104", timestamp=now - 86400))
    run(store.save(back))
    run(store.save(conversation("recent", now - 10 * 86400)))
    assert purge_expired(store, 365, now) == 1
    assert rows(store, "old") == 0
    assert rows(store, "old-but-back") == 4, "a conversation is kept as a whole while its latest event is recent"
    assert rows(store, "recent") == 6


def test_in_memory_store():
    memory = InMemoryTrackerStore(DOMAIN)
    run(memory.save(conversation("m", time.time())))
    assert delete_conversation(memory, "m") == 1 and run(memory.retrieve("m")) is None


def test_only_a_confirmed_forget_in_the_latest_turn_deletes():
    tracker = DialogueStateTracker("x", DOMAIN.slots)
    tracker.update(UserUttered("yes, delete everything"))
    tracker.update(ActionExecuted("action_forget_me"))
    tracker.update(SlotSet("answer_kind", "forgotten"))
    tracker.update(ActionExecuted("action_listen"))
    assert confirmed_forget(tracker)
    asked = DialogueStateTracker("y", DOMAIN.slots)
    asked.update(UserUttered("forget me"))
    asked.update(ActionExecuted("action_forget_me"))
    asked.update(SlotSet("answer_kind", "forget_asked"))
    assert not confirmed_forget(asked)
    tracker.update(UserUttered("hi"))
    assert not confirmed_forget(tracker), "an earlier turn never deletes again"


@pytest.mark.parametrize("value, days", [("", 365.0), ("30", 30.0), ("off", None), ("-3", 365.0), ("x", 365.0)])
def test_retention_setting(value, days):
    assert retention_days({"TRACKER_RETENTION_DAYS": value}) == days


def test_the_command_line_deletes_in_the_same_database(store, capsys):
    from scripts.privacy import main

    url = store.engine.url
    database = f"postgresql://{url.username}@{url.host}:{url.port}/{url.database}"
    run(store.save(conversation("by-mail", time.time())))
    run(store.save(conversation("ancient", time.time() - 1000 * 86400)))
    assert main(["--url", database, "forget", "by-mail"]) == 0
    assert rows(store, "by-mail") == 0 and "by-mail: 6 rows deleted" in capsys.readouterr().out
    assert main(["--url", database, "purge", "--days", "365"]) == 0
    assert rows(store, "ancient") == 0
