"""Returning people and their data, end to end through REST on PostgreSQL (a database of this module's own).

A recommendation, its calendar link and the parsed .ics; then a new session on the same sender (`/session_start`):
the profile is kept, nothing is asked again, the welcome back names the path, and "passed 104 yesterday!!" puts
AZ-104 among the certifications held and the path after it. "I failed" gives the knowledge base's retake rule with
its source; "forget me", once confirmed, leaves no row of that sender in PostgreSQL, and the next message starts
afresh; a conversation older than the retention limit is deleted when the server starts.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Iterator, List

import psycopg2
import pytest
import requests
from icalendar import Calendar
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from scripts.cluster_services import drop_database, ensure_database
from scripts.servers import Servers
from tests.e2e.helpers import servers_with_page, slots, texts
from tests.e2e.test_calendar import SECRET, link_in, recommendation

pytestmark = pytest.mark.e2e

SERVER = "postgresql://postgres@127.0.0.1:5432"
DATABASE = f"advisor_returning_e2e_{uuid.uuid4().hex[:8]}"
URL = f"{SERVER}/{DATABASE}"
WELCOME = "Last time: AZ-104, then AZ-305. Have you taken AZ-104 yet, or shall we check you're on track?"
PROFILE = ("current_role", "coding_comfort", "target_role", "azure_experience", "weekly_hours")


def rows(sender: str) -> int:
    """Rows of `sender` in the conversations database, read with psycopg2 (not through Rasa)."""
    with psycopg2.connect(f"{URL}") as connection, connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM events WHERE sender_id = %s", (sender,))
        return int(cursor.fetchone()[0])


def store_conversation(sender: str, at: float) -> None:
    """A conversation whose events all happened at `at`, written before the server starts."""
    store = SQLTrackerStore(Domain.empty(), dialect="postgresql", host="127.0.0.1", port=5432, db=DATABASE,
                            username="postgres")
    tracker = DialogueStateTracker(sender, [])
    tracker.update(ActionExecuted("action_session_start", timestamp=at))
    tracker.update(UserUttered("hi", timestamp=at + 1))
    asyncio.run(store.save(tracker))
    store.engine.dispose()


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[Servers]:
    try:
        ensure_database(URL)
    except Exception as error:  # noqa: BLE001
        pytest.fail(f"PostgreSQL at {SERVER} is needed by this test: {error}")
    store_conversation("retention-old", time.time() - 400 * 86400)
    store_conversation("retention-recent", time.time() - 30 * 86400)
    try:
        yield from servers_with_page(tmp_path_factory.mktemp("e2e-returning"), {
            "CALENDAR_SECRET": SECRET, "TRACKER_DATABASE_URL": URL, "TRACKER_RETENTION_DAYS": "365"})
    finally:
        drop_database(URL)


def asked_again(replies: List[dict]) -> bool:
    """True when a profile question (or any button set of the form) is in the replies."""
    questions = ("What do you do today?", "How comfortable are you writing code?", "What do you want to become",
                 "How much hands-on Azure experience", "Which Microsoft certifications do you already hold?",
                 "how many hours a week can you give")
    return any(question in texts(replies) for question in questions)


def test_retention_deleted_the_old_conversation_at_start(servers):
    deadline = time.monotonic() + 60
    while rows("retention-old") and time.monotonic() < deadline:
        time.sleep(1)
    assert rows("retention-old") == 0
    assert rows("retention-recent") == 2


def test_a_new_session_keeps_the_profile_welcomes_back_and_a_passed_exam_moves_the_path(servers):
    user = f"e2e-returning-{uuid.uuid4().hex[:6]}"
    recommendation(servers, user)
    link = link_in(servers.say(user, "put it in my calendar"))
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(requests.get(link, timeout=60).content).walk("VEVENT")]
    assert "Book AZ-104" in summaries and "Book AZ-305" in summaries
    before = slots(servers, user)

    welcome = servers.say(user, "/session_start")
    assert texts(welcome).startswith(f"Welcome back. {WELCOME}")
    assert not asked_again(welcome)
    tracker = servers.tracker(user)
    assert [e["event"] for e in tracker["events"]].count("session_started") == 2
    after = tracker["slots"]
    assert {k: after[k] for k in PROFILE + ("recommended_path",)} == {k: before[k] for k in PROFILE + (
        "recommended_path",)}
    assert after["requested_slot"] is None
    hello = servers.say(user, "hi")
    assert not asked_again(hello), texts(hello)
    assert texts(hello).startswith(f"Hi again! {WELCOME}"), texts(hello)
    assert "I'm the Azure certification path advisor" not in texts(hello), "no introduction to a returning person"
    assert slots(servers, user)["recommended_path"] == ["AZ-104", "AZ-305"]

    passed = servers.say(user, "passed 104 yesterday!!")
    assert texts(passed).startswith("Congratulations on passing AZ-104 on 2026-11-21!")
    assert "Your path from here: AZ-305" in texts(passed) and not asked_again(passed)
    now = slots(servers, user)
    assert now["certifications_held"] == ["AZ-104"] and now["recommended_path"] == ["AZ-305"]
    assert now["certification_dates"] == {"AZ-104": "2026-11-21"}
    track = texts(servers.say(user, "Am I on track? Exam in 3 weeks"))  # the next exam now: AZ-305
    assert track.startswith("Not at this pace: AZ-305 takes about"), track
    assert rows(user) > 0, "the conversation is in PostgreSQL"


def test_a_failed_exam_gets_the_retake_rule_with_its_source_and_a_plan(servers):
    user = f"e2e-failed-{uuid.uuid4().hex[:6]}"
    recommendation(servers, user)
    failed = texts(servers.say(user, "didn't pass, networking part killed me"))
    assert failed.startswith("Sorry it didn't go your way. You can sit AZ-104 again from Monday 23 November 2026")
    assert "https://learn.microsoft.com/en-us/credentials/support/retake-policy, checked 2026-07-15" in failed
    assert "most of it on Implement and manage virtual networking" in failed
    assert slots(servers, user)["failed_exams"] == ["AZ-104"]
    again = texts(servers.say(user, "i failed az-104 again :("))
    assert "again from Sunday 6 December 2026 (14 days after a second failure" in again
    assert "show as weakest" in again
    plan = texts(servers.say(user, "storage and compute"))
    assert plan.startswith("Here's a retake plan for AZ-104 weighted to Implement and manage storage and Deploy")
    track = texts(servers.say(user, "exam's in 3 weeks am i on track"))
    assert track.startswith("For a retake, it depends on how close your score was: AZ-104 takes about 60–100 hours")
    assert "You've sat AZ-104 before" in track
    asked = texts(servers.say(user, "am I on track?"))  # the welcome back's button
    assert asked.startswith("When is your AZ-104 exam?")
    assert texts(servers.say(user, "in 3 weeks")).startswith("For a retake, it depends on how close your score was")
    assert slots(servers, user)["recommended_path"] == ["AZ-104", "AZ-305"], "the path is untouched"


def test_forget_me_is_confirmed_then_every_row_is_deleted_and_the_next_message_starts_afresh(servers):
    user = f"e2e-forget-{uuid.uuid4().hex[:6]}"
    other = f"e2e-keep-{uuid.uuid4().hex[:6]}"
    recommendation(servers, user)
    servers.say(other, "hi")
    asked = servers.say(user, "delete my data")
    assert texts(asked).startswith("Delete everything I keep about you?")
    assert [b["title"] for b in asked[-1]["buttons"]] == ["Yes, delete everything", "No, keep it"]
    kept = texts(servers.say(user, "no, keep it"))
    assert kept.startswith("OK, I've deleted nothing") and rows(user) > 0
    servers.say(user, "forget everything about me")
    done = texts(servers.say(user, "yes, delete everything"))
    assert done.startswith("Done. I've deleted your profile")
    assert rows(user) == 0, "no row of that sender is left in PostgreSQL"
    assert rows(other) > 0, "other people's conversations stay"

    fresh = servers.say(user, "hi")
    assert "Welcome back" not in texts(fresh)
    state = slots(servers, user)
    assert state["recommended_path"] is None and state["current_role"] is None
    assert [e["event"] for e in servers.tracker(user)["events"]].count("session_started") == 1


def test_forget_me_before_any_recommendation(servers):
    user = f"e2e-forget-early-{uuid.uuid4().hex[:6]}"
    servers.say(user, "hi")
    assert texts(servers.say(user, "forget me")).startswith("Delete everything I keep about you?")
    servers.say(user, "yes")
    assert rows(user) == 0


def age_conversation(sender: str, seconds: float) -> None:
    """Move every stored event of `sender` `seconds` into the past (the column and the event's own timestamp)."""
    with psycopg2.connect(URL) as connection, connection.cursor() as cursor:
        cursor.execute("UPDATE events SET timestamp = timestamp - %s, data = jsonb_set(data::jsonb, '{timestamp}', "
                       "to_jsonb((data::jsonb->>'timestamp')::float - %s))::text WHERE sender_id = %s",
                       (seconds, seconds, sender))


def test_after_two_hours_away_the_next_message_starts_a_new_session_with_the_profile(servers):
    user = f"e2e-away-{uuid.uuid4().hex[:6]}"
    recommendation(servers, user)
    age_conversation(user, 3 * 3600)  # session_expiration_time is 120 minutes (domain.yml)
    replies = servers.say(user, "I passed AZ-104")
    assert texts(replies).startswith(f"Welcome back. {WELCOME}")
    assert "Congratulations on passing AZ-104!" in texts(replies) and not asked_again(replies)
    tracker = servers.tracker(user)
    assert [e["event"] for e in tracker["events"]].count("session_started") == 2
    assert tracker["slots"]["certifications_held"] == ["AZ-104"]
    assert tracker["slots"]["recommended_path"] == ["AZ-305"]
