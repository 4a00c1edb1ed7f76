"""What every action needs: the knowledge base catalog, "today", and tracker helpers."""

from __future__ import annotations

from datetime import date
from typing import Any, List, Optional

from rasa_sdk import Tracker

from advisor.profile import PROFILE_SLOTS, Profile
from knowledge.catalog import Catalog
from knowledge.queries import get_catalog
from knowledge.today import today


def catalog() -> Catalog:
    """The knowledge base, read once per action-server process."""
    return get_catalog()


def advisor_today() -> date:
    """The date the rules reason about (ADVISOR_TODAY or the real date)."""
    return today()


def profile_from(tracker: Tracker) -> Profile:
    """The profile slots of this conversation."""
    return Profile.from_slots({slot: tracker.get_slot(slot) for slot in PROFILE_SLOTS})


def value_before_latest_message(tracker: Tracker, slot: str) -> Optional[Any]:
    """The slot's value before the latest user message was processed."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_user = True
            continue
        if seen_user and event.get("event") == "slot" and event.get("name") == slot:
            return event.get("value")
        if seen_user and event.get("event") in ("restart", "session_started"):
            return None
    return None


def previous_bot_text(tracker: Tracker) -> str:
    """What the assistant said between the previous user message and the latest one."""
    texts: List[str] = []
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                break
            seen_user = True
        elif seen_user and event.get("event") == "bot":
            texts.append(event.get("text") or "")
    return "\n".join(reversed(texts))
